import { toAssociationDocument, toSearchDocument } from '@fieldguide/shared';
import type { Store } from '../store/store.types.js';
import type { EnqueuedTask } from './client.js';
import { hasEnded } from './ended-events.js';
import { type DrainResult, drainOutbox } from './outbox-drain.js';
import { acquireRebuild } from './rebuild-lock.js';
import type { IndexDocument, IndexedEntity, SearchIndex } from './search-index.js';
import { type RejectedDocument, settleDocumentTask } from './send-documents.js';

export interface ReindexOptions {
  /** Documents per Meilisearch request; default 10 000. */
  batchSize?: number;
  /**
   * Requests sent ahead of the one being waited for; default 1. Meilisearch indexes the queued ones together, so
   * more means fewer, larger batches, but also longer stretches during which searches share the CPU with indexing.
   */
  tasksInFlight?: number;
  /** The current instant, which tells ended events (left out of the new index); default: the clock. */
  now?: () => Date;
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
  /** The drain run right after the swap. */
  drained: DrainResult;
  durationMs: number;
}

/**
 * Rebuilds both indexes from the store: loads every document (every event that has not ended) into fresh `<name>_<timestamp>` indexes
 * with the same settings, swaps them in with one atomic task, deletes the old ones, then drains the outbox.
 * Searches keep being answered by the old indexes until the swap.
 *
 * Nothing written meanwhile is lost because no outbox entry is acknowledged during the rebuild: drains in
 * this process pause (and a rebuild first waits for the drain in progress). The copy reads the store page
 * by page, so a change that lands after its page was read is missing from the new index, but its outbox
 * entry is still there and the drain after the swap applies it. Acknowledging entries during the copy
 * (draining into the old index) would drop exactly those changes. The price is that the live index does
 * not move during the rebuild, which Meilisearch would mostly impose anyway: it runs one task at a time,
 * so writes to the live index would queue behind the rebuild's batches.
 * A drainer in another process does not see this pause: run rebuilds where the drainer runs, or stop it.
 * @throws IndexError when a rebuild of these indexes is already running, or Meilisearch fails (the fresh
 *   indexes are then deleted, the live ones are untouched). A failure after the swap (deleting the old
 *   indexes, the final drain) leaves the new indexes live and the outbox entries pending.
 */
export async function reindex(store: Store, index: SearchIndex, options: ReindexOptions = {}): Promise<ReindexResult> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 10_000;
  const inFlight = Math.max(0, options.tasksInFlight ?? 1);
  const now = options.now ?? (() => new Date());
  const lock = await acquireRebuild(index);
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
    await deleteLeftovers(index);
    // The live indexes must exist for the swap.
    await index.applySettings();
    await index.prepareIndex('event', fresh.event);
    await index.prepareIndex('association', fresh.association);

    const load = async <E extends IndexedEntity>(entity: E, documents: Iterable<IndexDocument<E>>) => {
      const loaded = await loadDocuments(index, entity, fresh[entity], documents, { ...options, batchSize, inFlight });
      rejected.push(...loaded.rejected);
      return loaded.sent - loaded.rejected.length;
    };
    const startedAt = now();
    const upcoming = filterIterable(mapIterable(store.iterateEvents(), toSearchDocument), (document) => {
      if (!hasEnded(document, startedAt)) return true;
      ended++;
      return false;
    });
    events = await load('event', upcoming);
    associations = await load('association', mapIterable(store.iterateAssociations(), toAssociationDocument));

    await index.swapIndexes([
      [index.names.event, fresh.event],
      [index.names.association, fresh.association],
    ]);
  } catch (error) {
    lock.release();
    await Promise.allSettled([index.deleteIndex(fresh.event), index.deleteIndex(fresh.association)]);
    throw error;
  }
  lock.release();
  // After the swap the fresh names hold the old documents.
  await index.deleteIndex(fresh.event);
  await index.deleteIndex(fresh.association);
  const drained = await drainOutbox(store, index, { now });
  return { events, associations, ended, rejected, drained, durationMs: performance.now() - started };
}

async function loadDocuments<E extends IndexedEntity>(
  index: SearchIndex,
  entity: E,
  uid: string,
  documents: Iterable<IndexDocument<E>>,
  { batchSize, inFlight, onProgress }: Pick<ReindexOptions, 'onProgress'> & { batchSize: number; inFlight: number },
): Promise<{ sent: number; rejected: RejectedDocument[] }> {
  const resend = (docs: readonly IndexDocument<E>[]) => index.upsertDocuments(entity, docs, uid);
  const pending: { docs: IndexDocument<E>[]; task: EnqueuedTask }[] = [];
  const rejected: RejectedDocument[] = [];
  const settleOldest = async () => {
    const { docs, task } = pending.shift()!;
    rejected.push(...(await settleDocumentTask(index, entity, docs, task, resend, (doc) => doc.id)));
  };
  let sent = 0;
  for (const docs of chunks(documents, batchSize)) {
    if (pending.length > inFlight) await settleOldest();
    pending.push({ docs, task: await resend(docs) });
    sent += docs.length;
    onProgress?.({ entity, sent });
  }
  while (pending.length > 0) await settleOldest();
  return { sent, rejected };
}

/** Fresh indexes a crashed rebuild left behind. */
async function deleteLeftovers(index: SearchIndex): Promise<void> {
  const leftover = new RegExp(`^(${index.names.event}|${index.names.association})_\\d+$`);
  for (const uid of await index.listIndexes()) if (leftover.test(uid)) await index.deleteIndex(uid);
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
