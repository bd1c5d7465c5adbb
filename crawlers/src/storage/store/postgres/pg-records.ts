import {
  assertValid,
  InstantSchema,
  SourceHealthSchema,
  SourceSchema,
  SuggestionPreviewSchema,
  type SuggestionStatus,
} from '@fieldguide/shared';
import type { RunOwner } from '../crawl-run-owners.js';
import { type CrawlRuns, crawlRunsOver } from '../crawl-runs.js';
import { StoreNotFoundError } from '../errors.js';
import {
  assertKeepPerUrl,
  FETCH_COLUMNS,
  type FetchRow,
  fetchFromRow,
  fetchRow,
  RUN_COLUMNS,
  type RunRow,
  type SourceRow,
  type SuggestionRow,
  sourceFromRow,
  suggestionFromRow,
} from '../rows.js';
import type { Store } from '../store.types.js';
import { planSourceUpsert } from '../upsert-plans.js';
import type { Session } from './session.js';

/**
 * Free text as PostgreSQL can keep it: its `text` cannot hold U+0000, which SQLite keeps, so a NUL in a visitor's
 * note or a fetch error becomes U+FFFD instead of failing the write. JSON documents need nothing: JSON escapes it.
 */
const pgText = <T extends string | null>(value: T): T =>
  value === null ? value : (value.replaceAll('\0', '\uFFFD') as T);

const changed = (session: Session, text: string, values: readonly unknown[]): number =>
  session.run([{ text, values }])[0]?.rowCount ?? 0;

/** Sources of the PostgreSQL store: configuration (compared without health) and crawl health kept apart. */
export function createPgSources(
  session: Session,
  nowIso: () => string,
): Pick<Store, 'upsertSource' | 'getSource' | 'listSources' | 'updateSourceHealth'> {
  const SELECT = 'SELECT config, health, content_hash FROM sources';
  return {
    upsertSource: (input) => {
      const source = assertValid(SourceSchema, input, 'source');
      return session.write(() => {
        const stored = session.rows<SourceRow>(`${SELECT} WHERE id = $1`, [source.id])[0];
        const plan = planSourceUpsert(stored?.content_hash, source);
        if (plan.status === 'inserted') {
          session.queue({
            text: `INSERT INTO sources (id, config, health, content_hash, enabled, updated_at)
                   VALUES ($1, $2, $3, $4, $5, $6)`,
            values: [source.id, plan.config, plan.health, plan.hash, plan.enabled, nowIso()],
          });
        } else if (plan.status === 'updated') {
          session.queue({
            text: 'UPDATE sources SET config = $1, content_hash = $2, enabled = $3, updated_at = $4 WHERE id = $5',
            values: [plan.config, plan.hash, plan.enabled, nowIso(), source.id],
          });
        }
        return { id: source.id, status: plan.status };
      });
    },
    getSource: (id) => {
      const row = session.rows<SourceRow>(`${SELECT} WHERE id = $1`, [id])[0];
      return row && sourceFromRow(row);
    },
    listSources: () => session.rows<SourceRow>(`${SELECT} ORDER BY id`).map(sourceFromRow),
    updateSourceHealth: (id, health) => {
      assertValid(SourceHealthSchema, health, 'source health');
      if (changed(session, 'UPDATE sources SET health = $1 WHERE id = $2', [JSON.stringify(health), id]) === 0) {
        throw new StoreNotFoundError('source', id);
      }
    },
  };
}

