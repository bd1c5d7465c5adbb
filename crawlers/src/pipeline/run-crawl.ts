import {
  type Event,
  isSourceDue,
  type Source,
  type SourceCrawlResult,
  type SourceHealth,
  sourceDueAt,
} from '@fieldguide/shared';
import { createFetcher, type Fetcher, type FetcherOptions } from '../core/fetcher.js';
import { dedupeEvents } from '../dedupe/dedupe.js';
import { assignSeries } from '../dedupe/series.js';
import { UnknownSourceError } from '../storage/store/errors.js';
import type { CrawlRun, Store, UpsertResult } from '../storage/store/store.types.js';
import { buildEvents } from './build-event.js';
import type { Classifier } from './classifier.js';
import { defaultClassifier } from './default-classifier.js';
import { type CrawlLimits, type Harvest, harvestSource, type PageReport } from './harvest.js';

/** Options of {@link runCrawl}. */
export interface RunCrawlOptions {
  store: Store;
  /** Sources to crawl instead of the store's; each is saved into the store first (its health kept). */
  sources?: readonly Source[];
  /** Crawl only these sources (ids of `sources`, or of the store's). */
  sourceIds?: readonly string[];
  /** Crawl sources whose `recrawlMinutes` have not elapsed, and disabled ones. */
  force?: boolean;
  /**
   * Options of the run's fetcher. A source flagged `allowPrivateNetwork` may reach private addresses on its own
   * URL's origin, in its own requests only; `ownPorts` are refused to every source.
   */
  fetcher?: FetcherOptions;
  limits?: Partial<CrawlLimits>;
  /** Sources crawled at once (politeness per host is the fetcher's). Default 8. */
  sourceConcurrency?: number;
  /** Events per `upsertEvents` transaction. Default 200. */
  batchSize?: number;
  classify?: Classifier;
  /** The clock of `seenAt`, `lastCrawledAt` and the recrawl schedule. */
  now?: () => Date;
  onProgress?: (progress: CrawlProgress) => void;
  /** Stops the crawl: no new page is fetched, pages in flight finish, the run ends `interrupted`. */
  signal?: AbortSignal;
}

/** What one source's crawl gave: the shared schema's type, the one the admin API shows. */
export type { SourceCrawlResult };

/** The outcome of {@link runCrawl}. */
export interface CrawlSummary {
  run: CrawlRun;
  sources: SourceCrawlResult[];
  totals: { events: number; inserted: number; updated: number; merged: number; delisted: number; errors: number };
}

/** Progress of a crawl, for a progress line, a log or the admin API. */
export type CrawlProgress =
  | { type: 'run-started'; runId: number; sources: number }
  | { type: 'source-started'; sourceId: string }
  | ({ type: 'page' } & PageReport)
  | { type: 'retry'; sourceId?: string; url: string; retry: number; delayMs: number; message: string }
  | { type: 'source-finished'; result: SourceCrawlResult }
  | { type: 'run-finished'; summary: CrawlSummary };

const emptyResult = (sourceId: string): SourceCrawlResult => ({
  sourceId,
  status: 'ok',
  events: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  merged: 0,
  delisted: 0,
  pages: 0,
  notModified: 0,
  errors: [],
  skipped: [],
  warnings: [],
  durationMs: 0,
});

const MAX_LISTED = 100;

/** The sources this run crawls, in order, and the ones it skips with why. */
function selectSources(
  store: Store,
  options: RunCrawlOptions,
  now: Date,
): { due: Source[]; skipped: SourceCrawlResult[] } {
  if (options.sources) {
    for (const source of options.sources) store.upsertSource(source);
  }
  const pool = options.sources ? options.sources.map((s) => store.getSource(s.id) ?? s) : store.listSources();
  let chosen = pool;
  if (options.sourceIds) {
    const byId = new Map(pool.map((s) => [s.id, s]));
    chosen = options.sourceIds.map((id) => {
      const source = byId.get(id) ?? store.getSource(id);
      if (!source) throw new UnknownSourceError(id);
      return source;
    });
  }
  const due: Source[] = [];
  const skipped: SourceCrawlResult[] = [];
  for (const source of chosen) {
    if (options.force || isSourceDue(source, now)) {
      due.push(source);
    } else if (!source.enabled) {
      skipped.push({ ...emptyResult(source.id), status: 'skipped', skipReason: 'disabled' });
    } else {
      const next = sourceDueAt(source)?.toISOString();
      skipped.push({ ...emptyResult(source.id), status: 'skipped', skipReason: `not due until ${next}` });
    }
  }
  return { due, skipped };
}

