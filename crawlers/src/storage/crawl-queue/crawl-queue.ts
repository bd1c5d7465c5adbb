import { FieldguideError, isSourceDue } from '@fieldguide/shared';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { redactDatabaseUrl } from '../config.js';
import type { Store } from '../store/store.types.js';
import { type CrawlQueueSettings, DEFAULT_QUEUE_SETTINGS } from './queue-config.js';
import { ensureQueueSchema, withSessionLock, withTransaction } from './queue-schema.js';

/** The pg-boss queue of source crawls. */
export const CRAWL_QUEUE_NAME = 'crawl-source';
/** The schema pg-boss keeps its tables in. */
export const PG_BOSS_SCHEMA = 'pgboss';

/** What a crawl job asks: crawl this one source (`force`: even when not due, or disabled). */
export interface CrawlJobData {
  sourceId: string;
  force: boolean;
}

/** A crawl job as `listJobs` shows it. */
export interface CrawlJobRecord extends CrawlJobData {
  id: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  retryCount: number;
  createdOn: string;
  startedOn?: string;
  completedOn?: string;
  /** What the job ended with: the crawl run's id and status, or the error. */
  output?: unknown;
}

/** A job a worker has claimed. */
export interface ClaimedCrawlJob extends CrawlJobData {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  /** The job's lease, set when it was queued: past it the job is failed and retried, in milliseconds. */
  timeoutMs: number;
}

/** What {@link CrawlQueue.enqueue} did with each source. */
export interface EnqueueResult {
  /** Sources a job was queued for now. */
  queued: string[];
  /** Sources that already had a job waiting or running: nothing added for them. */
  alreadyQueued: string[];
}

/** The handler a worker runs per job; resolving completes the job (with the value as its output), throwing fails it. */
export type CrawlJobHandler = (job: ClaimedCrawlJob) => Promise<unknown>;

/** Source crawls as jobs in PostgreSQL, shared by every server and crawl worker on the database. */
export interface CrawlQueue {
  /**
   * Queues a crawl of each source that has no job waiting, being retried or running; never two for one source,
   * however many processes enqueue at once.
   * @throws QueueUnavailableError when PostgreSQL cannot be reached (nothing queued).
   */
  enqueue(sourceIds: readonly string[], options?: { force?: boolean }): Promise<EnqueueResult>;
  /** Queues every enabled source of `store` that is due at `now` (the rule of `runCrawl`). */
  enqueueDue(store: Store, now?: Date): Promise<EnqueueResult>;
  /** Starts `concurrency` pollers that each claim one job at a time and run `handler` on it. */
  work(concurrency: number, handler: CrawlJobHandler): Promise<void>;
  /**
   * Hands a claimed job back untouched: it ends `completed` with `{ givenBack: true }` and, in the same
   * transaction, a fresh job for its source is queued at once (no retry spent). For a worker that is stopping.
   * Resolves false when the job was no longer this worker's (its lease ran out: it is retried anyway).
   */
  giveBack(job: ClaimedCrawlJob, reason: string): Promise<boolean>;
  /** The newest jobs first: waiting, running, and finished ones kept `keepDays` (pg-boss's archive included). */
  listJobs(limit?: number): Promise<CrawlJobRecord[]>;
  /**
   * Stops claiming jobs, waits up to `timeoutMs` for the handlers running, fails those still running (they are
   * retried) and closes the connections.
   */
  stop(timeoutMs?: number): Promise<void>;
}

/** Thrown when the queue's database cannot be reached or set up: nothing was queued or claimed. */
export class QueueUnavailableError extends FieldguideError {
  constructor(databaseUrl: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      'QUEUE_UNAVAILABLE',
      `the crawl queue's PostgreSQL at ${redactDatabaseUrl(databaseUrl)} is unavailable: ${reason}`,
      {
        cause,
      },
    );
    this.name = 'QueueUnavailableError';
  }
}

