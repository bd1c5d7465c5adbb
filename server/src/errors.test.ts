import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { toApiError } from './errors.js';

/** The error a real SQLite file throws for `sql`, opened with `options`. */
function sqliteError(file: string, sql: string, options: Database.Options = {}): unknown {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, options);
    db.exec(sql);
  } catch (error) {
    return error;
  } finally {
    db?.close();
  }
  throw new Error(`no error from ${sql}`);
}

describe('toApiError on store errors', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers a write the store file refuses with 503 ERR_STORE_READONLY, and other SQLite errors with a masked 500', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-errors-'));
    const file = path.join(dir, 'store.sqlite');
    new Database(file).exec('CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1)');

    const refused = toApiError(sqliteError(file, 'INSERT INTO t VALUES (2)', { readonly: true }));
    expect(refused.toBody()).toMatchObject({ statusCode: 503, code: 'ERR_STORE_READONLY' });
    expect(refused.message).toContain('DATA_DIR');

    // A directory where the file should be: SQLite cannot open it (SQLITE_CANTOPEN).
    const unopenable = toApiError(sqliteError(dir, 'SELECT 1'));
    expect(unopenable.toBody()).toMatchObject({ statusCode: 503, code: 'ERR_STORE_READONLY' });

    const duplicate = toApiError(sqliteError(file, 'INSERT INTO t VALUES (1)'));
    expect(duplicate.toBody()).toEqual({ statusCode: 500, code: 'ERR_INTERNAL', message: 'internal server error' });
  });
});
