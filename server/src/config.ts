import { isIP } from 'node:net';
import {
  ConfigError,
  loadWorkerSettings,
  parseEnv,
  QueueEnvSchema,
  type StorageConfig,
  StorageEnvSchema,
  toStorageConfig,
  type WorkerSettings,
} from '@fieldguide/crawlers/storage';
import { type Static, Type } from '@sinclair/typebox';
import { type MapTiles, parseMapTiles } from './map-tiles.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const LOG_FORMATS = ['auto', 'pretty', 'json'] as const;

const ServerEnvSchema = Type.Composite([
  StorageEnvSchema,
  QueueEnvSchema,
  Type.Object({
    PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
    HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
    ADMIN_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
    LOG_LEVEL: Type.Union(
      LOG_LEVELS.map((l) => Type.Literal(l)),
      { default: 'info' },
    ),
    LOG_FORMAT: Type.Union(
      LOG_FORMATS.map((f) => Type.Literal(f)),
      { default: 'auto' },
    ),
    OUTBOX_DRAIN_INTERVAL_MS: Type.Integer({ minimum: 50, maximum: 3_600_000, default: 1000 }),
    RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 300 }),
    RATE_LIMIT_WINDOW_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 60_000 }),
    ADMIN_RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 60 }),
    SUGGEST_RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: 100_000, default: 10 }),
    PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#\\s]+/?$', maxLength: 300 })),
    CRAWL_PER_HOST_DELAY_MS: Type.Integer({ minimum: 0, maximum: 600_000, default: 1000 }),
    DEMO_SITES: Type.Union([Type.Literal('auto'), Type.Literal('on'), Type.Literal('off')], { default: 'auto' }),
    DEMO_SITES_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 47470 }),
    TRUST_PROXY: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    CRAWL_ALLOW_PRIVATE_ORIGINS: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    CATALOG: Type.Union([Type.Literal('on'), Type.Literal('off')], { default: 'on' }),
    CATALOG_DIR: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    MAP_TILE_URL: Type.Optional(Type.String({ maxLength: 500 })),
    MAP_TILE_ATTRIBUTION: Type.Optional(Type.String({ maxLength: 300 })),
    SMTP_URL: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    ALERTS_FROM: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    ALERTS_RATE_LIMIT_MAX: Type.Integer({ minimum: 0, maximum: 100_000, default: 10 }),
    ALERTS_CHECK_INTERVAL_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 300_000 }),
  }),
]);

/** The server's configuration, parsed once from the environment and frozen. */
export interface Config extends StorageConfig {
  port: number;
  host: string;
  adminToken?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `pretty`: human-readable log lines; `json`: one JSON object a line; `auto`: pretty when stdout is a terminal. */
  logFormat: (typeof LOG_FORMATS)[number];
  outboxDrainIntervalMs: number;
  /** Requests per client IP per window on public routes (`max` 0: no limit); the window in milliseconds. */
  rateLimit: { max: number; windowMs: number };
  /** Requests per client IP per window on `/api/admin/*` (same window; 0: no limit of its own). */
  adminRateLimitMax: number;
  /** Source suggestions (`POST /api/suggestions`) per client IP per hour (0: only the public limit). */
  suggestRateLimitMax: number;
  /**
   * The origin the server is reached at (`https://fieldguide.example.org`, no trailing slash): absolute links in
   * feeds and the host of iCalendar UIDs. Unset: taken from each request's Host header.
   */
  publicUrl?: string;
  /** Least time between two requests to one host during crawls the server runs, in milliseconds. */
  crawlPerHostDelayMs: number;
  /** Start the bundled demo sites and crawl them: `on`, `off`, or `auto` (on when the store has no sources). */
  demoSites: 'auto' | 'on' | 'off';
  /** The port every demo site listens on, each on its own loopback address; 0 = any free port. */
  demoSitesPort: number;
  /**
   * The reverse proxies whose `X-Forwarded-For`/`-Proto`/`-Host` are believed: a number of hops, or addresses and
   * CIDR ranges (with proxy-addr's `loopback`, `linklocal`, `uniquelocal`). Unset: none; the client is the peer.
   */
  trustProxy?: number | string[];
  /**
   * Exact origins (`http://calendar.intranet:8080`) on private or loopback addresses that crawls, discovery and
   * source suggestions may reach (an intranet calendar); every other private address stays refused, and so do this
   * server's and its Meilisearch's ports. Default none.
   */
  crawlAllowPrivateOrigins: readonly string[];
  /**
   * Load the bundled associations directory into the store at start-up (`on`): its associations, and their event
   * sources disabled until an operator enables them.
   */
  catalog: 'on' | 'off';
  /** The catalog directory; unset: the one bundled with the crawlers package (`crawlers/catalog/`). */
  catalogDir?: string;
  /** Raster tiles the app's map draws over its bundled basemap; unset: the bundled basemap only (works offline). */
  mapTiles?: Readonly<MapTiles>;
  /**
   * With `DATABASE_URL`: crawls go to the job queue there (crawl workers run them) and the due sources are queued
   * every `scheduleIntervalMs`; the crawls the server still runs itself share the host leases.
   */
  crawlQueue?: Readonly<WorkerSettings>;
  /** Email alerts, when `SMTP_URL` is set: where mail goes, who it is from, how often due digests are looked for. */
  alerts?: Readonly<AlertsConfig>;
  /** Alert sign-ups (`POST /api/alerts`) per client IP per hour (0: only the public limit). */
  alertsRateLimitMax: number;
}

