import type { SuggestionPreview } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { StoreNotFoundError } from './errors.js';
import { storeEngines, storeTestContext } from './fixtures/store-engines.js';

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

describe.each(storeEngines())('$name store', (engine) => {
  const t = storeTestContext(engine);

  describe('suggestions', () => {
    it('keeps one suggestion per normalized URL, counting each time it is suggested again', () => {
      const first = t.store.recordSuggestion({
        url: 'https://Example.org/',
        normalizedUrl: 'https://example.org/',
        field: 'health-science',
        preview: preview(0),
      });
      expect(first.duplicate).toBe(false);
      expect(first.suggestion).toMatchObject({ count: 1, status: 'pending', note: null, field: 'health-science' });
      t.clock.tick(1000);
      const again = t.store.recordSuggestion({
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
      expect(t.store.listSuggestions()).toHaveLength(1);
    });

    it('lists by status, newest first, and records decisions', () => {
      const a = t.store.recordSuggestion({
        url: 'https://a.example/',
        normalizedUrl: 'https://a.example/',
        preview: preview(1),
      });
      t.clock.tick(1000);
      const b = t.store.recordSuggestion({
        url: 'https://b.example/',
        normalizedUrl: 'https://b.example/',
        preview: preview(1),
      });
      expect(t.store.listSuggestions({ status: 'pending' }).map((s) => s.id)).toEqual([
        b.suggestion.id,
        a.suggestion.id,
      ]);
      t.store.decideSuggestion(a.suggestion.id, { status: 'refused', reason: 'not a professional association' });
      const accepted = t.store.decideSuggestion(b.suggestion.id, { status: 'accepted', sourceId: 'b-example' });
      expect(accepted).toMatchObject({ status: 'accepted', sourceId: 'b-example', reason: null });
      expect(accepted.decidedAt).toBe(t.clock.iso());
      expect(t.store.listSuggestions({ status: 'pending' })).toEqual([]);
      expect(t.store.listSuggestions({ status: 'refused' })).toMatchObject([
        { id: a.suggestion.id, reason: 'not a professional association' },
      ]);
      expect(() => t.store.decideSuggestion(999, { status: 'refused', reason: 'x' })).toThrow(StoreNotFoundError);
    });

    it('refuses a preview that does not fit its schema, storing nothing', () => {
      const bad = { ...preview(1), eventCount: -1 };
      expect(() =>
        t.store.recordSuggestion({ url: 'https://c.example/', normalizedUrl: 'https://c.example/', preview: bad }),
      ).toThrow(/suggestion preview/);
      expect(t.store.listSuggestions()).toEqual([]);
    });
  });
});
