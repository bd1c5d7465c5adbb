import type { Store } from '../store/store.types.js';
import { deleteEndedEvents } from './ended-events.js';
import { releaseClaims } from './outbox-claim.js';
import { type DrainOptions, type DrainResult, drainReplica, sumDrainResults } from './outbox-drain.js';
import { withDrainSlot } from './rebuild-lock.js';
import { reindex } from './reindex.js';
import { onEach, replicasOf } from './replica-set.js';
import type { SearchIndex } from './search-index.js';

export interface OutboxDrainerOptions extends DrainOptions {
  /** Pause between drains while all is well, in milliseconds; default 1 000. */
  intervalMs?: number;
  /** Longest pause while Meilisearch keeps failing (the pause doubles from `intervalMs`), in milliseconds; default 30 000. */
  maxBackoffMs?: number;
  /** Called with each failed drain (and the replica's name); default: one `console.warn` line. */
  onError?: (error: unknown, replica: string) => void;
  /** Called after each drain that sent something. */
  onDrain?: (result: DrainResult, replica: string) => void;
  /** Called when a replica found without its indexes has been rebuilt from the store. */
  onRebuilt?: (replica: string, result: { events: number; associations: number }) => void;
  /**
   * How often the events that ended since they were indexed are deleted from the index, after a drain, in
   * milliseconds; default 600 000 (10 minutes). The first drain does it too.
   */
  sweepIntervalMs?: number;
}

/** A background loop per replica that keeps each up to date with the outbox. */
export interface OutboxDrainer {
  /**
   * Applies the index settings to every replica that holds its indexes (or has nothing to hold yet: they are
   * created); a replica that lost them is left for the first drain, which rebuilds it from the store.
   * @throws the first replica's error once all were tried.
   */
  prepare(): Promise<void>;
  /** Starts draining now and then every `intervalMs`; does nothing if already started. */
  start(): void;
  /** Stops the loops, waits for drains in progress and gives up this drainer's claims on the replicas. */
  stop(): Promise<void>;
  /**
   * Drains every replica right away (after any drain in progress) and resolves with what they did, summed.
   * @throws the first replica's error once all have ended.
   */
  drainNow(): Promise<DrainResult>;
  /** Checks every replica again before its next drain (a Meilisearch restarted, perhaps without its data), now. */
  recheck(): Promise<DrainResult>;
  readonly running: boolean;
  /** The error of a replica's last drain, or `undefined` when every replica's last drain succeeded. */
  readonly lastError: unknown;
}

/**
 * Drains the outbox into each replica behind `index` periodically, and deletes the events that ended from it every
 * `sweepIntervalMs`. Each replica has its own loop: while one is down its pause doubles up to `maxBackoffMs`, the
 * others go on, and the first drain that succeeds afterwards catches it up from its cursor. A replica found without
 * its indexes (new, or its data lost) is rebuilt from the store first.
 */
export function createOutboxDrainer(
  store: Store,
  index: SearchIndex,
  options: OutboxDrainerOptions = {},
): OutboxDrainer {
  const replicas = replicasOf(index);
  const loops = replicas.map((replica) => replicaLoop(store, replica, options, replicas.length > 1));
  // Whether this drainer may have claimed replicas: started, or asked to drain.
  let claiming = false;
  const all = <T>(each: (loop: ReplicaLoop) => Promise<T>): Promise<T[]> => onEach(loops, each);
  return {
    prepare: async () => {
      await all((loop) => loop.prepare());
    },
    start: () => {
      claiming = true;
      for (const loop of loops) loop.start();
    },
    async stop() {
      await Promise.all(loops.map((loop) => loop.stop()));
      // A drainer never asked to drain holds no claim; a read-only store holds none either, and refuses the write.
      if (claiming && store.writable()) releaseClaims(store, replicas, options.holder);
    },
    drainNow: async () => {
      claiming = true;
      return sumDrainResults(await all((loop) => loop.drainNow()));
    },
    recheck: async () => {
      claiming = true;
      for (const loop of loops) loop.recheck();
      return sumDrainResults(await all((loop) => loop.drainNow()));
    },
    get running() {
      return loops.some((loop) => loop.running);
    },
    get lastError() {
      return loops.find((loop) => loop.lastError !== undefined)?.lastError;
    },
  };
}

interface ReplicaLoop {
  prepare(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
  drainNow(): Promise<DrainResult>;
  recheck(): void;
  readonly running: boolean;
  readonly lastError: unknown;
}

/**
 * Whether `replica` has lost its indexes (or never had them) while the store holds something for them: then it must be
 * rebuilt, as the outbox no longer holds what they had. Not with a store this process cannot write, which could not
 * record the rebuild's cursor: the indexes are then only created, and searches answer from what they hold.
 */
async function needsRebuild(store: Store, replica: SearchIndex): Promise<boolean> {
  if (!store.writable()) return false;
  const live = await replica.listIndexes();
  if (live.includes(replica.names.event) && live.includes(replica.names.association)) return false;
  return store.countEvents() + store.countAssociations() > 0;
}

function replicaLoop(
  store: Store,
  replica: SearchIndex,
  options: OutboxDrainerOptions,
  hideUntilBuilt: boolean,
): ReplicaLoop {
  const intervalMs = options.intervalMs ?? 1000;
  const maxBackoffMs = Math.max(options.maxBackoffMs ?? 30_000, intervalMs);
  const onError =
    options.onError ??
    ((error: unknown, name: string) =>
      console.warn(`[outbox] drain into ${name} failed: ${error instanceof Error ? error.message : error}`));
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let pauseMs = intervalMs;
  let lastError: unknown;
  let queue: Promise<unknown> = Promise.resolve();
  const sweepIntervalMs = options.sweepIntervalMs ?? 600_000;
  const now = options.now ?? (() => new Date());
  let sweptAt = Number.NEGATIVE_INFINITY;
  // Whether the replica was seen holding its indexes since it last failed.
  let checked = false;

  /** Applies the settings, unless the replica must be rebuilt (which applies them). */
  const check = async (): Promise<boolean> => {
    if (await needsRebuild(store, replica)) return false;
    await replica.applySettings();
    checked = true;
    return true;
  };

  const rebuildOrCheck = async (): Promise<DrainResult | undefined> => {
    if (checked || (await check())) return undefined;
    const { holder, claimTtlMs } = options;
    const rebuilt = await reindex(store, replica, { now, holder, claimTtlMs, hideUntilBuilt });
    checked = true;
    options.onRebuilt?.(replica.replica, rebuilt);
    return rebuilt.drained;
  };

  const drainAndSweep = async (): Promise<DrainResult> => {
    const result = (await rebuildOrCheck()) ?? (await drainReplica(store, replica, options));
    const at = now();
    if (!result.paused && at.getTime() - sweptAt >= sweepIntervalMs) {
      await withDrainSlot(replica, () => deleteEndedEvents(replica, at));
      sweptAt = at.getTime();
    }
    return result;
  };

  const drainOnce = (): Promise<DrainResult> => {
    const drained = queue.then(drainAndSweep);
    queue = drained.catch(() => undefined);
    return drained.then(
      (result) => {
        lastError = undefined;
        pauseMs = intervalMs;
        if (result.entries > 0) options.onDrain?.(result, replica.replica);
        return result;
      },
      (error: unknown) => {
        lastError = error;
        checked = false;
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
      onError(error, replica.replica);
    }
    schedule(pauseMs);
  };

  return {
    async prepare() {
      await check();
    },
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
    recheck() {
      checked = false;
    },
    get running() {
      return running;
    },
    get lastError() {
      return lastError;
    },
  };
}
