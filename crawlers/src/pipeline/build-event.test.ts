import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../extract/raw-event.js';
import { buildEvents, type DocumentContext } from './build-event.js';
import { defaultClassifier } from './default-classifier.js';
import { eventIdFor } from './event-id.js';

const ctx: DocumentContext = {
  source: { id: 'glna', fields: ['health-science'], pathways: [], associationId: 'glna' },
  documentUrl: 'https://glna.example.org/events/',
  seenAt: '2026-03-07T12:00:00Z',
  classify: defaultClassifier,
};
const raw = (patch: Partial<RawEvent>): RawEvent => ({
  title: 'Spring Nursing Career Fair',
  start: '2026-04-02T10:00:00-05:00',
  extractedBy: 'json-ld',
  ...patch,
});

describe('buildEvents', () => {
  it('makes schema-valid Events with the source hints, association and a source reference', () => {
    const { events, rejected } = buildEvents([raw({ url: 'https://glna.example.org/events/fair/' })], ctx);
    expect(rejected).toEqual([]);
    expect(events[0]).toMatchObject({
      id: expect.stringMatching(/^ev_[0-9a-f]{32}$/),
      url: 'https://glna.example.org/events/fair/',
      fields: ['health-science'],
      associationId: 'glna',
      type: 'career-fair',
      delisted: false,
      sources: [{ sourceId: 'glna', url: ctx.documentUrl, seenAt: ctx.seenAt }],
    });
  });

  it('leaves out, with a reason, an event that cannot be read or does not validate, and keeps the others', () => {
    const badClassifier: DocumentContext['classify'] = (input) => ({
      ...defaultClassifier(input),
      fields: input.title.includes('Bad') ? ['Not A Field'] : [],
    });
    const { events, rejected } = buildEvents(
      [raw({ title: 'Good' }), raw({ title: 'No date', start: 'sometime soon' }), raw({ title: 'Bad field' })],
      { ...ctx, classify: badClassifier },
    );
    expect(events.map((e) => e.title)).toEqual(['Good']);
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toMatch(/^"No date" \(https:\/\/glna\.example\.org\/events\/\): /);
    expect(rejected[1]).toMatch(/^"Bad field" .*invalid event: \/fields\/1 /);
  });

  it("records where each event's zone came from, in a schema-valid Event", () => {
    const { events, rejected } = buildEvents(
      [
        raw({ title: 'Denver fair', start: '2026-04-02T10:00:00', venue: { address: 'Denver, CO' } }),
        raw({ title: 'Chicago fair', timeZone: 'America/Chicago' }),
        raw({ title: 'Nowhere fair', start: '2026-04-02T10:00:00' }),
      ],
      ctx,
    );
    expect(rejected).toEqual([]);
    expect(events.map((e) => [e.title, e.timeZone, e.timeZoneSource])).toEqual([
      ['Denver fair', 'America/Denver', 'venue'],
      ['Chicago fair', 'America/Chicago', 'stated'],
      ['Nowhere fair', 'UTC', 'assumed-utc'],
    ]);
  });

  it('gives events listed on one page without URLs of their own distinct ids', () => {
    const { events } = buildEvents([raw({ title: 'Breakfast' }), raw({ title: 'Career Fair' })], ctx);
    expect(new Set(events.map((e) => e.id)).size).toBe(2);
    expect(events.every((e) => e.url === ctx.documentUrl)).toBe(true);
  });

  it("gives the occurrences of a page's eventSchedule one series and an id each", () => {
    const url = 'https://glna.example.org/events/journal-club/';
    const occurrence = (start: string) =>
      raw({ title: 'Nursing Journal Club', start, timeZone: 'America/Chicago', url, seriesKey: `${url}#club` });
    const { events } = buildEvents(
      [occurrence('2026-04-07T18:00:00'), occurrence('2026-04-14T18:00:00'), raw({ title: 'One-off Gala', url })],
      ctx,
    );
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    expect(events[0]!.seriesId).toMatch(/^se_[0-9a-f]{32}$/);
    expect(events[1]!.seriesId).toBe(events[0]!.seriesId);
    expect(events[2]!.seriesId).toBeUndefined();
  });
});

describe('eventIdFor', () => {
  const base = { sourceId: 's', title: 'T', start: '2026-04-02T15:00:00Z', sharedUrl: false } as const;
  it('uses the canonical URL for pages, and source + UID for calendars', () => {
    const a = eventIdFor({ ...base, extractedBy: 'json-ld', url: 'https://www.example.org/e/1/?utm_source=x' });
    expect(a).toBe(eventIdFor({ ...base, extractedBy: 'microdata', url: 'http://example.org/e/1' }));
    const occurrence = eventIdFor({
      ...base,
      extractedBy: 'ical',
      uid: 'm@x#20260402',
      url: 'https://example.org/e/1',
    });
    expect(occurrence).not.toBe(
      eventIdFor({ ...base, extractedBy: 'ical', uid: 'm@x#20260502', url: 'https://example.org/e/1' }),
    );
    expect(occurrence).not.toBe(a);
    expect(occurrence).toMatch(/^ev_[0-9a-f]{32}$/);
  });
});
