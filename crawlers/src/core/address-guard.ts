import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import type { Socket } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import { FetchErrorCode, NonRetryableError } from './errors.js';

/**
 * True when `ip` is a public unicast address: not loopback, private, link-local, CGNAT, multicast, reserved,
 * documentation… (ipaddr.js `range() === 'unicast'`), with IPv4-mapped IPv6 (`::ffff:127.0.0.1`) unwrapped first.
 * Anything that is not an IP address is not public.
 */
export function isPublicAddress(ip: string): boolean {
  const bare = stripBrackets(ip);
  if (!ipaddr.isValid(bare)) return false;
  let address = ipaddr.parse(bare);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return address.range() === 'unicast';
}

/** True when `hostname` is an IP literal (IPv6 with or without brackets) rather than a DNS name. */
export function isIpLiteral(hostname: string): boolean {
  return ipaddr.isValid(stripBrackets(hostname));
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/** Decides which hosts may reach non-public addresses. */
export interface PrivateHostPolicy {
  /** True when `hostname` (brackets optional) on `port` (`''` = the protocol's default) may use private addresses. */
  allows(hostname: string, port: string, protocol: string): boolean;
}

/**
 * Builds the policy from `host` or `host:port` entries (`localhost:8080`, `127.0.0.2`, `[::1]:3000`); an entry
 * without a port allows every port. Host names are compared after URL normalisation, so `0x7f.1` means 127.0.0.1.
 */
export function createPrivateHostPolicy(entries: readonly string[] = []): PrivateHostPolicy {
  const allowed = entries.map((entry) => {
    const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(entry.trim());
    if (!match?.[1]) throw new TypeError(`allowPrivateHosts: "${entry}" is not host or host:port`);
    return { hostname: stripBrackets(new URL(`http://${match[1]}/`).hostname), port: match[2] };
  });
  return {
    allows(hostname, port, protocol) {
      const host = stripBrackets(hostname.toLowerCase());
      const effectivePort = port || defaultPort(protocol);
      return allowed.some(
        (entry) => entry.hostname === host && (entry.port === undefined || entry.port === effectivePort),
      );
    },
  };
}

function refusal(host: string, address: string): NonRetryableError {
  return new NonRetryableError(
    FetchErrorCode.PRIVATE_ADDRESS,
    `refused to connect to ${host} (${address}): not a public address`,
  );
}

/**
 * Refuses a URL whose host is a non-public IP literal before any socket is opened (`http://127.1/`, `http://2130706433/`
 * and `http://0x7f.1/` all parse to 127.0.0.1). DNS names are checked by the guarded agent once resolved.
 */
export function assertPublicUrl(url: URL, policy: PrivateHostPolicy): void {
  if (!isIpLiteral(url.hostname) || isPublicAddress(url.hostname)) return;
  if (policy.allows(url.hostname, url.port, url.protocol)) return;
  throw refusal(url.host, stripBrackets(url.hostname));
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `dns.lookup` that drops non-public addresses and fails when none is left. */
function publicOnlyLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const usable = addresses.filter((entry) => isPublicAddress(entry.address));
    const first = usable[0];
    if (!first) return callback(refusal(hostname, addresses.map((entry) => entry.address).join(', ')), []);
    if (options.all) return callback(null, usable);
    callback(null, first.address, first.family);
  });
}

/** Options of {@link createGuardedAgent}. */
export interface GuardedAgentOptions {
  /** Hosts (`host` or `host:port`) allowed to reach non-public addresses, e.g. bundled demo sites. Default none. */
  allowPrivateHosts?: readonly string[];
  /** Let every host reach non-public addresses (only for requests of a source flagged `allowPrivateNetwork`). Default false. */
  allowAnyPrivate?: boolean;
  /** TCP (and TLS) connect timeout in milliseconds. Default 10 000. */
  connectTimeoutMs?: number;
  /** Further undici Agent options (timeouts, pool sizes); `connect` is ours. */
  agentOptions?: Omit<Agent.Options, 'connect'>;
}

/**
 * An undici Agent that only connects to public addresses: DNS answers are filtered in `connect.lookup`, and the
 * socket's `remoteAddress` is checked once connected, because IP literals skip the lookup entirely.
 */
export function createGuardedAgent(options: GuardedAgentOptions = {}): Agent {
  const policy = createPrivateHostPolicy(options.allowPrivateHosts);
  const timeout = options.connectTimeoutMs ?? 10_000;
  const guarded = buildConnector({ timeout, lookup: publicOnlyLookup });
  const open = buildConnector({ timeout });

  const connect: buildConnector.connector = (connectOptions, callback) => {
    const trusted =
      options.allowAnyPrivate === true ||
      policy.allows(connectOptions.hostname, connectOptions.port, connectOptions.protocol);
    if (trusted) return open(connectOptions, callback);
    guarded(connectOptions, (error, socket) => {
      if (error) return callback(error, null);
      const remote = (socket as Socket).remoteAddress;
      if (remote !== undefined && isPublicAddress(remote)) return callback(null, socket);
      socket.destroy();
      callback(refusal(connectOptions.hostname, remote ?? 'unknown address'), null);
    });
  };

  return new Agent({ ...options.agentOptions, connect });
}
