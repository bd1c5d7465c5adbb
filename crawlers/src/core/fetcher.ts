import { performance } from 'node:perf_hooks';
import { type Agent, type Dispatcher, request } from 'undici';
import { assertReachableUrl, createGuardedAgent, createPrivateOriginPolicy, originKey } from './address-guard.js';
import { decodeBody, detectCharset, parseMimeType } from './charset.js';
import { FetchErrorCode, NonRetryableError, RetryableError } from './errors.js';
import { ACCEPT_ENCODING, readBody } from './read-body.js';
import { parseRetryAfter } from './retry-after.js';
import {
  createRobotsCache,
  ROBOTS_MAX_BYTES,
  ROBOTS_USER_AGENT_TOKEN,
  type RobotsCache,
  type RobotsLoadOptions,
  type RobotsResponse,
} from './robots.js';
import { createScheduler, type HostGate, type RetryEvent, type Scheduler } from './scheduler.js';

/** Our honest User-Agent: product token, version, and where to read about us and complain. */
export const DEFAULT_USER_AGENT = `${ROBOTS_USER_AGENT_TOKEN}/0.1 (+https://github.com/fieldguide/fieldguide; events crawler)`;

/** What we ask for when the caller does not say: pages, feeds, calendars, JSON. */
export const DEFAULT_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,text/calendar;q=0.9,application/json;q=0.8,*/*;q=0.5';

/** Redirects robots.txt is followed through (RFC 9309 §2.3.1.2). */
const ROBOTS_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Options of {@link createFetcher}; every duration is in milliseconds, every size in bytes. */
export interface FetcherOptions {
  /** Sent on every request, robots.txt included. Default {@link DEFAULT_USER_AGENT}. */
  userAgent?: string;
  /** Time to open a TCP (and TLS) connection. Default 10 000. */
  connectTimeoutMs?: number;
  /**
   * Deadline for one HTTP request from connect to the last body byte, however steadily bytes trickle in.
   * Each redirect hop gets its own; time queued for politeness does not count. Default 30 000.
   */
  totalTimeoutMs?: number;
  /** Largest body accepted, counted on the wire and after decompression. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Redirects followed (each hop re-checked for address and robots.txt). Default 10. */
  maxRedirects?: number;
  /** Least time between two requests to one host (robots.txt Crawl-delay may raise it). Default 1000. */
  perHostDelayMs?: number;
  /** Retries of a request after a retryable failure (timeout, 5xx, 429, reset). Default 3. */
  maxRetries?: number;
  /** Requests in flight at once across hosts. Default 8. */
  maxConcurrency?: number;
  /**
   * Origins (`http://host:port`; without a port, the scheme's default) every request of this fetcher may reach on
   * private/loopback addresses. Default none: a source's own permission is per request (`privateOrigin`).
   */
  allowPrivateOrigins?: readonly string[];
  /**
   * Ports of this machine's own services (the API server, the embedded Meilisearch): never fetched on a loopback,
   * private or other local address, whatever a source may reach. Default none.
   */
  ownPorts?: readonly number[];
  /** Backoff base for retries. Default 1000. */
  retryBaseDelayMs?: number;
  /** Longest backoff between retries. Default 60 000. */
  maxRetryDelayMs?: number;
  /** Longest host pause a `Retry-After` can cause. Default 600 000. */
  maxRetryAfterMs?: number;
  /** How long a robots.txt is trusted. Default 3 600 000. */
  robotsTtlMs?: number;
  /** Cap on robots.txt Crawl-delay. Default 30 000. */
  maxCrawlDelayMs?: number;
  /** Called before each retry (log one line). */
  onRetry?: (event: RetryEvent) => void;
  /**
   * Politeness shared beyond this process (crawl workers on one database: `createPostgresHostGate`), for the
   * scheduler the fetcher makes. Default: this process alone.
   */
  hostGate?: HostGate;
  /** Share a scheduler with other fetchers; by default the fetcher makes (and closes) its own from the options above. */
  scheduler?: Scheduler;
}

