import { ValidationError } from '@fieldguide/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreNotFoundError } from './errors.js';
import { makeAssociation, makeEvent, makeSource, testClock } from './fixtures/sample-data.js';
import { storeEngines, type TestStoreLocation } from './fixtures/store-engines.js';
import type { Store } from './store.types.js';

describe.each(storeEngines())('$name store', (engine) => {
  let location: TestStoreLocation;
  let clock: ReturnType<typeof testClock>;
  let store: Store;

  beforeAll(() => engine.setup());
  afterAll(() => engine.teardown());

  beforeEach(async () => {
    location = await engine.fresh();
    clock = testClock();
    store = location.open({ now: clock.now, fetchHistoryPerUrl: 3 });
  });

  afterEach(async () => {
    store.close();
    await location.cleanup();
  });

  describe('outbox', () => {
    it('reads oldest first, acks up to a seq, and never reuses a seq, also after reopening', () => {
      store.upsertEvent(makeEvent({ id: 'a' }));
      store.upsertAssociation(makeAssociation());
      store.upsertEvent(makeEvent({ id: 'b' }));
      store.deleteEvent('a');

      const entries = store.readOutbox(10);
      expect(entries.map((e) => [e.entity, e.entityId, e.op])).toEqual([
        ['event', 'a', 'upsert'],
        ['association', 'assoc-1', 'upsert'],
        ['event', 'b', 'upsert'],
        ['event', 'a', 'delete'],
      ]);
      expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((x, y) => x - y));
      expect(store.readOutbox(2)).toEqual(entries.slice(0, 2));

      store.ackOutbox(entries[1]!.seq);
      expect(store.readOutbox(10)).toEqual(entries.slice(2));
      store.ackOutbox(entries[3]!.seq);
      expect(store.outboxSize()).toBe(0);

      store.close();
      store = location.open({ now: clock.now });
      store.upsertEvent(makeEvent({ id: 'c' }));
      expect(store.readOutbox(1)[0]!.seq).toBeGreaterThan(entries[3]!.seq);
    });

    it('commits data and its outbox entry together in a caller transaction', () => {
      store.transaction(() => {
        store.upsertEvent(makeEvent({ id: 'a' }));
        store.upsertEvent(makeEvent({ id: 'b' }));
      });
      expect(store.outboxSize()).toBe(2);
      expect(() => store.readOutbox(-1)).toThrow(RangeError);
    });

    it('changes its data stamp on every write and every drain, and only then', () => {
      const seen = new Set([store.dataStamp()]);
      const step = () => {
        const stamp = store.dataStamp();
        expect(seen.has(stamp), stamp).toBe(false);
        seen.add(stamp);
      };
      store.upsertEvent(makeEvent({ id: 'a' }));
      step();
      store.upsertEvent(makeEvent({ id: 'a' }));
      expect(seen.has(store.dataStamp())).toBe(true);
      store.upsertEvent(makeEvent({ id: 'b' }));
      step();
      store.ackOutbox(store.readOutbox(1)[0]!.seq);
      step();
      store.ackOutbox(store.readOutbox(1)[0]!.seq);
      step();
      store.markDelisted('nope', new Set(), clock.now().toISOString());
      store.upsertEvent(makeEvent({ id: 'c' }));
      step();
      const before = store.dataStamp();
      store.close();
      store = location.open({ now: clock.now });
      expect(store.dataStamp()).toBe(before);
    });
  });

  describe('associations', () => {
    it('upserts idempotently, keeps firstSeen, and writes the outbox only on change', () => {
      expect(store.upsertAssociation(makeAssociation()).status).toBe('inserted');
      const insertedAt = clock.iso();
      clock.tick();
      expect(store.upsertAssociation(makeAssociation({ updatedAt: clock.iso() })).status).toBe('unchanged');
      expect(store.getAssociation('assoc-1')?.updatedAt).toBe(insertedAt);

      clock.tick();
      const changed = store.upsertAssociation(makeAssociation({ meetingCadence: 'monthly', firstSeen: clock.iso() }));
      expect(changed.status).toBe('updated');
      expect(store.getAssociation('assoc-1')).toMatchObject({
        meetingCadence: 'monthly',
        firstSeen: '2026-11-01T00:00:00Z',
        updatedAt: clock.iso(),
      });
      expect(store.outboxSize()).toBe(2);
      expect([...store.iterateAssociations()].map((a) => a.id)).toEqual(['assoc-1']);
      expect(store.countAssociations()).toBe(1);
    });

    it('rejects an invalid association', () => {
      expect(() => store.upsertAssociation(makeAssociation({ scope: 'galactic' as 'local' }))).toThrow(ValidationError);
      expect(store.countAssociations()).toBe(0);
    });
  });

  describe('sources', () => {
    it('upserts configuration, keeps health apart, and lists in id order', () => {
      expect(store.upsertSource(makeSource({ id: 'zeta' })).status).toBe('inserted');
      expect(store.upsertSource(makeSource()).status).toBe('inserted');
      const health = { lastStatus: 'ok' as const, lastCrawledAt: clock.iso(), eventsFound: 12, errorCount: 0 };
      store.updateSourceHealth('demo', health);

      expect(store.upsertSource(makeSource()).status).toBe('unchanged');
      expect(store.upsertSource(makeSource({ enabled: false, kind: 'ics' })).status).toBe('updated');
      expect(store.getSource('demo')).toMatchObject({ enabled: false, kind: 'ics', health });
      expect(store.listSources().map((s) => s.id)).toEqual(['demo', 'zeta']);
      expect(store.outboxSize()).toBe(0);
    });

    it('refuses health for an unknown source and invalid health', () => {
      expect(() => store.updateSourceHealth('nope', { eventsFound: 0, errorCount: 0 })).toThrow(StoreNotFoundError);
      store.upsertSource(makeSource());
      expect(() => store.updateSourceHealth('demo', { eventsFound: -1, errorCount: 0 })).toThrow(ValidationError);
      expect(store.getSource('demo')?.health).toEqual({ eventsFound: 0, errorCount: 0 });
    });
  });

  describe('fetch log', () => {
    const url = 'https://example.org/events';

    it('returns the latest fetch per URL and keeps a bounded history', () => {
      for (let i = 0; i < 5; i += 1) {
        store.recordFetch({
          url,
          sourceId: 'demo',
          status: 200,
          etag: `"v${i}"`,
          fetchedAt: clock.iso(),
          durationMs: 12,
        });
        clock.tick();
      }
      store.recordFetch({ url: 'https://example.org/other', status: null, error: 'timeout', fetchedAt: clock.iso() });

      expect(store.lastFetch(url)).toMatchObject({ url, status: 200, etag: '"v4"', sourceId: 'demo', durationMs: 12 });
      expect(store.fetchHistory(url).map((f) => f.etag)).toEqual(['"v4"', '"v3"', '"v2"']);
      expect(store.lastFetch('https://example.org/other')).toEqual({
        url: 'https://example.org/other',
        status: null,
        error: 'timeout',
        fetchedAt: clock.iso(),
      });
      expect(store.lastFetch('https://example.org/never')).toBeUndefined();
    });

    it('keeps the validators of the previous fetch through a 304 that repeats none', () => {
      store.recordFetch({
        url,
        status: 200,
        etag: '"abc"',
        lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT',
        contentHash: 'h1',
        fetchedAt: clock.iso(),
      });
      clock.tick();
      store.recordFetch({ url, status: 304, fetchedAt: clock.iso() });
      expect(store.lastFetch(url)).toMatchObject({
        status: 304,
        etag: '"abc"',
        lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT',
        contentHash: 'h1',
      });
    });
  });

  describe('crawl runs', () => {
    it('starts, updates, gets and lists runs, newest first', () => {
      const first = store.startCrawlRun();
      expect(first).toEqual({ id: first.id, startedAt: clock.iso(), status: 'running', results: {} });
      clock.tick();
      const second = store.startCrawlRun();

      const results = { demo: { status: 'partial' as const, events: 3, errors: ['page 2: HTTP 500'] } };
      store.updateCrawlRun({ ...first, status: 'finished', results });
      expect(store.getCrawlRun(first.id)).toEqual({ ...first, status: 'finished', results, finishedAt: clock.iso() });
      expect(store.listCrawlRuns(10).map((r) => r.id)).toEqual([second.id, first.id]);
      expect(store.listCrawlRuns(1)).toHaveLength(1);
      expect(() => store.updateCrawlRun({ ...first, id: 999 })).toThrow(StoreNotFoundError);
    });
  });

  describe('close', () => {
    it('is idempotent', () => {
      store.close();
      expect(() => store.close()).not.toThrow();
    });
  });
});
