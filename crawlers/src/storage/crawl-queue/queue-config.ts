import { Type } from '@sinclair/typebox';
import { ConfigError, parseEnv } from '../config.js';

/** Variables of the crawl job queue and the crawl workers (used only with `DATABASE_URL`). */
export const QueueEnvSchema = Type.Object({
  WORKER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
  CRAWL_JOB_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 3_600_000 }),
  CRAWL_JOB_RETRY_LIMIT: Type.Integer({ minimum: 0, maximum: 100, default: 3 }),
  CRAWL_JOB_RETRY_DELAY_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 300_000 }),
  CRAWL_JOB_KEEP_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 7 }),
  CRAWL_SCHEDULE_INTERVAL_MS: Type.Integer({ minimum: 1000, maximum: 86_400_000, default: 60_000 }),
  HOST_LEASE_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 3_600_000, default: 120_000 }),
  WORKER_STOP_TIMEOUT_MS: Type.Integer({ minimum: 1000, maximum: 600_000, default: 30_000 }),
});

/** How crawl jobs are kept, leased and retried; every duration in milliseconds. */
export interface CrawlQueueSettings {
  /**
   * A job's lease: a job still active this long after a worker took it (the worker died, or the crawl overran) is
   * failed and retried; a worker stops its own crawl at this point. pg-boss counts it in whole seconds, at most
   * 24 hours. Default 3 600 000.
   */
  jobTimeoutMs: number;
  /** Retries of a failed job (an error, or its lease ran out). Default 3. */
  retryLimit: number;
  /** Backoff base: retry n waits between 1 and 2 × `retryDelayMs` × 2^(n−1). Default 300 000. */
  retryDelayMs: number;
  /** How long finished and failed jobs are kept for inspection, in days. Default 7. */
  keepDays: number;
  /** How often leases that ran out are looked for (pg-boss's maintenance), at least 1000. Default 30 000. */
  maintenanceIntervalMs: number;
  /** How often an idle worker asks for a job, at least 500. Default 2000. */
  pollIntervalMs: number;
}

/** What a crawl worker process runs with, besides the crawl settings of `fieldguide crawl`. */
export interface WorkerSettings {
  queue: CrawlQueueSettings;
  /** Crawl jobs one worker process runs at once. Default 2. */
  concurrency: number;
  /** How often due sources are queued (by every worker and by servers with `DATABASE_URL`). Default 60 000. */
  scheduleIntervalMs: number;
  /** A host lease not released this long after it was taken (its holder died) is free again. Default 120 000. */
  hostLeaseTimeoutMs: number;
  /** How long a stopping worker waits for its crawls to end their runs before it exits anyway. Default 30 000. */
  stopTimeoutMs: number;
}

export const DEFAULT_QUEUE_SETTINGS: Readonly<CrawlQueueSettings> = Object.freeze({
  jobTimeoutMs: 3_600_000,
  retryLimit: 3,
  retryDelayMs: 300_000,
  keepDays: 7,
  maintenanceIntervalMs: 30_000,
  pollIntervalMs: 2000,
});

/**
 * How often leases that ran out are looked for, given the lease: a quarter of it, so a dead worker's job comes back
 * at most a quarter late, but no more often than each second and no less often than the default 30 s.
 */
export function maintenanceIntervalFor(jobTimeoutMs: number): number {
  return Math.max(1000, Math.min(DEFAULT_QUEUE_SETTINGS.maintenanceIntervalMs, Math.floor(jobTimeoutMs / 4)));
}

/**
 * The queue and worker variables of `env`, with defaults.
 * @param fetchTimeoutMs the crawl's per-request deadline (`CRAWL_TIMEOUT_MS`): a host lease must outlast a request.
 * @throws ConfigError naming every bad variable.
 */
export function loadWorkerSettings(
  env: Record<string, string | undefined> = process.env,
  fetchTimeoutMs = 30_000,
): Readonly<WorkerSettings> {
  const e = parseEnv(QueueEnvSchema, env);
  if (e.HOST_LEASE_TIMEOUT_MS <= fetchTimeoutMs) {
    throw new ConfigError([
      `HOST_LEASE_TIMEOUT_MS: must be longer than one request may take (CRAWL_TIMEOUT_MS, ${fetchTimeoutMs} ms), ` +
        `or another worker could use the host while a request is in flight (got ${e.HOST_LEASE_TIMEOUT_MS})`,
    ]);
  }
  return Object.freeze({
    queue: Object.freeze({
      jobTimeoutMs: e.CRAWL_JOB_TIMEOUT_MS,
      retryLimit: e.CRAWL_JOB_RETRY_LIMIT,
      retryDelayMs: e.CRAWL_JOB_RETRY_DELAY_MS,
      keepDays: e.CRAWL_JOB_KEEP_DAYS,
      maintenanceIntervalMs: maintenanceIntervalFor(e.CRAWL_JOB_TIMEOUT_MS),
      pollIntervalMs: DEFAULT_QUEUE_SETTINGS.pollIntervalMs,
    }),
    concurrency: e.WORKER_CONCURRENCY,
    scheduleIntervalMs: e.CRAWL_SCHEDULE_INTERVAL_MS,
    hostLeaseTimeoutMs: e.HOST_LEASE_TIMEOUT_MS,
    stopTimeoutMs: e.WORKER_STOP_TIMEOUT_MS,
  });
}
