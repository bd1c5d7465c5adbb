import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CrawlProgress, FetcherOptions } from '@fieldguide/crawlers';
import type { StoreLocation } from '@fieldguide/crawlers/storage';

/** What the server asks a crawl process to do (sent as its first message). */
export interface CrawlRequest {
  /** The store the crawl writes: the server's own SQLite file or PostgreSQL database. */
  store: StoreLocation;
  sourceIds?: readonly string[];
  force: boolean;
  /** Plain options only: functions, schedulers and gates do not cross the process boundary. */
  fetcher: Omit<FetcherOptions, 'onRetry' | 'scheduler' | 'hostGate'>;
  /** The PostgreSQL host leases the crawl shares with the crawl workers (`DATABASE_URL`); default none. */
  hostLeases?: { databaseUrl: string; leaseTimeoutMs: number };
}

/** What a crawl process tells the server. */
export type ChildMessage =
  | { type: 'progress'; progress: CrawlProgress }
  | { type: 'done' }
  | { type: 'failed'; message: string };

export interface ChildCrawlOptions extends CrawlRequest {
  /** Stops the crawl: pages in flight finish and the run ends `interrupted`. */
  signal: AbortSignal;
  onProgress: (progress: CrawlProgress) => void;
}

/** Time a crawl process gets to end its run after an abort before it is killed. */
const ABORT_GRACE_MS = 30_000;

const here = fileURLToPath(import.meta.url);
/** Run from the TypeScript sources (tests, the dev entry) or from the build (`pnpm start`). */
const fromSources = here.endsWith('.ts');

/**
 * Runs a crawl of the store at `store` in a child process, so fetching and parsing pages (a 10 MB page
 * takes a parser a while) never holds up the server's event loop; both write the store (SQLite's WAL, or PostgreSQL). Resolves when
 * the crawl process has ended its run and exited.
 * @throws Error when the crawl failed as a whole or its process died (a run it left `running` is marked
 *   interrupted by the store's next look at it, as after a crash).
 */
export function runCrawlInChild(options: ChildCrawlOptions): Promise<void> {
  const { signal, onProgress, ...request } = options;
  const entry = path.join(path.dirname(here), fromSources ? 'crawl-child.ts' : 'crawl-child.js');
  const child = fork(entry, [], {
    execArgv: fromSources ? ['--conditions=source', '--import', 'tsx'] : [],
    // `--import tsx` resolves from the working directory: the repository, where tsx is installed.
    cwd: fromSources ? path.resolve(path.dirname(here), '../../..') : process.cwd(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return new Promise<void>((resolve, reject) => {
    let outcome: ChildMessage | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    const abort = () => {
      if (child.connected) child.send({ type: 'abort' });
      killTimer = setTimeout(() => child.kill('SIGKILL'), ABORT_GRACE_MS);
    };
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else outcome = message;
    });
    child.once('error', reject);
    // 'close' rather than 'exit': it comes after the last message of the IPC channel.
    child.once('close', (code, exitSignal) => {
      clearTimeout(killTimer);
      signal.removeEventListener('abort', abort);
      if (outcome?.type === 'done') resolve();
      else if (outcome?.type === 'failed') reject(new Error(outcome.message));
      else reject(new Error(`the crawl process ended without finishing (${exitSignal ?? `exit code ${code}`})`));
    });
    child.send(request);
  });
}
