import type { CrawlProgress, FetcherOptions } from '@fieldguide/crawlers';
import { type Store, UnknownSourceError } from '@fieldguide/crawlers/storage';
import type { CrawlRun, CrawlRunProgress, CrawlRunRecord, SourceCrawlResult } from '@fieldguide/shared';

/** Thrown by {@link CrawlManager.start} while a crawl runs: the caller answers 409 and starts nothing. */
export class CrawlBusyError extends Error {
  constructor(readonly runningRunId: number) {
    super(`crawl run ${runningRunId} is still running; wait for it to finish`);
    this.name = 'CrawlBusyError';
  }
}

export { UnknownSourceError };

/** What to crawl. */
export interface StartCrawlOptions {
  /** Only these sources; default all due, enabled ones. */
  sourceIds?: readonly string[];
  /** Crawl sources that are not due, and disabled ones. */
  force?: boolean;
  /** Fetcher options for this run, over the manager's (e.g. no politeness delay for the bundled demo sites). */
  fetcher?: FetcherOptions;
}

/** What a crawl runner is asked: the options of `runCrawl` but the store, which the runner knows. */
export interface CrawlRunnerOptions {
  sourceIds?: readonly string[];
  force: boolean;
  fetcher: FetcherOptions;
  signal: AbortSignal;
  onProgress: (progress: CrawlProgress) => void;
}

/** Runs one crawl and settles when its run has ended: rejects when it failed as a whole. */
export type CrawlRunner = (options: CrawlRunnerOptions) => Promise<unknown>;

/** Options of {@link createCrawlManager}. */
export interface CrawlManagerOptions {
  store: Store;
  /**
   * Runs the crawls; default `runCrawl` on `store` in this process. The server runs them in a child process
   * (`runCrawlInChild`) on the same store file.
   */
  run?: CrawlRunner;
  fetcher?: FetcherOptions;
  /** Called when a run has ended (after its last write): e.g. drain the outbox now. */
  onFinished?: (run: CrawlRun) => void | Promise<void>;
  /** Called with a run that failed as a whole. */
  onError?: (error: unknown, runId: number) => void;
}

/** Runs crawls in the background, one at a time, and remembers their progress. */
export interface CrawlManager {
  /**
   * Starts a crawl and resolves once its run is recorded, without waiting for it to finish.
   * @throws CrawlBusyError while another crawl runs.
   * @throws UnknownSourceError for an id no source has (nothing is started).
   */
  start(options?: StartCrawlOptions): Promise<CrawlRun>;
  /** The running crawl's run, if any. */
  readonly active: CrawlRun | undefined;
  get(id: number): CrawlRun | undefined;
  /** The newest runs first. */
  list(limit: number): CrawlRun[];
  /** Resolves when no crawl runs (at once when none does). */
  idle(): Promise<void>;
  /** Stops the running crawl (pages in flight finish; the run ends `interrupted`) and waits for it. */
  close(): Promise<void>;
}

/** Runs whose in-memory details are kept for `GET /crawls/:id` (older ones show the stored record alone). */
const REMEMBERED_RUNS = 20;

interface Tracked {
  progress: CrawlRunProgress;
  sources: SourceCrawlResult[];
  error?: string;
}

