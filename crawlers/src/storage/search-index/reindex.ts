import { toAssociationDocument, toSearchDocument } from '@fieldguide/shared';
import type { Store } from '../store/store.types.js';
import type { EnqueuedTask } from './client.js';
import { hasEnded } from './ended-events.js';
import { type ClaimOptions, claimReplica, DEFAULT_CLAIM_TTL_MS, renewClaim } from './outbox-claim.js';
import { type DrainResult, drainReplica, sumDrainResults } from './outbox-drain.js';
import { acquireRebuild } from './rebuild-lock.js';
import { replicasOf } from './replica-set.js';
import type { IndexDocument, IndexedEntity, SearchIndex } from './search-index.js';
import { type RejectedDocument, settleDocumentTask } from './send-documents.js';

export interface ReindexOptions extends ClaimOptions {
  /** Documents per Meilisearch request; default 10 000. */
  batchSize?: number;
  /**
   * Requests sent ahead of the one being waited for (only their ids are held); default: about 3 % of the store's
   * events, from 1 to 3 (3 from 1 000 000 events with batches of 10 000). Meilisearch indexes the queued ones
   * together, and each of its batches pays a fixed cost that grows with the index, so more is faster; but a batch
   * large against the index slows the searches answered meanwhile. At 1 000 000 events on 2 cores under a search
   * loop: 1 ahead, 639 s and search p99 1.36× its normal; 3 ahead, 382 s and 1.68×; 6 ahead, 298 s and 2.18×; 24
   * ahead, 187 s and 2.85×. At 100 000: 3 ahead, 17.7 s but 3.56×.
   */
  tasksInFlight?: number;
  /** The current instant, which tells ended events (left out of the new index); default: the clock. */
  now?: () => Date;
  /**
   * When the replica has lost both indexes (or never had them): create them only at the end, by renaming the rebuilt
   * ones into place, so its searches fail over to another replica meanwhile instead of finding nothing. Default:
   * true for a replica of several; false alone, where searches find empty indexes until the swap.
   */
  hideUntilBuilt?: boolean;
  /** Called after each batch is sent, with the running count for that entity. */
  onProgress?: (progress: { entity: IndexedEntity; sent: number }) => void;
}

export interface ReindexResult {
  /** Documents in the new indexes. */
  events: number;
  associations: number;
  /** Events left out because they have ended (they stay in the store). */
  ended: number;
  /** Documents Meilisearch refused, left out of the new indexes. */
  rejected: RejectedDocument[];
  /** The drain run right after the swap (for several replicas, summed). */
  drained: DrainResult;
  durationMs: number;
  /** The replicas rebuilt, one after the other. */
  replicas: string[];
}

/**
 * Rebuilds the indexes of every replica behind `index` from the store, one replica after the other (see
 * {@link reindexReplica}); while one is rebuilt, this process's searches go to the others.
 * @throws the first replica's error, once every replica was tried.
 */
