import { IndexError, IndexUnavailableError } from './client.js';
import { isRebuilding } from './rebuild-lock.js';
import type { SearchIndex } from './search-index.js';

/**
 * Several Meilisearch replicas holding the same indexes, fed each by the outbox from its own cursor. As a
 * {@link SearchIndex} it answers reads from one healthy replica at a time, round-robin, and fails over to the next
 * within the same call on a connection error, a timeout, a 5xx or missing indexes; `applySettings` goes to all.
 * Writes belong to one replica: drains and rebuilds work on each of {@link replicas}.
 */
export interface ReplicatedSearchIndex extends SearchIndex {
  readonly replicas: readonly SearchIndex[];
  /** Per replica, whether reads skip it for now (it failed within the last `retryAfterMs`). */
  readState(): { replica: string; resting: boolean }[];
}

export interface ReplicatedSearchIndexOptions {
  /** How long reads skip a replica that failed before trying it again, in milliseconds; default 5 000. */
  retryAfterMs?: number;
  /** Milliseconds since the epoch; default: the clock. */
  nowMs?: () => number;
}

/** The replicas behind `index`: its own list, or `index` alone. */
export function replicasOf(index: SearchIndex): readonly SearchIndex[] {
  const replicas = (index as Partial<ReplicatedSearchIndex>).replicas;
  return replicas && replicas.length > 0 ? replicas : [index];
}

/**
 * Runs `each` on every item at once and waits for all.
 * @throws the first failure, once every call has ended (what the others did stays done).
 */
export async function onEach<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const settled = await Promise.allSettled(items.map(each));
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<R>).value);
}

/** Whether another replica may answer what `error` stopped this one from answering. */
export function isReplicaFailure(error: unknown): boolean {
  if (error instanceof IndexUnavailableError) return true;
  if (!(error instanceof IndexError)) return false;
  return (error.httpStatus ?? 0) >= 500 || error.meiliCode === 'index_not_found';
}

/** Reads spread over `replicas` with failover; see {@link ReplicatedSearchIndex}. */
export function createReplicatedIndex(
  replicas: readonly SearchIndex[],
  options: ReplicatedSearchIndexOptions = {},
): ReplicatedSearchIndex {
  const first = replicas[0];
  if (!first) throw new IndexError('a replicated search index needs at least one replica');
  const retryAfterMs = options.retryAfterMs ?? 5000;
  const nowMs = options.nowMs ?? Date.now;
  const restingUntil = new Map<SearchIndex, number>();
  let turn = 0;

  /** This call's order: round-robin among those answering, then those resting or rebuilding (probed last). */
  const order = (): SearchIndex[] => {
    const start = turn++ % replicas.length;
    const rotated = [...replicas.slice(start), ...replicas.slice(0, start)];
    const now = nowMs();
    const ready = (replica: SearchIndex) => (restingUntil.get(replica) ?? 0) <= now && !isRebuilding(replica);
    return [...rotated.filter(ready), ...rotated.filter((replica) => !ready(replica))];
  };

  const read = async <T>(call: (replica: SearchIndex) => Promise<T>): Promise<T> => {
    let failure: unknown;
    for (const replica of order()) {
      try {
        const answer = await call(replica);
        restingUntil.delete(replica);
        return answer;
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        restingUntil.set(replica, nowMs() + retryAfterMs);
        failure = error;
      }
    }
    throw failure;
  };

  const singleReplicaOnly = (action: string) => (): Promise<never> =>
    Promise.reject(new IndexError(`${action} goes to one replica: use the replicas of this search index`));

  return {
    replicas,
    names: first.names,
    identity: `replicas(${replicas.map((replica) => replica.identity).join(',')})`,
    url: first.url,
    replica: `replicas(${replicas.map((replica) => replica.replica).join(',')})`,
    async applySettings() {
      await onEach(replicas, (replica) => replica.applySettings());
    },
    searchEvents: (params) => read((replica) => replica.searchEvents(params)),
    multiSearchEvents: (queries) => read((replica) => replica.multiSearchEvents(queries)),
    searchAssociations: (params) => read((replica) => replica.searchAssociations(params)),
    listIndexes: () => read((replica) => replica.listIndexes()),
    health: () => read((replica) => replica.health()),
    stats: () => read((replica) => replica.stats()),
    prepareIndex: singleReplicaOnly('preparing an index'),
    waitTask: singleReplicaOnly('waiting for a task'),
    upsertDocuments: singleReplicaOnly('adding documents'),
    deleteDocuments: singleReplicaOnly('deleting documents'),
    deleteDocumentsWhere: singleReplicaOnly('deleting documents'),
    swapIndexes: singleReplicaOnly('swapping indexes'),
    deleteIndex: singleReplicaOnly('deleting an index'),
    readState: () => {
      const now = nowMs();
      return replicas.map((replica) => ({
        replica: replica.replica,
        resting: (restingUntil.get(replica) ?? 0) > now,
      }));
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.close()));
    },
  };
}
