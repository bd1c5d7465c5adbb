import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

// Meilisearch names the threads that index documents; searches run on its HTTP workers.
const INDEXING_THREADS = new Set(['indexing-thread', 'scheduler']);
/** The lowest scheduling priority: these threads get a core only when searches leave it idle. */
const LOWEST_PRIORITY = 19;

/**
 * Gives Meilisearch's indexing threads the lowest CPU priority (Linux `nice` 19, set per thread), so searches keep
 * their latency while documents are indexed: a drain or a rebuild then takes the cores searches leave idle.
 * Returns how many threads it changed; 0 where there is no `/proc` or the threads are not there.
 */
export function lowerIndexingPriority(pid: number): number {
  let changed = 0;
  for (const tid of threadIds(pid)) {
    if (!INDEXING_THREADS.has(threadName(pid, tid) ?? '')) continue;
    try {
      // On Linux a thread id given to setpriority changes that thread alone.
      setPriority(tid, LOWEST_PRIORITY);
      changed++;
    } catch {
      // The thread ended meanwhile.
    }
  }
  return changed;
}

function threadIds(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

function threadName(pid: number, tid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
  } catch {
    return undefined;
  }
}