export interface OpenCrawlQueueOptions {
  databaseUrl: string;
  settings?: Partial<CrawlQueueSettings>;
  /** Errors of pg-boss's background work (polling, maintenance): log them; the queue carries on. */
  onError?: (error: Error) => void;
}

const ENQUEUE_LOCK = 'fieldguide:crawl-enqueue';
const SETUP_LOCK = 'fieldguide:crawl-queue-setup';
const ACTIVE_STATES = ['created', 'retry', 'active'];

const secondsOf = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

interface JobRow {
  id: string;
  data: CrawlJobData;
  state: CrawlJobRecord['state'];
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
}

function toRecord(row: JobRow): CrawlJobRecord {
  return {
    id: row.id,
    sourceId: row.data.sourceId,
    force: row.data.force === true,
    state: row.state,
    retryCount: row.retry_count,
    createdOn: row.created_on.toISOString(),
    ...(row.started_on ? { startedOn: row.started_on.toISOString() } : {}),
    ...(row.completed_on ? { completedOn: row.completed_on.toISOString() } : {}),
    ...(row.output === null || row.output === undefined ? {} : { output: row.output }),
  };
}

/**
 * Opens the crawl queue on `databaseUrl`: installs or upgrades pg-boss's schema and this queue (several processes
 * may do so at once), and runs pg-boss's maintenance, which fails and retries jobs whose lease ran out.
 * @throws QueueUnavailableError when PostgreSQL cannot be reached or set up.
 */
