import {
  type AssociationDocument,
  type EventDocument,
  toAssociationDocument,
  toSearchDocument,
} from '@fieldguide/shared';
import type { OutboxEntry, Store } from '../store/store.types.js';
import { withDrainSlot } from './rebuild-lock.js';
import type { SearchIndex } from './search-index.js';
import { deleteAndSettle, type RejectedDocument, upsertAndSettle } from './send-documents.js';

export interface DrainOptions {
  /** Outbox entries read (and acknowledged) per round; default 500. */
  batchSize?: number;
}

export interface DrainResult {
  /** Outbox entries acknowledged. */
  entries: number;
  /** Documents added or replaced, after dropping repeated entries for the same entity. */
  upserted: number;
  /** Documents deleted. */
  deleted: number;
  /** Documents Meilisearch refused; their entries are acknowledged anyway so one bad document cannot stall the outbox. */
  rejected: RejectedDocument[];
  /** Highest sequence number acknowledged, or `null` when nothing was. */
  ackedSeq: number | null;
  /** True when a rebuild of these indexes was running, so nothing was sent nor acknowledged. */
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

/**
 * Sends pending outbox entries to the index until the outbox is empty, one round of `batchSize` entries at a
 * time: keeps the last entry per entity, loads the current documents from the store (an upsert of something
 * gone becomes a delete), waits for Meilisearch's tasks to succeed, and only then acknowledges the round.
 * Sending a round twice is harmless (whole documents are replaced), so a failure just leaves it for next time.
 * Does nothing while `reindex` rebuilds these indexes.
 * @throws IndexUnavailableError when Meilisearch cannot be reached (the current round stays in the outbox).
 */
export async function drainOutbox(store: Store, index: SearchIndex, options: DrainOptions = {}): Promise<DrainResult> {
  const batchSize = options.batchSize ?? 500;
  const result = await withDrainSlot(index, async () => {
    const total = emptyResult(false);
    for (;;) {
      const entries = store.readOutbox(batchSize);
      if (entries.length === 0) return total;
      const round = await sendRound(store, index, entries);
      const maxSeq = Math.max(...entries.map((entry) => entry.seq));
      store.ackOutbox(maxSeq);
      total.entries += entries.length;
      total.upserted += round.upserted;
      total.deleted += round.deleted;
      total.rejected.push(...round.rejected);
      total.ackedSeq = maxSeq;
      if (entries.length < batchSize) return total;
    }
  });
  return result ?? emptyResult(true);
}

interface Changes {
  event: { upserts: EventDocument[]; deletes: string[] };
  association: { upserts: AssociationDocument[]; deletes: string[] };
}

async function sendRound(store: Store, index: SearchIndex, entries: readonly OutboxEntry[]) {
  const latest = new Map<string, OutboxEntry>();
  for (const entry of entries) latest.set(`${entry.entity}\u0000${entry.entityId}`, entry);

  const changes: Changes = { event: { upserts: [], deletes: [] }, association: { upserts: [], deletes: [] } };
  for (const { entity, entityId, op } of latest.values()) {
    if (entity === 'event') {
      const event = op === 'upsert' ? store.getEvent(entityId) : undefined;
      if (event) changes.event.upserts.push(toSearchDocument(event));
      else changes.event.deletes.push(entityId);
    } else {
      const association = op === 'upsert' ? store.getAssociation(entityId) : undefined;
      if (association) changes.association.upserts.push(toAssociationDocument(association));
      else changes.association.deletes.push(entityId);
    }
  }

  const { event, association } = changes;
  const sends: Promise<RejectedDocument[]>[] = [];
  if (event.upserts.length > 0) sends.push(upsertAndSettle(index, 'event', event.upserts));
  if (event.deletes.length > 0) sends.push(deleteAndSettle(index, 'event', event.deletes));
  if (association.upserts.length > 0) sends.push(upsertAndSettle(index, 'association', association.upserts));
  if (association.deletes.length > 0) sends.push(deleteAndSettle(index, 'association', association.deletes));
  const rejected = (await Promise.all(sends)).flat();
  const upserted = event.upserts.length + association.upserts.length;
  const deleted = event.deletes.length + association.deletes.length;
  return { upserted, deleted, rejected };
}

export interface OutboxDrainerOptions extends DrainOptions {
  /** Pause between drains while all is well, in milliseconds; default 1 000. */
  intervalMs?: number;
  /** Longest pause while Meilisearch keeps failing (the pause doubles from `intervalMs`), in milliseconds; default 30 000. */
  maxBackoffMs?: number;
  /** Called with each failed drain; default: one `console.warn` line. */
  onError?: (error: unknown) => void;
  /** Called after each drain that sent something. */
  onDrain?: (result: DrainResult) => void;
}

/** A background loop that keeps the index up to date with the outbox. */
export interface OutboxDrainer {
  /** Starts draining now and then every `intervalMs`; does nothing if already started. */
  start(): void;
  /** Stops the loop and waits for a drain in progress. */
  stop(): Promise<void>;
  /** Drains right away (after any drain in progress) and resolves with what it did. */
  drainNow(): Promise<DrainResult>;
  readonly running: boolean;
  /** The error of the last drain, or `undefined` when it succeeded. */
  readonly lastError: unknown;
}

/**
 * Drains the outbox periodically. While Meilisearch is down the pause doubles up to `maxBackoffMs`, and the
 * first drain that succeeds afterwards catches up on everything that piled up.
 */
export function createOutboxDrainer(
  store: Store,
  index: SearchIndex,
  options: OutboxDrainerOptions = {},
): OutboxDrainer {
  const intervalMs = options.intervalMs ?? 1000;
  const maxBackoffMs = Math.max(options.maxBackoffMs ?? 30_000, intervalMs);
  const onError =
    options.onError ??
    ((error: unknown) => console.warn(`[outbox] drain failed: ${error instanceof Error ? error.message : error}`));
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let pauseMs = intervalMs;
  let lastError: unknown;
  let queue: Promise<unknown> = Promise.resolve();

  const drainOnce = (): Promise<DrainResult> => {
    const drained = queue.then(() => drainOutbox(store, index, options));
    queue = drained.catch(() => undefined);
    return drained.then(
      (result) => {
        lastError = undefined;
        pauseMs = intervalMs;
        if (result.entries > 0) options.onDrain?.(result);
        return result;
      },
      (error: unknown) => {
        lastError = error;
        pauseMs = Math.min(pauseMs * 2, maxBackoffMs);
        throw error;
      },
    );
  };

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = running ? setTimeout(tick, delayMs) : undefined;
  };

  const tick = async () => {
    try {
      await drainOnce();
    } catch (error) {
      onError(error);
    }
    schedule(pauseMs);
  };

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    async stop() {
      running = false;
      schedule(0);
      await queue;
    },
    async drainNow() {
      const result = await drainOnce();
      // Meilisearch is back: end a backoff pause early.
      if (running) schedule(intervalMs);
      return result;
    },
    get running() {
      return running;
    },
    get lastError() {
      return lastError;
    },
  };
}
