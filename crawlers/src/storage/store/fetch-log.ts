import { assertValid, InstantSchema } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import type { FetchLogEntry, Store } from './store.types.js';

interface FetchRow {
  url: string;
  source_id: string | null;
  status: number | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  error: string | null;
  fetched_at: string;
  duration_ms: number | null;
}

function fromRow(row: FetchRow): FetchLogEntry {
  const entry: FetchLogEntry = { url: row.url, status: row.status, fetchedAt: row.fetched_at };
  if (row.source_id !== null) entry.sourceId = row.source_id;
  if (row.etag !== null) entry.etag = row.etag;
  if (row.last_modified !== null) entry.lastModified = row.last_modified;
  if (row.content_hash !== null) entry.contentHash = row.content_hash;
  if (row.error !== null) entry.error = row.error;
  if (row.duration_ms !== null) entry.durationMs = row.duration_ms;
  return entry;
}

const COLUMNS = 'url, source_id, status, etag, last_modified, content_hash, error, fetched_at, duration_ms';

/** The fetch log: every fetch appended, the newest `keepPerUrl` per URL kept. */
export function createFetchLog(
  db: Database.Database,
  keepPerUrl: number,
): Pick<Store, 'recordFetch' | 'lastFetch' | 'fetchHistory'> {
  if (!Number.isInteger(keepPerUrl) || keepPerUrl < 1)
    throw new RangeError(`fetchHistoryPerUrl must be ≥ 1: ${keepPerUrl}`);
  const insert = db.prepare<[FetchRow]>(
    `INSERT INTO fetch_log (${COLUMNS}) VALUES (@url, @source_id, @status, @etag, @last_modified, @content_hash,
      @error, @fetched_at, @duration_ms)`,
  );
  const prune = db.prepare<{ url: string; keep: number }>(
    `DELETE FROM fetch_log WHERE url = @url
       AND id <= (SELECT id FROM fetch_log WHERE url = @url ORDER BY id DESC LIMIT 1 OFFSET @keep)`,
  );
  const history = db.prepare<[string, number], FetchRow>(
    `SELECT ${COLUMNS} FROM fetch_log WHERE url = ? ORDER BY id DESC LIMIT ?`,
  );

  const lastFetch = (url: string) => {
    const row = history.get(url, 1);
    return row && fromRow(row);
  };

  const record = db.transaction((entry: FetchLogEntry) => {
    // A 304 confirms the body we have, so its validators still apply to the next conditional GET.
    const previous = entry.status === 304 ? lastFetch(entry.url) : undefined;
    insert.run({
      url: entry.url,
      source_id: entry.sourceId ?? null,
      status: entry.status,
      etag: entry.etag ?? previous?.etag ?? null,
      last_modified: entry.lastModified ?? previous?.lastModified ?? null,
      content_hash: entry.contentHash ?? previous?.contentHash ?? null,
      error: entry.error ?? null,
      fetched_at: entry.fetchedAt,
      duration_ms: entry.durationMs ?? null,
    });
    prune.run({ url: entry.url, keep: keepPerUrl });
  });

  return {
    recordFetch: (entry) => {
      assertValid(InstantSchema, entry.fetchedAt, 'fetch log fetchedAt');
      record.immediate(entry);
    },
    lastFetch,
    fetchHistory: (url) => history.all(url, keepPerUrl).map(fromRow),
  };
}
