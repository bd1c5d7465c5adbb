import { toAssociationDocument, toSearchDocument } from '@fieldguide/shared';
import type { OutboxEntry, Store } from '../store/store.types.js';
import type { EnqueuedTask } from './client.js';
import { hasEnded } from './ended-events.js';
import { type ClaimOptions, claimReplica, ReplicaClaimedError, releaseClaims, renewClaim } from './outbox-claim.js';
import { withDrainSlot } from './rebuild-lock.js';
import { onEach, replicasOf } from './replica-set.js';
import type { IndexDocument, IndexedEntity, SearchIndex } from './search-index.js';
import { type RejectedDocument, settleDocumentTask } from './send-documents.js';

export interface DrainOptions extends ClaimOptions {
  /** Outbox entries read (and applied) per round; default 5 000. */
  batchSize?: number;
  /**
   * Outbox entries sent to Meilisearch and not yet applied, at most; default 500 000. Reading ahead is what lets
   * Meilisearch merge many rounds into one large batch, whose fixed cost (rewriting its geo tree and word prefixes)
   * grows with the index.
   */
  maxEntriesInFlight?: number;
  /** The current instant, which tells ended events; default: the clock. */
  now?: () => Date;
}

/** What a drain did; for several replicas, summed over them. */
export interface DrainResult {
  /** Outbox entries applied (the replica's cursor moved past them). */
  entries: number;
  /** Documents added or replaced, after dropping repeated entries for the same entity. */
  upserted: number;
  /** Documents deleted, ended events included. */
  deleted: number;
  /** Documents Meilisearch refused; their entries count as applied anyway so one bad document cannot stall the outbox. */
  rejected: RejectedDocument[];
  /** Highest sequence number applied (for several replicas, the lowest of theirs), or `null` when nothing was. */
  ackedSeq: number | null;
  /**
   * True when nothing was sent because a rebuild of these indexes was running in this process, or another process
   * holds the replica's claim (for several replicas: all of them).
   */
  paused: boolean;
}

const emptyResult = (paused: boolean): DrainResult => ({
  entries: 0,
  upserted: 0,
  deleted: 0,
  rejected: [],
  ackedSeq: null,
  paused,
});

const ENTITIES: readonly IndexedEntity[] = ['event', 'association'];

/**
 * Sends the outbox entries each replica behind `index` has not applied yet (see {@link drainReplica}), all replicas at
 * once, each from its own cursor: one that is down does not hold up the others.
 * @throws the first replica's error once every replica's drain has ended (what the others applied stays applied).
 */
export async function drainOutbox(store: Store, index: SearchIndex, options: DrainOptions = {}): Promise<DrainResult> {
  const replicas = replicasOf(index);
  if (replicas.length === 1) return drainReplica(store, replicas[0]!, options);
  return sumDrainResults(await onEach(replicas, (replica) => drainReplica(store, replica, options)));
}

/** What several replicas' drains did, summed. */
export function sumDrainResults(results: readonly DrainResult[]): DrainResult {
  const acked = results.map((result) => result.ackedSeq);
  return {
    entries: results.reduce((sum, result) => sum + result.entries, 0),
    upserted: results.reduce((sum, result) => sum + result.upserted, 0),
    deleted: results.reduce((sum, result) => sum + result.deleted, 0),
    rejected: results.flatMap((result) => result.rejected),
    ackedSeq: acked.includes(null) ? null : Math.min(...(acked as number[])),
    paused: results.every((result) => result.paused),
  };
}

/**
 * Sends the outbox entries after `replica`'s cursor to it until none is left, under this drainer's claim on the
 * replica (renewed with each round; nothing is sent while another holder's claim lasts), in rounds of `batchSize` entries: a round
 * keeps the last entry per entity and loads the current documents from the store (an upsert of something gone,
 * or of an event that has ended, becomes a delete). Rounds are sent until `maxEntriesInFlight` entries await their
 * tasks, before the oldest is waited for, so Meilisearch can merge them into large batches; it applies tasks in the
 * order they were sent, so an event's later change never overtakes an earlier one. The replica's cursor moves past a round only once its tasks
 * succeeded and every earlier round's did; the store prunes what every replica has applied. Sending a round twice is harmless (whole documents are replaced), so a
 * failure just leaves it, and the rounds after it, for next time. Does nothing while `reindex` rebuilds these indexes.
 * @throws IndexUnavailableError when Meilisearch cannot be reached (the cursor stays before the rounds not applied);
 *   ReplicaClaimedError when another holder took the replica over meanwhile.
 */
export async function drainReplica(store: Store, index: SearchIndex, options: DrainOptions = {}): Promise<DrainResult> {
  // On 2 cores with 1 000 000 events: 4 rounds of 5 000 in flight drained 2 608 documents/s, 250 000 entries in
  // flight 9 103/s, 500 000 11 820/s; sending the same documents directly (all at once, in requests of 10 000)
  // 13 439/s. Meilisearch's batch holds whatever is queued when it starts, so the cap sets the batch size.
  const batchSize = options.batchSize ?? 5000;
  const maxEntriesInFlight = Math.max(1, options.maxEntriesInFlight ?? 500_000);
  const now = options.now ?? (() => new Date());
  const result = await withDrainSlot(index, async () => {
    if (!claimReplica(store, index, options)) return emptyResult(true);
    const total = emptyResult(false);
    const inFlight: SentRound[] = [];
    let entriesInFlight = 0;
    let readUpTo = store.outboxCursor(index.replica);
    let readAll = false;
    try {
      while (!readAll || inFlight.length > 0) {
        if (!readAll && (inFlight.length === 0 || entriesInFlight + batchSize <= maxEntriesInFlight)) {
          renewClaim(store, index, options);
          const entries = store.readOutbox(batchSize, readUpTo);
          readAll = entries.length < batchSize;
          if (entries.length > 0) {
            readUpTo = entries.at(-1)!.seq;
            inFlight.push(await sendRound(store, index, entries, now()));
            entriesInFlight += entries.length;
          }
          continue;
        }
        const round = inFlight.shift()!;
        const rejected = await round.settle();
        entriesInFlight -= round.entries;
        renewClaim(store, index, options);
        store.setOutboxCursor(index.replica, round.lastSeq);
        total.entries += round.entries;
        total.upserted += round.upserted;
        total.deleted += round.deleted;
        total.rejected.push(...rejected);
        total.ackedSeq = round.lastSeq;
      }
      return total;
    } catch (error) {
      // Nothing this drain started outlives it (a resend into an index a rebuild has just taken, say).
      await Promise.allSettled(inFlight.map((round) => round.settle()));
      // Another server may reach the replica when this one cannot: it may take over from the cursor at once.
      if (!(error instanceof ReplicaClaimedError)) releaseClaims(store, [index], options.holder);
      throw error;
    }
  });
  return result ?? emptyResult(true);
}

