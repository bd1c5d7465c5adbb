import type { AlertFrequency, Source, Suggestion, SuggestionStatus } from '@fieldguide/shared';
import type { AlertConfirmation, AlertSummary, CrawlRun, DueAlert, FetchLogEntry } from './store.types.js';

// Rows as both store engines keep them (the same column names), and the values they stand for.

export interface FetchRow {
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

export const FETCH_COLUMNS =
  'url, source_id, status, etag, last_modified, content_hash, error, fetched_at, duration_ms';

export function fetchFromRow(row: FetchRow): FetchLogEntry {
  const entry: FetchLogEntry = { url: row.url, status: row.status, fetchedAt: row.fetched_at };
  if (row.source_id !== null) entry.sourceId = row.source_id;
  if (row.etag !== null) entry.etag = row.etag;
  if (row.last_modified !== null) entry.lastModified = row.last_modified;
  if (row.content_hash !== null) entry.contentHash = row.content_hash;
  if (row.error !== null) entry.error = row.error;
  if (row.duration_ms !== null) entry.durationMs = row.duration_ms;
  return entry;
}

/**
 * The row a fetch is logged as. A 304 confirms the body we have, so the validators of the fetch before it
 * (`previous`, read only for a 304) still apply to the next conditional GET when the 304 repeats none.
 */
export function fetchRow(entry: FetchLogEntry, previous: FetchLogEntry | undefined): FetchRow {
  return {
    url: entry.url,
    source_id: entry.sourceId ?? null,
    status: entry.status,
    etag: entry.etag ?? previous?.etag ?? null,
    last_modified: entry.lastModified ?? previous?.lastModified ?? null,
    content_hash: entry.contentHash ?? previous?.contentHash ?? null,
    error: entry.error ?? null,
    fetched_at: entry.fetchedAt,
    duration_ms: entry.durationMs ?? null,
  };
}

/** Checks the fetch history length a store keeps per URL. */
export function assertKeepPerUrl(keepPerUrl: number): number {
  if (!Number.isInteger(keepPerUrl) || keepPerUrl < 1) {
    throw new RangeError(`fetchHistoryPerUrl must be ≥ 1: ${keepPerUrl}`);
  }
  return keepPerUrl;
}

export interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: CrawlRun['status'];
  results: string;
}

export const RUN_COLUMNS = 'id, started_at, finished_at, status, results';

export function runFromRow(row: RunRow): CrawlRun {
  const run: CrawlRun = { id: row.id, startedAt: row.started_at, status: row.status, results: JSON.parse(row.results) };
  if (row.finished_at !== null) run.finishedAt = row.finished_at;
  return run;
}

/** When a run update finishes it: the time it gives, else now for a run that ends, else none. */
export const runFinishedAt = (run: CrawlRun, nowIso: () => string): string | null =>
  run.finishedAt ?? (run.status === 'running' ? null : nowIso());

export interface SourceRow {
  config: string;
  health: string;
  content_hash: string;
}

export const sourceFromRow = (row: SourceRow): Source => ({
  ...JSON.parse(row.config),
  health: JSON.parse(row.health),
});

export interface SuggestionRow {
  id: number;
  url: string;
  normalized_url: string;
  note: string | null;
  field: string | null;
  count: number;
  preview: string;
  status: SuggestionStatus;
  reason: string | null;
  source_id: string | null;
  created_at: string;
  updated_at: string;
  decided_at: string | null;
}

export const suggestionFromRow = (row: SuggestionRow): Suggestion => ({
  id: row.id,
  url: row.url,
  normalizedUrl: row.normalized_url,
  note: row.note,
  field: row.field,
  count: row.count,
  status: row.status,
  reason: row.reason,
  sourceId: row.source_id,
  preview: JSON.parse(row.preview),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  decidedAt: row.decided_at,
});

/** An alert's row, as far as the store's methods read it. */
export interface AlertRow {
  id: number;
  email: string;
  search: string;
  frequency: AlertFrequency;
  origin: string;
  confirmed: number | boolean;
  confirm_expires_ms: number;
  unsubscribe_token: string;
  sent_through_ms: number | null;
}

export const ALERT_COLUMNS =
  'id, email, search, frequency, origin, confirmed, confirm_expires_ms, unsubscribe_token, sent_through_ms';

export const alertSummary = (row: Pick<AlertRow, 'search' | 'frequency'>): AlertSummary => ({
  search: row.search,
  frequency: row.frequency,
});

export const dueAlertFromRow = (row: AlertRow): DueAlert => ({
  ...alertSummary(row),
  id: row.id,
  email: row.email,
  origin: row.origin,
  unsubscribeToken: row.unsubscribe_token,
  sentThroughMs: row.sent_through_ms ?? 0,
});

/**
 * What confirming `row` at `nowMs` does: confirm it, say it was confirmed already, or (past its expiry) delete it.
 * Both engines act on the answer.
 */
export function confirmationStep(
  row: AlertRow | undefined,
  nowMs: number,
): { confirmation: AlertConfirmation; action: 'confirm' | 'delete' | 'none' } {
  if (!row) return { confirmation: { outcome: 'unknown' }, action: 'none' };
  if (row.confirmed)
    return { confirmation: { outcome: 'already-confirmed', alert: alertSummary(row) }, action: 'none' };
  if (row.confirm_expires_ms < nowMs) return { confirmation: { outcome: 'expired' }, action: 'delete' };
  return { confirmation: { outcome: 'confirmed', alert: alertSummary(row) }, action: 'confirm' };
}
