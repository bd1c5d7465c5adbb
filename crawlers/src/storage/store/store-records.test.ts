import { ValidationError } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { StoreNotFoundError } from './errors.js';
import { makeAssociation, makeEvent, makeSource } from './fixtures/sample-data.js';
import { storeEngines, storeTestContext } from './fixtures/store-engines.js';

describe.each(storeEngines())('$name store', (engine) => {
  const t = storeTestContext(engine, { fetchHistoryPerUrl: 3 });

  describe('outbox', () => {
    it('reads oldest first, acks up to a seq, and never reuses a seq, also after reopening', () => {
      t.store.upsertEvent(makeEvent({ id: 'a' }));
      t.store.upsertAssociation(makeAssociation());
      t.store.upsertEvent(makeEvent({ id: 'b' }));
      t.store.deleteEvent('a');

      const entries = t.store.readOutbox(10);
      expect(entries.map((e) => [e.entity, e.entityId, e.op])).toEqual([
        ['event', 'a', 'upsert'],
        ['association', 'assoc-1', 'upsert'],
        ['event', 'b', 'upsert'],
        ['event', 'a', 'delete'],
      ]);
      expect(entries.map((e) => e.seq)).toEqual([...entries.map((e) => e.seq)].sort((x, y) => x - y));
      expect(t.store.readOutbox(2)).toEqual(entries.slice(0, 2));

      t.store.ackOutbox(entries[1]!.seq);
      expect(t.store.readOutbox(10)).toEqual(entries.slice(2));
      t.store.ackOutbox(entries[3]!.seq);
      expect(t.store.outboxSize()).toBe(0);

      t.reopen();
      t.store.upsertEvent(makeEvent({ id: 'c' }));
      expect(t.store.readOutbox(1)[0]!.seq).toBeGreaterThan(entries[3]!.seq);
    });

    it('refuses a transaction function that is asynchronous, keeping nothing it wrote', () => {
      expect(() =>
        t.store.transaction(async () => {
          t.store.upsertEvent(makeEvent({ id: 'a' }));
        }),
      ).toThrow(TypeError);
      expect(t.store.countEvents()).toBe(0);
      expect(t.store.outboxSize()).toBe(0);
    });

    it('commits data and its outbox entry together in a caller transaction', () => {
      t.store.transaction(() => {
        t.store.upsertEvent(makeEvent({ id: 'a' }));
        t.store.upsertEvent(makeEvent({ id: 'b' }));
      });
      expect(t.store.outboxSize()).toBe(2);
      expect(() => t.store.readOutbox(-1)).toThrow(RangeError);
    });

    it('changes its data stamp on every write and every drain, and only then', () => {
      const seen = new Set([t.store.dataStamp()]);
      const step = () => {
        const stamp = t.store.dataStamp();
        expect(seen.has(stamp), stamp).toBe(false);
        seen.add(stamp);
      };
      t.store.upsertEvent(makeEvent({ id: 'a' }));
      step();
      t.store.upsertEvent(makeEvent({ id: 'a' }));
      expect(seen.has(t.store.dataStamp())).toBe(true);
      t.store.upsertEvent(makeEvent({ id: 'b' }));
      step();
      t.store.ackOutbox(t.store.readOutbox(1)[0]!.seq);
      step();
      t.store.ackOutbox(t.store.readOutbox(1)[0]!.seq);
      step();
      t.store.markDelisted('nope', new Set(), t.clock.now().toISOString());
      t.store.upsertEvent(makeEvent({ id: 'c' }));
      step();
      const before = t.store.dataStamp();
      t.reopen();
      expect(t.store.dataStamp()).toBe(before);
    });
  });

  describe('associations', () => {
    it('upserts idempotently, keeps firstSeen, and writes the outbox only on change', () => {
      expect(t.store.upsertAssociation(makeAssociation()).status).toBe('inserted');
      const insertedAt = t.clock.iso();
      t.clock.tick();
      expect(t.store.upsertAssociation(makeAssociation({ updatedAt: t.clock.iso() })).status).toBe('unchanged');
      expect(t.store.getAssociation('assoc-1')?.updatedAt).toBe(insertedAt);

      t.clock.tick();
      const changed = t.store.upsertAssociation(
        makeAssociation({ meetingCadence: 'monthly', firstSeen: t.clock.iso() }),
      );
      expect(changed.status).toBe('updated');
      expect(t.store.getAssociation('assoc-1')).toMatchObject({
        meetingCadence: 'monthly',
        firstSeen: '2026-11-01T00:00:00Z',
        updatedAt: t.clock.iso(),
      });
      expect(t.store.outboxSize()).toBe(2);
      expect([...t.store.iterateAssociations()].map((a) => a.id)).toEqual(['assoc-1']);
      expect(t.store.countAssociations()).toBe(1);
    });

    it('rejects an invalid association', () => {
      expect(() => t.store.upsertAssociation(makeAssociation({ scope: 'galactic' as 'local' }))).toThrow(
        ValidationError,
      );
      expect(t.store.countAssociations()).toBe(0);
    });
  });

  describe('sources', () => {
    it('upserts configuration, keeps health apart, and lists in id order', () => {
      expect(t.store.upsertSource(makeSource({ id: 'zeta' })).status).toBe('inserted');
      expect(t.store.upsertSource(makeSource()).status).toBe('inserted');
      const health = { lastStatus: 'ok' as const, lastCrawledAt: t.clock.iso(), eventsFound: 12, errorCount: 0 };
      t.store.updateSourceHealth('demo', health);

      expect(t.store.upsertSource(makeSource()).status).toBe('unchanged');
      expect(t.store.upsertSource(makeSource({ enabled: false, kind: 'ics' })).status).toBe('updated');
      expect(t.store.getSource('demo')).toMatchObject({ enabled: false, kind: 'ics', health });
      expect(t.store.listSources().map((s) => s.id)).toEqual(['demo', 'zeta']);
      expect(t.store.outboxSize()).toBe(0);
    });

    it('refuses health for an unknown source and invalid health', () => {
      expect(() => t.store.updateSourceHealth('nope', { eventsFound: 0, errorCount: 0 })).toThrow(StoreNotFoundError);
      t.store.upsertSource(makeSource());
      expect(() => t.store.updateSourceHealth('demo', { eventsFound: -1, errorCount: 0 })).toThrow(ValidationError);
      expect(t.store.getSource('demo')?.health).toEqual({ eventsFound: 0, errorCount: 0 });
    });
  });

  describe('fetch log', () => {
    const url = 'https://example.org/events';

    it('returns the latest fetch per URL and keeps a bounded history', () => {
      for (let i = 0; i < 5; i += 1) {
        t.store.recordFetch({
          url,
          sourceId: 'demo',
          status: 200,
          etag: `"v${i}"`,
          fetchedAt: t.clock.iso(),
          durationMs: 12,
        });
        t.clock.tick();
      }
      t.store.recordFetch({
        url: 'https://example.org/other',
        status: null,
        error: 'timeout',
        fetchedAt: t.clock.iso(),
      });

      expect(t.store.lastFetch(url)).toMatchObject({
        url,
        status: 200,
        etag: '"v4"',
        sourceId: 'demo',
        durationMs: 12,
      });
      expect(t.store.fetchHistory(url).map((f) => f.etag)).toEqual(['"v4"', '"v3"', '"v2"']);
      expect(t.store.lastFetch('https://example.org/other')).toEqual({
        url: 'https://example.org/other',
        status: null,
        error: 'timeout',
        fetchedAt: t.clock.iso(),
      });
      expect(t.store.lastFetch('https://example.org/never')).toBeUndefined();
    });

    it('keeps the validators of the previous fetch through a 304 that repeats none', () => {
      t.store.recordFetch({
        url,
        status: 200,
        etag: '"abc"',
        lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT',
        contentHash: 'h1',
        fetchedAt: t.clock.iso(),
      });
      t.clock.tick();
      t.store.recordFetch({ url, status: 304, fetchedAt: t.clock.iso() });
      expect(t.store.lastFetch(url)).toMatchObject({
        status: 304,
        etag: '"abc"',
        lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT',
        contentHash: 'h1',
      });
    });
  });

  describe('crawl runs', () => {
    it('starts, updates, gets and lists runs, newest first', () => {
      const first = t.store.startCrawlRun();
      expect(first).toEqual({ id: first.id, startedAt: t.clock.iso(), status: 'running', results: {} });
      t.clock.tick();
      const second = t.store.startCrawlRun();

      const results = { demo: { status: 'partial' as const, events: 3, errors: ['page 2: HTTP 500'] } };
      t.store.updateCrawlRun({ ...first, status: 'finished', results });
      expect(t.store.getCrawlRun(first.id)).toEqual({
        ...first,
        status: 'finished',
        results,
        finishedAt: t.clock.iso(),
      });
      expect(t.store.listCrawlRuns(10).map((r) => r.id)).toEqual([second.id, first.id]);
      expect(t.store.listCrawlRuns(1)).toHaveLength(1);
      expect(() => t.store.updateCrawlRun({ ...first, id: 999 })).toThrow(StoreNotFoundError);
    });
  });

  describe('close', () => {
    it('is idempotent', () => {
      t.store.close();
      expect(() => t.store.close()).not.toThrow();
    });
  });
});
