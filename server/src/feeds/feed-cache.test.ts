import { describe, expect, it } from 'vitest';
import { createFeedCache } from './feed-cache.js';

const parts = (target: string, stamp = '1.drained') => ({
  stamp,
  format: 'ics',
  target,
  origin: 'http://x.test',
  uidHost: 'x.test',
});
const feed = (body: string) => ({ body, etag: '"e"', lastModified: 'Thu, 01 Jan 2026 00:00:00 GMT' });
const at = new Date('2026-12-06T12:03:00Z');

describe('feed cache', () => {
  it('gives one ETag per stamp, target, format, origin and time bucket', () => {
    const cache = createFeedCache({ bucketMs: 300_000 });
    const a = cache.keyOf(parts('fields/a'), at);
    expect(cache.keyOf(parts('fields/a'), new Date('2026-12-06T12:04:59Z')).etag).toBe(a.etag);
    expect(a.now.toISOString()).toBe('2026-12-06T12:00:00.000Z');
    expect(cache.keyOf(parts('fields/a'), new Date('2026-12-06T12:05:00Z')).etag).not.toBe(a.etag);
    expect(cache.keyOf(parts('fields/b'), at).etag).not.toBe(a.etag);
    expect(cache.keyOf({ ...parts('fields/a'), format: 'rss' }, at).etag).not.toBe(a.etag);
    expect(cache.keyOf(parts('fields/a', '2.drained'), at).etag).not.toBe(a.etag);
  });

  it('keeps the most recently used feeds within its bounds', () => {
    const cache = createFeedCache({ maxEntries: 2, maxChars: 10 });
    const key = (t: string) => cache.keyOf(parts(t), at).key;
    cache.set(key('a'), feed('aaa'));
    cache.set(key('b'), feed('bbb'));
    expect(cache.get(key('a'))?.body).toBe('aaa');
    cache.set(key('c'), feed('ccc'));
    expect(cache.get(key('b'))).toBeUndefined();
    expect(cache.get(key('a'))?.body).toBe('aaa');
    cache.set(key('d'), feed('dddddddd'));
    expect(cache.size).toBe(1);
    cache.set(key('e'), feed('x'.repeat(11)));
    expect(cache.get(key('e'))).toBeUndefined();
    expect(cache.stats.renders).toBe(5);
  });

  it('drops everything rendered from older data once a new stamp is seen', () => {
    const cache = createFeedCache();
    const old = cache.keyOf(parts('fields/a'), at).key;
    cache.set(old, feed('old'));
    cache.keyOf(parts('fields/a', '2.2'), at);
    expect(cache.size).toBe(0);
    expect(cache.get(old)).toBeUndefined();
  });
});
