import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { type RunningMeilisearch, type StartMeilisearchOptions, startMeilisearch } from './meilisearch-runtime.js';

/** `running`: serving; `restarting`: exited on its own, a new one is being started; `stopped`: `stop()` was called. */
export type MeilisearchState = 'running' | 'restarting' | 'stopped';

/** How a Meilisearch process ended. */
export interface MeilisearchExit {
  /** When the exit was seen, ISO 8601. */
  at: string;
  /** Exit code, or `null` when a signal ended it. */
  code: number | null;
  /** The signal that ended it (`SIGKILL`…), or `null`. */
  signal: NodeJS.Signals | null;
}

/** What the supervisor reports, e.g. in the server's `/health`. */
export interface MeilisearchStatus {
  state: MeilisearchState;
  /** Successful restarts since the supervisor started. */
  restarts: number;
  /** The last unexpected exit, if any. */
  lastExit?: MeilisearchExit;
}

export interface SuperviseMeilisearchOptions extends StartMeilisearchOptions {
  /** Pause before the first restart after an exit, in milliseconds; it doubles with each quick failure. Default 250. */
  restartDelayMs?: number;
  /** Longest pause between restarts, in milliseconds; default 30 000. */
  maxRestartDelayMs?: number;
  /** A process that ran this long counts as healthy: the next restart waits `restartDelayMs` again. Default 60 000. */
  healthyAfterMs?: number;
  /** Called when Meilisearch exits on its own, with the pause before the restart; default: one `console.warn` line. */
  onExit?: (exit: MeilisearchExit, restartInMs: number) => void;
  /** Called once a restarted Meilisearch is available (its `url` changes only when its port was taken meanwhile). */
  onRestart?: (running: RunningMeilisearch) => void;
  /** Called when a restart fails, with the pause before the next attempt; default: one `console.warn` line. */
  onRestartFailed?: (error: unknown, retryInMs: number) => void;
}

/** A Meilisearch that is started again whenever it exits, until {@link SupervisedMeilisearch.stop} is called. */
export interface SupervisedMeilisearch extends RunningMeilisearch {
  /** Base URL of the current process: the same after a restart unless another program took the port meanwhile. */
  readonly url: string;
  /** The current child process. */
  readonly process: ChildProcess;
  status(): MeilisearchStatus;
  /** Resolves once the current process is available, at once when it already is; rejects after `stop()`. */
  ready(): Promise<void>;
  /**
   * Stops Meilisearch for good: no restart follows, even from a start under way (waited for at most
   * `stopGraceMs`, then left to stop what it started). Safe to call twice.
   */
  stop(): Promise<void>;
}

const describeExit = (exit: MeilisearchExit) => (exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`);
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Starts Meilisearch as {@link startMeilisearch} does, then watches it: when it exits without `stop()` having
 * been called, it is started again on the same port (on a new free port when another program took that one),
 * after a pause that doubles with each exit or failed start up to `maxRestartDelayMs` and goes back to
 * `restartDelayMs` once a process has run for `healthyAfterMs`.
 * @throws MeilisearchStartError when the first start fails (nothing is retried then).
 */
export async function superviseMeilisearch(options: SuperviseMeilisearchOptions): Promise<SupervisedMeilisearch> {
  const firstDelayMs = options.restartDelayMs ?? 250;
  const maxDelayMs = Math.max(options.maxRestartDelayMs ?? 30_000, firstDelayMs);
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  const onExit =
    options.onExit ??
    ((exit, delayMs) => console.warn(`[meilisearch] exited (${describeExit(exit)}); restarting in ${delayMs} ms`));
  const onRestartFailed =
    options.onRestartFailed ??
    ((error, delayMs) =>
      console.warn(`[meilisearch] restart failed (${errorMessage(error)}); retrying in ${delayMs} ms`));

  let current = await startMeilisearch(options);
  let startedAt = Date.now();
  let state: MeilisearchState = 'running';
  let restarts = 0;
  let lastExit: MeilisearchExit | undefined;
  let delayMs = firstDelayMs;
  let timer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  const readyWaiters: { resolve(): void; reject(error: Error): void }[] = [];

  const settleWaiters = (error?: Error) => {
    for (const waiter of readyWaiters.splice(0)) error ? waiter.reject(error) : waiter.resolve();
  };

  const nextDelay = (ranForMs: number) => {
    if (ranForMs >= healthyAfterMs) delayMs = firstDelayMs;
    const pause = delayMs;
    delayMs = Math.min(delayMs * 2, maxDelayMs);
    return pause;
  };

  const restartLater = (pauseMs: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      restarting = restart().finally(() => {
        restarting = undefined;
      });
    }, pauseMs);
  };

  const restart = async () => {
    const port = Number(new URL(current.url).port);
    let started: RunningMeilisearch;
    try {
      started = await startMeilisearch({ ...options, port: (await canListen(port)) ? port : 0 });
    } catch (error) {
      if (state === 'stopped') return;
      const pause = nextDelay(0);
      onRestartFailed(error, pause);
      restartLater(pause);
      return;
    }
    if (state === 'stopped') {
      await started.stop();
      return;
    }
    current = started;
    startedAt = Date.now();
    state = 'running';
    restarts++;
    watch(started);
    settleWaiters();
    options.onRestart?.(started);
  };

  const watch = (running: RunningMeilisearch) => {
    const child = running.process;
    const exited = (code: number | null, signal: NodeJS.Signals | null) => {
      if (state === 'stopped' || running !== current) return;
      lastExit = { at: new Date().toISOString(), code, signal };
      state = 'restarting';
      // Releases what the runtime holds for this process (its exit hook); the process itself is gone.
      void running.stop();
      const pause = nextDelay(Date.now() - startedAt);
      onExit(lastExit, pause);
      restartLater(pause);
    };
    if (child.exitCode !== null || child.signalCode !== null) exited(child.exitCode, child.signalCode);
    else child.once('exit', exited);
  };
  watch(current);

  return {
    get url() {
      return current.url;
    },
    masterKey: current.masterKey,
    get process() {
      return current.process;
    },
    status: () => ({ state, restarts, ...(lastExit ? { lastExit } : {}) }),
    ready() {
      if (state === 'running') return Promise.resolve();
      if (state === 'stopped') return Promise.reject(new Error('Meilisearch was stopped'));
      return new Promise((resolve, reject) => readyWaiters.push({ resolve, reject }));
    },
    stop() {
      stopping ??= (async () => {
        state = 'stopped';
        clearTimeout(timer);
        settleWaiters(new Error('Meilisearch was stopped'));
        // A start under way stops what it started once it is up; a shutdown waits for that a bounded time only
        // (Meilisearch's own exit hook still ends it with this process).
        if (restarting) await waitAtMost(restarting, options.stopGraceMs ?? 5000);
        await current.stop();
      })();
      return stopping;
    },
  };
}

async function waitAtMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/** True when nothing listens on `port` of 127.0.0.1 (so a restart can take it back). */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
