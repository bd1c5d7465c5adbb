import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MeilisearchStartError, resolveMeilisearchBinary, startMeilisearch } from './meilisearch-runtime.js';

/** A Meilisearch for one test file. */
export interface TestMeilisearch {
  url: string;
  masterKey: string;
  /** A fresh index-name prefix for `createIndex({ prefix })`, so tests sharing a server do not meet. */
  prefix: string;
  /** Temp data dir of the embedded server (`undefined` with `MEILI_URL`). */
  dataDir: string | undefined;
  /** Stops the embedded server and removes its temp dir; with `MEILI_URL`, does nothing. */
  stop(): Promise<void>;
  /**
   * SIGKILLs the embedded server, as a crash would, and resolves once it has exited; its data stays for
   * `restart()`. Throws with `MEILI_URL` (that server is not this test's to kill).
   */
  kill(): Promise<void>;
  /** Starts the embedded server again on the same port and data after `kill()`; throws with `MEILI_URL`. */
  restart(): Promise<void>;
}

/**
 * Starts Meilisearch on a random loopback port with a temp data dir (with `masterKey` when given, so several can share
 * one, as replicas do), or, when `MEILI_URL` is set, uses that server (with `MEILI_MASTER_KEY`).
 * @throws MeilisearchStartError when no binary is available (not linux-x64): set MEILI_BIN or MEILI_URL.
 */
export async function startTestMeilisearch(
  env: NodeJS.ProcessEnv = process.env,
  options: { masterKey?: string } = {},
): Promise<TestMeilisearch> {
  const prefix = `t${randomBytes(4).toString('hex')}_`;
  if (env.MEILI_URL) {
    return {
      url: env.MEILI_URL,
      masterKey: env.MEILI_MASTER_KEY ?? '',
      prefix,
      dataDir: undefined,
      stop: async () => {},
      kill: async () => {
        throw new Error('an external Meilisearch (MEILI_URL) cannot be killed by a test');
      },
      restart: async () => {
        throw new Error('an external Meilisearch (MEILI_URL) cannot be restarted by a test');
      },
    };
  }
  let binary: string;
  try {
    binary = resolveMeilisearchBinary(env);
  } catch (error) {
    throw new MeilisearchStartError(
      'tests need Meilisearch: set MEILI_BIN to a meilisearch binary or MEILI_URL (+ MEILI_MASTER_KEY) to a server ' +
        `(${error instanceof Error ? error.message : error})`,
      { cause: error },
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'fieldguide-meili-'));
  const launch = (port: number, masterKey?: string) =>
    startMeilisearch({ dataDir, binary, port, maxIndexingMemory: '256MiB', ...(masterKey ? { masterKey } : {}) });
  try {
    let running = await launch(0, options.masterKey);
    const port = Number(new URL(running.url).port);
    return {
      url: running.url,
      masterKey: running.masterKey,
      prefix,
      dataDir,
      async stop() {
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
      async kill() {
        const { process: child } = running;
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      },
      async restart() {
        running = await launch(port, running.masterKey);
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
