import { IndexError } from './client.js';
import type { SearchIndex } from './search-index.js';

interface LockState {
  rebuilding: boolean;
  drains: Set<Promise<unknown>>;
}

// Drains and rebuilds of the same indexes in this process, keyed by `SearchIndex.identity` so two index
// objects for one server share it: drains are readers, a rebuild is the writer. A rebuild waits for running
// drains, and drains pause while it runs.
const states = new Map<string, LockState>();

function stateOf(index: SearchIndex): LockState {
  let state = states.get(index.identity);
  if (!state) {
    state = { rebuilding: false, drains: new Set() };
    states.set(index.identity, state);
  }
  return state;
}

/** True while `reindex` is rebuilding these indexes. */
export function isRebuilding(index: SearchIndex): boolean {
  return stateOf(index).rebuilding;
}

/** Runs a drain, unless a rebuild holds the indexes: then returns `undefined` without calling `drain`. */
export async function withDrainSlot<T>(index: SearchIndex, drain: () => Promise<T>): Promise<T | undefined> {
  const state = stateOf(index);
  if (state.rebuilding) return undefined;
  const running = drain();
  state.drains.add(running);
  try {
    return await running;
  } finally {
    state.drains.delete(running);
  }
}

/**
 * Holds the indexes for a rebuild once running drains have finished; `release()` lets drains run again.
 * @throws IndexError when a rebuild of these indexes is already running.
 */
export async function acquireRebuild(index: SearchIndex): Promise<{ release(): void }> {
  const state = stateOf(index);
  if (state.rebuilding) {
    throw new IndexError(`a rebuild of ${index.identity} is already running`, undefined, 'INDEX_REBUILD_RUNNING');
  }
  state.rebuilding = true;
  await Promise.allSettled([...state.drains]);
  return {
    release() {
      state.rebuilding = false;
    },
  };
}
