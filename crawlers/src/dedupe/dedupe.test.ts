import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent, tempStorePath } from '../storage/store/fixtures/sample-data.js';
import { createStore } from '../storage/store/store.js';
import type { Store } from '../storage/store/store.types.js';
import { dedupeEvents } from './dedupe.js';

let temp: ReturnType<typeof tempStorePath>;
let store: Store;

beforeEach(() => {
  temp = tempStorePath();
  store = createStore({ path: temp.path });
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

const seenAt = '2026-03-07T12:00:00Z';
const fromAssociation = makeEvent({
  id: 'ev-assoc',
  title: 'GLNA Nursing Leadership Summit 2026',
  url: 'https://glna.example.org/events/summit/',
  start: '2026-04-21T13:00:00Z',
  end: undefined,
  sources: [{ sourceId: 'glna', url: 'https://glna.example.org/events/', seenAt }],
  firstSeen: '2026-03-01T00:00:00Z',
});
const fromPlatform = makeEvent({
  id: 'ev-hub',
  title: 'Great Lakes Nursing Leadership Summit',
  description: 'Chicago, two days; the career pavilion hosts hospital recruiters from across the region.',
  url: 'https://hub.example.com/e/great-lakes-nursing-leadership-summit-7316/',
  start: '2026-04-21T13:00:00Z',
  end: undefined,
  sources: [{ sourceId: 'hub', url: 'https://hub.example.com/e/great-lakes-nursing-leadership-summit-7316/', seenAt }],
  firstSeen: seenAt,
});

describe('dedupeEvents', () => {
  it('merges an incoming duplicate into the stored event, which keeps its id, firstSeen and both sources', () => {
    store.upsertEvent(fromAssociation);
    const outcome = dedupeEvents([fromPlatform], store);
    expect(outcome.idMap.get('ev-hub')).toBe('ev-assoc');
    expect(outcome.events).toHaveLength(1);
    const [merged] = outcome.events;
    expect(merged).toMatchObject({
      id: 'ev-assoc',
      firstSeen: '2026-03-01T00:00:00Z',
      description: fromPlatform.description,
    });
    expect(merged!.sources.map((s) => s.sourceId).sort()).toEqual(['glna', 'hub']);
  });

  it('folds duplicates inside one batch and leaves distinct events alone', () => {
    const other = makeEvent({
      id: 'ev-other',
      title: 'Nurse Educators Book Club',
      start: '2026-04-21T23:00:00Z',
      end: undefined,
    });
    const outcome = dedupeEvents([fromAssociation, fromPlatform, other]);
    expect(outcome.events.map((e) => e.id).sort()).toEqual(['ev-assoc', 'ev-other']);
    expect(outcome.merges).toEqual([expect.objectContaining({ from: 'ev-hub', into: 'ev-assoc' })]);
  });

  it('is stable across crawls: the next crawl of either source lands on the same stored event, unchanged', () => {
    store.upsertEvent(fromAssociation);
    store.upsertEvents(dedupeEvents([fromPlatform], store).events);
    const outboxBefore = store.outboxSize();
    for (const incoming of [fromPlatform, fromAssociation]) {
      const results = store.upsertEvents(dedupeEvents([incoming], store).events);
      expect(results).toEqual([{ id: 'ev-assoc', status: 'unchanged' }]);
    }
    expect(store.countEvents()).toBe(1);
    expect(store.outboxSize()).toBe(outboxBefore);
  });
});
