import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventDocument, toSearchDocument } from '@fieldguide/shared';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMeilisearch } from '../runtime/meilisearch-runtime.js';
import { startTestMeilisearch, type TestMeilisearch } from '../runtime/test-meilisearch.js';
import { makeAssociation } from '../store/fixtures/sample-data.js';
import type { Store } from '../store/store.types.js';
import { IndexUnavailableError } from './client.js';
import { makeEvent, tempStore } from './fixtures/index-fixtures.js';
import { drainOutbox } from './outbox-drain.js';
import { createOutboxDrainer } from './outbox-drainer.js';
import { createIndex, type SearchIndex } from './search-index.js';

const association = makeAssociation();

/** Every event document in the index, by id. */
async function allEventDocuments(index: SearchIndex): Promise<Map<string, EventDocument>> {
  const documents = new Map<string, EventDocument>();
  for (let page = 1; ; page++) {
    const result = await index.searchEvents({ page, hitsPerPage: 1000 });
    for (const hit of result.hits) documents.set(hit.id, hit);
    if (page >= (result.totalPages ?? 0)) return documents;
  }
}

let store: Store;
let cleanupStore: () => void;

beforeEach(() => {
  ({ store, cleanup: cleanupStore } = tempStore());
});

afterEach(() => {
  cleanupStore();
});

