import { randomBytes } from 'node:crypto';
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
  try {
    const running = await startMeilisearch({
      dataDir,
      binary,
      port: 0,
      maxIndexingMemory: '256MiB',
      ...(options.masterKey ? { masterKey: options.masterKey } : {}),
    });
    return {
      url: running.url,
      masterKey: running.masterKey,
      prefix,
      dataDir,
      async stop() {
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
