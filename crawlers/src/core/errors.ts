import { FieldguideError } from '@fieldguide/shared';

/** Machine-readable codes of fetch failures; the error class, not the code, decides whether to retry. */
export const FetchErrorCode = {
  /** Not an absolute http(s) URL. */
  BAD_URL: 'FETCH_BAD_URL',
  /** robots.txt disallows the URL for our user agent (or could not be fetched: RFC 9309 §2.3.1.4). */
  BLOCKED_ROBOTS: 'FETCH_BLOCKED_ROBOTS',
  /** The host is, or resolves to, a loopback, private, link-local or otherwise non-public address. */
  PRIVATE_ADDRESS: 'FETCH_PRIVATE_ADDRESS',
  /** The address is this machine's and the port one its own API server or Meilisearch listens on: never fetched. */
  OWN_PORT: 'FETCH_OWN_PORT',
  /** The body went past `maxBodyBytes`, on the wire or once decompressed. */
  TOO_LARGE: 'FETCH_TOO_LARGE',
  /** The body could not be decoded (corrupt compression, unknown Content-Encoding). */
  BAD_CONTENT: 'FETCH_BAD_CONTENT',
  /** Connect or total deadline passed. */
  TIMEOUT: 'FETCH_TIMEOUT',
  /** More redirects than `maxRedirects`, or a redirect back to a URL already visited. */
  TOO_MANY_REDIRECTS: 'FETCH_TOO_MANY_REDIRECTS',
  /** The server answered with a status we do not accept (see `status`). */
  HTTP_STATUS: 'FETCH_HTTP_STATUS',
  /** Connection refused, reset or closed early; DNS temporarily unavailable. */
  NETWORK: 'FETCH_NETWORK',
  /** The host name does not exist. */
  DNS_NOT_FOUND: 'FETCH_DNS_NOT_FOUND',
} as const;

export type FetchErrorCode = (typeof FetchErrorCode)[keyof typeof FetchErrorCode];

/** Where a crawl error happened, beside the message. */
export interface CrawlErrorDetails {
  cause?: unknown;
  /** The URL being fetched when it failed (the redirect hop, not necessarily the first URL). */
  url?: string;
  /** HTTP status, when the failure is a response. */
  status?: number;
}

function withDetails(target: { url?: string; status?: number }, details: CrawlErrorDetails): void {
  if (details.url !== undefined) target.url = details.url;
  if (details.status !== undefined) target.status = details.status;
}

/** Thrown when retrying cannot help (404, blocked by robots.txt, refused address, too large, bad content): the request fails at once. */
export class NonRetryableError extends FieldguideError {
  url?: string;
  status?: number;

  constructor(code: string, message: string, details: CrawlErrorDetails = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'NonRetryableError';
    withDetails(this, details);
  }
}

/** Thrown when the same request may succeed later (timeout, 5xx, 429, reset): the scheduler retries it, after `retryAfterMs` if set. */
export class RetryableError extends FieldguideError {
  url?: string;
  status?: number;
  /** The server's own `Retry-After`, in milliseconds from when it was received; pauses the whole host. */
  readonly retryAfterMs?: number;

  constructor(code: string, message: string, details: CrawlErrorDetails & { retryAfterMs?: number } = {}) {
    super(code, message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'RetryableError';
    withDetails(this, details);
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** Thrown when the whole crawl run cannot go on (bad configuration, store unavailable): the run is aborted. */
export class CriticalError extends NonRetryableError {
  constructor(code: string, message: string, details: CrawlErrorDetails = {}) {
    super(code, message, details);
    this.name = 'CriticalError';
  }
}

/** True when `error` says the same request may succeed if tried again later. */
export function isRetryableError(error: unknown): error is RetryableError {
  return error instanceof RetryableError;
}