describe('drainOutbox', () => {
  let meili: TestMeilisearch;
  let index: SearchIndex;

  beforeAll(async () => {
    meili = await startTestMeilisearch();
  });

  afterAll(async () => {
    await meili?.stop();
  });

  beforeEach(async () => {
    index = createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: `${meili.prefix}${Date.now()}_` });
    await index.applySettings();
  });

  afterEach(async () => {
    await index.close();
  });

  it('sends the last change per entity, deletes what is gone, then acknowledges', async () => {
    store.upsertEvents(Array.from({ length: 10 }, (_, n) => makeEvent(n)));
    store.upsertEvent(makeEvent(1, { title: 'Renamed event' }));
    store.deleteEvent('ev-2');
    store.upsertAssociation(association);
    const lastSeq = store.readOutbox(100).at(-1)!.seq;

    const result = await drainOutbox(store, index, { batchSize: 100 });

    expect(result).toMatchObject({ entries: 13, upserted: 10, deleted: 1, rejected: [], ackedSeq: lastSeq });
    expect(store.outboxSize()).toBe(0);
    const documents = await allEventDocuments(index);
    expect(documents.size).toBe(9);
    expect(documents.has('ev-2')).toBe(false);
    expect(documents.get('ev-1')).toEqual(toSearchDocument(store.getEvent('ev-1')!));
    expect(documents.get('ev-1')?.title).toBe('Renamed event');
    const associations = await index.searchAssociations({ q: 'nurses' });
    expect(associations.hits.map((hit) => hit.id)).toEqual(['assoc-1']);
    expect(associations.hits[0]?.hasJobBoard).toBe(true);
  });

  it("keeps the order of each event's changes with several rounds in flight", async () => {
    const ids = Array.from({ length: 40 }, (_, n) => n);
    store.upsertEvents(ids.map((n) => makeEvent(n)));
    for (let version = 2; version <= 4; version++) {
      for (const n of ids) store.upsertEvent(makeEvent(n, { title: `Version ${version} of ${n}` }));
      for (const n of ids.filter((n) => n % 5 === version)) store.deleteEvent(`ev-${n}`);
    }
    store.upsertEvent(makeEvent(2, { title: 'Back after its deletion' }));

    const result = await drainOutbox(store, index, { batchSize: 7, maxEntriesInFlight: 28 });

    expect(result.rejected).toEqual([]);
    expect(store.outboxSize()).toBe(0);
    const documents = await allEventDocuments(index);
    const stored = [...store.iterateEvents()];
    expect(stored.length).toBeLessThan(ids.length);
    expect([...documents.keys()].sort()).toEqual(stored.map((event) => event.id).sort());
    for (const event of stored) expect(documents.get(event.id)).toEqual(toSearchDocument(event));
    expect(documents.get('ev-2')?.title).toBe('Back after its deletion');
  });

  it('deletes ended events instead of sending them, and keeps them in the store', async () => {
    const noEnd = { start: '2027-04-05T15:00:00Z', end: undefined };
    store.upsertEvents([makeEvent(1), makeEvent(2, noEnd)]);
    const indexed = await drainOutbox(store, index, { now: () => new Date('2027-04-01T00:00:00Z') });
    expect(indexed).toMatchObject({ upserted: 2, deleted: 0 });

    store.upsertEvent(makeEvent(1, { title: 'Changed after it ended' }));
    store.upsertEvent(makeEvent(2, { ...noEnd, title: 'Changed as it starts' }));
    store.upsertEvent(makeEvent(3, { start: '2027-04-01T15:00:00Z', end: '2027-04-01T16:00:00Z' }));
    const result = await drainOutbox(store, index, { now: () => new Date('2027-04-05T15:00:00Z') });

    // ev-1 ended on the 2nd; ev-2 has no end and starts right now, ev-3 ended on the 1st.
    expect(result).toMatchObject({ upserted: 1, deleted: 2 });
    expect([...(await allEventDocuments(index)).keys()]).toEqual(['ev-2']);
    expect(store.getEvent('ev-1')?.title).toBe('Changed after it ended');
    expect(store.getEvent('ev-3')).toBeDefined();
  });

  it('the drainer deletes events that ended since they were indexed', async () => {
    let now = new Date('2027-04-01T00:00:00Z');
    const drainer = createOutboxDrainer(store, index, { intervalMs: 60_000, sweepIntervalMs: 0, now: () => now });
    store.upsertEvents([1, 2, 3].map((n) => makeEvent(n)));
    await drainer.drainNow();
    expect((await index.stats()).event.numberOfDocuments).toBe(3);

    // ev-2 ends on April 3 at 21:00, ev-1 a day earlier, ev-3 a day later.
    now = new Date('2027-04-03T21:00:01Z');
    await drainer.drainNow();

    expect([...(await allEventDocuments(index)).keys()]).toEqual(['ev-3']);
    expect(store.countEvents()).toBe(3);
  });

  it('returns at once with nothing to do', async () => {
    expect(await drainOutbox(store, index)).toMatchObject({ entries: 0, ackedSeq: null, paused: false });
  });

  it('leaves out a document Meilisearch refuses, and indexes the others', async () => {
    store.upsertEvents([makeEvent(1), makeEvent(2), makeEvent(3)]);
    // A row the schema of today would refuse, as an older version could have written it.
    const db = new Database(store.path);
    db.pragma('foreign_keys = OFF');
    db.prepare(
      `UPDATE events SET id = 'not a valid id!', doc = json_set(doc, '$.id', 'not a valid id!') WHERE id = 'ev-2'`,
    ).run();
    db.prepare(`UPDATE outbox SET entity_id = 'not a valid id!' WHERE entity_id = 'ev-2'`).run();
    db.close();

    const result = await drainOutbox(store, index);

    expect(result.rejected).toEqual([
      { entity: 'event', id: 'not a valid id!', reason: expect.stringMatching(/invalid_document_id/) },
    ]);
    expect(store.outboxSize()).toBe(0);
    expect([...(await allEventDocuments(index)).keys()].sort()).toEqual(['ev-1', 'ev-3']);
  });

  it('drainNow drains at once; start and stop run the loop', async () => {
    const drained: number[] = [];
    const drainer = createOutboxDrainer(store, index, {
      intervalMs: 60_000,
      onDrain: (result) => drained.push(result.entries),
    });
    store.upsertEvents([makeEvent(1), makeEvent(2)]);

    expect(await drainer.drainNow()).toMatchObject({ entries: 2, upserted: 2 });
    expect(drained).toEqual([2]);
    expect(drainer.running).toBe(false);

    store.upsertEvent(makeEvent(3));
    drainer.start();
    expect(drainer.running).toBe(true);
    await vi.waitFor(() => expect(store.outboxSize()).toBe(0), { timeout: 10_000, interval: 20 });
    await drainer.stop();
    expect(drainer.running).toBe(false);
    expect(drained).toEqual([2, 1]);
    expect((await index.stats()).event.numberOfDocuments).toBe(3);
  });

  it('acknowledges nothing when Meilisearch cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = createIndex({ url: `http://127.0.0.1:${port}`, masterKey: 'k' });
    store.upsertEvents([makeEvent(1), makeEvent(2)]);

    await expect(drainOutbox(store, unreachable)).rejects.toBeInstanceOf(IndexUnavailableError);
    expect(store.outboxSize()).toBe(2);
    await unreachable.close();
  });
});

