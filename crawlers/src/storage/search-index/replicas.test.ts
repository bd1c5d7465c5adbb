import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EventDocument, toSearchDocument } from '@fieldguide/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningMeilisearch, startMeilisearch } from '../runtime/meilisearch-runtime.js';
import type { Store } from '../store/store.types.js';
import { IndexUnavailableError } from './client.js';
import { makeEvent, tempStore } from './fixtures/index-fixtures.js';
import { drainOutbox } from './outbox-drain.js';
import { createOutboxDrainer, type OutboxDrainer } from './outbox-drainer.js';
import { reindexReplica } from './reindex.js';
import { createReplicatedIndex, type ReplicatedSearchIndex } from './replica-set.js';
import { createIndex, type IndexDocument, type IndexedEntity, type SearchIndex } from './search-index.js';

const MASTER_KEY = 'replicas-test-master-key';

/** One Meilisearch replica on its own data dir, which can be stopped, wiped and started again on the same port. */
interface Replica {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its data: it comes back empty. */
  wipe(): Promise<void>;
  remove(): Promise<void>;
}

async function startReplica(): Promise<Replica> {
  const dataDir = await mkdtemp(join(tmpdir(), 'fieldguide-replica-'));
  const launch = (port: number) =>
    startMeilisearch({ dataDir, port, masterKey: MASTER_KEY, maxIndexingMemory: '256MiB', maxIndexingThreads: 1 });
  let running: RunningMeilisearch | undefined = await launch(0);
  const port = Number(new URL(running.url).port);
  const stop = async () => {
    await running?.stop();
    running = undefined;
  };
  return {
    url: running.url,
    stop,
    async start() {
      running = await launch(port);
    },
    async wipe() {
      await stop();
      await rm(join(dataDir, 'data.ms'), { recursive: true, force: true });
    },
    async remove() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every event document a replica holds, by id. */
async function eventDocuments(index: SearchIndex): Promise<Map<string, EventDocument>> {
  const documents = new Map<string, EventDocument>();
  for (let page = 1; ; page++) {
    const result = await index.searchEvents({ page, hitsPerPage: 1000 });
    for (const hit of result.hits) documents.set(hit.id, hit);
    if (page >= (result.totalPages ?? 0)) return documents;
  }
}

/** The replica holds exactly the store's events, each as the store has it now (content and `updatedAt`). */
async function expectEqualToStore(store: Store, index: SearchIndex): Promise<void> {
  const documents = await eventDocuments(index);
  const expected = [...store.iterateEvents()].map(toSearchDocument);
  expect([...documents.keys()].sort()).toEqual(expected.map((doc) => doc.id).sort());
  for (const doc of expected) expect(documents.get(doc.id), doc.id).toEqual(doc);
}

let store: Store;
let cleanupStore: () => void;
let replicas: Replica[] = [];
const closing: (() => Promise<unknown>)[] = [];

beforeEach(async () => {
  ({ store, cleanup: cleanupStore } = tempStore());
  replicas = await Promise.all([startReplica(), startReplica()]);
});

afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await Promise.all(replicas.map((replica) => replica.remove()));
  cleanupStore();
});

const indexOn = (url: string) => createIndex({ url, masterKey: MASTER_KEY, prefix: 'r_' });

function replicatedIndex(urls: readonly string[], retryAfterMs = 60_000): ReplicatedSearchIndex {
  const index = createReplicatedIndex(urls.map(indexOn), { retryAfterMs });
  closing.push(() => index.close());
  return index;
}

function drainerOf(index: SearchIndex, options: Parameters<typeof createOutboxDrainer>[2] = {}): OutboxDrainer {
  const drainer = createOutboxDrainer(store, index, {
    intervalMs: 20,
    maxBackoffMs: 100,
    onError: () => {},
    ...options,
  });
  closing.push(() => drainer.stop());
  return drainer;
}

const caughtUp = (replica: SearchIndex) => store.outboxCursor(replica.replica) === store.lastOutboxSeq();

