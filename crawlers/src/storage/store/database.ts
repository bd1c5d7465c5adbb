import Database from 'better-sqlite3';
import { StoreVersionError } from './errors.js';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from './migrations.js';

/**
 * Opens the SQLite file with the store's settings and migrates it: WAL (readers never wait for the
 * writer), `synchronous=NORMAL` (durable at checkpoints, safe against corruption in WAL), foreign keys
 * on, and a busy timeout so a second process waits for a lock instead of failing at once.
 *
 * @throws StoreVersionError when the file is newer than this code, before anything is written.
 */
export function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
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