/** A {@link CrawlManager} over `store`. */
export function createCrawlManager(options: CrawlManagerOptions): CrawlManager {
  const { store } = options;
  // The pipeline loads its parsers only when a crawl runs in this process.
  const run: CrawlRunner =
    options.run ??
    (async (runOptions) => {
      const { runCrawl } = await import('@fieldguide/crawlers');
      return runCrawl({ store, ...runOptions });
    });
  const tracked = new Map<number, Tracked>();
  let running: { runId: number; done: Promise<void>; abort: AbortController } | undefined;

  const view = (stored: CrawlRunRecord): CrawlRun => {
    // A run is `running` until its summary is in and its changes were handed to the index (onFinished).
    const { finishedAt: _finishedAt, ...open } = stored;
    const run: CrawlRunRecord = running?.runId === stored.id ? { ...open, status: 'running' } : stored;
    const t = tracked.get(run.id);
    if (!t) return run;
    return {
      ...run,
      progress: { ...t.progress, inProgress: [...t.progress.inProgress] },
      sources: [...t.sources],
      ...(t.error ? { error: t.error } : {}),
    };
  };

  const remember = (runId: number, t: Tracked) => {
    tracked.set(runId, t);
    while (tracked.size > REMEMBERED_RUNS) tracked.delete(tracked.keys().next().value as number);
  };

  const onProgress = (t: Tracked) => (event: CrawlProgress) => {
    switch (event.type) {
      case 'run-started':
        t.progress.sourcesTotal = event.sources;
        return;
      case 'source-started':
        t.progress.inProgress.push(event.sourceId);
        return;
      case 'page':
        t.progress.pagesFetched += 1;
        return;
      case 'source-finished':
        t.progress.sourcesDone += 1;
        t.progress.inProgress = t.progress.inProgress.filter((id) => id !== event.result.sourceId);
        t.sources.push(event.result);
        return;
      case 'run-finished':
        // Skipped sources appear only in the summary.
        t.sources = [...event.summary.sources];
        return;
      default:
        return;
    }
  };

  return {
    async start(startOptions = {}) {
      if (running) throw new CrawlBusyError(running.runId);
      for (const id of startOptions.sourceIds ?? []) {
        if (!store.getSource(id)) throw new UnknownSourceError(id);
      }
      const t: Tracked = {
        progress: { sourcesTotal: 0, sourcesDone: 0, pagesFetched: 0, inProgress: [] },
        sources: [],
      };
      const abort = new AbortController();
      const track = onProgress(t);
      // Claimed before anything runs, so a second start() in the meantime is refused.
      const entry: { runId: number; abort: AbortController; done: Promise<void> } = {
        runId: -1,
        abort,
        done: Promise.resolve(),
      };
      running = entry;
      let resolveStarted: (runId: number) => void = () => {};
      const started = new Promise<number>((resolve) => {
        resolveStarted = resolve;
      });
      const crawl = run({
        ...(startOptions.sourceIds ? { sourceIds: startOptions.sourceIds } : {}),
        force: startOptions.force === true,
        fetcher: { ...options.fetcher, ...startOptions.fetcher },
        signal: abort.signal,
        onProgress: (event) => {
          if (event.type === 'run-started') {
            entry.runId = event.runId;
            remember(event.runId, t);
            resolveStarted(event.runId);
          }
          track(event);
        },
      });
      const finished = crawl.then(
        () => undefined,
        (error: unknown) => {
          t.error = error instanceof Error ? error.message : String(error);
          if (entry.runId >= 0) options.onError?.(error, entry.runId);
        },
      );
      entry.done = finished.then(async () => {
        t.progress.inProgress = [];
        const ended = entry.runId >= 0 ? store.getCrawlRun(entry.runId) : undefined;
        try {
          if (ended) await options.onFinished?.({ ...view(ended), status: ended.status });
        } catch (error) {
          options.onError?.(error, entry.runId);
        } finally {
          if (running === entry) running = undefined;
        }
      });
      // A crawl records its run before anything else; a failure before that rejects `crawl` instead.
      let runId: number;
      try {
        runId = await Promise.race([started, crawl.then(() => started)]);
      } catch (error) {
        await entry.done;
        throw error;
      }
      const recorded = store.getCrawlRun(runId);
      return view(recorded ?? { id: runId, startedAt: new Date().toISOString(), status: 'running', results: {} });
    },

    get active() {
      if (!running) return undefined;
      const run = store.getCrawlRun(running.runId);
      return run ? view(run) : undefined;
    },

    get(id) {
      const run = store.getCrawlRun(id);
      return run ? view(run) : undefined;
    },

    list(limit) {
      return store.listCrawlRuns(limit).map(view);
    },

    async idle() {
      while (running) await running.done;
    },

    async close() {
      running?.abort.abort();
      await this.idle();
    },
  };
}
