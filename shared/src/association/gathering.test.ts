import { describe, expect, it } from 'vitest';
import type { Source } from '../source/source.schema.js';
import { gatheringByAssociation, gatheringNote, NO_GATHERING } from './gathering.js';

const source = (id: string, associationId: string | undefined, over: Partial<Source> = {}): Source => ({
  id,
  url: `https://${id}.example/events`,
  kind: 'auto',
  fields: [],
  pathways: [],
  recrawlMinutes: 1440,
  enabled: false,
  allowPrivateNetwork: false,
  health: { eventsFound: 0, errorCount: 0 },
  ...(associationId ? { associationId } : {}),
  ...over,
});

describe('gatheringByAssociation', () => {
  it("sums each association's sources, enabled ones, crawls and events; ignores sources of no association", () => {
    const byId = gatheringByAssociation([
      source('a1', 'a', {
        enabled: true,
        health: { eventsFound: 3, errorCount: 0, lastCrawledAt: '2026-01-01T00:00:00Z' },
      }),
      source('a2', 'a'),
      source('b1', 'b'),
      source('loose', undefined, { enabled: true }),
    ]);
    expect(Object.fromEntries(byId)).toEqual({
      a: { sources: 2, enabledSources: 1, crawled: true, eventsFound: 3 },
      b: { sources: 1, enabledSources: 0, crawled: false, eventsFound: 0 },
    });
  });
});

describe('gatheringNote', () => {
  it('says why there are no events yet, and nothing once a crawl found some', () => {
    expect(gatheringNote(NO_GATHERING)).toMatch(/^Not yet crawled: Fieldguide knows no events page/);
    expect(gatheringNote({ sources: 1, enabledSources: 0, crawled: false, eventsFound: 0 })).toBe(
      'Not yet crawled: its events source is known but not enabled on this Fieldguide.',
    );
    expect(gatheringNote({ sources: 1, enabledSources: 1, crawled: false, eventsFound: 0 })).toMatch(
      /read on the next crawl/,
    );
    expect(gatheringNote({ sources: 1, enabledSources: 1, crawled: true, eventsFound: 0 })).toBe(
      'Its events source was read and listed no events.',
    );
    expect(gatheringNote({ sources: 1, enabledSources: 0, crawled: true, eventsFound: 4 })).toBeUndefined();
  });
});
