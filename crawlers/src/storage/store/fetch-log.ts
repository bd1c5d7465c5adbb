import { assertValid, InstantSchema } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import { assertKeepPerUrl, FETCH_COLUMNS, type FetchRow, fetchFromRow, fetchRow } from './rows.js';
import type { FetchLogEntry, Store } from './store.types.js';

/** The fetch log: every fetch appended, the newest `keepPerUrl` per URL kept. */
export function createFetchLog(
  db: Database.Database,
  keepPerUrl: number,
): Pick<Store, 'recordFetch' | 'lastFetch' | 'fetchHistory'> {
  assertKeepPerUrl(keepPerUrl);
  const insert = db.prepare<[FetchRow]>(
    `INSERT INTO fetch_log (${FETCH_COLUMNS}) VALUES (@url, @source_id, @status, @etag, @last_modified, @content_hash,
      @error, @fetched_at, @duration_ms)`,
  );
  const prune = db.prepare<{ url: string; keep: number }>(
    `DELETE FROM fetch_log WHERE url = @url
       AND id <= (SELECT id FROM fetch_log WHERE url = @url ORDER BY id DESC LIMIT 1 OFFSET @keep)`,
  );
  const history = db.prepare<[string, number], FetchRow>(
    `SELECT ${FETCH_COLUMNS} FROM fetch_log WHERE url = ? ORDER BY id DESC LIMIT ?`,
  );

  const lastFetch = (url: string) => {
    const row = history.get(url, 1);
    return row && fetchFromRow(row);
  };

  const record = db.transaction((entry: FetchLogEntry) => {
    insert.run(fetchRow(entry, entry.status === 304 ? lastFetch(entry.url) : undefined));
    prune.run({ url: entry.url, keep: keepPerUrl });
  });

  return {
    recordFetch: (entry) => {
      assertValid(InstantSchema, entry.fetchedAt, 'fetch log fetchedAt');
      record.immediate(entry);
    },
    lastFetch,
    fetchHistory: (url) => history.all(url, keepPerUrl).map(fetchFromRow),
  };
}