/** How the server sends email alerts. */
export interface AlertsConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`. */
  smtpUrl: string;
  /** The From address of every alert mail (`Fieldguide <alerts@example.org>`). */
  from: string;
  /** How often the server looks for due digests, in milliseconds. */
  checkIntervalMs: number;
}

export { ConfigError };

const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `TRUST_PROXY` as a hop count or a list of addresses/ranges; a ConfigError for anything else. */
function parseTrustProxy(value: string | undefined): number | string[] | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return hops;
  } else {
    const entries = text.split(',').map((entry) => entry.trim());
    const valid = entries.every((entry) => {
      if (PROXY_KEYWORDS.has(entry)) return true;
      const [address = '', prefix, extra] = entry.split('/');
      const family = isIP(address);
      if (family === 0 || extra !== undefined) return false;
      if (prefix === undefined) return true;
      return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
    });
    if (valid) return entries;
  }
  throw new ConfigError([
    'TRUST_PROXY: must be a number of proxy hops (1..10) or a comma-separated list of proxy addresses or CIDR ' +
      `ranges (or loopback, linklocal, uniquelocal) (got ${JSON.stringify(value)})`,
  ]);
}

/** A URL's port, the scheme's default made explicit. */
const portOf = (url: URL): number => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

/**
 * `CRAWL_ALLOW_PRIVATE_ORIGINS` as origins (`http(s)://host[:port]`, comma-separated), none on the server's own
 * port; a ConfigError naming each entry that is not one.
 */
function parsePrivateOrigins(value: string | undefined, serverPort: number): string[] {
  if (value === undefined) return [];
  const problems: string[] = [];
  const origins = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = URL.canParse(entry) ? new URL(entry) : undefined;
      const bare = url && !url.username && !url.password && url.pathname === '/' && !url.search && !url.hash;
      if (!url || !bare || !/^https?:$/.test(url.protocol)) {
        problems.push(`CRAWL_ALLOW_PRIVATE_ORIGINS: ${JSON.stringify(entry)} is not an origin (http(s)://host[:port])`);
      } else if (serverPort > 0 && portOf(url) === serverPort) {
        problems.push(`CRAWL_ALLOW_PRIVATE_ORIGINS: ${JSON.stringify(entry)} is on this server's own port (PORT)`);
      }
      return url?.origin ?? entry;
    });
  if (problems.length > 0) throw new ConfigError(problems);
  return origins;
}

/** A bare email address, or one with a display name (`Fieldguide <alerts@example.org>`). */
const FROM_ADDRESS = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/** `SMTP_URL` and `ALERTS_FROM` together, or neither; a ConfigError naming what is wrong. */
function alertsOf(
  smtpUrl: string | undefined,
  from: string | undefined,
  checkIntervalMs: number,
): Pick<Config, 'alerts'> {
  if (smtpUrl === undefined) return {};
  const problems: string[] = [];
  const url = URL.canParse(smtpUrl) ? new URL(smtpUrl) : undefined;
  if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname) {
    problems.push('SMTP_URL: must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.org:587');
  }
  if (from === undefined) problems.push('ALERTS_FROM: required with SMTP_URL: the From address of alert mails');
  else if (!FROM_ADDRESS.test(from.trim())) {
    problems.push(
      `ALERTS_FROM: must be an email address, optionally with a name (Fieldguide <alerts@example.org>) (got ${JSON.stringify(from)})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { alerts: Object.freeze({ smtpUrl, from: (from as string).trim(), checkIntervalMs }) };
}

function mapTilesOf(url: string | undefined, attribution: string | undefined): Pick<Config, 'mapTiles'> {
  const tiles = parseMapTiles(url, attribution);
  return tiles ? { mapTiles: Object.freeze(tiles) } : {};
}

/** Parses the environment against the schema, with defaults; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const e: Static<typeof ServerEnvSchema> = parseEnv(ServerEnvSchema, env);
  return Object.freeze({
    ...toStorageConfig(e),
    port: e.PORT,
    host: e.HOST,
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    outboxDrainIntervalMs: e.OUTBOX_DRAIN_INTERVAL_MS,
    rateLimit: Object.freeze({ max: e.RATE_LIMIT_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS }),
    adminRateLimitMax: e.ADMIN_RATE_LIMIT_MAX,
    suggestRateLimitMax: e.SUGGEST_RATE_LIMIT_MAX,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/$/, '') } : {}),
    crawlPerHostDelayMs: e.CRAWL_PER_HOST_DELAY_MS,
    demoSites: e.DEMO_SITES,
    demoSitesPort: e.DEMO_SITES_PORT,
    ...(e.TRUST_PROXY !== undefined ? { trustProxy: parseTrustProxy(e.TRUST_PROXY) } : {}),
    crawlAllowPrivateOrigins: Object.freeze(parsePrivateOrigins(e.CRAWL_ALLOW_PRIVATE_ORIGINS, e.PORT)),
    catalog: e.CATALOG,
    ...(e.CATALOG_DIR ? { catalogDir: e.CATALOG_DIR } : {}),
    ...mapTilesOf(e.MAP_TILE_URL, e.MAP_TILE_ATTRIBUTION),
    ...(e.DATABASE_URL ? { crawlQueue: loadWorkerSettings(env) } : {}),
    ...alertsOf(e.SMTP_URL, e.ALERTS_FROM, e.ALERTS_CHECK_INTERVAL_MS),
    alertsRateLimitMax: e.ALERTS_RATE_LIMIT_MAX,
  });
}
