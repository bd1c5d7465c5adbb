import type { Association, Event, Source, SourceHealth } from '@fieldguide/shared';

/** What an index change is about. */
export type OutboxEntity = 'event' | 'association';

/** One pending change for the search index, written in the same transaction as the data it describes. */
export interface OutboxEntry {
  /** Monotonic sequence number; drain in this order. */
  seq: number;
  entity: OutboxEntity;
  entityId: string;
  op: 'upsert' | 'delete';
  createdAt: string;
}

/** Result of an upsert: whether anything changed (and so whether an outbox entry was written). */
export interface UpsertResult {
  id: string;
  status: 'inserted' | 'updated' | 'unchanged';
}

/** One HTTP fetch as the crawler saw it; the latest per URL feeds conditional GETs. */
export interface FetchLogEntry {
  url: string;
  sourceId?: string;
  status: number | null;
  etag?: string;
  lastModified?: string;
  contentHash?: string;
  error?: string;
  fetchedAt: string;
  durationMs?: number;
}

export interface CrawlRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  status: 'running' | 'finished' | 'failed' | 'interrupted';
  /** Per-source results: events found, errors, status. */
  results: Record<string, { status: 'ok' | 'partial' | 'failed'; events: number; errors: string[] }>;
}

/**
 * The canonical store: the SQLite file is the source of truth, the search index is derived from it
 * through the outbox. Every method is synchronous (better-sqlite3).
 */
export interface Store {
  readonly path: string;
  upsertEvent(event: Event): UpsertResult;
  upsertEvents(events: readonly Event[]): UpsertResult[];
  getEvent(id: string): Event | undefined;
  deleteEvent(id: string): boolean;
  /** Every event, in id order, without loading them all at once. */
  iterateEvents(): IterableIterator<Event>;
  countEvents(): number;
  upsertAssociation(association: Association): UpsertResult;
  getAssociation(id: string): Association | undefined;
  iterateAssociations(): IterableIterator<Association>;
  countAssociations(): number;
  upsertSource(source: Source): UpsertResult;
  getSource(id: string): Source | undefined;
  listSources(): Source[];
  updateSourceHealth(id: string, health: SourceHealth): void;
  recordFetch(entry: FetchLogEntry): void;
  lastFetch(url: string): FetchLogEntry | undefined;
  startCrawlRun(): CrawlRun;
  updateCrawlRun(run: CrawlRun): void;
  getCrawlRun(id: number): CrawlRun | undefined;
  listCrawlRuns(limit: number): CrawlRun[];
  /** The oldest pending index changes, at most `limit`. */
  readOutbox(limit: number): OutboxEntry[];
  /** Removes drained entries up to and including `seq`. */
  ackOutbox(seq: number): void;
  outboxSize(): number;
  /** Runs `fn` in one transaction. */
  transaction<T>(fn: () => T): T;
  close(): void;
}