/**
 * A round whose tasks Meilisearch has accepted; `settle` waits until they all succeeded (first called when the round
 * is the oldest in flight, so only one round at a time polls Meilisearch).
 */
interface SentRound {
  entries: number;
  lastSeq: number;
  upserted: number;
  deleted: number;
  settle: () => Promise<RejectedDocument[]>;
}

/**
 * The documents the `entity` records `ids` should have in the index now, by id; one left out should not be there
 * (gone from the store, or an event that has ended). Events are read from the store at once.
 */
function currentDocuments(
  store: Store,
  entity: IndexedEntity,
  ids: readonly string[],
  now: Date,
): Map<string, IndexDocument<IndexedEntity>> {
  const documents = new Map<string, IndexDocument<IndexedEntity>>();
  if (entity === 'association') {
    for (const id of ids) {
      const association = store.getAssociation(id);
      if (association) documents.set(id, toAssociationDocument(association));
    }
    return documents;
  }
  for (const event of store.getEvents(ids)) {
    const document = toSearchDocument(event);
    if (!hasEnded(document, now)) documents.set(event.id, document);
  }
  return documents;
}

async function sendRound(store: Store, index: SearchIndex, entries: readonly OutboxEntry[], now: Date) {
  const latest = new Map<string, OutboxEntry>();
  for (const entry of entries) latest.set(`${entry.entity}\u0000${entry.entityId}`, entry);

  const upserts = { event: [] as IndexDocument<'event'>[], association: [] as IndexDocument<'association'>[] };
  const deletes: Record<IndexedEntity, string[]> = { event: [], association: [] };
  for (const entity of ENTITIES) {
    const changes = [...latest.values()].filter((entry) => entry.entity === entity);
    const upserted = changes.filter((entry) => entry.op === 'upsert').map((entry) => entry.entityId);
    const documents = currentDocuments(store, entity, upserted, now);
    for (const { entityId } of changes) {
      const document = documents.get(entityId);
      if (document) (upserts[entity] as IndexDocument<IndexedEntity>[]).push(document);
      else deletes[entity].push(entityId);
    }
  }

  // A resend (to isolate a document Meilisearch refused) can land after a later round's tasks: it sends what the
  // store holds by then, never the older copy this round read. Only ids are kept: a round in flight holds no documents.
  const waits: (() => Promise<RejectedDocument[]>)[] = [];
  const settle: Settle = (entity, ids, task, resend) => {
    waits.push(() => settleDocumentTask(index, entity, ids, task, resend, (id) => id));
  };
  const upserted = upserts.event.length + upserts.association.length;
  const deleted = deletes.event.length + deletes.association.length;
  try {
    await sendChanges(index, upserts, deletes, settle, store, now);
  } catch (error) {
    await Promise.allSettled(waits.map((wait) => wait()));
    throw error;
  }
  let settled: Promise<RejectedDocument[]> | undefined;
  return {
    entries: entries.length,
    lastSeq: entries.at(-1)!.seq,
    upserted,
    deleted,
    settle: () => {
      settled ??= Promise.all(waits.map((wait) => wait())).then((lists) => lists.flat());
      return settled;
    },
  } satisfies SentRound;
}

type Settle = (entity: IndexedEntity, ids: string[], task: EnqueuedTask, resend: Resend) => void;

/** Enqueues a round's tasks one after the other, so Meilisearch applies them in this order. */
async function sendChanges(
  index: SearchIndex,
  upserts: Record<IndexedEntity, IndexDocument<IndexedEntity>[]>,
  deletes: Record<IndexedEntity, string[]>,
  settle: Settle,
  store: Store,
  now: Date,
): Promise<void> {
  for (const entity of ENTITIES) {
    const documents = upserts[entity];
    if (documents.length > 0) {
      const resend: Resend = (some) => {
        const current = [...currentDocuments(store, entity, some, now).values()];
        return current.length > 0 ? index.upsertDocuments(entity, current) : Promise.resolve(undefined);
      };
      const task = await index.upsertDocuments(entity, documents);
      settle(
        entity,
        documents.map((doc) => doc.id),
        task,
        resend,
      );
    }
    const ids = deletes[entity];
    if (ids.length > 0) {
      const resend: Resend = (some) => {
        const present = currentDocuments(store, entity, some, now);
        const gone = some.filter((id) => !present.has(id));
        return gone.length > 0 ? index.deleteDocuments(entity, gone) : Promise.resolve(undefined);
      };
      settle(entity, ids, await index.deleteDocuments(entity, ids), resend);
    }
  }
}

type Resend = (ids: readonly string[]) => Promise<EnqueuedTask | undefined>;
