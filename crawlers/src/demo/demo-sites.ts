import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type DemoAccessLogEntry, handleDemoRequest, type ServedSite } from './http-handler.js';
import { resolvePlaceholders } from './placeholders.js';
import { DEFAULT_DEMO_CONTENT_DIR, type DemoSiteConfig, loadSiteContent, readSiteConfigs } from './site-content.js';

export type { DemoAccessLogEntry } from './http-handler.js';
export { DemoContentError } from './placeholders.js';

/** Options of {@link startDemoSites}. */
export interface StartDemoSitesOptions {
  /** The instant `{{date}}` placeholders count from (default: the real current time). Pin it in tests. */
  now?: Date;
  /**
   * Base address (default `127.0.0.1`). When it is an IPv4 loopback address, site n (from 1) listens on the
   * base plus n (`127.0.0.2`, `127.0.0.3`, …: Linux routes all of 127/8 to lo), so every site is its own host.
   * Otherwise, or when such an address cannot be bound (macOS), every site listens on the base itself.
   */
  host?: string;
  /**
   * Port (default 0: a free one per site). With one address per site, every site uses this port;
   * sharing one address, site n uses `port + n - 1`.
   */
  port?: number;
  /** Folder with `sites.yaml`, `sources.yaml` and one folder per site (default: the bundled `demo-sites/`). */
  contentDir?: string;
}

/** One running demo site. */
export interface DemoSite {
  id: string;
  name: string;
  /** `http://127.0.0.2:41234`, no trailing slash. */
  origin: string;
  /** `${origin}/` */
  homeUrl: string;
}

/** The running demo sites. */
export interface DemoSites {
  sites: DemoSite[];
  /** The demo's sources file (YAML) with the real origins filled in; every source allows private networks. */
  sourcesYaml: string;
  /** Every request answered so far, in order of completion; a live array. */
  accessLog: readonly DemoAccessLogEntry[];
  /** Stops every site and drops open connections. */
  close(): Promise<void>;
}

function loopbackAddresses(base: string, count: number): string[] | undefined {
  const parts = base.split('.').map(Number);
  if (parts.length !== 4 || parts[0] !== 127 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    return undefined;
  }
  const start = parts.reduce((acc, p) => acc * 256 + p, 0);
  const last = 127 * 2 ** 24 + 2 ** 24 - 2;
  if (start + count > last) return undefined;
  return Array.from({ length: count }, (_, i) => {
    const n = start + i + 1;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
  });
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error): void => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function originFor(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

async function bindAll(servers: Server[], host: string, port: number): Promise<AddressInfo[]> {
  const addresses = loopbackAddresses(host, servers.length);
  if (addresses) {
    const bound: AddressInfo[] = [];
    try {
      for (const [i, server] of servers.entries()) bound.push(await listen(server, addresses[i]!, port));
      return bound;
    } catch (err) {
      await Promise.all(servers.map(closeServer));
      if ((err as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw err;
    }
  }
  const bound: AddressInfo[] = [];
  for (const [i, server] of servers.entries()) bound.push(await listen(server, host, port === 0 ? 0 : port + i));
  return bound;
}

/**
 * Starts the bundled sample websites of fictional organizations, each on its own origin, serving event pages,
 * feeds, calendars and a WordPress events API whose dates are resolved relative to `now`.
 * See crawlers/demo-sites/README.md for the sites and the placeholder syntax.
 */
export async function startDemoSites(opts: StartDemoSitesOptions = {}): Promise<DemoSites> {
  const now = opts.now ?? new Date();
  const contentDir = opts.contentDir ?? DEFAULT_DEMO_CONTENT_DIR;
  const configs: DemoSiteConfig[] = await readSiteConfigs(contentDir);
  const accessLog: DemoAccessLogEntry[] = [];
  const served: (ServedSite | undefined)[] = configs.map(() => undefined);
  const servers = configs.map((_, i) =>
    createServer((req, res) => {
      const site = served[i];
      if (site) handleDemoRequest(req, res, site);
      else res.writeHead(503, { 'Retry-After': '1' }).end();
    }),
  );
  try {
    const bound = await bindAll(servers, opts.host ?? '127.0.0.1', opts.port ?? 0);
    const origins = new Map(configs.map((c, i) => [c.id, originFor(bound[i]!)]));
    const lastModified = new Date(Math.floor(now.getTime() / 1000) * 1000);
    for (const [i, config] of configs.entries()) {
      const origin = origins.get(config.id)!;
      const content = await loadSiteContent(contentDir, config, {
        now,
        timeZone: config.timeZone,
        siteId: config.id,
        origins,
      });
      served[i] = { content, origin, now, lastModified, log: accessLog };
    }
    const template = await readFile(path.join(contentDir, 'sources.yaml'), 'utf8');
    const sourcesYaml = resolvePlaceholders(template, { now, timeZone: 'UTC', origins });
    parseYaml(sourcesYaml);
    return {
      sites: configs.map((c) => ({
        id: c.id,
        name: c.name,
        origin: origins.get(c.id)!,
        homeUrl: `${origins.get(c.id)}/`,
      })),
      sourcesYaml,
      accessLog,
      close: async () => {
        await Promise.all(servers.map(closeServer));
      },
    };
  } catch (err) {
    await Promise.all(servers.map(closeServer));
    throw err;
  }
}
