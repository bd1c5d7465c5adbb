import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from './store.js';
import { canWriteStore, isStoreReadOnlyError } from './store-access.js';

describe('store access', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('tells a write SQLite refused on a read-only file from other errors', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-access-'));
    const file = path.join(dir, 'store.sqlite');
    createStore({ path: file }).close();
    const db = new Database(file, { readonly: true });
    let refused: unknown;
    try {
      db.prepare('UPDATE sources SET enabled = 1').run();
    } catch (error) {
      refused = error;
    } finally {
      db.close();
    }
    expect(isStoreReadOnlyError(refused)).toBe(true);
    expect(isStoreReadOnlyError(new Error('attempt to write a readonly database'))).toBe(false);
    expect(isStoreReadOnlyError(undefined)).toBe(false);
  });

  it('finds a store in a writable directory writable, created or not, and says so on the store', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-access-'));
    const file = path.join(dir, 'store.sqlite');
    expect(canWriteStore(file)).toBe(true);
    const store = createStore({ path: file });
    expect(store.writable()).toBe(true);
    store.close();
    expect(canWriteStore(path.join(dir, 'missing', 'store.sqlite'))).toBe(false);
  });
});
