import { hostname } from 'node:os';

/** Runs this process started and has not finished, by store path: a run of ours is never an orphan. */
const ownRuns = new Map<string, Set<number>>();

/** Which process started a run, stored with it. */
export interface RunOwner {
  pid: number | null;
  host: string | null;
}

export const currentOwner = (): RunOwner => ({ pid: process.pid, host: hostname() });

export function claimRun(storePath: string, id: number): void {
  const runs = ownRuns.get(storePath) ?? new Set<number>();
  ownRuns.set(storePath, runs.add(id));
}

export function releaseRun(storePath: string, id: number): void {
  ownRuns.get(storePath)?.delete(id);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a run still marked running was left behind by a process that died. Only runs started on
 * this host can be judged; a run of this very pid that this process does not own is a previous
 * incarnation's (a restarted container often gets the same pid).
 */
export function isOrphaned(storePath: string, id: number, owner: RunOwner): boolean {
  const me = currentOwner();
  if (owner.host === null || owner.pid === null) return true;
  if (owner.host !== me.host) return false;
  if (owner.pid === me.pid) return !ownRuns.get(storePath)?.has(id);
  return !isProcessAlive(owner.pid);
}