/**
 * Stored events seen in documents that answered 304, with this sighting recorded: those the source saw there
 * since the version the 304 confirms was fetched (an event dropped from that version was last seen before).
 */
function seenAgain(store: Store, source: Source, harvest: Harvest, seenAt: string): Event[] {
  if (harvest.notModified.length === 0) return [];
  const since = new Map(harvest.notModified.map((n) => [n.url, Date.parse(n.since)]));
  const ids = new Set(
    store
      .listSourceRefs(source.id)
      .filter((ref) => since.has(ref.url))
      .map((ref) => ref.eventId),
  );
  const events: Event[] = [];
  for (const id of ids) {
    const stored = store.getEvent(id);
    if (!stored) continue;
    const confirmed = (ref: Event['sources'][number]) =>
      ref.sourceId === source.id && since.has(ref.url) && Date.parse(ref.seenAt) >= (since.get(ref.url) ?? 0);
    if (!stored.sources.some(confirmed)) continue;
    events.push({
      ...stored,
      delisted: false,
      lastSeen: seenAt,
      sources: stored.sources.map((ref) => (confirmed(ref) ? { ...ref, seenAt } : ref)),
    });
  }
  return events;
}

/** Upserts in batches; a batch the store refuses is retried event by event, so one bad event costs only itself. */
function upsertAll(store: Store, events: readonly Event[], batchSize: number, errors: string[]): UpsertResult[] {
  const results: UpsertResult[] = [];
  for (let i = 0; i < events.length; i += batchSize) {
    const batch = events.slice(i, i + batchSize);
    try {
      results.push(...store.upsertEvents(batch));
    } catch {
      for (const event of batch) {
        try {
          results.push(store.upsertEvent(event));
        } catch (error) {
          errors.push(`"${event.title}" (${event.url}): not stored: ${error instanceof Error ? error.message : error}`);
        }
      }
    }
  }
  return results;
}

async function crawlOne(
  source: Source,
  ctx: {
    store: Store;
    fetcher: Fetcher;
    options: RunCrawlOptions;
    classify: Classifier;
    now: () => Date;
    crawlStartedAt: string;
  },
): Promise<SourceCrawlResult> {
  const started = performance.now();
  const { store, options } = ctx;
  const result = emptyResult(source.id);
  options.onProgress?.({ type: 'source-started', sourceId: source.id });
  const harvest = await harvestSource(source, {
    fetcher: ctx.fetcher,
    store,
    now: ctx.now,
    // Recurring calendar events are expanded around the crawl's own clock.
    ical: { now: ctx.now() },
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    onPage: (report) => options.onProgress?.({ type: 'page', ...report }),
  });
  const seenAt = ctx.now().toISOString();
  const association = source.associationId ? store.getAssociation(source.associationId) : undefined;
  const built: Event[] = [];
  const rejected: string[] = [];
  let seenIds = new Set<string>();
  for (const document of harvest.documents) {
    const documentEvents = buildEvents(document.events, {
      source,
      documentUrl: document.url,
      seenAt,
      classify: ctx.classify,
      ...(association ? { association: association.jobBoardUrl ? { jobBoardUrl: association.jobBoardUrl } : {} } : {}),
    });
    built.push(...documentEvents.events);
    rejected.push(...documentEvents.rejected);
  }
  // From the dedupe lookup to the last write nothing awaits, and it is one transaction: no other source's batch
  // slips in between, and a crash leaves the source's events and the validators that vouch for them together.
  store.transaction(() => {
    const again = seenAgain(store, source, harvest, seenAt);
    const { events, idMap, merges } = dedupeEvents([...again, ...built], store);
    const upserts = upsertAll(store, assignSeries(events), options.batchSize ?? 200, rejected);
    for (const fetch of harvest.fetches) store.recordFetch(fetch);
    seenIds = new Set([...idMap.values()]);
    for (const upsert of upserts) result[upsert.status] += 1;
    result.merged = merges.filter((m) => m.from !== m.into).length;
  });
  result.events = seenIds.size;
  result.pages = harvest.pagesFetched;
  result.notModified = harvest.notModified.length;
  result.errors = [...harvest.errors, ...rejected];
  result.skipped = harvest.skipped;
  result.warnings = harvest.warnings;
  if (harvest.truncated) {
    result.warnings.push(`stopped after ${harvest.pagesFetched} pages (maxPagesPerSource); not delisting anything`);
  }
  const nothingRead = harvest.documents.length === 0 && harvest.notModified.length === 0;
  if (!harvest.rootFailed && !nothingRead && result.events === 0 && harvest.warnings.length > 0) {
    result.errors.push(`no events could be read: ${harvest.warnings.slice(0, 3).join('; ')}`);
  }
  if (harvest.rootFailed || nothingRead || (result.events === 0 && result.errors.length > 0)) {
    result.status = 'failed';
  } else if (result.errors.length > 0 || harvest.aborted) {
    result.status = 'partial';
  }
  if (result.status === 'ok' && !harvest.truncated && !harvest.aborted) {
    result.delisted = store.markDelisted(source.id, seenIds, ctx.crawlStartedAt);
  }
  // A crawl stopped before it read the whole source (the worker's lease ran out, a signal) leaves it as due as it
  // was: the job's retry, or the next crawl, reads it again instead of skipping it until its next recrawl.
  const crawledAt = harvest.aborted ? source.health.lastCrawledAt : seenAt;
  const health: SourceHealth = {
    ...(crawledAt ? { lastCrawledAt: crawledAt } : {}),
    lastStatus: result.status === 'skipped' ? 'ok' : result.status,
    eventsFound: result.events,
    errorCount: result.errors.length,
  };
  if (result.errors[0]) health.lastError = result.errors[0].slice(0, 2000);
  store.updateSourceHealth(source.id, health);
  result.errors = result.errors.slice(0, MAX_LISTED);
  result.warnings = result.warnings.slice(0, MAX_LISTED);
  result.durationMs = Math.round(performance.now() - started);
  options.onProgress?.({ type: 'source-finished', result });
  return result;
}

