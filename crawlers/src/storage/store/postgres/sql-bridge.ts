import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { StoreQueryError, StoreUnavailableError } from '../errors.js';
import type { BridgeReply, BridgeRequest, BridgeSettings, Statement, StatementResult } from './sql-bridge.types.js';

/** Runs statements on one PostgreSQL connection and blocks the calling thread until they are done. */
export interface SqlBridge {
  /** Runs `statements` in order and returns one result per statement. */
  run(
    statements: readonly Statement[],
    options?: { transaction?: boolean; continues?: boolean; deadlineMs?: number },
  ): StatementResult[];
  /** Ends the connection and the worker thread; later calls throw. */
  close(): void;
}

export interface SqlBridgeOptions extends BridgeSettings {
  /** The URL with its password redacted, for messages. */
  where: string;
}

/** Time the worker gets on top of the connection and statement timeouts before the call gives up on it. */
const GRACE_MS = 2000;

const here = fileURLToPath(import.meta.url);
const fromSources = here.endsWith('.ts');
const workerUrl = new URL(fromSources ? './sql-worker.ts' : './sql-worker.js', import.meta.url);

/**
 * The worker's entry. From the build it is the compiled worker; from the TypeScript sources (tests, `pnpm fieldguide`)
 * tsx is registered in the worker first, since a worker does not inherit the `--import tsx` of its process.
 */
function workerEntry(): { code: string; eval: boolean } | { file: URL; eval: false } {
  if (!fromSources) return { file: workerUrl, eval: false };
  // tsx's CommonJS API resolves its hooks wrongly when required from a worker; its ES module build is beside it.
  const api = createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs');
  const code = `import(${JSON.stringify(pathToFileURL(api).href)})
    .then((tsx) => tsx.register())
    .then(() => import(${JSON.stringify(workerUrl.href)}));`;
  return { code, eval: true };
}

/**
 * A synchronous bridge to PostgreSQL: a worker thread owns one `pg` connection; the calling thread posts a request and
 * waits on a shared count of answers (`Atomics.wait`, with a deadline) until it moves, then reads the answer with
 * `receiveMessageOnPort`. A call that gets no answer in time ends the worker (and so its connection and any
 * transaction on it); the next call starts another.
 */
export function createSqlBridge(options: SqlBridgeOptions): SqlBridge {
  const { where, ...settings } = options;
  const deadlineMs = settings.connectTimeoutMs + settings.statementTimeoutMs + GRACE_MS;
  let current: { worker: Worker; port: MessageChannel['port1']; flag: Int32Array } | undefined;
  let closed = false;

  const start = () => {
    const signal = new SharedArrayBuffer(4);
    const { port1, port2 } = new MessageChannel();
    const entry = workerEntry();
    const worker = new Worker('code' in entry ? entry.code : entry.file, {
      eval: entry.eval,
      workerData: { ...settings, port: port2, signal },
      transferList: [port2],
      stdout: false,
      stderr: false,
    });
    // The store's process may end without closing the store: the worker must not keep it alive.
    worker.unref();
    worker.on('error', () => {
      if (current?.worker === worker) current = undefined;
    });
    current = { worker, port: port1, flag: new Int32Array(signal) };
    return current;
  };

  const stop = () => {
    if (!current) return;
    void current.worker.terminate();
    current.port.close();
    current = undefined;
  };

  const ask = (request: BridgeRequest, waitMs = deadlineMs): BridgeReply => {
    if (closed) throw new StoreUnavailableError(where, 'the store is closed');
    const { port, flag } = current ?? start();
    // The worker counts its answers in the flag. A wake-up is not an answer: the worker may notify for the previous
    // answer (read already, the count seen before it notified) while this call waits; only a new count is.
    const answered = Atomics.load(flag, 0);
    const deadline = performance.now() + waitMs;
    port.postMessage(request);
    while (Atomics.load(flag, 0) === answered) {
      const left = deadline - performance.now();
      if (left <= 0) {
        stop();
        throw new StoreUnavailableError(where, `no answer within ${waitMs} ms`);
      }
      Atomics.wait(flag, 0, answered, left);
    }
    const reply = receiveMessageOnPort(port)?.message as BridgeReply | undefined;
    if (!reply) {
      stop();
      throw new StoreUnavailableError(where, 'the connection thread ended without answering');
    }
    return reply;
  };

  return {
    run: (statements, { transaction = false, continues = false, deadlineMs: waitMs } = {}) => {
      const reply = ask({ statements, transaction, continues }, waitMs);
      if (reply.ok) return reply.results;
      if (reply.error.sqlState) throw new StoreQueryError(where, reply.error.message, reply.error.sqlState);
      throw new StoreUnavailableError(where, reply.error.message);
    },
    close: () => {
      if (closed) return;
      try {
        if (current) ask({ statements: [], continues: false, close: true });
      } catch {
        // Closing a store whose server is gone: the worker is ended below all the same.
      } finally {
        stop();
        closed = true;
      }
    },
  };
}
