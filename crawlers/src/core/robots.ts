import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import type robotsParserModule from 'robots-parser';
import { CriticalError, FetchErrorCode, NonRetryableError, RetryableError } from './errors.js';

// robots-parser is CommonJS whose typings declare an ES default export; require() gets the function itself.
const robotsParser: typeof robotsParserModule.default = createRequire(import.meta.url)('robots-parser');

/** Our product token in robots.txt `User-agent:` lines. */
export const ROBOTS_USER_AGENT_TOKEN = 'FieldguideBot';

/** How much of a robots.txt is read, in bytes; RFC 9309 §2.5 asks parsers to read at least 500 KiB. */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/** The rules of one origin's robots.txt, for our user agent. */
export interface RobotsRules {
  /** True when our user agent may fetch `url` (a URL of the same origin). `/robots.txt` itself is always allowed. */
  isAllowed(url: string): boolean;
  /** The group's `Crawl-delay` in milliseconds, capped at `maxCrawlDelayMs`; `undefined` when none is set. */
  crawlDelayMs: number | undefined;
  sitemaps: readonly string[];
  /** `parsed` from a file; `allow-all` after a 4xx; `disallow-all` when robots.txt was unreachable or 5xx. */
  kind: 'parsed' | 'allow-all' | 'disallow-all';
  /** Why these rules, for error messages (`robots.txt answered 503`). */
  reason: string;
}

/** What the loader hands back for a robots.txt request (after following up to five redirects). */
export interface RobotsResponse {
  status: number;
  body: string;
}

/** Passed through to the loader. */
export interface RobotsLoadOptions {
  /** The request's source may reach private addresses on this origin only (`http://host:port`, port always written). */
  privateOrigin?: string;
}

/** Options of {@link createRobotsCache}; durations in milliseconds. */
export interface RobotsCacheOptions {
  /** Fetches `robotsUrl` through the guarded, scheduled client; rejects when the host is unreachable. */
  load: (robotsUrl: string, options: RobotsLoadOptions) => Promise<RobotsResponse>;
  /** Product token matched against `User-agent:` lines. Default {@link ROBOTS_USER_AGENT_TOKEN}. */
  userAgentToken?: string;
  /** How long fetched rules are kept (RFC 9309 §2.4: at most 24 h). Default 3 600 000 (1 hour). */
  ttlMs?: number;
  /** How long "unreachable → disallow all" is kept before trying again. Default 60 000. */
  unreachableTtlMs?: number;
  /** Cap on `Crawl-delay`. Default 30 000. */
  maxCrawlDelayMs?: number;
  /** Most origins kept; the oldest is dropped first. Default 10 000. */
  maxEntries?: number;
  /** Monotonic clock in milliseconds. Default `performance.now`. */
  now?: () => number;
}

/** robots.txt rules per origin, fetched once and cached. */
export interface RobotsCache {
  /**
   * The rules for `url`'s origin. Rejects only when that origin itself is refused (`FETCH_PRIVATE_ADDRESS`,
   * `FETCH_OWN_PORT`).
   */
  get(url: string | URL, options?: RobotsLoadOptions): Promise<RobotsRules>;
  clear(): void;
}

/** `https://host:port/robots.txt` for any URL of that origin. */
export function robotsTxtUrl(url: string | URL): string {
  return `${(typeof url === 'string' ? new URL(url) : url).origin}/robots.txt`;
}

function isRobotsTxt(url: string): boolean {
  try {
    return new URL(url).pathname === '/robots.txt';
  } catch {
    return false;
  }
}

/** Rules that allow everything (robots.txt missing: RFC 9309 §2.3.1.3). */
export function allowAllRules(reason: string): RobotsRules {
  return { isAllowed: () => true, crawlDelayMs: undefined, sitemaps: [], kind: 'allow-all', reason };
}

/** Rules that disallow everything but robots.txt (robots.txt unreachable: RFC 9309 §2.3.1.4). */
export function disallowAllRules(reason: string): RobotsRules {
  return { isAllowed: isRobotsTxt, crawlDelayMs: undefined, sitemaps: [], kind: 'disallow-all', reason };
}