/**
 * Crawls the enabled, due sources (all of the store's, or `sources`/`sourceIds`) and records the run: each
 * source is fetched (conditionally), extracted by its kind, normalized, classified, validated, deduplicated
 * against the batch and the store, and upserted in batches; a source crawled fully without errors has the
 * events it no longer publishes delisted. Per-source results go on the run (saved after every source) and
 * the source's health. One failing source never stops the others.
 *
 * @throws UnknownSourceError for an id in `sourceIds` that no source has (before the run starts).
 * @throws TypeError for a `fetcher.allowPrivateOrigins` entry that is not an http(s) origin (before the run starts).
 */
export async function runCrawl(options: RunCrawlOptions): Promise<CrawlSummary> {
  const now = options.now ?? (() => new Date());
  const { store } = options;
  const { due, skipped } = selectSources(store, options, now());
  const crawlStartedAt = now().toISOString();
  // Before the run is recorded: options the fetcher refuses (an allowed origin that is not one) start nothing.
  const fetcher = createFetcher({
    ...options.fetcher,
    onRetry: (event) => {
      options.fetcher?.onRetry?.(event);
      options.onProgress?.({
        type: 'retry',
        ...(event.sourceId ? { sourceId: event.sourceId } : {}),
        url: event.url,
        retry: event.retry,
        delayMs: event.delayMs,
        message: event.error.message,
      });
    },
  });
  let run: CrawlRun;
  try {
    run = store.startCrawlRun();
  } catch (error) {
    await fetcher.close();
    throw error;
  }
  options.onProgress?.({ type: 'run-started', runId: run.id, sources: due.length });
  const classify = options.classify ?? defaultClassifier;
  const results: SourceCrawlResult[] = [];
  const queue = [...due];
  const worker = async () => {
    for (let source = queue.shift(); source; source = queue.shift()) {
      if (options.signal?.aborted) return;
      const result = await crawlOne(source, { store, fetcher, options, classify, now, crawlStartedAt });
      results.push(result);
      if (result.status !== 'skipped') {
        run.results[source.id] = { status: result.status, events: result.events, errors: result.errors };
      }
      store.updateCrawlRun(run);
    }
  };
  try {
    const workers = Math.max(1, Math.min(options.sourceConcurrency ?? 8, queue.length));
    await Promise.all(Array.from({ length: workers }, worker));
    run.status = options.signal?.aborted ? 'interrupted' : 'finished';
  } catch (error) {
    run.status = 'failed';
    throw error;
  } finally {
    store.updateCrawlRun(run);
    await fetcher.close();
  }
  const finished = store.getCrawlRun(run.id) ?? run;
  const all = [...results, ...skipped];
  const summary: CrawlSummary = {
    run: finished,
    sources: all,
    totals: {
      events: results.reduce((n, r) => n + r.events, 0),
      inserted: results.reduce((n, r) => n + r.inserted, 0),
      updated: results.reduce((n, r) => n + r.updated, 0),
      merged: results.reduce((n, r) => n + r.merged, 0),
      delisted: results.reduce((n, r) => n + r.delisted, 0),
      errors: results.reduce((n, r) => n + r.errors.length, 0),
    },
  };
  options.onProgress?.({ type: 'run-finished', summary });
  return summary;
}
