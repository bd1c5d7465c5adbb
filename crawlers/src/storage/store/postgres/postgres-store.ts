import { redactDatabaseUrl } from '../../config.js';
import type { Store } from '../store.types.js';
import { createPgAlerts } from './pg-alerts.js';
import { createPgEvents } from './pg-events.js';
import { migratePostgres } from './pg-migrations.js';
import { createPgOutbox } from './pg-outbox.js';
import { createPgCrawlRuns, createPgFetchLog, createPgSources, createPgSuggestions } from './pg-records.js';
import { createSession } from './session.js';
import { createSqlBridge } from './sql-bridge.js';

/** How to open the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** `postgres://` or `postgresql://` URL of the database (its tables live in the connection's `search_path`). */
  url: string;
  /** Clock for `updatedAt`, outbox and run times (default: the system clock). */
  now?: () => Date;
  /** How long a write waits for another process's lock before failing, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** How long connecting may take, in ms (default 5000). */
  connectTimeoutMs?: number;
  /** How long one statement may run on the server, in ms (default 30 000). */
  statementTimeoutMs?: number;
  /** Fetches kept per URL in the fetch log, the latest included (default 20). */
  fetchHistoryPerUrl?: number;
}

const WRITABLE = `SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'
  AND has_table_privilege('events', 'INSERT') AND has_table_privilege('outbox', 'INSERT') AS ok`;

/**
 * Opens the canonical store in PostgreSQL (creating or migrating its tables as needed), and marks crawl runs left
 * running by a process of this host that died as `interrupted`. Same contract as the SQLite store: every method is
 * synchronous, run on one dedicated connection by a worker thread (see `sql-bridge.ts`); `path` is the URL with its
 * password redacted.
 *
 * @throws StoreUnavailableError when the database cannot be reached within the connection timeout.
 * @throws StoreVersionError when the database was migrated by a newer Fieldguide.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const where = redactDatabaseUrl(options.url);
  const session = createSession(
    createSqlBridge({
      url: options.url,
      where,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      statementTimeoutMs: options.statementTimeoutMs ?? 30_000,
      lockTimeoutMs: options.busyTimeoutMs ?? 5000,
    }),
  );
  const now = options.now ?? (() => new Date());
  const nowIso = () => now().toISOString();
  const writable = () => {
    try {
      return session.rows<{ ok: boolean }>(WRITABLE)[0]?.ok === true;
    } catch {
      return false;
    }
  };
  let runs: ReturnType<typeof createPgCrawlRuns>;
  try {
    migratePostgres(session, where);
    runs = createPgCrawlRuns(session, where, nowIso);
    // A role that may only read can still open the store to read it.
    if (writable()) runs.interruptOrphans();
  } catch (error) {
    session.close();
    throw error;
  }
  const { interruptOrphans: _interrupt, release, ...runMethods } = runs;
  let closed = false;

  return {
    path: where,
    ...createPgEvents(session, nowIso),
    ...createPgSources(session, nowIso),
    ...createPgFetchLog(session, options.fetchHistoryPerUrl ?? 20),
    ...createPgSuggestions(session, nowIso),
    ...createPgAlerts(session, nowIso),
    ...runMethods,
    ...createPgOutbox(session, nowIso),
    transaction: (fn) => session.write(fn),
    writable,
    close: () => {
      if (closed) return;
      closed = true;
      release();
      session.close();
    },
  };
}