/** The fetch log of the PostgreSQL store: every fetch appended, the newest `keepPerUrl` per URL kept. */
export function createPgFetchLog(
  session: Session,
  keepPerUrl: number,
): Pick<Store, 'recordFetch' | 'lastFetch' | 'fetchHistory'> {
  assertKeepPerUrl(keepPerUrl);
  const history = (url: string, limit: number) =>
    session
      .rows<FetchRow>(`SELECT ${FETCH_COLUMNS} FROM fetch_log WHERE url = $1 ORDER BY id DESC LIMIT $2`, [url, limit])
      .map(fetchFromRow);
  const lastFetch = (url: string) => history(url, 1)[0];
  return {
    recordFetch: (entry) => {
      assertValid(InstantSchema, entry.fetchedAt, 'fetch log fetchedAt');
      const row = fetchRow(entry, entry.status === 304 ? lastFetch(entry.url) : undefined);
      session.atomically([
        {
          text: `INSERT INTO fetch_log (${FETCH_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          values: [
            pgText(row.url),
            pgText(row.source_id),
            row.status,
            pgText(row.etag),
            pgText(row.last_modified),
            pgText(row.content_hash),
            pgText(row.error),
            row.fetched_at,
            row.duration_ms,
          ],
        },
        {
          text: `DELETE FROM fetch_log WHERE url = $1
                   AND id <= (SELECT id FROM fetch_log WHERE url = $1 ORDER BY id DESC LIMIT 1 OFFSET $2)`,
          values: [pgText(row.url), keepPerUrl],
        },
      ]);
    },
    lastFetch,
    fetchHistory: (url) => history(url, keepPerUrl),
  };
}

/** Crawl runs of the PostgreSQL store (see `crawlRunsOver`). */
export function createPgCrawlRuns(session: Session, storePath: string, nowIso: () => string): CrawlRuns {
  return crawlRunsOver(
    {
      insert: (startedAt, owner) =>
        session.rows<{ id: number }>(
          `INSERT INTO crawl_runs (started_at, status, results, pid, host) VALUES ($1, 'running', '{}', $2, $3)
           RETURNING id`,
          [startedAt, owner.pid, owner.host],
        )[0]?.id as number,
      update: (run, finishedAt) =>
        changed(session, 'UPDATE crawl_runs SET status = $1, finished_at = $2, results = $3 WHERE id = $4', [
          run.status,
          finishedAt,
          JSON.stringify(run.results),
          run.id,
        ]),
      get: (id) => session.rows<RunRow>(`SELECT ${RUN_COLUMNS} FROM crawl_runs WHERE id = $1`, [id])[0],
      list: (limit) => session.rows<RunRow>(`SELECT ${RUN_COLUMNS} FROM crawl_runs ORDER BY id DESC LIMIT $1`, [limit]),
      running: () =>
        session.rows<{ id: number } & RunOwner>(`SELECT id, pid, host FROM crawl_runs WHERE status = 'running'`),
      interrupt: (finishedAt, id) =>
        changed(
          session,
          `UPDATE crawl_runs SET status = 'interrupted', finished_at = $1 WHERE id = $2 AND status = 'running'`,
          [finishedAt, id],
        ),
    },
    storePath,
    nowIso,
  );
}

/** Suggested sources of the PostgreSQL store: one row per normalized URL, counted, each suggestion one statement. */
export function createPgSuggestions(
  session: Session,
  nowIso: () => string,
): Pick<Store, 'recordSuggestion' | 'getSuggestion' | 'listSuggestions' | 'decideSuggestion'> {
  const byId = (id: number) => session.rows<SuggestionRow>('SELECT * FROM suggestions WHERE id = $1', [id])[0];
  return {
    recordSuggestion: (input) => {
      const preview = JSON.stringify(assertValid(SuggestionPreviewSchema, input.preview, 'suggestion preview'));
      const now = nowIso();
      // Again: counted, the newer preview kept, a note or field filled in only where the first left it empty.
      const [row] = session.rows<SuggestionRow & { duplicate: boolean }>(
        `INSERT INTO suggestions (url, normalized_url, note, field, preview, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)
         ON CONFLICT (normalized_url) DO UPDATE SET count = suggestions.count + 1,
           note = coalesce(suggestions.note, excluded.note), field = coalesce(suggestions.field, excluded.field),
           preview = excluded.preview, updated_at = excluded.updated_at
         RETURNING *, xmax <> 0 AS duplicate`,
        [
          pgText(input.url),
          pgText(input.normalizedUrl),
          pgText(input.note ?? null),
          pgText(input.field ?? null),
          preview,
          now,
        ],
      );
      const { duplicate, ...stored } = row as SuggestionRow & { duplicate: boolean };
      return { suggestion: suggestionFromRow(stored), duplicate };
    },
    getSuggestion: (id) => {
      const row = byId(id);
      return row && suggestionFromRow(row);
    },
    listSuggestions: (options = {}) => {
      const status: SuggestionStatus | null = options.status ?? null;
      return session
        .rows<SuggestionRow>(
          `SELECT * FROM suggestions WHERE $1::text IS NULL OR status = $1 ORDER BY updated_at DESC, id DESC LIMIT $2`,
          [status, options.limit ?? 100],
        )
        .map(suggestionFromRow);
    },
    decideSuggestion: (id, decision) => {
      const now = nowIso();
      const [row] = session.rows<SuggestionRow>(
        `UPDATE suggestions SET status = $1, reason = $2, source_id = $3, decided_at = $4, updated_at = $4
         WHERE id = $5 RETURNING *`,
        [
          decision.status,
          pgText(decision.status === 'refused' ? decision.reason : null),
          pgText(decision.status === 'accepted' ? decision.sourceId : null),
          now,
          id,
        ],
      );
      if (!row) throw new StoreNotFoundError('suggestion', id);
      return suggestionFromRow(row);
    },
  };
}
