import { describe, expect, it } from 'vitest';
import { makeEvent } from './fixtures/sample-data.js';
import { storeEngines, storeTestContext } from './fixtures/store-engines.js';

describe.each(storeEngines())('$name store', (engine) => {
  const t = storeTestContext(engine);

  describe('findEventsStartingBetween', () => {
    it('returns the events starting in the half-open window, in start order, whatever offset the source wrote', () => {
      t.store.upsertEvents([
        makeEvent({ id: 'late', start: '2027-03-04T23:30:00-06:00', end: undefined }),
        makeEvent({ id: 'early', start: '2027-03-04T08:00:00Z', end: undefined }),
        makeEvent({ id: 'edge', start: '2027-03-06T00:00:00Z', end: undefined }),
        makeEvent({ id: 'before', start: '2027-03-03T23:59:59Z', end: undefined }),
      ]);
      const from = Date.parse('2027-03-04T00:00:00Z');
      const to = Date.parse('2027-03-06T00:00:00Z');
      expect(t.store.findEventsStartingBetween(from, to).map((e) => e.id)).toEqual(['early', 'late']);
      expect(t.store.findEventsStartingBetween(to, to + 1).map((e) => e.id)).toEqual(['edge']);
      expect(t.store.findEventsStartingBetween(to + 1, to + 2)).toEqual([]);
    });
  });

  describe('listSourceRefs', () => {
    it("lists one (event, URL) pair per reference of the source, and none of other sources' references", () => {
      const seenAt = '2026-11-01T00:00:00Z';
      t.store.upsertEvents([
        makeEvent({
          id: 'a',
          sources: [
            { sourceId: 'cal', url: 'https://example.org/cal.ics', seenAt },
            { sourceId: 'hub', url: 'https://hub.example.com/e/a', seenAt },
          ],
        }),
        makeEvent({ id: 'b', sources: [{ sourceId: 'cal', url: 'https://example.org/cal.ics', seenAt }] }),
        makeEvent({ id: 'c', sources: [{ sourceId: 'hub', url: 'https://hub.example.com/e/c', seenAt }] }),
      ]);
      expect(t.store.listSourceRefs('cal')).toEqual([
        { eventId: 'a', url: 'https://example.org/cal.ics' },
        { eventId: 'b', url: 'https://example.org/cal.ics' },
      ]);
      expect(t.store.listSourceRefs('hub').map((r) => r.eventId)).toEqual(['a', 'c']);
      expect(t.store.listSourceRefs('nobody')).toEqual([]);
    });
  });

  describe('listUpcomingEventStamps', () => {
    it('lists the events listings show at an instant, in id order, with when each last changed', () => {
      t.store.upsertEvents([
        makeEvent({ id: 'b-ongoing', start: '2027-03-01T09:00:00Z', end: '2027-03-10T17:00:00Z' }),
        makeEvent({ id: 'a-later', start: '2027-04-01T09:00:00Z', end: undefined }),
        makeEvent({ id: 'c-ended', start: '2027-03-01T09:00:00Z', end: '2027-03-04T23:59:59Z' }),
        makeEvent({ id: 'd-delisted', start: '2027-04-01T09:00:00Z', end: undefined, delisted: true }),
        makeEvent({ id: 'e-hobby', start: '2027-04-01T09:00:00Z', end: undefined, careerRelevant: false }),
        makeEvent({ id: 'f-relevant', start: '2027-04-01T09:00:00Z', end: undefined, careerRelevant: true }),
        makeEvent({ id: 'g-at-now', start: '2027-03-05T00:00:00Z', end: undefined }),
      ]);
      const stamps = t.store.listUpcomingEventStamps(Date.parse('2027-03-05T00:00:00Z'));
      expect(stamps.map((s) => s.id)).toEqual(['a-later', 'b-ongoing', 'f-relevant', 'g-at-now']);
      expect(stamps[0]?.updatedAt).toBe(t.store.getEvent('a-later')?.updatedAt);
    });
  });

  describe('listSeriesEvents', () => {
    it('lists the occurrences of a series, soonest first, and nothing for an unknown series', () => {
      t.store.upsertEvents([
        makeEvent({ id: 'b', seriesId: 'se_1', start: '2027-04-04T15:00:00Z', end: undefined }),
        makeEvent({ id: 'a', seriesId: 'se_1', start: '2027-03-04T15:00:00Z', end: undefined }),
        makeEvent({ id: 'other', seriesId: 'se_2' }),
        makeEvent({ id: 'alone' }),
      ]);
      expect(t.store.listSeriesEvents('se_1').map((e) => e.id)).toEqual(['a', 'b']);
      expect(t.store.listSeriesEvents('nope')).toEqual([]);
    });
  });
});
