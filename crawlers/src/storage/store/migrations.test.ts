import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreVersionError } from './errors.js';
import { makeEvent, tempStorePath } from './fixtures/sample-data.js';
import { MIGRATIONS, migrate, SCHEMA_VERSION } from './migrations.js';
import { createStore } from './store.js';

let temp: ReturnType<typeof tempStorePath>;

beforeEach(() => {
  temp = tempStorePath();
});

afterEach(() => {
  temp.cleanup();
});

const userVersion = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true });
  } finally {
    db.close();
  }
};

describe('opening a store file', () => {
  it('creates the schema at the newest version, in WAL mode', () => {
    createStore({ path: temp.path }).close();
    const db = new Database(temp.path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['events', 'associations', 'sources', 'fetch_log', 'crawl_runs', 'outbox', 'suggestions']),
    );
    db.close();
  });

  it('migrates an empty older file', () => {
    new Database(temp.path).close();
    expect(userVersion(temp.path)).toBe(0);
    createStore({ path: temp.path }).close();
    expect(userVersion(temp.path)).toBe(SCHEMA_VERSION);
  });

  it('refuses a file from a newer version with a clear error, leaving the file alone', () => {
    const db = new Database(temp.path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();

    expect(() => createStore({ path: temp.path })).toThrow(StoreVersionError);
    expect(() => createStore({ path: temp.path })).toThrow(
      `schema version ${SCHEMA_VERSION + 1}, newer than the ${SCHEMA_VERSION}`,
    );
    expect(userVersion(temp.path)).toBe(SCHEMA_VERSION + 1);
  });
});

describe('migrate', () => {
  const nextStep = { version: SCHEMA_VERSION + 1, sql: 'ALTER TABLE events ADD COLUMN rank INTEGER' };

  it('applies only the missing steps and keeps the data', () => {
    const store = createStore({ path: temp.path });
    store.upsertEvent(makeEvent());
    store.close();

    const db = new Database(temp.path);
    migrate(db, temp.path, [...MIGRATIONS, nextStep]);
    migrate(db, temp.path, [...MIGRATIONS, nextStep]);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare('SELECT id, rank FROM events').all()).toEqual([{ id: 'ev-1', rank: null }]);
    db.close();
  });

  it('rolls back a step that fails, leaving the version where it was', () => {
    createStore({ path: temp.path }).close();
    const broken = { version: SCHEMA_VERSION + 1, sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM missing_table' };
    const db = new Database(temp.path);
    expect(() => migrate(db, temp.path, [...MIGRATIONS, broken])).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'half'`).pluck().get()).toBe(0);
    db.close();
  });
});
