import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreReadOnlyError, StoreVersionError } from './errors.js';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from './migrations.js';
import { canWriteStore, isStoreReadOnlyError } from './store-access.js';

/**
 * Opens the SQLite file with the store's settings and migrates it: WAL (readers never wait for the
 * writer), `synchronous=NORMAL` (durable at checkpoints, safe against corruption in WAL), foreign keys
 * on, and a busy timeout so a second process waits for a lock instead of failing at once. A file this
 * process cannot write is opened read-only (see {@link openReadOnly}); its `readonly` flag says so.
 *
 * @throws StoreVersionError when the file is newer than this code, before anything is written.
 * @throws StoreReadOnlyError when the file cannot be written and is missing or needs migrating.
 */
export function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  if (path !== ':memory:' && !canWriteStore(path)) return openReadOnly(path, busyTimeoutMs);
  const db = new Database(path, { timeout: busyTimeoutMs });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new StoreVersionError(path, version, SCHEMA_VERSION);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, path, MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** `db`, read-only, once it is read and found at this code's schema version (it cannot be migrated); else closed. */
function readableAtVersion(db: Database.Database, path: string): Database.Database {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new StoreVersionError(path, version, SCHEMA_VERSION);
    if (version < SCHEMA_VERSION) {
      throw new StoreReadOnlyError(path, `has schema version ${version} and needs migrating to ${SCHEMA_VERSION}`);
    }
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A store this process cannot write, for reading: the file itself when SQLite can read it in place (its WAL
 * files exist or can be made), else a copy in memory as the file was at opening, since SQLite cannot read a WAL
 * file in a directory where it may not create the `-shm` file. Every write throws `SQLITE_READONLY`.
 */
function openReadOnly(path: string, busyTimeoutMs: number): Database.Database {
  if (!existsSync(path)) throw new StoreReadOnlyError(path, 'does not exist yet');
  try {
    return readableAtVersion(new Database(path, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs }), path);
  } catch (error) {
    if (!isStoreReadOnlyError(error)) throw error;
  }
  return readableAtVersion(new Database(asRollbackJournalImage(readFileSync(path)), { readonly: true }), path);
}

/** The header bytes that say a file is in WAL mode (2) or not (1): file format write and read versions. */
const FORMAT_VERSION_OFFSETS = [18, 19];

/** A database image read without WAL: what a WAL file holds on disk after its last checkpoint, readable in memory. */
function asRollbackJournalImage(bytes: Buffer): Buffer {
  for (const offset of FORMAT_VERSION_OFFSETS) {
    if (bytes[offset] === 2) bytes[offset] = 1;
  }
  return bytes;
}
