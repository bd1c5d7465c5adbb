import { performance } from 'node:perf_hooks';
import { CriticalError, RetryableError } from './errors.js';

/** What the scheduler reports before retrying a task (log it as one line). */
export interface RetryEvent {
  url: string;
  host: string;
  /** 1 for the first retry. */
  retry: number;
  /** How long until the retry may start, in milliseconds. */
  delayMs: number;
  /** True when the delay came from `Retry-After` and pauses every request to the host. */
  hostPaused: boolean;
  error: RetryableError;
  sourceId?: string;
}

/** A host's turn, taken from a {@link HostGate}. */
export interface HostTurn {
  /**
   * Ends the turn: nobody's next turn at the host starts before `restMs` from now (the politeness gap, the host's
   * Crawl-delay, a `Retry-After` pause, whichever is longest).
   */
  release(restMs: number): Promise<void>;
}

/**
 * Whose turn it is at a host, beyond this scheduler. The scheduler itself runs one task per host at a time, with
 * its gap and pauses, within its process; a gate is asked before each task and told the rest after it, so other
 * processes sharing the gate wait their turn too (`createPostgresHostGate`: crawl workers on one database).
 */
export interface HostGate {
  /**
   * Waits until `host` is free and rested, then takes it.
   * @throws RetryableError when the gate cannot be asked now (the task is retried with backoff).
   * @throws CriticalError once the gate is closed.
   */
  acquire(host: string): Promise<HostTurn>;
}

/** The default gate: this process alone, so the scheduler's own per-host state is the whole of politeness. */
export const inProcessHostGate: HostGate = Object.freeze({
  acquire: async (): Promise<HostTurn> => ({ release: async () => undefined }),
});

/** Options of {@link createScheduler}; every duration is in milliseconds. */
export interface SchedulerOptions {
  /** Most tasks running at once, across all hosts (each host runs one at a time). Default 8. */
  maxConcurrency?: number;
  /** Least time between the end of one task on a host and the start of the next. Default 1000. */
  perHostDelayMs?: number;
  /** Retries after a {@link RetryableError}; a task runs at most 1 + maxRetries times. Default 3. */
  maxRetries?: number;
  /** Backoff base: retry n waits between ½ and 1 × min(maxRetryDelayMs, retryBaseDelayMs × 2^(n−1)). Default 1000. */
  retryBaseDelayMs?: number;
  /** Longest backoff between retries. Default 60 000. */
  maxRetryDelayMs?: number;
  /** Longest pause a server's `Retry-After` can put on its host. Default 600 000 (10 minutes). */
  maxRetryAfterMs?: number;
  /** Monotonic clock in milliseconds. Default `performance.now`. */
  now?: () => number;
  /** Source of jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Called before each retry. */
  onRetry?: (event: RetryEvent) => void;
  /** Asked for the host's turn before each task and told its rest after it. Default {@link inProcessHostGate}. */
  gate?: HostGate;
}

/** Per-task options of {@link Scheduler.schedule}. */
export interface ScheduleOptions {
  /** Overrides the scheduler's `maxRetries` for this task. */
  maxRetries?: number;
  /** Carried into {@link RetryEvent}s for logging. */
  sourceId?: string;
}

/** Politeness: one task at a time per host, a minimum gap between them, host pauses on `Retry-After`. */
export interface Scheduler {
  /**
   * Runs `task` when `url`'s host is free and rested, retrying it on {@link RetryableError} (pausing the host when
   * the error carries `retryAfterMs`, backing off with jitter otherwise). Settles with the task's last outcome.
   */
  schedule<T>(url: string | URL, task: () => Promise<T>, options?: ScheduleOptions): Promise<T>;
  /** Sets a host's own minimum gap (e.g. robots.txt Crawl-delay); the larger of it and `perHostDelayMs` applies. */
  setHostMinDelay(host: string, delayMs: number): void;
  /** The gap currently enforced between tasks on `host`, in milliseconds. */
  hostDelayMs(host: string): number;
  /** Holds every task of `host` for `delayMs` (capped at `maxRetryAfterMs`). */
  pauseHost(host: string, delayMs: number): void;
  /** Tasks waiting plus tasks running. */
  readonly size: number;
  /** Resolves once nothing is queued or running. */
  onIdle(): Promise<void>;
  /** Rejects every queued task with a {@link CriticalError} `SCHEDULER_CLOSED`; running tasks finish, without retries. */
  close(): void;
}

