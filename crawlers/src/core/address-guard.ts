import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import type { Socket } from 'node:net';
import os from 'node:os';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';
import { FetchErrorCode, NonRetryableError } from './errors.js';

/** IPv6 ranges that carry an IPv4 address, with the byte it starts at. */
const IPV4_EMBEDDING_RANGES: ReadonlyArray<readonly [ipaddr.IPv6, number, number]> = [
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), SIIT (::ffff:0:a.b.c.d), NAT64 (64:ff9b::a.b.c.d).
  ...['::ffff:0:0/96', '::/96', '::ffff:0:0:0/96', '64:ff9b::/96'].map((cidr) => {
    const [range, bits] = ipaddr.IPv6.parseCIDR(cidr);
    return [range, bits, 12] as const;
  }),
  // 6to4 (2002:aabb:ccdd::/48).
  [ipaddr.IPv6.parse('2002::'), 16, 2],
];

/** The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4…), if it embeds one. */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const embedding = IPV4_EMBEDDING_RANGES.find(([range, bits]) => address.match(range, bits));
  if (!embedding) return undefined;
  const offset = embedding[2];
  return new ipaddr.IPv4(address.toByteArray().slice(offset, offset + 4));
}

/**
 * True when `ip` is a public unicast address: not loopback, private, link-local, CGNAT, multicast, reserved,
 * documentation… (ipaddr.js `range() === 'unicast'`). An IPv6 address that embeds an IPv4 one (`::ffff:127.0.0.1`,
 * `::a9fe:a9fe`, `64:ff9b::10.0.0.1`, `2002:7f00:1::`) is judged by that IPv4 address. Anything that is not an IP
 * address is not public.
 */
export function isPublicAddress(ip: string): boolean {
  const bare = stripBrackets(ip);
  if (!ipaddr.isValid(bare)) return false;
  const address = ipaddr.parse(bare);
  if (address.kind() === 'ipv4') return address.range() === 'unicast';
  const embedded = embeddedIPv4(address as ipaddr.IPv6);
  return (embedded ?? address).range() === 'unicast';
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

/**
 * `scheme://host:port` of a URL with its port always written (`http://a.test/x` → `http://a.test:80`), the host as
 * the URL parser normalises it (`http://0x7f.1/` → `http://127.0.0.1:80`): two URLs are of one origin when these match.
 */
export function originKey(url: URL): string {
  return `${url.protocol}//${url.hostname}:${url.port || defaultPort(url.protocol)}`;
}

/**
 * The {@link originKey} of an origin given as `http(s)://host[:port]`.
 * @throws TypeError when `origin` is not an http(s) origin (a path, query, user or another scheme is not one).
 */
export function parseOrigin(origin: string): string {
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  const onlyOrigin = url && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
  if (!url || !onlyOrigin || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(`"${origin}" is not an origin (http(s)://host[:port])`);
  }
  return originKey(url);
}

/** Decides which origins may reach non-public addresses. */
export interface PrivateOriginPolicy {
  /** True when `url`'s exact origin (scheme, host, port, the default port made explicit) is one of the policy's. */
  allows(url: URL): boolean;
}

/**
 * Builds the policy from origins (`http://demo.local:8080`, `https://127.0.0.2`, `http://[::1]:3000`). The port is
 * part of the origin: `http://demo.local` allows port 80 only. Hosts are compared after URL normalisation, so
 * `http://0x7f.1` means `http://127.0.0.1:80`.
 * @throws TypeError for an entry that is not an http(s) origin.
 */
export function createPrivateOriginPolicy(origins: readonly string[] = []): PrivateOriginPolicy {
  const allowed = new Set(origins.map(parseOrigin));
  return { allows: (url) => allowed.has(originKey(url)) };
}

function refusal(host: string, address: string): NonRetryableError {
  return new NonRetryableError(
    FetchErrorCode.PRIVATE_ADDRESS,
    `refused to connect to ${host} (${address}): not a public address`,
  );
}

function ownPortRefusal(host: string, address: string, port: number): NonRetryableError {
  return new NonRetryableError(
    FetchErrorCode.OWN_PORT,
    `refused to connect to ${host} (${address} port ${port}): Fieldguide's own server or search engine listens there`,
  );
}

/** The addresses of this machine's network interfaces, IPv4-mapped IPv6 spelled as IPv4. */
function interfaceAddresses(): Set<string> {
  const addresses = new Set<string>();
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) addresses.add(ipaddr.process(entry.address.split('%')[0] ?? '').toString());
  }
  return addresses;
}