/** Validators from an earlier fetch, to send as If-None-Match / If-Modified-Since. */
export interface ConditionalRequest {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** Per-request options of {@link Fetcher.fetch}. */
export interface FetchOptions {
  /** The source the URL belongs to, for retry logs. */
  sourceId?: string;
  /**
   * A URL whose exact origin (scheme, host, port) this request may reach on private addresses: the source's own,
   * for a source flagged `allowPrivateNetwork`. Every hop and its robots.txt are checked against it; other origins,
   * the same host on another port included, stay guarded. Default none.
   */
  privateOrigin?: string;
  /** Make a conditional GET; a 304 answer gives `notModified: true` and an empty body. */
  conditional?: ConditionalRequest;
  /** Accept header. Default {@link DEFAULT_ACCEPT}. */
  accept?: string;
}

/** A fetched (or not modified) resource. */
export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** Response headers, lower-case names, repeated headers joined with `, `. */
  headers: Record<string, string>;
  /** The decoded (decompressed) body; empty when not modified. */
  body: Buffer;
  /** `body` as text, in `charset`. */
  text: string;
  /** Media type without parameters, lower case (`text/html`), if the server sent one. */
  contentType: string | undefined;
  /** The encoding `text` was decoded with (`utf-8`, `windows-1252`…). */
  charset: string;
  etag: string | undefined;
  lastModified: string | undefined;
  /** True when a conditional GET answered 304. */
  notModified: boolean;
  /** URLs that answered with a redirect, in order (the first is the URL asked for). */
  redirects: string[];
  /** The status of each of those redirects (301, 302, 303, 307, 308), in the same order. */
  redirectStatuses: number[];
  /** From the call to the result, robots.txt and politeness waits included, in milliseconds. */
  durationMs: number;
}

/** The one HTTP client of the crawler: guarded, polite, bounded. */
export interface Fetcher {
  /**
   * GETs `url`, following redirects by hand; every hop is address-checked, robots-checked and scheduled.
   * Rejects with {@link NonRetryableError} or, once retries are spent, {@link RetryableError}.
   */
  fetch(url: string | URL, options?: FetchOptions): Promise<FetchResult>;
  readonly scheduler: Scheduler;
  readonly robots: RobotsCache;
  /** Closes connections (and the scheduler, if the fetcher made it). */
  close(): Promise<void>;
}

