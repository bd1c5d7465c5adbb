import type Database from 'better-sqlite3';
import { StoreVersionError } from './errors.js';

/** One schema step. `version` is what `PRAGMA user_version` reads once the step has been applied. */
export interface Migration {
  version: number;
  sql: string;
}

/**
 * The schema, as numbered steps. Append new steps; never edit an applied one.
 * Instants the store sorts on are kept as epoch milliseconds (`*_ms`), because sources write ISO
 * instants with any offset and those do not sort as text; instants the store writes itself are UTC ISO.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE events (
        id TEXT PRIMARY KEY NOT NULL,
        doc TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        start_ms INTEGER NOT NULL,
        end_ms INTEGER,
        association_id TEXT,
        delisted INTEGER NOT NULL DEFAULT 0,
        last_seen TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX events_start ON events (start_ms);
      CREATE INDEX events_updated_at ON events (updated_at);
      CREATE INDEX events_association ON events (association_id) WHERE association_id IS NOT NULL;

      CREATE TABLE event_sources (
        event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
        source_id TEXT NOT NULL,
        url TEXT NOT NULL,
        seen_ms INTEGER NOT NULL,
        PRIMARY KEY (event_id, source_id, url)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX event_sources_source ON event_sources (source_id, event_id);

      CREATE TABLE associations (
        id TEXT PRIMARY KEY NOT NULL,
        doc TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sources (
        id TEXT PRIMARY KEY NOT NULL,
        config TEXT NOT NULL,
        health TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE fetch_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL,
        source_id TEXT,
        status INTEGER,
        etag TEXT,
        last_modified TEXT,
        content_hash TEXT,
        error TEXT,
        fetched_at TEXT NOT NULL,
        duration_ms REAL
      ) STRICT;
      CREATE INDEX fetch_log_url ON fetch_log (url, id);

      CREATE TABLE crawl_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
        results TEXT NOT NULL DEFAULT '{}',
        pid INTEGER,
        host TEXT
      ) STRICT;
      CREATE INDEX crawl_runs_running ON crawl_runs (status) WHERE status = 'running';

      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL CHECK (entity IN ('event', 'association')),
        entity_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        created_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    // The occurrences of a series, for an event's page (the series id lives in the JSON document).
    sql: `CREATE INDEX events_series ON events (json_extract(doc, '$.seriesId'), start_ms);`,
  },
  {
    version: 3,
    // Sources visitors suggest, one row per normalized URL; who suggested them is not kept.
    sql: `
      CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL,
        normalized_url TEXT NOT NULL UNIQUE,
        note TEXT,
        field TEXT,
        count INTEGER NOT NULL DEFAULT 1,
        preview TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'refused')),
        reason TEXT,
        source_id TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        decided_at TEXT
      ) STRICT;
      CREATE INDEX suggestions_status ON suggestions (status, updated_at);
    `,
  },
  {
    version: 4,
    // Where each search-index replica stands in the outbox, and which process drains it now.
    sql: `
      CREATE TABLE outbox_replicas (
        replica TEXT PRIMARY KEY,
        cursor INTEGER NOT NULL,
        holder TEXT,
        claimed_until_ms INTEGER
      ) STRICT;
    `,
  },
  {
    version: 5,
    // Email alerts: one per address and search; the confirmation token is kept as its SHA-256 only.
    sql: `
      CREATE TABLE alerts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        email TEXT NOT NULL,
        search TEXT NOT NULL,
        frequency TEXT NOT NULL CHECK (frequency IN ('weekly', 'daily')),
        origin TEXT NOT NULL,
        confirmed INTEGER NOT NULL DEFAULT 0,
        confirm_hash TEXT NOT NULL UNIQUE,
        confirm_expires_ms INTEGER NOT NULL,
        unsubscribe_token TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        sent_through_ms INTEGER,
        next_due_ms INTEGER,
        holder TEXT,
        claimed_until_ms INTEGER,
        UNIQUE (email, search)
      ) STRICT;
      CREATE INDEX alerts_due ON alerts (next_due_ms) WHERE confirmed = 1;
      CREATE INDEX alerts_pending ON alerts (confirm_expires_ms) WHERE confirmed = 0;
    `,
  },
];

/** Schema version of a store file this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

const readVersion = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings the file up to the newest of `migrations`, each step in its own IMMEDIATE transaction so two
 * processes opening an old file at once apply every step exactly once.
 *
 * @throws StoreVersionError when the file is newer than the newest step; nothing is written then.
 */
export function migrate(db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const check = (version: number) => {
    if (version > latest) throw new StoreVersionError(path, version, latest);
  };
  check(readVersion(db));
  for (const step of migrations) {
    if (step.version <= readVersion(db)) continue;
    db.transaction(() => {
      const current = readVersion(db);
      check(current);
      if (step.version <= current) return;
      db.exec(step.sql);
      db.pragma(`user_version = ${Math.trunc(step.version)}`);
    }).immediate();
  }
}
