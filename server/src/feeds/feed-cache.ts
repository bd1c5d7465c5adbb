import { createHash } from 'node:crypto';
import { FEED_MAX_AGE_S } from './feed-document.js';

/** A rendered feed as it is sent. */
export interface RenderedFeed {
  body: string;
  etag: string;
  lastModified: string;
}

/** Options of {@link createFeedCache}. */
export interface FeedCacheOptions {
  /** Rendered feeds kept, least recently used dropped first; default 200. */
  maxEntries?: number;
  /** Bytes of bodies kept (UTF-16 code units, about bytes for feeds), default 64 MiB. */
  maxChars?: number;
  /**
   * How long a feed's "upcoming" window stays put, in milliseconds; default {@link FEED_MAX_AGE_S} (15 minutes):
   * clients may already reuse a feed that long, and each window means a new ETag and one rendering per feed.
   */
  bucketMs?: number;
}

/** What identifies one rendering of a feed, everything its bytes depend on. */
export interface FeedKeyParts {
  /** The store's {@link Store.dataStamp}: changes with any write and any drain. */
  stamp: string;
  /** `ics`, `rss`, `atom`, `json`. */
  format: string;
  /** The feed's path and canonical query, e.g. `fields/information-technology` or `search?field=…`. */
  target: string;
  /** The origin and UID host the links and UIDs name. */
  origin: string;
  uidHost: string;
}

/** A feed's key and its ETag, known before anything is searched or rendered. */
export interface FeedKey {
  key: string;
  etag: string;
  /** The instant "upcoming" is measured from: the start of the current bucket. */
  now: Date;
}

/**
 * Rendered feeds by key, bounded (LRU by entries and size). The key holds the store's data stamp and the time
 * bucket, so a new crawl result or a drained outbox, or the window moving on, makes a new key, a new ETag and a
 * new rendering; entries of an older stamp are dropped as soon as a newer one is seen.
 */
export function createFeedCache(options: FeedCacheOptions = {}) {
  const maxEntries = options.maxEntries ?? 200;
  const maxChars = options.maxChars ?? 64 * 1024 * 1024;
  const bucketMs = options.bucketMs ?? FEED_MAX_AGE_S * 1000;
  const entries = new Map<string, RenderedFeed>();
  let chars = 0;
  let stamp: string | undefined;
  const stats = { renders: 0, hits: 0, notModified: 0 };

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    chars -= entry.body.length;
    entries.delete(key);
  };

  return {
    /** Counters, for tests and the benchmark: renders done, cached bodies served, 304s answered. */
    stats,
    /** The key and ETag of a feed now; drops every entry of an older data stamp. */
    keyOf(parts: FeedKeyParts, at: Date = new Date()): FeedKey {
      if (parts.stamp !== stamp) {
        entries.clear();
        chars = 0;
        stamp = parts.stamp;
      }
      const bucket = Math.floor(at.getTime() / bucketMs) * bucketMs;
      const key = [parts.stamp, bucket, parts.format, parts.origin, parts.uidHost, parts.target].join('\n');
      const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;
      return { key, etag, now: new Date(bucket) };
    },
    get(key: string): RenderedFeed | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      entries.delete(key);
      entries.set(key, entry);
      stats.hits += 1;
      return entry;
    },
    set(key: string, feed: RenderedFeed): void {
      stats.renders += 1;
      drop(key);
      if (feed.body.length > maxChars) return;
      entries.set(key, feed);
      chars += feed.body.length;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && chars <= maxChars) break;
        drop(oldest);
      }
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type FeedCache = ReturnType<typeof createFeedCache>;