describe('replicas fed by the outbox', () => {
  it('feeds both; while one is down searches answer from the other, and it catches up from its cursor', async () => {
    const index = replicatedIndex(replicas.map((replica) => replica.url));
    const [a, b] = index.replicas as [SearchIndex, SearchIndex];
    const rebuilt: string[] = [];
    const drainer = drainerOf(index, { onRebuilt: (name) => rebuilt.push(name) });
    await drainer.prepare();
    store.upsertEvents(Array.from({ length: 300 }, (_, n) => makeEvent(n)));
    await drainer.drainNow();
    await expectEqualToStore(store, a);
    await expectEqualToStore(store, b);
    expect(store.outboxSize()).toBe(0);

    await replicas[1]!.stop();
    const cursorWhenDown = store.outboxCursor(b.replica);
    store.upsertEvents(Array.from({ length: 100 }, (_, n) => makeEvent(300 + n)));
    for (let n = 0; n < 20; n++) store.upsertEvent(makeEvent(n * 3, { title: `Changed while a replica is down ${n}` }));
    for (let n = 0; n < 5; n++) store.deleteEvent(`ev-${n * 7 + 1}`);
    drainer.start();
    await vi.waitFor(() => expect(caughtUp(a)).toBe(true), { timeout: 20_000, interval: 20 });
    await expectEqualToStore(store, a);
    // The replica that is down keeps what it has not applied in the outbox.
    expect(store.outboxCursor(b.replica)).toBe(cursorWhenDown);
    expect(store.outboxSize()).toBe(store.lastOutboxSeq() - cursorWhenDown);

    // Every search is answered, half of them first sent to the replica that is down.
    for (let n = 0; n < 6; n++) {
      const { totalHits } = await index.searchEvents({ q: '', hitsPerPage: 1 });
      expect(totalHits).toBe(store.countEvents());
    }
    expect(index.readState()).toEqual([
      { replica: a.replica, resting: false },
      { replica: b.replica, resting: true },
    ]);

    await replicas[1]!.start();
    await vi.waitFor(() => expect(caughtUp(b)).toBe(true), { timeout: 30_000, interval: 20 });
    await drainer.stop();
    expect(rebuilt).toEqual([]);
    expect(store.outboxSize()).toBe(0);
    await expectEqualToStore(store, a);
    await expectEqualToStore(store, b);
    expect((await eventDocuments(b)).get('ev-3')?.title).toBe('Changed while a replica is down 1');
  });

  it('rebuilds a replica that comes back empty, from where its snapshot began, and prunes once both applied', async () => {
    const index = replicatedIndex(replicas.map((replica) => replica.url));
    const [a, b] = index.replicas as [SearchIndex, SearchIndex];
    const rebuilt: string[] = [];
    const drainer = drainerOf(index, { onRebuilt: (name) => rebuilt.push(name) });
    await drainer.prepare();
    store.upsertEvents(Array.from({ length: 200 }, (_, n) => makeEvent(n)));
    await drainer.drainNow();

    await replicas[1]!.wipe();
    store.upsertEvents(Array.from({ length: 50 }, (_, n) => makeEvent(200 + n)));
    await expect(drainer.drainNow()).rejects.toBeInstanceOf(IndexUnavailableError);
    expect(caughtUp(a)).toBe(true);
    expect(store.outboxSize()).toBe(50);

    await replicas[1]!.start();
    expect(await b.listIndexes()).toEqual([]);
    // Until it is rebuilt, searches find its indexes missing and go to the other replica.
    for (let n = 0; n < 2; n++) {
      expect((await index.searchEvents({ page: 1, hitsPerPage: 1 })).totalHits).toBe(store.countEvents());
    }
    await drainer.drainNow();
    expect(rebuilt).toEqual([b.replica]);
    expect(caughtUp(b)).toBe(true);
    expect(store.outboxSize()).toBe(0);
    await expectEqualToStore(store, b);

    // A change made while the copy runs is after the snapshot: the drain that follows the swap applies it.
    let snapshotSeq = -1;
    const rebuild = await reindexReplica(store, b, {
      batchSize: 50,
      tasksInFlight: 0,
      onProgress: ({ entity, sent }) => {
        if (entity !== 'event' || sent !== 50) return;
        snapshotSeq = store.lastOutboxSeq();
        store.upsertEvent(makeEvent(0, { title: 'Changed during the copy' }));
      },
    });
    expect(snapshotSeq).toBeGreaterThan(0);
    expect(rebuild.drained.ackedSeq).toBe(snapshotSeq + 1);
    expect(store.outboxSize()).toBe(1);
    await drainer.drainNow();
    expect(store.outboxSize()).toBe(0);
    await expectEqualToStore(store, a);
    await expectEqualToStore(store, b);
  });
});

/** Each upsert sent to a replica, in the order sent: who sent it and each document's title. */
interface Send {
  replica: string;
  holder: string;
  titles: [string, string][];
}

function recording(index: SearchIndex, holder: string, sends: Send[]): SearchIndex {
  return {
    ...index,
    upsertDocuments<E extends IndexedEntity>(entity: E, documents: readonly IndexDocument<E>[], uid?: string) {
      if (entity === 'event') {
        const titles = (documents as readonly EventDocument[]).map((doc): [string, string] => [doc.id, doc.title]);
        sends.push({ replica: index.replica, holder, titles });
      }
      return index.upsertDocuments(entity, documents, uid);
    },
  };
}

const version = (title: string) => Number(title.match(/version (\d+)$/)?.[1] ?? 0);