export async function openCrawlQueue(options: OpenCrawlQueueOptions): Promise<CrawlQueue> {
  const settings = { ...DEFAULT_QUEUE_SETTINGS, ...options.settings };
  const { databaseUrl } = options;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => options.onError?.(error));
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: PG_BOSS_SCHEMA,
    application_name: 'fieldguide-queue',
    max: 4,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: secondsOf(settings.maintenanceIntervalMs),
    deleteAfterDays: settings.keepDays,
  });
  boss.on('error', (error) => options.onError?.(error));
  try {
    // pg-boss's own set-up is safe to run at once from several processes; creating a queue is not (two creations
    // deadlock on its partition), so every process sets up under one session lock.
    await withSessionLock(pool, SETUP_LOCK, async () => {
      await boss.start();
      await ensureQueueSchema(pool);
      await boss.createQueue(CRAWL_QUEUE_NAME, { name: CRAWL_QUEUE_NAME, policy: 'stately' });
    });
  } catch (error) {
    await Promise.allSettled([boss.stop({ graceful: false }), pool.end()]);
    throw new QueueUnavailableError(databaseUrl, error);
  }

  const jobOptions = {
    expireInSeconds: Math.min(secondsOf(settings.jobTimeoutMs), 23 * 3600),
    retryLimit: settings.retryLimit,
    retryDelay: secondsOf(settings.retryDelayMs),
    retryBackoff: true,
  };
  const jobTable = `${PG_BOSS_SCHEMA}.job`;

  /** Inserts jobs for the sources without one waiting or running, under a lock every enqueuer takes. */
  async function insertMissing(client: pg.ClientBase, sourceIds: readonly string[], force: boolean) {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [ENQUEUE_LOCK]);
    const { rows } = await client.query<{ key: string }>(
      `SELECT DISTINCT singleton_key AS key FROM ${jobTable}
        WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state::text = ANY($3::text[])`,
      [CRAWL_QUEUE_NAME, sourceIds, ACTIVE_STATES],
    );
    const taken = new Set(rows.map((row) => row.key));
    const queued = [...new Set(sourceIds)].filter((id) => !taken.has(id));
    if (queued.length > 0) {
      await boss.insert(
        queued.map((sourceId) => ({
          name: CRAWL_QUEUE_NAME,
          data: { sourceId, force } satisfies CrawlJobData,
          singletonKey: sourceId,
          ...jobOptions,
        })),
        { db: { executeSql: (text, values) => client.query(text, values) } },
      );
    }
    return { queued, alreadyQueued: [...taken] };
  }

  const enqueue: CrawlQueue['enqueue'] = async (sourceIds, enqueueOptions = {}) => {
    if (sourceIds.length === 0) return { queued: [], alreadyQueued: [] };
    try {
      return await withTransaction(pool, (client) => insertMissing(client, sourceIds, enqueueOptions.force === true));
    } catch (error) {
      throw new QueueUnavailableError(databaseUrl, error);
    }
  };

  const workerIds: string[] = [];

  return {
    enqueue,

    enqueueDue(store, now = new Date()) {
      const due = store
        .listSources()
        .filter((source) => isSourceDue(source, now))
        .map((source) => source.id);
      return enqueue(due);
    },

    async work(concurrency, handler) {
      for (let i = 0; i < concurrency; i += 1) {
        const id = await boss.work<CrawlJobData>(
          CRAWL_QUEUE_NAME,
          { batchSize: 1, pollingIntervalSeconds: settings.pollIntervalMs / 1000, includeMetadata: true },
          async ([job]) => {
            if (!job) return undefined;
            return handler({
              id: job.id,
              sourceId: job.data.sourceId,
              force: job.data.force === true,
              retryCount: job.retryCount,
              timeoutMs: Number(job.expireInSeconds) * 1000,
            });
          },
        );
        workerIds.push(id);
      }
    },

    giveBack(job, reason) {
      return withTransaction(pool, async (client) => {
        // pg-boss 10 answers how many jobs it completed, though its types say nothing.
        const completed = (await boss.complete(
          CRAWL_QUEUE_NAME,
          job.id,
          { givenBack: true, reason },
          { db: { executeSql: (text, values) => client.query(text, values) } },
        )) as unknown as { affected: number } | undefined;
        if (completed?.affected !== 1) return false;
        await insertMissing(client, [job.sourceId], job.force);
        return true;
      });
    },

    async listJobs(limit = 100) {
      // pg-boss moves finished jobs to its archive after 12 hours, and deletes them from there after `keepDays`.
      const columns = 'id, data, state::text AS state, retry_count, created_on, started_on, completed_on, output';
      const { rows } = await pool.query<JobRow>(
        `SELECT * FROM (SELECT ${columns} FROM ${jobTable} WHERE name = $1
                        UNION ALL SELECT ${columns} FROM ${PG_BOSS_SCHEMA}.archive WHERE name = $1) jobs
          ORDER BY created_on DESC, id LIMIT $2`,
        [CRAWL_QUEUE_NAME, limit],
      );
      return rows.map(toRecord);
    },

    async stop(timeoutMs = 30_000) {
      await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
      await pool.end().catch(() => undefined);
    },
  };
}

/** A running {@link scheduleDueCrawls}. */
export interface DueCrawlTicker {
  /** Stops ticking and waits for a tick under way. */
  stop(): Promise<void>;
}

export interface ScheduleDueCrawlsOptions {
  /** Time between two ticks, in milliseconds (the first tick runs at once). */
  intervalMs: number;
  /** Called after a tick that queued something. */
  onQueued?: (result: EnqueueResult) => void;
  /** Called when a tick failed (the store or PostgreSQL unavailable); the next tick tries again. */
  onError?: (error: unknown) => void;
}

/**
 * Queues the store's due sources now and every `intervalMs`. Every worker and every server with `DATABASE_URL`
 * ticks; {@link CrawlQueue.enqueue} keeps it to one job per source however many do.
 */
export function scheduleDueCrawls(queue: CrawlQueue, store: Store, options: ScheduleDueCrawlsOptions): DueCrawlTicker {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const tick = async (): Promise<void> => {
    try {
      const result = await queue.enqueueDue(store);
      if (result.queued.length > 0) options.onQueued?.(result);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) {
      timer = setTimeout(() => {
        current = tick();
      }, options.intervalMs);
    }
  };
  current = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