/** The key politeness is counted by: the URL's host name, lower case, without port (one machine, one budget). */
export function hostKeyOf(url: string | URL): string {
  return (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
}

interface Job {
  url: string;
  task: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  retries: number;
  maxRetries: number;
  notBefore: number;
  sourceId: string | undefined;
}

interface HostState {
  queue: Job[];
  busy: boolean;
  /** When the last task on the host ended; the gap is added at pump time, so a Crawl-delay learned meanwhile counts. */
  lastEndedAt: number;
  pausedUntil: number;
}

/** Creates a {@link Scheduler}. */
export function createScheduler(options: SchedulerOptions = {}): Scheduler {
  const maxConcurrency = Math.max(1, options.maxConcurrency ?? 8);
  const perHostDelayMs = options.perHostDelayMs ?? 1000;
  const maxRetries = options.maxRetries ?? 3;
  const retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 60_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 600_000;
  const now = options.now ?? (() => performance.now());
  const random = options.random ?? Math.random;
  const gate = options.gate ?? inProcessHostGate;

  const hosts = new Map<string, HostState>();
  const minDelays = new Map<string, number>();
  let running = 0;
  let queued = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let idleWaiters: Array<() => void> = [];

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) {
      state = { queue: [], busy: false, lastEndedAt: Number.NEGATIVE_INFINITY, pausedUntil: 0 };
      hosts.set(host, state);
    }
    return state;
  };

  const hostDelayMs = (host: string): number => Math.max(perHostDelayMs, minDelays.get(host) ?? 0);

  const backoffMs = (retry: number): number => {
    const ceiling = Math.min(maxRetryDelayMs, retryBaseDelayMs * 2 ** (retry - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  };

  const arm = (wakeAt: number, at: number): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (wakeAt === Number.POSITIVE_INFINITY || closed) return;
    // Timers may fire a little early against a high-resolution clock; pump() re-arms until the time has come.
    timer = setTimeout(
      () => {
        timer = undefined;
        pump();
      },
      Math.max(1, Math.ceil(wakeAt - at)),
    );
  };

  const settleIdle = (): void => {
    if (queued + running > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const wake of waiters) wake();
  };

  const onFailure = (host: string, state: HostState, job: Job, error: unknown): void => {
    if (!(error instanceof RetryableError) || job.retries >= job.maxRetries || closed) {
      job.reject(error);
      return;
    }
    job.retries += 1;
    const at = now();
    let delayMs: number;
    const hostPaused = error.retryAfterMs !== undefined;
    if (error.retryAfterMs !== undefined) {
      delayMs = Math.min(error.retryAfterMs, maxRetryAfterMs);
      state.pausedUntil = Math.max(state.pausedUntil, at + delayMs);
      job.notBefore = 0;
    } else {
      delayMs = backoffMs(job.retries);
      job.notBefore = at + delayMs;
    }
    state.queue.unshift(job);
    queued += 1;
    options.onRetry?.({
      url: job.url,
      host,
      retry: job.retries,
      delayMs,
      hostPaused,
      error,
      ...(job.sourceId === undefined ? {} : { sourceId: job.sourceId }),
    });
  };

  /** How long the host rests after a task that ended with `error` (if any), from now. */
  const restAfter = (host: string, error: unknown): number => {
    const retryAfterMs = error instanceof RetryableError ? error.retryAfterMs : undefined;
    return Math.max(hostDelayMs(host), retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, maxRetryAfterMs));
  };

  /** Runs `task` in a turn of the gate; a failed release is left to the gate's lease timeout. */
  const runTurn = async (host: string, task: () => Promise<unknown>): Promise<unknown> => {
    const turn = await gate.acquire(host);
    let failure: unknown;
    try {
      return await task();
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      await turn.release(restAfter(host, failure)).catch(() => undefined);
    }
  };

  const start = (host: string, state: HostState, job: Job): void => {
    state.busy = true;
    running += 1;
    const finish = (): void => {
      state.busy = false;
      running -= 1;
      state.lastEndedAt = now();
    };
    runTurn(host, job.task)
      .then(
        (value) => {
          finish();
          job.resolve(value);
        },
        (error: unknown) => {
          finish();
          onFailure(host, state, job, error);
        },
      )
      .finally(() => {
        pump();
        settleIdle();
      });
  };

  function pump(): void {
    const at = now();
    let wakeAt = Number.POSITIVE_INFINITY;
    const started: string[] = [];
    for (const [host, state] of hosts) {
      if (running >= maxConcurrency) break;
      if (state.busy) continue;
      const hostReadyAt = Math.max(state.lastEndedAt + hostDelayMs(host), state.pausedUntil);
      if (state.queue.length === 0) {
        if (hostReadyAt <= at) hosts.delete(host);
        continue;
      }
      if (hostReadyAt > at) {
        wakeAt = Math.min(wakeAt, hostReadyAt);
        continue;
      }
      const index = state.queue.findIndex((job) => job.notBefore <= at);
      if (index < 0) {
        for (const job of state.queue) wakeAt = Math.min(wakeAt, job.notBefore);
        continue;
      }
      const [job] = state.queue.splice(index, 1);
      if (!job) continue;
      queued -= 1;
      start(host, state, job);
      started.push(host);
    }
    // Round robin: hosts that just got a turn go to the back of the line.
    for (const host of started) {
      const state = hosts.get(host);
      if (!state) continue;
      hosts.delete(host);
      hosts.set(host, state);
    }
    arm(wakeAt, at);
  }

  return {
    schedule<T>(url: string | URL, task: () => Promise<T>, scheduleOptions: ScheduleOptions = {}): Promise<T> {
      if (closed) return Promise.reject(new CriticalError('SCHEDULER_CLOSED', 'the scheduler is closed'));
      const href = typeof url === 'string' ? url : url.href;
      const host = hostKeyOf(url);
      return new Promise<T>((resolve, reject) => {
        stateOf(host).queue.push({
          url: href,
          task,
          resolve: resolve as (value: unknown) => void,
          reject,
          retries: 0,
          maxRetries: scheduleOptions.maxRetries ?? maxRetries,
          notBefore: 0,
          sourceId: scheduleOptions.sourceId,
        });
        queued += 1;
        pump();
      });
    },
    setHostMinDelay(host, delayMs) {
      minDelays.set(host.toLowerCase(), Math.max(0, delayMs));
    },
    hostDelayMs(host) {
      return hostDelayMs(host.toLowerCase());
    },
    pauseHost(host, delayMs) {
      const state = stateOf(host.toLowerCase());
      state.pausedUntil = Math.max(state.pausedUntil, now() + Math.min(Math.max(0, delayMs), maxRetryAfterMs));
      pump();
    },
    get size() {
      return queued + running;
    },
    onIdle() {
      if (queued + running === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    close() {
      closed = true;
      arm(Number.POSITIVE_INFINITY, now());
      for (const state of hosts.values()) {
        for (const job of state.queue.splice(0)) {
          queued -= 1;
          job.reject(new CriticalError('SCHEDULER_CLOSED', `the scheduler closed before ${job.url} was fetched`));
        }
      }
      settleIdle();
    },
  };
}