/** Parses a robots.txt body with robots-parser (RFC 9309 matching, longest rule wins, Allow wins ties). */
export function parseRobotsTxt(
  robotsUrl: string,
  body: string,
  options: { userAgentToken?: string; maxCrawlDelayMs?: number } = {},
): RobotsRules {
  const token = options.userAgentToken ?? ROBOTS_USER_AGENT_TOKEN;
  const robots = robotsParser(robotsUrl, body);
  const delaySeconds = robots.getCrawlDelay(token);
  const crawlDelayMs =
    delaySeconds === undefined || !(delaySeconds > 0)
      ? undefined
      : Math.min(Math.round(delaySeconds * 1000), options.maxCrawlDelayMs ?? 30_000);
  return {
    isAllowed: (url) => isRobotsTxt(url) || robots.isAllowed(url, token) !== false,
    crawlDelayMs,
    sitemaps: robots.getSitemaps(),
    kind: 'parsed',
    reason: `robots.txt at ${robotsUrl}`,
  };
}

const REFUSED_ADDRESS_CODES = new Set<string>([FetchErrorCode.PRIVATE_ADDRESS, FetchErrorCode.OWN_PORT]);

function statusOf(error: unknown): number | undefined {
  return error instanceof NonRetryableError || error instanceof RetryableError ? error.status : undefined;
}

/** Creates a {@link RobotsCache}. */
export function createRobotsCache(options: RobotsCacheOptions): RobotsCache {
  const ttlMs = options.ttlMs ?? 3_600_000;
  const unreachableTtlMs = options.unreachableTtlMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? (() => performance.now());
  const parseOptions = {
    userAgentToken: options.userAgentToken ?? ROBOTS_USER_AGENT_TOKEN,
    maxCrawlDelayMs: options.maxCrawlDelayMs ?? 30_000,
  };
  const cache = new Map<string, { rules: RobotsRules; expiresAt: number }>();
  const inFlight = new Map<string, Promise<RobotsRules>>();

  const fromResponse = (robotsUrl: string, response: RobotsResponse): RobotsRules => {
    const { status } = response;
    if (status >= 200 && status < 300) return parseRobotsTxt(robotsUrl, response.body, parseOptions);
    if (status >= 400 && status < 500 && status !== 429) return allowAllRules(`robots.txt answered ${status}`);
    return disallowAllRules(`robots.txt answered ${status}`);
  };

  const fromError = (origin: string, error: unknown): RobotsRules => {
    if (error instanceof CriticalError) throw error;
    if (error instanceof NonRetryableError && REFUSED_ADDRESS_CODES.has(error.code)) {
      // The host itself is refused: say so. A robots.txt that redirects somewhere refused is merely unreachable.
      if (error.url === undefined || new URL(error.url).origin === origin) throw error;
      return disallowAllRules(`robots.txt redirects to a refused address: ${error.message}`);
    }
    // RFC 9309 §2.3.1.2: after too many redirects robots.txt may be taken as unavailable.
    if (error instanceof NonRetryableError && error.code === FetchErrorCode.TOO_MANY_REDIRECTS) {
      return allowAllRules('robots.txt redirected too many times');
    }
    const status = statusOf(error);
    if (status !== undefined) return fromResponse('', { status, body: '' });
    return disallowAllRules(`robots.txt unreachable: ${error instanceof Error ? error.message : String(error)}`);
  };

  const load = async (origin: string, loadOptions: RobotsLoadOptions): Promise<RobotsRules> => {
    const robotsUrl = `${origin}/robots.txt`;
    let rules: RobotsRules;
    try {
      rules = fromResponse(robotsUrl, await options.load(robotsUrl, loadOptions));
    } catch (error) {
      rules = fromError(origin, error);
    }
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(origin, { rules, expiresAt: now() + (rules.kind === 'disallow-all' ? unreachableTtlMs : ttlMs) });
    return rules;
  };

  return {
    get(url, loadOptions = {}) {
      const origin = (typeof url === 'string' ? new URL(url) : url).origin;
      const cached = cache.get(origin);
      if (cached && cached.expiresAt > now()) return Promise.resolve(cached.rules);
      // A load with another source's permission may fail where this one's succeeds, or the other way round.
      const key = `${origin} ${loadOptions.privateOrigin ?? ''}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = load(origin, loadOptions).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    clear() {
      cache.clear();
    },
  };
}
