import { posix } from 'node:path';

/** The admin API's prefix: bearer token, its own rate limit, no CORS. */
export const ADMIN_PREFIX = '/api/admin';

/** Rounds of percent-decoding: `%2561` reads as `%61` after one and as `a` after two. */
const MAX_DECODE_ROUNDS = 4;

/** A percent-escape of an ASCII character; other bytes never spell one of our prefixes. */
const ASCII_ESCAPE = /%([0-7][0-9a-f])/gi;

const SCHEME_AND_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i;

function decodeAscii(text: string): string {
  let current = text;
  for (let round = 0; round < MAX_DECODE_ROUNDS; round += 1) {
    const next = current.replace(ASCII_ESCAPE, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * A request URL's path as every decision that depends on the path reads it (CORS, the admin token and rate limit,
 * the web app's pages): without query or fragment, percent-escapes decoded (repeatedly), backslashes read as
 * slashes, duplicate slashes and `.`/`..` segments resolved, lower-cased. `/API//%61dmin/./sources?x` reads as
 * `/api/admin/sources`, so no spelling of a path gets another treatment than the route it may reach. Never throws.
 */
export function normalizedPath(url: string): string {
  const withoutOrigin = url.replace(SCHEME_AND_AUTHORITY, '');
  const raw = withoutOrigin.split(/[?#]/, 1)[0] ?? '';
  const decoded = decodeAscii(raw).split(/[?#]/, 1)[0] ?? '';
  const slashed = `/${decoded.replace(/\\/g, '/')}`;
  return posix.normalize(slashed).toLowerCase();
}

/** Whether `path` (already normalized) is `prefix` itself or lies under it. */
export function isUnderPrefix(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Whether a request URL, however spelled, addresses the admin API. */
export function isAdminUrl(url: string): boolean {
  return isUnderPrefix(normalizedPath(url), ADMIN_PREFIX);
}
