import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  createOutboxDrainer,
  createStore,
  type OutboxDrainer,
  openSearchIndex,
  type SearchIndex,
  type Store,
} from '@fieldguide/crawlers/storage';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Readonly<Config>;
    store: Store;
    searchIndex: SearchIndex;
    outbox: OutboxDrainer;
  }
}

/**
 * Opens the canonical store and the search index (an external Meilisearch when `MEILI_URL` is set, else
 * the bundled binary), and drains the outbox in the background; all closed with the app.
 */
async function services(app: FastifyInstance, opts: { config: Readonly<Config> }) {
  const { config } = opts;
  app.decorate('config', config);

  mkdirSync(path.dirname(config.databasePath), { recursive: true });
  const store = createStore({ path: config.databasePath });
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());

  const search = await openSearchIndex(config, {
    onLeftoverStopped: (pid) =>
      app.log.warn({ pid }, 'stopped a Meilisearch left running on the data directory by a server that is gone'),
  });
  if (search.embedded) app.log.info('started the bundled Meilisearch on a loopback port');
  app.decorate('searchIndex', search.index);
  app.addHook('onClose', async () => search.close());

  try {
    await search.index.applySettings();
  } catch (error) {
    // The server still starts: searches answer 503 until Meilisearch is back, and the drainer catches up.
    app.log.warn({ err: error }, 'could not apply index settings at start-up');
  }

  const outbox = createOutboxDrainer(store, search.index, {
    intervalMs: config.outboxDrainIntervalMs,
    // Through the app's logger, so LOG_LEVEL governs it; the drainer retries with a growing pause.
    onError: (error) => app.log.warn({ err: error }, 'outbox drain failed; will retry'),
  });
  app.decorate('outbox', outbox);
  outbox.start();
  app.addHook('onClose', async () => outbox.stop());
}

export const servicesPlugin = fp(services, { name: 'services', fastify: '5.x' });
