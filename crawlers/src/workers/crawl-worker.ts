import type { FetcherOptions } from '../core/fetcher.js';
import type { Classifier } from '../pipeline/classifier.js';
import type { CrawlLimits } from '../pipeline/harvest.js';
import { type CrawlSummary, runCrawl } from '../pipeline/run-crawl.js';
import {
  type ClaimedCrawlJob,
  type CrawlQueue,
  type DueCrawlTicker,
  openCrawlQueue,
  scheduleDueCrawls,
} from '../storage/crawl-queue/crawl-queue.js';
import type { WorkerSettings } from '../storage/crawl-queue/queue-config.js';
import { UnknownSourceError } from '../storage/store/errors.js';
import type { Store } from '../storage/store/store.types.js';
import { createPostgresHostGate, type PostgresHostGate } from './host-leases.js';

/** Options of {@link startCrawlWorker}. */
export interface CrawlWorkerOptions {
  /** Where crawls write their events and runs (any `Store`: SQLite on one machine, PostgreSQL beyond). */
  store: Store;
  /** The PostgreSQL of the job queue and the host leases. */
  databaseUrl: string;
  settings: WorkerSettings;
  /** Options of each crawl's fetcher; its politeness is shared with every worker through the host leases. */
  fetcher?: FetcherOptions;
  limits?: Partial<CrawlLimits>;
  classify?: Classifier;
  /** One line per job, and the worker's own news. */
  log?: (line: string) => void;
  /** Errors of background work (a tick, polling): the worker carries on. */
  onError?: (error: unknown) => void;
}

/** A running crawl worker. */
export interface CrawlWorker {
  readonly queue: CrawlQueue;
  /**
   * Stops: no new job is claimed, the crawls under way stop after their pages in flight and their jobs are given
   * back (queued again at once); after `settings.stopTimeoutMs` a crawl still running has its job failed, to be
   * retried. Resolves once every connection is closed.
   */
  stop(): Promise<void>;
}

/** Thrown for a job whose crawl ran out of its lease: the job fails and is retried with backoff. */
class CrawlJobOverranError extends Error {
  constructor(job: ClaimedCrawlJob, timeoutMs: number) {
    super(`the crawl of ${job.sourceId} did not end within its job timeout (${timeoutMs} ms); stopped`);
    this.name = 'CrawlJobOverranError';
  }
}

const describe = (summary: CrawlSummary): string => {
  const result = summary.sources[0];
  if (!result) return `run ${summary.run.id} ${summary.run.status}`;
  const why = result.skipReason ? ` (${result.skipReason})` : '';
  return (
    `${result.status}${why}, ${result.events} events (${result.inserted} new, ${result.updated} changed), ` +
    `${result.pages} pages, ${result.errors.length} errors, run ${summary.run.id}`
  );
};

/**
 * Starts a crawl worker: it claims crawl jobs from the queue on `databaseUrl`, `settings.concurrency` at a time, and
 * crawls each job's one source with `runCrawl` (the run recorded in the store as any crawl's), asking the host
 * leases before every request; it also queues the due sources every `settings.scheduleIntervalMs`.
 * @throws QueueUnavailableError when PostgreSQL cannot be reached or set up (nothing started).
 */
export async function startCrawlWorker(options: CrawlWorkerOptions): Promise<CrawlWorker> {
  const { store, settings } = options;
  const log = options.log ?? (() => undefined);
  const onError = options.onError ?? (() => undefined);
  const queue = await openCrawlQueue({ databaseUrl: options.databaseUrl, settings: settings.queue, onError });
  const gate: PostgresHostGate = createPostgresHostGate({
    databaseUrl: options.databaseUrl,
    leaseTimeoutMs: settings.hostLeaseTimeoutMs,
  });
  const stopping = new AbortController();

  async function crawlJob(job: ClaimedCrawlJob): Promise<unknown> {
    const started = performance.now();
    // Stopped a little before pg-boss fails the job (the lease it was queued with), so the crawl ends its run itself.
    const timeout = AbortSignal.timeout(Math.max(500, Math.floor(job.timeoutMs * 0.9)));
    const elapsed = () => `${Math.round(performance.now() - started)} ms`;
    const attempt = job.retryCount > 0 ? ` (retry ${job.retryCount})` : '';
    let summary: CrawlSummary;
    try {
      summary = await runCrawl({
        store,
        sourceIds: [job.sourceId],
        force: job.force,
        fetcher: { ...options.fetcher, hostGate: gate },
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.classify ? { classify: options.classify } : {}),
        signal: AbortSignal.any([stopping.signal, timeout]),
      });
    } catch (error) {
      if (error instanceof UnknownSourceError) {
        log(`job ${job.id} ${job.sourceId}${attempt}: dropped, no such source (${elapsed()})`);
        return { dropped: 'unknown source' };
      }
      log(`job ${job.id} ${job.sourceId}${attempt}: failed, ${error instanceof Error ? error.message : error}`);
      throw error;
    }
    if (summary.run.status === 'interrupted' && stopping.signal.aborted && !timeout.aborted) {
      const givenBack = await queue.giveBack(job, 'the worker stopped');
      log(
        `job ${job.id} ${job.sourceId}${attempt}: ` +
          `${givenBack ? 'given back, the worker is stopping' : 'its lease ran out: the queue retries it'} (${elapsed()})`,
      );
      return { runId: summary.run.id, givenBack };
    }
    if (summary.run.status === 'interrupted') {
      log(`job ${job.id} ${job.sourceId}${attempt}: stopped at its timeout, run ${summary.run.id} (${elapsed()})`);
      throw new CrawlJobOverranError(job, job.timeoutMs);
    }
    log(`job ${job.id} ${job.sourceId}${attempt}: ${describe(summary)} (${elapsed()})`);
    return { runId: summary.run.id, status: summary.sources[0]?.status ?? summary.run.status };
  }

  let ticker: DueCrawlTicker | undefined;
  try {
    await queue.work(settings.concurrency, crawlJob);
    ticker = scheduleDueCrawls(queue, store, {
      intervalMs: settings.scheduleIntervalMs,
      onQueued: ({ queued }) => log(`queued ${queued.length} due source(s): ${queued.join(', ')}`),
      onError,
    });
  } catch (error) {
    await Promise.allSettled([queue.stop(1000), gate.close()]);
    throw error;
  }

  let stopped: Promise<void> | undefined;
  return {
    queue,
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        // Crawls waiting for a host stop waiting now; the connections close once the turns taken are released.
        const gateClosed = gate.close(settings.stopTimeoutMs);
        await ticker?.stop();
        await queue.stop(settings.stopTimeoutMs);
        await gateClosed;
      })();
      return stopped;
    },
  };
}
