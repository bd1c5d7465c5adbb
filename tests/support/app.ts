import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import { type BuildAppOptions, buildApp, type Config, loadConfig } from '@fieldguide/server';
import type { FastifyInstance } from 'fastify';

/** A built app on a temp data dir and a test Meilisearch, and how to tear both down. */
export interface TestApp {
  app: FastifyInstance;
  config: Readonly<Config>;
  meili: TestMeilisearch;
  dataDir: string;
  close(): Promise<void>;
}

/** Builds the app against a fresh SQLite file and its own Meilisearch (or index prefix on `MEILI_URL`). */
export async function startTestApp(
  env: Record<string, string> = {},
  build: Omit<BuildAppOptions, 'config'> = {},
): Promise<TestApp> {
  const meili = await startTestMeilisearch();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-app-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: meili.prefix,
    LOG_LEVEL: 'error',
    OUTBOX_DRAIN_INTERVAL_MS: '100',
    ...env,
  });
  const app = await buildApp({ ...build, config });
  await app.ready();
  return {
    app,
    config,
    meili,
    dataDir,
    async close() {
      await app.close();
      await meili.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the app, quiet and without rate limits, on `dataDir` and a Meilisearch the test started itself (to kill
 * and restart it); `env` adds to or overrides the configuration.
 */
export async function buildAppOver(
  meili: { url: string; masterKey: string },
  dataDir: string,
  env: Record<string, string> = {},
  build: Omit<BuildAppOptions, 'config'> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    ...env,
  });
  return buildApp({ ...build, config });
}

/**
 * Builds the app, quiet and without rate limits, on `dataDir` with no `MEILI_URL`: it starts and supervises the
 * bundled Meilisearch itself, its data in `<dataDir>/meilisearch` (`MEILI_BIN` is passed on when set).
 */
export async function buildAppOverEmbedded(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    ...(process.env.MEILI_BIN ? { MEILI_BIN: process.env.MEILI_BIN } : {}),
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    ...env,
  });
  return buildApp({ config });
}
