import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FieldguideError } from '@fieldguide/shared';
import { isProcessAlive, processStartTime } from './process-identity.js';

/** The lock file's name inside the data directory. */
export const DATA_DIR_LOCK_FILE = 'fieldguide.lock';

/** Who holds a data directory, as written in its lock file. */
export interface DataDirOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (`/proc/<pid>/stat`); absent without `/proc`. */
  startTime?: string;
  /** When it took the lock, ISO 8601. */
  since: string;
  /** What holds it: `server`, `fieldguide crawl`, … */
  command: string;
  /** Where the server answers, once it listens. */
  url?: string;
}

/** Thrown when another live process owns the data directory; the caller must not open its store or index, and stops. */
export class DataDirLockedError extends FieldguideError {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(
      'DATA_DIR_LOCKED',
      `${dataDir} is in use by ${describeOwner(owner)}. Stop it first, or set DATA_DIR to another directory ` +
        `(the lock is ${join(dataDir, DATA_DIR_LOCK_FILE)}).`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Thrown when the lock cannot be written (a read-only or foreign data directory); the caller stops. */
export class DataDirUnwritableError extends FieldguideError {
  constructor(dataDir: string, cause: NodeJS.ErrnoException) {
    super(
      'DATA_DIR_UNWRITABLE',
      `cannot take ${dataDir} (${cause.code ?? cause.message}): the data directory must be writable by this user ` +
        '(it holds the lock, the embedded Meilisearch and, by default, the store)',
      { cause },
    );
    this.name = 'DataDirUnwritableError';
  }
}

/** A data directory held by this process until {@link DataDirLock.release} or the process's exit. */
export interface DataDirLock {
  readonly file: string;
  readonly owner: DataDirOwner;
  /** Records where this process answers, so a refused second start can name it. */
  setUrl(url: string): void;
  /** Removes the lock file if it still names this process. Safe to call twice. */
  release(): void;
}

export interface AcquireDataDirLockOptions {
  /** What takes the lock, shown to a refused second process: `server`, `fieldguide crawl`, … */
  command: string;
  /** Told about a lock left by a process that is gone, which is taken over. */
  onStaleLock?: (previous: DataDirOwner) => void;
}

const ATTEMPTS = 5;

/**
 * Takes the data directory for this process: creates `<dataDir>/fieldguide.lock` (exclusively) holding its pid and
 * start time. A lock whose process is gone (or whose pid now belongs to another program) is taken over.
 * @throws DataDirLockedError when a live process holds it; DataDirUnwritableError when the lock cannot be written.
 */
export function acquireDataDirLock(dataDir: string, options: AcquireDataDirLockOptions): DataDirLock {
  try {
    return acquire(dataDir, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new DataDirUnwritableError(dataDir, error as NodeJS.ErrnoException);
    }
    throw error;
  }
}

function acquire(dataDir: string, options: AcquireDataDirLockOptions): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DATA_DIR_LOCK_FILE);
  const startTime = processStartTime(process.pid);
  const owner: DataDirOwner = {
    pid: process.pid,
    ...(startTime ? { startTime } : {}),
    since: new Date().toISOString(),
    command: options.command,
  };
  for (let attempt = 1; ; attempt++) {
    if (createExclusively(file, serialize(owner))) return heldLock(file, owner);
    if (attempt >= ATTEMPTS) throw new Error(`cannot take ${file}: it keeps changing`);
    const text = readLock(file);
    if (text === undefined) continue;
    const previous = parse(text);
    if (previous && isProcessAlive(previous.pid, previous.startTime)) {
      throw new DataDirLockedError(dataDir, previous);
    }
    // Take over only the lock we judged stale, not one another starting process wrote meanwhile.
    if (readLock(file) !== text) continue;
    removeQuietly(file);
    if (previous) options.onStaleLock?.(previous);
  }
}

/** Written aside then hard-linked into place: the lock appears whole or not at all, and only if absent. */
function createExclusively(file: string, text: string): boolean {
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, text, { mode: 0o644 });
  try {
    linkSync(partial, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeQuietly(partial);
  }
}

function heldLock(file: string, owner: DataDirOwner): DataDirLock {
  const ours = () => {
    const current = parse(readLock(file) ?? '');
    return current?.pid === owner.pid && current.since === owner.since;
  };
  const release = () => {
    process.removeListener('exit', release);
    if (ours()) removeQuietly(file);
  };
  process.once('exit', release);
  return {
    file,
    owner,
    setUrl(url) {
      if (!ours()) return;
      owner.url = url;
      // Whole-file replace, so a concurrent reader never sees half a lock.
      const partial = `${file}.${process.pid}`;
      writeFileSync(partial, serialize(owner));
      renameSync(partial, file);
    },
    release,
  };
}

function describeOwner(owner: DataDirOwner): string {
  const what = owner.command === 'server' ? 'a Fieldguide server' : `\`${owner.command}\``;
  return `${what} (pid ${owner.pid}, since ${owner.since}${owner.url ? `, at ${owner.url}` : ''})`;
}

const serialize = (owner: DataDirOwner) => `${JSON.stringify(owner)}\n`;

function parse(text: string): DataDirOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<DataDirOwner>;
    if (typeof value.pid !== 'number' || typeof value.since !== 'string') return undefined;
    return { command: 'another process', ...value } as DataDirOwner;
  } catch {
    // A torn or foreign file names no live owner: it is taken over.
    return undefined;
  }
}

function readLock(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
