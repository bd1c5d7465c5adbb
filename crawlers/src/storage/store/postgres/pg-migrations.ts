import { StoreVersionError } from '../errors.js';
import type { Migration } from '../migrations.js';
import { MIGRATION_LOCK, type Session } from './session.js';

/**
 * The PostgreSQL schema, as numbered steps (its own numbering: the SQLite file's `user_version` is another story).
 * Append new steps; never edit an applied one. Instants the store sorts on are epoch milliseconds (`*_ms`), as in
 * the SQLite store; documents are JSON text, as written.
 */
export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE events (
        id text PRIMARY KEY,
        doc text NOT NULL,
        content_hash text NOT NULL,
        start_ms bigint NOT NULL,
        end_ms bigint,
        association_id text,
        series_id text,
        delisted boolean NOT NULL DEFAULT false,
        last_seen text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE INDEX events_start ON events (start_ms, id);
      CREATE INDEX events_updated_at ON events (updated_at);
      CREATE INDEX events_association ON events (association_id) WHERE association_id IS NOT NULL;
      CREATE INDEX events_series ON events (series_id, start_ms) WHERE series_id IS NOT NULL;

      CREATE TABLE event_sources (
        event_id text NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        source_id text NOT NULL,
        url text NOT NULL,
        seen_ms bigint NOT NULL,
        PRIMARY KEY (event_id, source_id, url)
      );
      CREATE INDEX event_sources_source ON event_sources (source_id, event_id);

      CREATE TABLE associations (
        id text PRIMARY KEY,
        doc text NOT NULL,
        content_hash text NOT NULL,
        updated_at text NOT NULL
      );

      CREATE TABLE sources (
        id text PRIMARY KEY,
        config text NOT NULL,
        health text NOT NULL,
        content_hash text NOT NULL,
        enabled boolean NOT NULL,
        updated_at text NOT NULL
      );

      CREATE TABLE fetch_log (
        id bigserial PRIMARY KEY,
        url text NOT NULL,
        source_id text,
        status integer,
        etag text,
        last_modified text,
        content_hash text,
        error text,
        fetched_at text NOT NULL,
        duration_ms double precision
      );
      CREATE INDEX fetch_log_url ON fetch_log (url, id);

      CREATE TABLE crawl_runs (
        id bigserial PRIMARY KEY,
        started_at text NOT NULL,
        finished_at text,
        status text NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
        results text NOT NULL DEFAULT '{}',
        pid integer,
        host text
      );
      CREATE INDEX crawl_runs_running ON crawl_runs (status) WHERE status = 'running';

      -- tx: the transaction that wrote the entry, so readers can wait for the ones still running (see readOutbox).
      CREATE TABLE outbox (
        seq bigserial PRIMARY KEY,
        entity text NOT NULL CHECK (entity IN ('event', 'association')),
        entity_id text NOT NULL,
        op text NOT NULL CHECK (op IN ('upsert', 'delete')),
        created_at text NOT NULL,
        tx xid8 NOT NULL DEFAULT pg_current_xact_id()
      );
      -- The highest seq ever committed, also once every entry is acknowledged (a sequence's value is not
      -- transactional: it moves before the entry commits).
      CREATE TABLE outbox_written (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        seq bigint NOT NULL
      );
      INSERT INTO outbox_written (seq) VALUES (0);

      CREATE TABLE outbox_replicas (
        replica text PRIMARY KEY,
        cursor bigint NOT NULL,
        holder text,
        claimed_until_ms bigint
      );

      CREATE TABLE suggestions (
        id bigserial PRIMARY KEY,
        url text NOT NULL,
        normalized_url text NOT NULL UNIQUE,
        note text,
        field text,
        count integer NOT NULL DEFAULT 1,
        preview text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
        reason text,
        source_id text,
        created_at text NOT NULL,
        updated_at text NOT NULL,
        decided_at text
      );
      CREATE INDEX suggestions_status ON suggestions (status, updated_at);
    `,
  },
  {
    version: 2,
    // Email alerts: one per address and search; the confirmation token is kept as its SHA-256 only.
    sql: `
      CREATE TABLE alerts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        search text NOT NULL,
        frequency text NOT NULL CHECK (frequency IN ('weekly', 'daily')),
        origin text NOT NULL,
        confirmed boolean NOT NULL DEFAULT false,
        confirm_hash text NOT NULL UNIQUE,
        confirm_expires_ms bigint NOT NULL,
        unsubscribe_token text NOT NULL UNIQUE,
        created_at text NOT NULL,
        confirmed_at text,
        sent_through_ms bigint,
        next_due_ms bigint,
        holder text,
        claimed_until_ms bigint,
        UNIQUE (email, search)
      );
      CREATE INDEX alerts_due ON alerts (next_due_ms) WHERE confirmed;
      CREATE INDEX alerts_pending ON alerts (confirm_expires_ms) WHERE NOT confirmed;
    `,
  },
];

/** Schema version of a PostgreSQL store this code writes. */
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.at(-1)?.version ?? 0;

const VERSION_TABLE = 'fieldguide_schema';
/**
 * How long one step may take, waiting for another process's step included: a step may build an index over every
 * event, far longer than a store call is given.
 */
const STEP_TIMEOUT_MS = 10 * 60_000;
const STEP_SETTINGS = [
  { text: `SET LOCAL statement_timeout = ${STEP_TIMEOUT_MS}` },
  { text: `SET LOCAL lock_timeout = ${STEP_TIMEOUT_MS}` },
];

/**
 * The schema version of the database: 0 before the first step. The version table is looked for in the catalog
 * itself, read under the statement's snapshot, not with `to_regclass`: that one answers from the connection's
 * catalog cache, which after waiting for the migration lock may still lack a table another process created
 * meanwhile (an advisory lock, unlike a table lock, does not make the connection read what that commit changed),
 * and the step would then be applied twice.
 */
function readVersion(session: Session): number {
  const [table] = session.rows<{ present: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = $1) AS present',
    [VERSION_TABLE],
  );
  if (!table?.present) return 0;
  return (
    session.rows<{ version: number | null }>(`SELECT max(version) AS version FROM ${VERSION_TABLE}`)[0]?.version ?? 0
  );
}

/**
 * Brings the database up to the newest of `migrations`. Each step runs in its own transaction that first takes the
 * migration advisory lock and reads the version again, so several processes starting at once on an empty or old
 * database apply every step exactly once; a failing step leaves the version where it was.
 *
 * @throws StoreVersionError when the database is newer than the newest step; nothing is written then.
 */
export function migratePostgres(
  session: Session,
  where: string,
  migrations: readonly Migration[] = PG_MIGRATIONS,
): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const versionNow = () => readVersion(session);
  const check = (version: number) => {
    if (version > latest) throw new StoreVersionError(where, version, latest);
    return version;
  };
  let version = check(versionNow());
  for (const step of migrations) {
    if (step.version <= version) continue;
    session.patiently(STEP_TIMEOUT_MS + 5000, () =>
      session.write(
        () => {
          session.run([{ text: MIGRATION_LOCK }]);
          version = check(versionNow());
          if (step.version <= version) return;
          session.run([
            { text: step.sql },
            { text: `CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version integer NOT NULL)` },
            { text: `DELETE FROM ${VERSION_TABLE}` },
            { text: `INSERT INTO ${VERSION_TABLE} (version) VALUES ($1)`, values: [step.version] },
          ]);
          version = step.version;
        },
        { settings: STEP_SETTINGS },
      ),
    );
  }
}
