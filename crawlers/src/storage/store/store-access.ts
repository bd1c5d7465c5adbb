import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

const writableByUs = (path: string) => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * Whether this process can save changes to the store file at `path`, found without writing anything: the file
 * and SQLite's `-wal` and `-shm` files beside it are writable where they exist, and the directory is writable
 * where one of them has yet to be created.
 */
export function canWriteStore(path: string): boolean {
  return [path, `${path}-wal`, `${path}-shm`].every((file) =>
    existsSync(file) ? writableByUs(file) : writableByUs(dirname(file)),
  );
}

/** Whether `error` is SQLite refusing a write because the file, its directory or its journal cannot be written. */
export function isStoreReadOnlyError(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false;
  return error.code.startsWith('SQLITE_READONLY') || error.code.startsWith('SQLITE_CANTOPEN');
}
