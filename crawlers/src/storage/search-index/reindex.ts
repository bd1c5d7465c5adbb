import { toAssociationDocument, toSearchDocument } from '@fieldguide/shared';
import type { Store } from '../store/store.types.js';
import type { EnqueuedTask } from './client.js';
import { type DrainResult, drainOutbox } from './outbox-drain.js';
import { acquireRebuild } from './rebuild-lock.js';
import type { IndexDocument, IndexedEntity, SearchIndex } from './search-index.js';
import { type RejectedDocument, settleDocumentTask } from './send-documents.js';

export interface ReindexOptions {
  /** Documents per Meilisearch request; default 1 000. */
  batchSize?: number;
  /** Called after each batch is sent, with the running count for that entity. */
  onProgress?: (progress: { entity: IndexedEntity; sent: number }) => void;
}

export interface ReindexResult {
  /** Documents in the new indexes. */
  events: number;
  associations: number;
  /** Documents Meilisearch refused, left out of the new indexes. */
  rejected: RejectedDocument[];
  /** The drain run right after the swap. */
  drained: DrainResult;
  durationMs: number;
}

// Batches enqueued ahead of the one being waited for: enough for Meilisearch to batch them together,
// few enough that a failure is noticed early and queued payloads stay small.
const IN_FLIGHT = 4;

/**
 * Rebuilds both indexes from the store: loads every document into fresh `<name>_<timestamp>` indexes
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
  const batchSize = options.batchSize ?? 1000;
  const lock = await acquireRebuild(index);
  const stamp = Date.now();
  const fresh: Record<IndexedEntity, string> = {
    event: `${index.names.event}_${stamp}`,
    association: `${index.names.association}_${stamp}`,
  };
  let events: number;
  let associations: number;
  const rejected: RejectedDocument[] = [];
  try {
    await deleteLeftovers(index);
    // The live indexes must exist for the swap.
    await index.applySettings();
    await index.prepareIndex('event', fresh.event);
    await index.prepareIndex('association', fresh.association);

    const load = async <E extends IndexedEntity>(entity: E, documents: Iterable<IndexDocument<E>>) => {
      const loaded = await loadDocuments(index, entity, fresh[entity], documents, batchSize, options.onProgress);
      rejected.push(...loaded.rejected);
      return loaded.sent - loaded.rejected.length;
    };
    events = await load('event', mapIterable(store.iterateEvents(), toSearchDocument));
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
  const drained = await drainOutbox(store, index);
  return { events, associations, rejected, drained, durationMs: performance.now() - started };
}

async function loadDocuments<E extends IndexedEntity>(
  index: SearchIndex,
  entity: E,
  uid: string,
  documents: Iterable<IndexDocument<E>>,
  batchSize: number,
  onProgress: ReindexOptions['onProgress'],
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
    if (pending.length >= IN_FLIGHT) await settleOldest();
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
