import { createHash } from 'node:crypto';

/** What a client revalidates a feed with. */
export interface FeedValidators {
  /** A strong entity tag: a hash of the exact bytes. */
  etag: string;
  /** An HTTP date (second precision). */
  lastModified: string;
}

/** How many distinct feed bodies the first-served times are remembered for (oldest forgotten first). */
const REMEMBERED_BODIES = 2000;

/**
 * Makes ETag and Last-Modified for feed bodies. Last-Modified is the later of the newest `updatedAt` in the feed
 * and the first time this process served these exact bytes: an event that ends or is delisted leaves a feed
 * without changing any `updatedAt` that remains, and a client sending only If-Modified-Since must still see
 * that change. After a restart the clock starts again (clients re-fetch once; never a wrong 304).
 */
export function createValidators(now: () => Date = () => new Date()) {
  const firstServed = new Map<string, number>();
  return (body: string, newestUpdate: Date): FeedValidators => {
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 32);
    let first = firstServed.get(hash);
    if (first === undefined) {
      first = now().getTime();
      firstServed.set(hash, first);
      if (firstServed.size > REMEMBERED_BODIES) firstServed.delete(firstServed.keys().next().value as string);
    }
    const modified = Math.max(first, newestUpdate.getTime());
    return { etag: `"${hash}"`, lastModified: new Date(Math.floor(modified / 1000) * 1000).toUTCString() };
  };
}

/** The entity tags of an If-None-Match header (`*` included), quotes kept, `W/` dropped (weak comparison). */
function listedTags(header: string): string[] {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .filter((t) => t !== '');
}

/**
 * Whether a GET or HEAD may be answered 304 (RFC 9110 §13.2.2): If-None-Match decides when present (weak
 * comparison, `*` matches); otherwise If-Modified-Since, when it is a valid date not before Last-Modified.
 */
export function isNotModified(
  headers: { 'if-none-match'?: string | undefined; 'if-modified-since'?: string | undefined },
  validators: FeedValidators,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const tags = listedTags(ifNoneMatch);
    return tags.includes('*') || tags.includes(validators.etag);
  }
  const since = headers['if-modified-since'];
  if (since === undefined) return false;
  const sinceMs = Date.parse(since);
  return Number.isFinite(sinceMs) && Date.parse(validators.lastModified) <= sinceMs;
}