interface Hop {
  url: URL;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface HopRequest {
  trusted: boolean;
  headers: Record<string, string>;
  maxBodyBytes: number;
  truncate: boolean;
}

function toHttpUrl(input: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch (error) {
    throw new NonRetryableError(FetchErrorCode.BAD_URL, `not a URL: ${String(input)}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new NonRetryableError(FetchErrorCode.BAD_URL, `not an http(s) URL: ${url.href}`, { url: url.href });
  }
  url.hash = '';
  return url;
}

function flattenHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function classifyError(error: unknown, url: URL, timedOut: boolean, totalTimeoutMs: number): Error {
  if (error instanceof NonRetryableError || error instanceof RetryableError) {
    error.url ??= url.href;
    return error;
  }
  const details = { url: url.href, cause: error };
  const message = error instanceof Error ? error.message : String(error);
  if (timedOut) {
    return new RetryableError(
      FetchErrorCode.TIMEOUT,
      `no complete response from ${url.href} within ${totalTimeoutMs} ms`,
      details,
    );
  }
  const code = errorCode(error) ?? '';
  if (['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT'].includes(code)) {
    return new RetryableError(FetchErrorCode.TIMEOUT, `${url.href} timed out: ${message}`, details);
  }
  if (code === 'ENOTFOUND') {
    return new NonRetryableError(FetchErrorCode.DNS_NOT_FOUND, `no such host: ${url.hostname}`, details);
  }
  if (code.startsWith('HPE_')) {
    return new NonRetryableError(FetchErrorCode.BAD_CONTENT, `malformed HTTP response from ${url.href}`, details);
  }
  if (code === 'UND_ERR_INVALID_ARG' || code === 'ERR_INVALID_URL') {
    return new NonRetryableError(FetchErrorCode.BAD_URL, `cannot request ${url.href}: ${message}`, details);
  }
  return new RetryableError(FetchErrorCode.NETWORK, `${url.href} failed: ${message}`, details);
}

/** The error a response status means, or undefined when the response is usable (2xx, 304, a redirect). */
function statusError(hop: Hop): Error | undefined {
  const { status } = hop;
  if ((status >= 200 && status < 300) || status === 304) return undefined;
  if (REDIRECT_STATUSES.has(status) && hop.headers.location) return undefined;
  const details = { url: hop.url.href, status };
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(hop.headers['retry-after']);
    return new RetryableError(FetchErrorCode.HTTP_STATUS, `${hop.url.href} answered ${status}`, {
      ...details,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  return new NonRetryableError(FetchErrorCode.HTTP_STATUS, `${hop.url.href} answered ${status}`, details);
}

/** Creates the crawler's {@link Fetcher}. */
export function createFetcher(options: FetcherOptions = {}): Fetcher {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 30_000;
  const maxBodyBytes = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 10;
  const policy = createPrivateOriginPolicy(options.allowPrivateOrigins);
  const ownPorts = options.ownPorts ?? [];
  const agentOptions = { headersTimeout: totalTimeoutMs, bodyTimeout: totalTimeoutMs };
  const strictAgent = createGuardedAgent({ ownPorts, connectTimeoutMs, agentOptions });
  let trustedAgent: Agent | undefined;
  const ownScheduler = options.scheduler === undefined;
  const scheduler =
    options.scheduler ??
    createScheduler({
      ...(options.perHostDelayMs === undefined ? {} : { perHostDelayMs: options.perHostDelayMs }),
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      ...(options.maxConcurrency === undefined ? {} : { maxConcurrency: options.maxConcurrency }),
      ...(options.retryBaseDelayMs === undefined ? {} : { retryBaseDelayMs: options.retryBaseDelayMs }),
      ...(options.maxRetryDelayMs === undefined ? {} : { maxRetryDelayMs: options.maxRetryDelayMs }),
      ...(options.maxRetryAfterMs === undefined ? {} : { maxRetryAfterMs: options.maxRetryAfterMs }),
      ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
      ...(options.hostGate === undefined ? {} : { gate: options.hostGate }),
    });

  const agentFor = (trusted: boolean): Agent => {
    if (!trusted) return strictAgent;
    trustedAgent ??= createGuardedAgent({ allowAnyPrivate: true, ownPorts, connectTimeoutMs, agentOptions });
    return trustedAgent;
  };

  /** True when `url` may reach private addresses: its origin is the fetcher's or the request's own (`privateOrigin`). */
  const isTrusted = (url: URL, privateOrigin: string | undefined): boolean =>
    policy.allows(url) || (privateOrigin !== undefined && originKey(url) === privateOrigin);

  const guardHop = (url: URL, trusted: boolean): void => {
    try {
      assertReachableUrl(url, { privateAllowed: trusted, ownPorts });
    } catch (error) {
      throw classifyError(error, url, false, totalTimeoutMs);
    }
  };

  async function requestOnce(url: URL, hopRequest: HopRequest): Promise<Hop> {
    const controller = new AbortController();
    let timedOut = false;
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, totalTimeoutMs);
    try {
      const response = await request(url, {
        method: 'GET',
        headers: hopRequest.headers,
        dispatcher: agentFor(hopRequest.trusted),
        signal: controller.signal,
      });
      const headers = flattenHeaders(response.headers);
      const hop: Hop = { url, status: response.statusCode, headers, body: Buffer.alloc(0) };
      if (response.statusCode < 200 || response.statusCode >= 300) {
        await response.body.dump({ limit: 64 * 1024, signal: controller.signal }).catch(() => undefined);
        return hop;
      }
      const declaredLength = Number(headers['content-length']);
      if (!hopRequest.truncate && declaredLength > hopRequest.maxBodyBytes) {
        response.body.destroy();
        throw new NonRetryableError(
          FetchErrorCode.TOO_LARGE,
          `${url.href} declares ${declaredLength} bytes, over ${hopRequest.maxBodyBytes}`,
          { url: url.href },
        );
      }
      const { body } = await readBody(response.body, {
        maxBodyBytes: hopRequest.maxBodyBytes,
        contentEncoding: headers['content-encoding'],
        truncate: hopRequest.truncate,
        url: url.href,
      });
      hop.body = body;
      return hop;
    } catch (error) {
      throw classifyError(error, url, timedOut, totalTimeoutMs);
    } finally {
      clearTimeout(deadline);
    }
  }

  const nextHop = (hop: Hop): URL | undefined =>
    REDIRECT_STATUSES.has(hop.status) && hop.headers.location ? toHttpUrl(hop.headers.location, hop.url) : undefined;

  async function loadRobotsTxt(robotsUrl: string, loadOptions: RobotsLoadOptions): Promise<RobotsResponse> {
    let url = new URL(robotsUrl);
    for (let redirects = 0; ; redirects += 1) {
      const trusted = isTrusted(url, loadOptions.privateOrigin);
      guardHop(url, trusted);
      const hopUrl = url;
      const hop = await scheduler.schedule(hopUrl, async () => {
        const answer = await requestOnce(hopUrl, {
          trusted,
          headers: { 'user-agent': userAgent, accept: 'text/plain', 'accept-encoding': ACCEPT_ENCODING },
          maxBodyBytes: ROBOTS_MAX_BYTES,
          truncate: true,
        });
        const error = statusError(answer);
        if (error instanceof RetryableError) throw error;
        return answer;
      });
      const next = nextHop(hop);
      if (!next) return { status: hop.status, body: hop.body.toString('utf8') };
      if (redirects >= ROBOTS_MAX_REDIRECTS) {
        throw new NonRetryableError(FetchErrorCode.TOO_MANY_REDIRECTS, `${robotsUrl} redirects too many times`, {
          url: robotsUrl,
        });
      }
      url = next;
    }
  }

  const robots = createRobotsCache({
    load: loadRobotsTxt,
    ...(options.robotsTtlMs === undefined ? {} : { ttlMs: options.robotsTtlMs }),
    ...(options.maxCrawlDelayMs === undefined ? {} : { maxCrawlDelayMs: options.maxCrawlDelayMs }),
  });

  async function fetchUrl(input: string | URL, fetchOptions: FetchOptions = {}): Promise<FetchResult> {
    const startedAt = performance.now();
    let url = toHttpUrl(input);
    const privateOrigin =
      fetchOptions.privateOrigin === undefined ? undefined : originKey(toHttpUrl(fetchOptions.privateOrigin));
    const { conditional } = fetchOptions;
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: fetchOptions.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (conditional?.etag) headers['if-none-match'] = conditional.etag;
    if (conditional?.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const redirects: string[] = [];
    const redirectStatuses: number[] = [];
    const visited = new Set([url.href]);

    for (;;) {
      const trusted = isTrusted(url, privateOrigin);
      guardHop(url, trusted);
      const rules = await robots.get(url, privateOrigin === undefined ? {} : { privateOrigin });
      if (rules.crawlDelayMs !== undefined) scheduler.setHostMinDelay(url.hostname, rules.crawlDelayMs);
      if (!rules.isAllowed(url.href)) {
        throw new NonRetryableError(
          FetchErrorCode.BLOCKED_ROBOTS,
          `${url.href} is off limits to ${ROBOTS_USER_AGENT_TOKEN} (${rules.reason})`,
          { url: url.href },
        );
      }
      const hopUrl = url;
      const hop = await scheduler.schedule(
        hopUrl,
        async () => {
          const answer = await requestOnce(hopUrl, { trusted, headers, maxBodyBytes, truncate: false });
          const error = statusError(answer);
          if (error) throw error;
          return answer;
        },
        fetchOptions.sourceId === undefined ? {} : { sourceId: fetchOptions.sourceId },
      );

      const next = nextHop(hop);
      if (next) {
        redirects.push(hop.url.href);
        redirectStatuses.push(hop.status);
        if (redirects.length > maxRedirects) {
          throw new NonRetryableError(
            FetchErrorCode.TOO_MANY_REDIRECTS,
            `${input} redirects more than ${maxRedirects} times`,
            { url: hop.url.href },
          );
        }
        if (visited.has(next.href)) {
          throw new NonRetryableError(
            FetchErrorCode.TOO_MANY_REDIRECTS,
            `redirect loop: ${hop.url.href} leads back to ${next.href}`,
            { url: hop.url.href },
          );
        }
        visited.add(next.href);
        url = next;
        continue;
      }

      const notModified = hop.status === 304;
      const contentTypeHeader = hop.headers['content-type'];
      const { charset } = detectCharset(hop.body, contentTypeHeader);
      return {
        url: hop.url.href,
        status: hop.status,
        headers: hop.headers,
        body: hop.body,
        text: notModified ? '' : decodeBody(hop.body, charset),
        contentType: parseMimeType(contentTypeHeader),
        charset,
        etag: hop.headers.etag ?? (notModified ? conditional?.etag : undefined),
        lastModified: hop.headers['last-modified'] ?? (notModified ? conditional?.lastModified : undefined),
        notModified,
        redirects,
        redirectStatuses,
        durationMs: performance.now() - startedAt,
      };
    }
  }

  return {
    fetch: fetchUrl,
    scheduler,
    robots,
    async close() {
      if (ownScheduler) scheduler.close();
      await Promise.all([strictAgent.close(), trustedAgent?.close()]);
    },
  };
}
