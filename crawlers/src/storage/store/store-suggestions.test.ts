import type { SuggestionPreview } from '@fieldguide/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StoreNotFoundError } from './errors.js';
import { testClock } from './fixtures/sample-data.js';
import { storeEngines, type TestStoreLocation } from './fixtures/store-engines.js';
import type { Store } from './store.types.js';

describe.each(storeEngines())('$name store', (engine) => {
  let location: TestStoreLocation;
  let store: Store;
  let clock: ReturnType<typeof testClock>;

  const preview = (eventCount: number): SuggestionPreview => ({
    url: 'https://example.org/',
    kind: eventCount > 0 ? 'ics' : null,
    sources: [],
    association: null,
    eventCount,
    events: [],
    nothingFound: eventCount > 0 ? null : 'no events',
    warnings: [],
  });

  beforeAll(() => engine.setup());
  afterAll(() => engine.teardown());

  beforeEach(async () => {
    location = await engine.fresh();
    clock = testClock();
    store = location.open({ now: clock.now });
  });

  afterEach(async () => {
    store.close();
    await location.cleanup();
  });

  describe('suggestions', () => {
    it('keeps one suggestion per normalized URL, counting each time it is suggested again', () => {
      const first = store.recordSuggestion({
        url: 'https://Example.org/',
        normalizedUrl: 'https://example.org/',
        field: 'health-science',
        preview: preview(0),
      });
      expect(first.duplicate).toBe(false);
      expect(first.suggestion).toMatchObject({ count: 1, status: 'pending', note: null, field: 'health-science' });
      clock.tick(1000);
      const again = store.recordSuggestion({
        url: 'https://example.org',
        normalizedUrl: 'https://example.org/',
        note: 'their spring meeting',
        field: 'finance',
        preview: preview(3),
      });
      expect(again.duplicate).toBe(true);
      expect(again.suggestion).toMatchObject({
        id: first.suggestion.id,
        url: 'https://Example.org/',
        count: 2,
        note: 'their spring meeting',
        field: 'health-science',
        preview: { eventCount: 3 },
      });
      expect(again.suggestion.updatedAt > again.suggestion.createdAt).toBe(true);
      expect(store.listSuggestions()).toHaveLength(1);
    });

    it('lists by status, newest first, and records decisions', () => {
      const a = store.recordSuggestion({
        url: 'https://a.example/',
        normalizedUrl: 'https://a.example/',
        preview: preview(1),
      });
      clock.tick(1000);
      const b = store.recordSuggestion({
        url: 'https://b.example/',
        normalizedUrl: 'https://b.example/',
        preview: preview(1),
      });
      expect(store.listSuggestions({ status: 'pending' }).map((s) => s.id)).toEqual([b.suggestion.id, a.suggestion.id]);
      store.decideSuggestion(a.suggestion.id, { status: 'refused', reason: 'not a professional association' });
      const accepted = store.decideSuggestion(b.suggestion.id, { status: 'accepted', sourceId: 'b-example' });
      expect(accepted).toMatchObject({ status: 'accepted', sourceId: 'b-example', reason: null });
      expect(accepted.decidedAt).toBe(clock.iso());
      expect(store.listSuggestions({ status: 'pending' })).toEqual([]);
      expect(store.listSuggestions({ status: 'refused' })).toMatchObject([
        { id: a.suggestion.id, reason: 'not a professional association' },
      ]);
      expect(() => store.decideSuggestion(999, { status: 'refused', reason: 'x' })).toThrow(StoreNotFoundError);
    });

    it('refuses a preview that does not fit its schema, storing nothing', () => {
      const bad = { ...preview(1), eventCount: -1 };
      expect(() =>
        store.recordSuggestion({ url: 'https://c.example/', normalizedUrl: 'https://c.example/', preview: bad }),
      ).toThrow(/suggestion preview/);
      expect(store.listSuggestions()).toEqual([]);
    });
  });
});
