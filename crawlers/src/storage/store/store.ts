import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createAlerts } from './alerts.js';
import { createAssociations } from './associations.js';
import { createCrawlRuns } from './crawl-runs.js';
import { openDatabase } from './database.js';
import { createEvents } from './events.js';
import { createFetchLog } from './fetch-log.js';
import { createOutbox } from './outbox.js';
import { createSources } from './sources.js';
import type { Store, StoreOptions } from './store.types.js';
import { canWriteStore } from './store-access.js';
import { createSuggestions } from './suggestions.js';

/**
 * Opens (creating or migrating as needed) the canonical store at `options.path`, and marks crawl runs
 * whose process died as `interrupted`. A file this process cannot write is opened for reading only:
 * `writable()` says so, and every write throws an error that `isStoreReadOnlyError` recognizes.
 *
 * @throws StoreVersionError when the file was written by a newer Fieldguide.
 * @throws StoreReadOnlyError when the file cannot be written and is missing or needs migrating.
 */
export function createStore(options: StoreOptions): Store {
  const memory = options.path === ':memory:';
  const path = memory ? options.path : resolve(options.path);
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path, options.busyTimeoutMs ?? 5000);
  const now = options.now ?? (() => new Date());
  const nowIso = () => now().toISOString();

  const outbox = createOutbox(db, nowIso);
  const { add: _add, ...outboxMethods } = outbox;
  const runs = createCrawlRuns(db, path, nowIso);
  const { interruptOrphans, release, ...runMethods } = runs;
  if (!db.readonly) interruptOrphans();

  return {
    path,
    ...createEvents(db, outbox, nowIso),
    ...createAssociations(db, outbox, nowIso),
    ...createSources(db, nowIso),
    ...createFetchLog(db, options.fetchHistoryPerUrl ?? 20),
    ...createSuggestions(db, nowIso),
    ...createAlerts(db, nowIso),
    ...runMethods,
    ...outboxMethods,
    // IMMEDIATE: take the write lock before the first read, so another process cannot commit in between
    // and fail our write with SQLITE_BUSY_SNAPSHOT (which the busy timeout does not retry).
    transaction: (fn) => db.transaction(fn).immediate(),
    writable: () => !db.readonly && (memory || canWriteStore(path)),
    close: () => {
      if (!db.open) return;
      release();
      db.close();
    },
  };
}