export async function reindex(store: Store, index: SearchIndex, options: ReindexOptions = {}): Promise<ReindexResult> {
  const replicas = replicasOf(index);
  if (replicas.length === 1) return reindexReplica(store, replicas[0]!, options);
  const started = performance.now();
  const results: ReindexResult[] = [];
  let failure: unknown;
  for (const replica of replicas) {
    try {
      results.push(await reindexReplica(store, replica, { hideUntilBuilt: true, ...options }));
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== undefined) throw failure;
  const last = results.at(-1)!;
  return {
    ...last,
    rejected: results.flatMap((result) => result.rejected),
    drained: sumDrainResults(results.map((result) => result.drained)),
    durationMs: performance.now() - started,
    replicas: results.flatMap((result) => result.replicas),
  };
}

/**
 * Rebuilds both indexes of one replica from the store: loads every document (every event that has not ended) into fresh `<name>_<timestamp>` indexes
 * with the same settings, swaps them in with one atomic task, deletes the old ones, then drains the outbox.
 * Searches keep being answered by the old indexes until the swap.
 *
 * Nothing written meanwhile is lost: the replica's outbox cursor is set, after the swap, to the last entry written
 * before the copy began reading the store, so the drain after it applies every later change; the replica stays
 * claimed by this process throughout (drains elsewhere leave it alone), drains in this process pause (a rebuild
 * first waits for the drain in progress), and its cursor keeps the entries it needs in the outbox. The copy reads the store page
 * by page, so a change that lands after its page was read is missing from the new index, but its outbox
 * entry is still there and the drain after the swap applies it. Acknowledging entries during the copy
 * (draining into the old index) would drop exactly those changes. The price is that the live index does
 * not move during the rebuild, which Meilisearch would mostly impose anyway: it runs one task at a time,
 * so writes to the live index would queue behind the rebuild's batches.
 * @throws IndexError when a rebuild of these indexes is already running; ReplicaClaimedError when another process
 *   drains this replica (stop it, or rebuild where it runs); IndexError when Meilisearch fails (the fresh
 *   indexes are then deleted, the live ones are untouched). A failure after the swap (deleting the old
 *   indexes, the final drain) leaves the new indexes live and the outbox entries pending.
 */
export async function reindexReplica(
  store: Store,
  index: SearchIndex,
  options: ReindexOptions = {},
): Promise<ReindexResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 10_000;
  const inFlight = Math.max(0, options.tasksInFlight ?? defaultTasksInFlight(store.countEvents(), batchSize));
  const now = options.now ?? (() => new Date());
  const lock = await acquireRebuild(index);
  const claimTtlMs = options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS;
  try {
    renewClaim(store, index, options);
  } catch (error) {
    lock.release();
    throw error;
  }
  const renewing = setInterval(() => claimReplica(store, index, options), claimTtlMs / 3);
  // Every change after this one is applied by the drain after the swap; every earlier one is in what is copied.
  const snapshotSeq = store.lastOutboxSeq();
  const stamp = Date.now();
  const fresh: Record<IndexedEntity, string> = {
    event: `${index.names.event}_${stamp}`,
    association: `${index.names.association}_${stamp}`,
  };
  let events: number;
  let associations: number;
  let ended = 0;
  const rejected: RejectedDocument[] = [];
  try {
    const existing = await index.listIndexes();
    await deleteLeftovers(index, existing);
    // See `hideUntilBuilt`; otherwise the live indexes must exist for the swap.
    const lost =
      (options.hideUntilBuilt ?? false) &&
      !existing.includes(index.names.event) &&
      !existing.includes(index.names.association);
    if (!lost) await index.applySettings();
    await index.prepareIndex('event', fresh.event);
    await index.prepareIndex('association', fresh.association);

    const load = async <E extends IndexedEntity>(
      entity: E,
      documents: Iterable<IndexDocument<E>>,
      current: (id: string) => IndexDocument<E> | undefined,
    ) => {
      const loaded = await loadDocuments(index, entity, fresh[entity], documents, current, {
        ...options,
        batchSize,
        inFlight,
      });
      rejected.push(...loaded.rejected);
      return loaded.sent - loaded.rejected.length;
    };
    const startedAt = now();
    const upcoming = filterIterable(mapIterable(store.iterateEvents(), toSearchDocument), (document) => {
      if (!hasEnded(document, startedAt)) return true;
      ended++;
      return false;
    });
    const currentEvent = (id: string) => {
      const event = store.getEvent(id);
      const document = event && toSearchDocument(event);
      return document && !hasEnded(document, startedAt) ? document : undefined;
    };
    const currentAssociation = (id: string) => {
      const association = store.getAssociation(id);
      return association && toAssociationDocument(association);
    };
    events = await load('event', upcoming, currentEvent);
    associations = await load(
      'association',
      mapIterable(store.iterateAssociations(), toAssociationDocument),
      currentAssociation,
    );

    renewClaim(store, index, options);
    await index.swapIndexes(
      lost
        ? [
            [fresh.event, index.names.event],
            [fresh.association, index.names.association],
          ]
        : [
            [index.names.event, fresh.event],
            [index.names.association, fresh.association],
          ],
      { rename: lost },
    );
    store.setOutboxCursor(index.replica, snapshotSeq);
  } catch (error) {
    lock.release();
    await Promise.allSettled([index.deleteIndex(fresh.event), index.deleteIndex(fresh.association)]);
    throw error;
  } finally {
    clearInterval(renewing);
  }
  lock.release();
  // After a swap the fresh names hold the old documents; after a rename they are gone.
  await index.deleteIndex(fresh.event);
  await index.deleteIndex(fresh.association);
  const drained = await drainReplica(store, index, { now, holder: options.holder, claimTtlMs });
  return {
    events,
    associations,
    ended,
    rejected,
    drained,
    durationMs: performance.now() - started,
    replicas: [index.replica],
  };
}

/**
 * Sends `documents` in requests of `batchSize`, up to `inFlight` ahead of the one waited for. A request in flight
 * keeps only its ids: a document Meilisearch refuses is isolated by sending halves again, read anew with `current`
 * (what the store holds by then; nothing when it is gone or has ended).
 */
async function loadDocuments<E extends IndexedEntity>(
  index: SearchIndex,
  entity: E,
  uid: string,
  documents: Iterable<IndexDocument<E>>,
  current: (id: string) => IndexDocument<E> | undefined,
  { batchSize, inFlight, onProgress }: Pick<ReindexOptions, 'onProgress'> & { batchSize: number; inFlight: number },
): Promise<{ sent: number; rejected: RejectedDocument[] }> {
  const resend = (ids: readonly string[]) => {
    const docs = ids.flatMap((id) => current(id) ?? []);
    return docs.length > 0 ? index.upsertDocuments(entity, docs, uid) : Promise.resolve(undefined);
  };
  const pending: { ids: string[]; task: EnqueuedTask }[] = [];
  const rejected: RejectedDocument[] = [];
  const settleOldest = async () => {
    const { ids, task } = pending.shift()!;
    rejected.push(...(await settleDocumentTask(index, entity, ids, task, resend, (id) => id)));
  };
  let sent = 0;
  for (const docs of chunks(documents, batchSize)) {
    if (pending.length > inFlight) await settleOldest();
    pending.push({ ids: docs.map((doc) => doc.id), task: await index.upsertDocuments(entity, docs, uid) });
    sent += docs.length;
    onProgress?.({ entity, sent });
  }
  while (pending.length > 0) await settleOldest();
  return { sent, rejected };
}

/** Requests queued ahead by default: about 3 % of `events` in batches of `batchSize`, from 1 to 3. */
export const defaultTasksInFlight = (events: number, batchSize: number): number =>
  Math.max(1, Math.min(3, Math.floor((events * 0.03) / batchSize)));

/** Fresh indexes a crashed rebuild left behind, among the `existing` ones. */
async function deleteLeftovers(index: SearchIndex, existing: readonly string[]): Promise<void> {
  const leftover = new RegExp(`^(${index.names.event}|${index.names.association})_\\d+$`);
  for (const uid of existing) if (leftover.test(uid)) await index.deleteIndex(uid);
}

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

function* filterIterable<T>(items: Iterable<T>, keep: (item: T) => boolean): Generator<T> {
  for (const item of items) if (keep(item)) yield item;
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}
