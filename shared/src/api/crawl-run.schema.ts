import { type Static, Type } from '@sinclair/typebox';
import { literals } from '../event/event.schema.js';

/** A crawl run's state; `interrupted`: the process running it died or was stopped. */
export const CRAWL_RUN_STATUSES = ['running', 'finished', 'failed', 'interrupted'] as const;
export type CrawlRunStatus = (typeof CRAWL_RUN_STATUSES)[number];

/** What one source's crawl gave, in full. */
export const SourceCrawlResultSchema = Type.Object({
  sourceId: Type.String(),
  status: literals(['ok', 'partial', 'failed', 'skipped'] as const),
  /** Why a source was skipped (`not due`, `disabled`). */
  skipReason: Type.Optional(Type.String()),
  /** Distinct events the source publishes now (new, changed, unchanged and not modified). */
  events: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  /** Events found to be another record's duplicate and merged into it. */
  merged: Type.Integer(),
  delisted: Type.Integer(),
  pages: Type.Integer(),
  notModified: Type.Integer(),
  /** Fetch failures and events left out, each with its reason. */
  errors: Type.Array(Type.String()),
  /** Links not fetched on purpose (robots.txt). */
  skipped: Type.Array(Type.String()),
  /** What extractors doubted, per document. */
  warnings: Type.Array(Type.String()),
  durationMs: Type.Integer(),
});
export type SourceCrawlResult = Static<typeof SourceCrawlResultSchema>;

/** A crawl run as the store records it. */
export const CrawlRunRecordSchema = Type.Object({
  id: Type.Integer(),
  startedAt: Type.String({ description: 'ISO UTC' }),
  /** Set by the store when a run leaves `running` without one. */
  finishedAt: Type.Optional(Type.String({ description: 'ISO UTC' })),
  status: literals(CRAWL_RUN_STATUSES),
  results: Type.Record(
    Type.String(),
    Type.Object({
      status: literals(['ok', 'partial', 'failed'] as const),
      events: Type.Integer(),
      errors: Type.Array(Type.String()),
    }),
    { description: 'per crawled source: status, events found, errors' },
  ),
});
export type CrawlRunRecord = Static<typeof CrawlRunRecordSchema>;

/** How far a running crawl has come. */
export const CrawlRunProgressSchema = Type.Object({
  sourcesTotal: Type.Integer(),
  sourcesDone: Type.Integer(),
  pagesFetched: Type.Integer(),
  inProgress: Type.Array(Type.String(), { description: 'sources being crawled now' }),
});
export type CrawlRunProgress = Static<typeof CrawlRunProgressSchema>;

/**
 * A crawl run as the admin API shows it: the stored record, with progress and per-source details while the server
 * that ran it knows them.
 */
export const CrawlRunSchema = Type.Composite(
  [
    CrawlRunRecordSchema,
    Type.Object({
      progress: Type.Optional(CrawlRunProgressSchema),
      sources: Type.Optional(Type.Array(SourceCrawlResultSchema)),
      error: Type.Optional(Type.String({ description: 'why the run failed as a whole' })),
    }),
  ],
  { title: 'CrawlRun' },
);
export type CrawlRun = Static<typeof CrawlRunSchema>;
