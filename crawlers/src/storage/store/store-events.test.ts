import { ValidationError } from '@fieldguide/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeEvent } from './fixtures/sample-data.js';
import { storeEngines, storeTestContext } from './fixtures/store-engines.js';

describe.each(storeEngines())('$name store', (engine) => {
  const t = storeTestContext(engine);

  describe('upsertEvent', () => {
    it('inserts once and reports the same event again as unchanged, without moving updatedAt or the outbox', () => {
      const event = makeEvent();
      expect(t.store.upsertEvent(event)).toEqual({ id: 'ev-1', status: 'inserted' });
      const insertedAt = t.clock.iso();
      t.clock.tick();

      expect(t.store.upsertEvent(event)).toEqual({ id: 'ev-1', status: 'unchanged' });
      expect(t.store.countEvents()).toBe(1);
      expect(t.store.getEvent('ev-1')?.updatedAt).toBe(insertedAt);
      expect(t.store.readOutbox(10)).toMatchObject([{ entity: 'event', entityId: 'ev-1', op: 'upsert' }]);
    });

    it('saves a later lastSeen and seenAt without an outbox entry or a new updatedAt', () => {
      t.store.upsertEvent(makeEvent());
      const insertedAt = t.clock.iso();
      t.clock.tick();
      const seenAgain = '2026-11-02T00:00:00Z';
      const result = t.store.upsertEvent(
        makeEvent({
          lastSeen: seenAgain,
          updatedAt: seenAgain,
          firstSeen: seenAgain,
          sources: [{ sourceId: 'demo', url: 'https://example.org/events/1', seenAt: seenAgain }],
        }),
      );

      expect(result.status).toBe('unchanged');
      const stored = t.store.getEvent('ev-1');
      expect(stored?.lastSeen).toBe(seenAgain);
      expect(stored?.sources[0]?.seenAt).toBe(seenAgain);
      expect(stored?.firstSeen).toBe('2026-11-01T00:00:00Z');
      expect(stored?.updatedAt).toBe(insertedAt);
      expect(t.store.outboxSize()).toBe(1);
    });

    it('keeps the later lastSeen when an older sighting arrives late', () => {
      t.store.upsertEvent(makeEvent({ lastSeen: '2026-11-05T00:00:00Z' }));
      t.store.upsertEvent(makeEvent({ lastSeen: '2026-11-03T00:00:00Z' }));
      expect(t.store.getEvent('ev-1')?.lastSeen).toBe('2026-11-05T00:00:00Z');
    });

    it('records a real change: updated, updatedAt now, firstSeen kept, one more outbox entry', () => {
      t.store.upsertEvent(makeEvent());
      t.clock.tick(60_000);
      const result = t.store.upsertEvent(
        makeEvent({ title: 'Midwest Nursing Career Fair 2027', firstSeen: t.clock.iso() }),
      );

      expect(result.status).toBe('updated');
      const stored = t.store.getEvent('ev-1');
      expect(stored?.title).toBe('Midwest Nursing Career Fair 2027');
      expect(stored?.updatedAt).toBe(t.clock.iso());
      expect(stored?.firstSeen).toBe('2026-11-01T00:00:00Z');
      expect(t.store.readOutbox(10).map((e) => e.op)).toEqual(['upsert', 'upsert']);
    });

    it("keeps where an event's zone came from, and counts a new provenance as a change", () => {
      t.store.upsertEvent(makeEvent({ timeZoneSource: 'assumed-utc' }));
      expect(t.store.getEvent('ev-1')?.timeZoneSource).toBe('assumed-utc');
      t.clock.tick();
      expect(t.store.upsertEvent(makeEvent({ timeZoneSource: 'venue' })).status).toBe('updated');
      expect(t.store.getEvent('ev-1')?.timeZoneSource).toBe('venue');
      expect(() => t.store.upsertEvent(makeEvent({ timeZoneSource: 'guessed' as 'venue' }))).toThrow(ValidationError);
    });

    it('rejects invalid input with a ValidationError and changes nothing', () => {
      t.store.upsertEvent(makeEvent());
      const before = t.store.getEvent('ev-1');

      expect(() => t.store.upsertEvent(makeEvent({ title: '', url: 'javascript:alert(1)' }))).toThrow(ValidationError);
      expect(() =>
        t.store.upsertEvents([makeEvent({ id: 'ev-2' }), makeEvent({ id: 'ev-3', start: 'next tuesday' })]),
      ).toThrow(/events\[1\]/);

      expect(t.store.getEvent('ev-1')).toEqual(before);
      expect(t.store.countEvents()).toBe(1);
      expect(t.store.outboxSize()).toBe(1);
    });

    it('rolls back a whole batch when a write inside it fails', () => {
      expect(() =>
        t.store.transaction(() => {
          t.store.upsertEvents([makeEvent({ id: 'ev-2' }), makeEvent({ id: 'ev-3' })]);
          throw new Error('crawl aborted');
        }),
      ).toThrow('crawl aborted');
      expect(t.store.countEvents()).toBe(0);
      expect(t.store.outboxSize()).toBe(0);
    });

    it('keeps a transaction whole around a nested one that failed before it wrote anything', () => {
      const nestedFailure = () =>
        expect(() =>
          t.store.transaction(() => {
            throw new Error('nothing to crawl');
          }),
        ).toThrow('nothing to crawl');
      expect(() =>
        t.store.transaction(() => {
          nestedFailure();
          t.store.upsertEvent(makeEvent({ id: 'ev-2' }));
          throw new Error('crawl aborted');
        }),
      ).toThrow('crawl aborted');
      expect(t.store.countEvents()).toBe(0);

      t.store.transaction(() => {
        nestedFailure();
        t.store.upsertEvent(makeEvent({ id: 'ev-3' }));
      });
      expect(t.store.readOutbox(10).map((e) => e.entityId)).toEqual(['ev-3']);
    });

    it('merges the sources of an event seen by two sources, and a third sighting changes nothing', () => {
      const first = { sourceId: 'demo', url: 'https://example.org/events/1', seenAt: '2026-11-01T00:00:00Z' };
      const second = { sourceId: 'calendar', url: 'https://cal.example.net/e/9', seenAt: '2026-11-02T00:00:00Z' };
      t.store.upsertEvent(makeEvent({ sources: [first] }));

      expect(t.store.upsertEvent(makeEvent({ sources: [second] })).status).toBe('updated');
      expect(t.store.getEvent('ev-1')?.sources).toEqual([first, second]);
      expect(t.store.upsertEvent(makeEvent({ sources: [second, first] })).status).toBe('unchanged');
      expect(t.store.getEvent('ev-1')?.sources).toHaveLength(2);
    });

    it('upserts a batch in one call, with one result per event', () => {
      const results = t.store.upsertEvents([makeEvent({ id: 'a' }), makeEvent({ id: 'b' }), makeEvent({ id: 'a' })]);
      expect(results.map((r) => r.status)).toEqual(['inserted', 'inserted', 'unchanged']);
      expect(t.store.countEvents()).toBe(2);
    });
  });

  describe('getEvents', () => {
    it('reads the stored events among the ids in their order, each once, leaving out the unknown ones', () => {
      t.store.upsertEvents(['ev-a', 'ev-b', 'ev-c'].map((id) => makeEvent({ id, title: `${id} title` })));
      expect(t.store.getEvents(['ev-c', 'nope', 'ev-a', 'ev-c']).map((e) => [e.id, e.title])).toEqual([
        ['ev-c', 'ev-c title'],
        ['ev-a', 'ev-a title'],
      ]);
      expect(t.store.getEvents(['ev-b'])).toEqual([t.store.getEvent('ev-b')]);
      expect(t.store.getEvents([])).toEqual([]);
    });

    it('reads thousands at once', () => {
      const ids = Array.from({ length: 3000 }, (_, i) => `ev-${i}`);
      t.store.upsertEvents(ids.map((id) => makeEvent({ id })));
      const reversed = [...ids].reverse();
      expect(t.store.getEvents(reversed).map((e) => e.id)).toEqual(reversed);
    });
  });

  describe('deleteEvent', () => {
    it('removes the event and writes an outbox delete', () => {
      t.store.upsertEvent(makeEvent());
      expect(t.store.deleteEvent('ev-1')).toBe(true);
      expect(t.store.getEvent('ev-1')).toBeUndefined();
      expect(t.store.readOutbox(10).map((e) => [e.entityId, e.op])).toEqual([
        ['ev-1', 'upsert'],
        ['ev-1', 'delete'],
      ]);
    });

    it('returns false and writes nothing for an unknown id', () => {
      expect(t.store.deleteEvent('nope')).toBe(false);
      expect(t.store.outboxSize()).toBe(0);
    });
  });

  describe('iterateEvents', () => {
    it('yields every event in id order across pages', () => {
      const ids = Array.from({ length: 600 }, (_, i) => `ev-${String(i).padStart(4, '0')}`);
      t.store.upsertEvents([...ids].reverse().map((id) => makeEvent({ id })));
      expect([...t.store.iterateEvents()].map((e) => e.id)).toEqual(ids);
    });

    it('leaves the connection free between items', () => {
      t.store.upsertEvents([makeEvent({ id: 'a' }), makeEvent({ id: 'b' })]);
      for (const event of t.store.iterateEvents()) t.store.upsertEvent({ ...event, title: `${event.title}!` });
      expect(t.store.getEvent('b')?.title).toBe('Midwest Nursing Career Fair!');
    });
  });

  describe('markDelisted', () => {
    const crawlStartedAt = '2026-11-10T00:00:00Z';
    const seen = (sourceId: string, n: number, seenAt = '2026-11-01T00:00:00Z') => ({
      sourceId,
      url: `https://example.org/${sourceId}/${n}`,
      seenAt,
    });

    beforeEach(() => {
      t.store.upsertEvents([
        makeEvent({ id: 'gone', sources: [seen('demo', 1)] }),
        makeEvent({ id: 'still-listed', sources: [seen('demo', 2)] }),
        makeEvent({ id: 'shared', sources: [seen('demo', 3), seen('other', 3)] }),
        makeEvent({ id: 'elsewhere', sources: [seen('other', 4)] }),
        makeEvent({ id: 'seen-this-crawl', sources: [seen('demo', 5, '2026-11-10T00:05:00Z')] }),
      ]);
      t.store.ackOutbox(Number.MAX_SAFE_INTEGER);
      t.clock.tick();
    });

    it('delists only events of that source alone that this crawl did not see, as a real change', () => {
      expect(t.store.markDelisted('demo', new Set(['still-listed']), crawlStartedAt)).toBe(1);

      expect(t.store.getEvent('gone')).toMatchObject({ delisted: true, updatedAt: t.clock.iso() });
      for (const id of ['still-listed', 'shared', 'elsewhere', 'seen-this-crawl']) {
        expect(t.store.getEvent(id)?.delisted).toBe(false);
      }
      expect(t.store.readOutbox(10)).toMatchObject([{ entity: 'event', entityId: 'gone', op: 'upsert' }]);
      expect(t.store.markDelisted('demo', new Set(['still-listed']), crawlStartedAt)).toBe(0);
    });

    it('lists an event again when an upsert sees it', () => {
      t.store.markDelisted('demo', new Set(), crawlStartedAt);
      const result = t.store.upsertEvent(makeEvent({ id: 'gone', sources: [seen('demo', 1, '2026-11-11T00:00:00Z')] }));
      expect(result.status).toBe('updated');
      expect(t.store.getEvent('gone')?.delisted).toBe(false);
    });

    it('rejects a crawl start that is not an instant', () => {
      expect(() => t.store.markDelisted('demo', new Set(), 'yesterday')).toThrow(ValidationError);
      expect(t.store.outboxSize()).toBe(0);
    });
  });
});