/**
 * True when `address` (an IP) on `port` may be one of this machine's own services in `ownPorts`: the port is
 * one of them and the address is loopback, private or any other address of this machine.
 */
export function isOwnEndpoint(address: string, port: number, ownPorts: readonly number[]): boolean {
  if (!ownPorts.includes(port)) return false;
  const bare = stripBrackets(address).split('%')[0] ?? '';
  if (!ipaddr.isValid(bare)) return false;
  return !isPublicAddress(bare) || interfaceAddresses().has(ipaddr.process(bare).toString());
}

/**
 * Refuses a URL whose host is an IP literal it may not reach before any socket is opened: a non-public one unless
 * `privateAllowed` (`http://127.1/`, `http://2130706433/` and `http://0x7f.1/` all parse to 127.0.0.1), and one of
 * this machine's on a port in `ownPorts` in any case. DNS names are checked by the guarded agent once resolved.
 */
export function assertReachableUrl(url: URL, options: { privateAllowed: boolean; ownPorts?: readonly number[] }): void {
  if (!isIpLiteral(url.hostname)) return;
  const address = stripBrackets(url.hostname);
  const port = Number(url.port || defaultPort(url.protocol));
  if (isOwnEndpoint(address, port, options.ownPorts ?? [])) throw ownPortRefusal(url.host, address, port);
  if (!options.privateAllowed && !isPublicAddress(address)) throw refusal(url.host, address);
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
  /** Origins (`http://host:port`, the default port when none is written) allowed to reach non-public addresses. Default none. */
  allowPrivateOrigins?: readonly string[];
  /** Let every origin reach non-public addresses (only for requests the caller has checked are of an allowed origin). Default false. */
  allowAnyPrivate?: boolean;
  /** Ports of this machine's own services (its API server, its Meilisearch): never connected to on a local address. Default none. */
  ownPorts?: readonly number[];
  /** TCP (and TLS) connect timeout in milliseconds. Default 10 000. */
  connectTimeoutMs?: number;
  /** Further undici Agent options (timeouts, pool sizes); `connect` is ours. */
  agentOptions?: Omit<Agent.Options, 'connect'>;
}

/** The URL undici is connecting to, from its connect options. */
function connectUrl(connectOptions: buildConnector.Options): URL {
  return new URL(`${connectOptions.protocol}//${connectOptions.hostname}:${connectOptions.port}`);
}

/** Why a connected socket must be closed unused, if it must. */
function socketRefusal(
  host: string,
  socket: Socket,
  options: { trusted: boolean; ownPorts: readonly number[] },
): NonRetryableError | undefined {
  const { remoteAddress, remotePort } = socket;
  if (remoteAddress === undefined) return refusal(host, 'unknown address');
  if (remotePort !== undefined && isOwnEndpoint(remoteAddress, remotePort, options.ownPorts)) {
    return ownPortRefusal(host, remoteAddress, remotePort);
  }
  if (!options.trusted && !isPublicAddress(remoteAddress)) return refusal(host, remoteAddress);
  return undefined;
}

/**
 * An undici Agent that only connects to public addresses: DNS answers are filtered in `connect.lookup`, and the
 * socket's `remoteAddress` is checked once connected, because IP literals skip the lookup entirely. Whatever may
 * reach private addresses, a socket to one of this machine's `ownPorts` is closed before a byte is sent.
 */
export function createGuardedAgent(options: GuardedAgentOptions = {}): Agent {
  const policy = createPrivateOriginPolicy(options.allowPrivateOrigins);
  const ownPorts = options.ownPorts ?? [];
  const timeout = options.connectTimeoutMs ?? 10_000;
  const guarded = buildConnector({ timeout, lookup: publicOnlyLookup });
  const open = buildConnector({ timeout });

  const connect: buildConnector.connector = (connectOptions, callback) => {
    const trusted = options.allowAnyPrivate === true || policy.allows(connectUrl(connectOptions));
    (trusted ? open : guarded)(connectOptions, (error, socket) => {
      if (error) return callback(error, null);
      const refused = socketRefusal(connectOptions.hostname, socket as Socket, { trusted, ownPorts });
      if (!refused) return callback(null, socket);
      socket.destroy();
      callback(refused, null);
    });
  };

  return new Agent({ ...options.agentOptions, connect });
}
