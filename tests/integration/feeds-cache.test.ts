import type { Event } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';

const IT = 'information-technology';
const HOST = 'fieldguide.test';
const FEED = `/feeds/fields/${IT}.ics`;

describe('feed cache and ETags', () => {
  let t: TestApp;
  let searches = 0;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
    await seedApp(t.app, new Date());
    await t.app.outbox.drainNow();
    const searchEvents = t.app.searchIndex.searchEvents;
    t.app.searchIndex.searchEvents = (params) => {
      searches += 1;
      return searchEvents(params);
    };
  });
  afterAll(async () => t?.close());

  it('renders a feed once, then serves it from the cache, and answers If-None-Match without searching', async () => {
    const stats = t.app.feedCache.stats;
    const first = await get(FEED);
    expect(first.statusCode, first.body).toBe(200);
    const etag = String(first.headers.etag);
    const renders = stats.renders;
    const searchesAfterFirst = searches;

    const again = await get(FEED);
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers['last-modified']).toBe(first.headers['last-modified']);
    expect(again.body).toBe(first.body);

    const notModified = await get(FEED, { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    expect(notModified.headers.etag).toBe(etag);
    expect(stats.renders).toBe(renders);
    expect(searches).toBe(searchesAfterFirst);

    const byDate = await get(FEED, { 'if-modified-since': String(first.headers['last-modified']) });
    expect(byDate.statusCode).toBe(304);

    const otherFormat = await get(`/feeds/fields/${IT}.rss`);
    expect(otherFormat.statusCode).toBe(200);
    expect(otherFormat.headers.etag).not.toBe(etag);
    const otherHost = await t.app.inject({ method: 'GET', url: FEED, headers: { host: 'other.test' } });
    expect(otherHost.headers.etag).not.toBe(etag);
  });

  it('answers a cold If-None-Match (a restarted server, the same data) with 304 without rendering', async () => {
    const etag = String((await get(FEED)).headers.etag);
    const renders = t.app.feedCache.stats.renders;
    const before = searches;
    const res = await get(FEED, { 'if-none-match': `W/${etag}, "other"` });
    expect(res.statusCode).toBe(304);
    expect(searches).toBe(before);
    expect(t.app.feedCache.stats.renders).toBe(renders);
  });

  it('changes the ETag and renders again when a crawl writes, and again once the index has the change', async () => {
    const first = await get(FEED);
    const etag = String(first.headers.etag);
    const base = [...t.app.store.iterateEvents()].find((e) => e.fields.includes(IT)) as Event;
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCSeconds(0, 0);
    const added: Event = {
      ...base,
      id: 'it-cache-added',
      title: 'Freshly Crawled Kubernetes Meetup',
      url: 'https://events.example.org/fresh-kubernetes',
      start: start.toISOString(),
      end: new Date(start.getTime() + 7_200_000).toISOString(),
      updatedAt: new Date().toISOString(),
    };
    t.app.store.upsertEvents([added]);

    const written = await get(FEED, { 'if-none-match': etag });
    expect(written.statusCode).toBe(200);
    const writtenEtag = String(written.headers.etag);
    expect(writtenEtag).not.toBe(etag);

    await t.app.outbox.drainNow();
    const drained = await get(FEED, { 'if-none-match': writtenEtag });
    expect(drained.statusCode).toBe(200);
    expect(drained.headers.etag).not.toBe(writtenEtag);
    expect(drained.body).toContain('Freshly Crawled Kubernetes Meetup');
    expect(first.body).not.toContain('Freshly Crawled Kubernetes Meetup');
  });

  it('keys a search feed by its canonical query: parameter order and page/limit/sort do not matter', async () => {
    const a = await get(`/feeds/search.json?field=${IT}&format=online&sort=hiring`);
    const b = await get(`/feeds/search.json?format=online&page=2&field=${IT}`);
    expect(a.statusCode, a.body).toBe(200);
    expect(b.headers.etag).toBe(a.headers.etag);
    const c = await get(`/feeds/search.json?field=${IT}&format=in-person`);
    expect(c.headers.etag).not.toBe(a.headers.etag);
  });
});