describe('the outbox across a Meilisearch crash', () => {
  let dataDir: string;
  let stopMeili: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fieldguide-crash-'));
  });

  afterAll(async () => {
    await stopMeili?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing when Meilisearch is killed mid-drain and started again', async () => {
    const first = await startMeilisearch({ dataDir, port: 0, maxIndexingMemory: '256MiB' });
    stopMeili = first.stop;
    const port = Number(new URL(first.url).port);
    const index = createIndex({ url: first.url, masterKey: first.masterKey });
    await index.applySettings();
    const total = 3000;
    for (let n = 0; n < total; n += 500) {
      store.upsertEvents(Array.from({ length: 500 }, (_, i) => makeEvent(n + i)));
    }

    // Kill Meilisearch right after the second round's documents were sent, before their task is confirmed (one
    // round in flight at a time, so the first round is surely acknowledged).
    let waits = 0;
    const killing: SearchIndex = {
      ...index,
      async waitTask(task, options) {
        if (++waits === 2) {
          first.process.kill('SIGKILL');
          await once(first.process, 'exit');
        }
        return index.waitTask(task, options);
      },
    };
    await expect(drainOutbox(store, killing, { batchSize: 500, maxEntriesInFlight: 500 })).rejects.toBeInstanceOf(
      IndexUnavailableError,
    );
    expect(store.outboxSize()).toBe(total - 500);

    // Changes keep coming while it is down; the drainer backs off.
    for (let n = 0; n < 50; n++) store.upsertEvent(makeEvent(n * 7, { title: `Changed while down ${n}` }));
    for (let n = 0; n < 10; n++) store.deleteEvent(`ev-${n * 11 + 1}`);
    const failures: unknown[] = [];
    const drainer = createOutboxDrainer(store, index, {
      intervalMs: 20,
      maxBackoffMs: 200,
      batchSize: 500,
      onError: (error) => failures.push(error),
    });
    drainer.start();
    await vi.waitFor(() => expect(failures.length).toBeGreaterThanOrEqual(2), { timeout: 10_000, interval: 20 });
    expect(failures.every((error) => error instanceof IndexUnavailableError)).toBe(true);
    expect(drainer.lastError).toBeInstanceOf(IndexUnavailableError);

    const second = await startMeilisearch({ dataDir, port, maxIndexingMemory: '256MiB' });
    stopMeili = second.stop;
    await vi.waitFor(() => expect(store.outboxSize()).toBe(0), { timeout: 60_000, interval: 50 });
    await drainer.stop();
    expect(drainer.lastError).toBeUndefined();

    const documents = await allEventDocuments(index);
    expect(documents.size).toBe(store.countEvents());
    expect(documents.size).toBe(total - 10);
    for (const event of store.iterateEvents()) expect(documents.get(event.id)).toEqual(toSearchDocument(event));
    expect(documents.get('ev-7')?.title).toBe('Changed while down 1');
    expect(documents.has('ev-12')).toBe(false);
    await index.close();
  });
});
