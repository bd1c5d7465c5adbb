import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSourcesYaml, runCrawl, syncSources } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import { buildApp, type Config, loadConfig } from '@fieldguide/server';
import type { FastifyInstance } from 'fastify';
import { seedApp } from '../../support/seed-events.js';

/** How the store is filled before the server listens. */
export type E2eData =
  /** The bundled demo sites, crawled for real (on loopback), as a fresh install would show them. */
  | 'demo'
  /** The ~40 events and 4 associations of `tests/support/seed-events.ts`, written straight to the store. */
  | 'seed'
  | 'empty';

export interface E2eServerOptions {
  /** The built web app (`inject('webRoot')`); without it the server answers the API only. */
  webRoot?: string;
  /** The built embed widget (`buildWidget()`); default: `web/widget/dist`, as `pnpm build` leaves it. */
  widgetRoot?: string;
  data?: E2eData;
  /** Extra server environment (e.g. `RATE_LIMIT_MAX`). */
  env?: Record<string, string>;
  /** The clock email alerts go by (sign-ups, confirmations, digests), for a test that moves time on. */
  alertsClock?: () => Date;
}

/** A real server listening on loopback, its data and how to stop everything. */
export interface E2eServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  app: FastifyInstance;
  config: Readonly<Config>;
  /** The admin bearer token the server accepts. */
  adminToken: string;
  /** The demo sites, while they run (`data: 'demo'` only); their origins must be allowed to the crawler only. */
  demo?: DemoSites;
  close(): Promise<void>;
}

/** Admin token of every e2e server: long enough for the config's minimum. */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789';

/** Crawls the demo sites into the app's store, as `fieldguide crawl` would. */
async function crawlDemo(app: FastifyInstance, demo: DemoSites) {
  syncSources(app.store, parseSourcesYaml(demo.sourcesYaml));
  const summary = await runCrawl({ store: app.store, fetcher: { perHostDelayMs: 20, retryBaseDelayMs: 10 } });
  if (summary.totals.events === 0) throw new Error('the demo crawl found no events');
}

/**
 * Starts the real app (`buildApp`) on 127.0.0.1 with a port of its own, a fresh SQLite store and its own
 * Meilisearch, serving the built web app, with the store filled as `data` says and fully indexed.
 */
export async function startE2eServer(options: E2eServerOptions): Promise<E2eServer> {
  const data = options.data ?? 'demo';
  const meili = await startTestMeilisearch();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-e2e-'));
  let demo: DemoSites | undefined;
  let app: FastifyInstance | undefined;
  const stop = async (m: TestMeilisearch) => {
    await app?.close();
    await demo?.close();
    await m.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({
      DATA_DIR: dataDir,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: meili.prefix,
      LOG_LEVEL: 'error',
      OUTBOX_DRAIN_INTERVAL_MS: '100',
      ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      // Every page load makes several API calls; one browser must not hit the public limit.
      RATE_LIMIT_MAX: '0',
      ...options.env,
    });
    app = await buildApp({
      config,
      webRoot: options.webRoot,
      widgetRoot: options.widgetRoot,
      alertsClock: options.alertsClock,
    });
    if (data === 'demo') {
      demo = await startDemoSites();
      await crawlDemo(app, demo);
    }
    if (data === 'seed') await seedApp(app);
    await drainIndex(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const started = app;
    return { baseUrl, app: started, config, adminToken: E2E_ADMIN_TOKEN, demo, close: () => stop(meili) };
  } catch (error) {
    await stop(meili).catch(() => undefined);
    throw error;
  }
}

/** Sends every pending store change to Meilisearch and waits until the outbox is empty. */
export async function drainIndex(app: FastifyInstance) {
  for (let round = 0; round < 100 && app.store.outboxSize() > 0; round++) {
    const drained = await app.outbox.drainNow();
    if (drained.rejected.length > 0) throw new Error(`Meilisearch rejected ${JSON.stringify(drained.rejected)}`);
  }
  if (app.store.outboxSize() > 0) throw new Error('the index outbox did not drain');
}