describe('two drainers on one store', () => {
  it('send to a replica one at a time and in order, and one takes over when the other’s claim lapses', async () => {
    const urls = replicas.map((replica) => replica.url);
    const sends: Send[] = [];
    const plain = replicatedIndex(urls);
    const sets = ['x', 'y'].map((holder) => {
      const set = createReplicatedIndex(
        urls.map((url) => recording(indexOn(url), holder, sends)),
        { retryAfterMs: 60_000 },
      );
      closing.push(() => set.close());
      return { holder, drainer: drainerOf(set, { holder, claimTtlMs: 5_000, intervalMs: 5, batchSize: 40 }) };
    });
    await sets[0]!.drainer.prepare();
    for (const { drainer } of sets) drainer.start();

    for (let round = 1; round <= 8; round++) {
      store.upsertEvents(Array.from({ length: 60 }, (_, n) => makeEvent(n, { title: `Event ${n} version ${round}` })));
      // Both drain at once, besides their own loops: only the holder of a replica sends to it.
      await Promise.all(sets.map(({ drainer }) => drainer.drainNow()));
    }
    await vi.waitFor(() => expect(plain.replicas.every(caughtUp)).toBe(true), { timeout: 20_000, interval: 20 });
    for (const { drainer } of sets) await drainer.stop();

    for (const replica of plain.replicas) {
      const toReplica = sends.filter((send) => send.replica === replica.replica);
      expect(new Set(toReplica.map((send) => send.holder)).size, replica.replica).toBe(1);
      const latest = new Map<string, number>();
      for (const [id, title] of toReplica.flatMap((send) => send.titles)) {
        expect(version(title), `${id} on ${replica.replica}`).toBeGreaterThanOrEqual(latest.get(id) ?? 0);
        latest.set(id, version(title));
      }
      await expectEqualToStore(store, replica);
    }

    // A drainer that died holding a replica: nobody sends to it until the claim lapses, then another takes it over.
    const [a] = plain.replicas as [SearchIndex];
    expect(store.claimOutboxReplica(a.replica, 'gone', 400)).toBe(true);
    const claimedAt = Date.now();
    store.upsertEvent(makeEvent(1, { title: 'Event 1 version 9' }));
    const taker = drainerOf(plain, { holder: 'taker', claimTtlMs: 5_000 });
    expect((await drainOutbox(store, a, { holder: 'taker' })).paused).toBe(true);
    taker.start();
    await vi.waitFor(() => expect(caughtUp(a)).toBe(true), { timeout: 10_000, interval: 20 });
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(400);
    expect(store.claimOutboxReplica(a.replica, 'gone', 400)).toBe(false);
    expect((await eventDocuments(a)).get('ev-1')?.title).toBe('Event 1 version 9');
  });
});

/** A loopback proxy in front of a replica that counts the searches it passes on, and can refuse them. */
async function countingProxy(target: string) {
  const state = { searches: 0, failing: false };
  const server: Server = createServer((req, res) => {
    if (req.url?.endsWith('/search')) state.searches++;
    if (state.failing) {
      res.writeHead(503).end('down for maintenance');
      return;
    }
    const upstream = request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as { port: number };
  closing.push(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${port}`, state };
}

describe('reads over the replicas', () => {
  it('spread over both when both answer, fail over within the call on a 5xx, and probe the failed one later', async () => {
    const proxies = await Promise.all(replicas.map((replica) => countingProxy(replica.url)));
    let now = 1_000_000;
    const index = createReplicatedIndex(
      proxies.map((proxy) => indexOn(proxy.url)),
      { retryAfterMs: 5_000, nowMs: () => now },
    );
    closing.push(() => index.close());
    await index.applySettings();
    store.upsertEvents(Array.from({ length: 10 }, (_, n) => makeEvent(n)));
    await drainOutbox(store, index);
    const search = async () => (await index.searchEvents({ page: 1, hitsPerPage: 20 })).totalHits;

    for (let n = 0; n < 20; n++) expect(await search()).toBe(10);
    expect(proxies.map((proxy) => proxy.state.searches)).toEqual([10, 10]);

    proxies[1]!.state.failing = true;
    for (let n = 0; n < 10; n++) expect(await search()).toBe(10);
    // Asked once, then left to rest.
    expect(proxies.map((proxy) => proxy.state.searches)).toEqual([20, 11]);

    proxies[1]!.state.failing = false;
    now += 5_000;
    for (let n = 0; n < 4; n++) expect(await search()).toBe(10);
    expect(proxies[1]!.state.searches).toBe(13);

    proxies[0]!.state.failing = true;
    proxies[1]!.state.failing = true;
    await expect(search()).rejects.toBeInstanceOf(IndexUnavailableError);
  });
});
