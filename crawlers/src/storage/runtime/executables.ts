import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Whether `path` is a file this process may execute. */
export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

let setprivPath: string | null | undefined;
/**
 * util-linux's `setpriv`, which can ask the kernel to kill a child when its parent dies (Linux only): what the
 * services a process starts (Meilisearch, a test PostgreSQL) are spawned through, so none outlives it.
 */
export function findSetpriv(): string | undefined {
  if (setprivPath === undefined) {
    const dirs = process.platform === 'linux' ? [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/bin'] : [];
    const candidates = dirs.filter((dir) => dir.startsWith('/')).map((dir) => join(dir, 'setpriv'));
    setprivPath = candidates.find(isExecutable) ?? null;
  }
  return setprivPath ?? undefined;
}
