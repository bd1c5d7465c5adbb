import { toSearchDocument } from '@fieldguide/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestMeilisearch, type TestMeilisearch } from '../runtime/test-meilisearch.js';
import type { Store } from '../store/store.types.js';
import { IndexError } from './client.js';
import { makeEvent, tempStore } from './fixtures/index-fixtures.js';
import { drainOutbox } from './outbox-drain.js';
import { defaultTasksInFlight, reindex } from './reindex.js';
import { createIndex, type SearchIndex } from './search-index.js';

let meili: TestMeilisearch;
let index: SearchIndex;
let store: Store;
let cleanupStore: () => void;
const TOTAL = 3000;

beforeAll(async () => {
  meili = await startTestMeilisearch();
});

afterAll(async () => {
  await meili?.stop();
});

beforeEach(async () => {
  ({ store, cleanup: cleanupStore } = tempStore());
  index = createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: `${meili.prefix}${Date.now()}_` });
  await index.applySettings();
});

afterEach(async () => {
  await index.close();
  cleanupStore();
});

describe('reindex', () => {
  it('keeps answering searches while it rebuilds, and loses no change made meanwhile', async () => {
    for (let n = 0; n < TOTAL; n += 500) store.upsertEvents(Array.from({ length: 500 }, (_, i) => makeEvent(n + i)));
    await drainOutbox(store, index);
    const liveBefore = await index.stats();
    expect(liveBefore.event.numberOfDocuments).toBe(TOTAL);

    let rebuilding = true;
    let searches = 0;
    const searching = (async () => {
      while (rebuilding) {
        const result = await index.searchEvents({ q: 'nursing meetup', filter: 'country = "US"', hitsPerPage: 5 });
        expect(result.hits.length).toBeGreaterThan(0);
        searches++;
      }
    })();

    let changedDuringCopy = false;
    let pausedDrain: Awaited<ReturnType<typeof drainOutbox>> | undefined;
    const result = await reindex(store, index, {
      batchSize: 500,
      onProgress: ({ entity, sent }) => {
        if (entity !== 'event' || sent !== 1000 || changedDuringCopy) return;
        changedDuringCopy = true;
        // ev-0 was in the first batch already sent: the new index has its old title.
        store.upsertEvent(makeEvent(0, { title: 'Renamed during the rebuild' }));
        store.deleteEvent('ev-1');
        store.upsertEvent(makeEvent(TOTAL));
        void drainOutbox(store, index).then((drained) => {
          pausedDrain = drained;
        });
      },
    }).finally(() => {
      rebuilding = false;
    });
    await searching;

    expect(changedDuringCopy).toBe(true);
    expect(searches).toBeGreaterThan(10);
    expect(pausedDrain).toMatchObject({ paused: true, entries: 0 });
    // The copy saw ev-1 (read before its deletion) and ev-3000 (read after its insertion).
    expect(result).toMatchObject({ events: TOTAL + 1, associations: 0, rejected: [] });
    expect(result.drained).toMatchObject({ entries: 3, upserted: 2, deleted: 1 });
    expect(store.outboxSize()).toBe(0);

    const renamed = await index.searchEvents({ q: 'Renamed during the rebuild', hitsPerPage: 1 });
    expect(renamed.hits[0]).toEqual(toSearchDocument(store.getEvent('ev-0')!));
    const ids = new Set<string>();
    for (let page = 1; page <= 4; page++) {
      for (const hit of (await index.searchEvents({ page, hitsPerPage: 1000 })).hits) ids.add(hit.id);
    }
    expect(ids.size).toBe(TOTAL);
    expect(ids.has('ev-1')).toBe(false);
    expect(ids.has(`ev-${TOTAL}`)).toBe(true);
    const uids = await index.listIndexes();
    expect(uids.filter((uid) => uid.startsWith(index.names.event)).sort()).toEqual([index.names.event]);
    expect(uids.filter((uid) => uid.startsWith(index.names.association)).sort()).toEqual([index.names.association]);
  });

  it('leaves ended events out of the new index, and keeps them in the store', async () => {
    store.upsertEvents(Array.from({ length: 10 }, (_, n) => makeEvent(n)));
    // makeEvent(n) ends on April n+1, 2027 at 21:00 UTC.
    const result = await reindex(store, index, { now: () => new Date('2027-04-05T00:00:00Z') });

    expect(result).toMatchObject({ events: 6, ended: 4 });
    const ids = (await index.searchEvents({ hitsPerPage: 100 })).hits.map((hit) => hit.id).sort();
    expect(ids).toEqual(['ev-4', 'ev-5', 'ev-6', 'ev-7', 'ev-8', 'ev-9']);
    expect(store.countEvents()).toBe(10);
  });

  it('builds the indexes from scratch, and refuses a second rebuild at the same time', async () => {
    store.upsertEvents(Array.from({ length: 20 }, (_, n) => makeEvent(n)));
    const first = reindex(store, index);
    await expect(reindex(store, index)).rejects.toMatchObject({ code: 'INDEX_REBUILD_RUNNING' });
    await expect(reindex(store, index)).rejects.toBeInstanceOf(IndexError);

    expect((await first).events).toBe(20);
    expect((await index.stats()).event.numberOfDocuments).toBe(20);
    expect((await reindex(store, index)).events).toBe(20);
  });
});

describe('defaultTasksInFlight', () => {
  it('queues about 3 % of the events ahead, from one request to three', () => {
    expect(defaultTasksInFlight(0, 10_000)).toBe(1);
    expect(defaultTasksInFlight(100_000, 10_000)).toBe(1);
    expect(defaultTasksInFlight(700_000, 10_000)).toBe(2);
    expect(defaultTasksInFlight(1_000_000, 10_000)).toBe(3);
    expect(defaultTasksInFlight(5_000_000, 10_000)).toBe(3);
  });
});
