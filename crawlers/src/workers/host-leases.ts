import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { CriticalError, RetryableError } from '../core/errors.js';
import type { HostGate, HostTurn } from '../core/scheduler.js';
import { redactDatabaseUrl } from '../storage/config.js';
import { ensureQueueSchema } from '../storage/crawl-queue/queue-schema.js';

/** Options of {@link createPostgresHostGate}; every duration in milliseconds. */
export interface PostgresHostGateOptions {
  databaseUrl: string;
  /**
   * A lease not released this long after it was taken is free again (its holder died mid-request). Must be longer
   * than a request may take. Default 120 000.
   */
  leaseTimeoutMs?: number;
  /** First wait before asking again for a host held by someone else; doubles up to `maxPollMs`. Default 50. */
  minPollMs?: number;
  /** Longest wait between two asks. Default 1000. */
  maxPollMs?: number;
  /** Names this holder in `host_leases.holder`; default a random id. */
  holder?: string;
}

/** A {@link HostGate} whose turns are rows of `host_leases` in PostgreSQL, and which can be closed. */
export interface PostgresHostGate extends HostGate {
  /**
   * Rejects the waits under way (and later asks) with a CriticalError at once, then ends the connections once
   * every turn taken was released, or after `timeoutMs` (a lease left behind frees itself after the lease timeout).
   */
  close(timeoutMs?: number): Promise<void>;
}

interface LeaseState {
  acquired: boolean;
  /** Milliseconds until the host has rested, by the database's clock; 0 while someone holds it. */
  waitMs: number;
}

// One statement: the lease is taken only when nobody holds it (or the holder's lease ran out) and the host rested.
const TAKE_LEASE = `
  WITH taken AS (
    INSERT INTO host_leases AS l (host, holder, lease_expires_at, next_use_at)
    VALUES ($1, $2, now() + $3 * interval '1 millisecond', now())
    ON CONFLICT (host) DO UPDATE SET holder = EXCLUDED.holder, lease_expires_at = EXCLUDED.lease_expires_at
      WHERE (l.holder IS NULL OR l.lease_expires_at <= now()) AND l.next_use_at <= now()
    RETURNING 1
  )
  SELECT EXISTS (SELECT 1 FROM taken) AS acquired,
    COALESCE((
      SELECT CASE WHEN l.holder IS NOT NULL AND l.lease_expires_at > now() THEN 0
             ELSE GREATEST(EXTRACT(EPOCH FROM l.next_use_at - now()) * 1000, 0) END
      FROM host_leases l WHERE l.host = $1
    ), 0)::float8 AS wait_ms`;

const RELEASE_LEASE = `
  UPDATE host_leases SET holder = NULL, lease_expires_at = NULL,
    next_use_at = GREATEST(next_use_at, now() + $3 * interval '1 millisecond')
  WHERE host = $1 AND holder = $2`;

/**
 * Politeness across crawl workers: before a request to a host a worker takes that host's lease in `host_leases`
 * (one request per host at a time across every process on the database) and, after it, sets when the host may
 * next be used. A lease whose holder died is free again after `leaseTimeoutMs`. Waiting polls with backoff.
 */
export function createPostgresHostGate(options: PostgresHostGateOptions): PostgresHostGate {
  const leaseTimeoutMs = options.leaseTimeoutMs ?? 120_000;
  const minPollMs = options.minPollMs ?? 50;
  const maxPollMs = options.maxPollMs ?? 1000;
  const holderBase = options.holder ?? randomUUID();
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on('error', () => undefined);
  const closing = new AbortController();
  let ready: Promise<void> | undefined;
  let turns = 0;
  let held = 0;
  let allReleased: (() => void) | undefined;

  const unavailable = (error: unknown) =>
    new RetryableError(
      'HOST_LEASE_UNAVAILABLE',
      `host leases at ${redactDatabaseUrl(options.databaseUrl)} unavailable: ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );

  const closed = () => new CriticalError('SCHEDULER_CLOSED', 'the host gate is closed');

  async function tryTake(host: string, holder: string): Promise<LeaseState> {
    ready ??= ensureQueueSchema(pool).catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    await ready;
    const { rows } = await pool.query<{ acquired: boolean; wait_ms: number }>(TAKE_LEASE, [
      host,
      holder,
      leaseTimeoutMs,
    ]);
    return { acquired: rows[0]?.acquired === true, waitMs: Math.max(0, rows[0]?.wait_ms ?? 0) };
  }

  return {
    async acquire(host) {
      // Each turn has its own holder id, so a late release can never free a lease someone else took over.
      turns += 1;
      const holder = `${holderBase}:${turns}`;
      let pollMs = minPollMs;
      for (;;) {
        if (closing.signal.aborted) throw closed();
        let state: LeaseState;
        try {
          state = await tryTake(host, holder);
        } catch (error) {
          throw unavailable(error);
        }
        if (state.acquired) {
          held += 1;
          const turn: HostTurn = {
            release: async (restMs) => {
              try {
                await pool.query(RELEASE_LEASE, [host, holder, Math.max(0, restMs)]);
              } finally {
                held -= 1;
                if (held === 0) allReleased?.();
              }
            },
          };
          return turn;
        }
        // Sleep until the host has rested, or poll with backoff while someone holds it.
        const waitMs = state.waitMs > 0 ? Math.max(state.waitMs, minPollMs) : pollMs;
        if (state.waitMs === 0) pollMs = Math.min(pollMs * 2, maxPollMs);
        try {
          await sleep(waitMs, undefined, { signal: closing.signal });
        } catch {
          throw closed();
        }
      }
    },

    async close(timeoutMs = 30_000) {
      closing.abort();
      if (held > 0) {
        const released = new Promise<void>((resolve) => {
          allReleased = resolve;
        });
        await Promise.race([released, sleep(timeoutMs, undefined, { ref: false })]);
      }
      await pool.end().catch(() => undefined);
    },
  };
}
