import {
  createOutboxDrainer,
  eventsIndexOutdated,
  type OutboxDrainer,
  openConfiguredStore,
  openSearchIndex,
  reindex,
  replicasOf,
  type SearchIndex,
  type Store,
  type SupervisedMeilisearch,
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
    /** The bundled Meilisearch and its supervisor, or `null` with `MEILI_URL(S)`. */
    embeddedMeilisearch: SupervisedMeilisearch | null;
  }
}

/**
 * Longest wait for the index settings at start-up. Meilisearch runs its tasks in order, so a settings task queued
 * behind a large indexing batch (another server draining a backlog into the same replica) can wait minutes: the server
 * starts rather than stop on Fastify's plugin timeout, and the task completes in the background.
 */
const PREPARE_WAIT_MS = 5000;

/** Whether `promise` settled within `ms`; it goes on either way. */
async function withinMs(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Opens the canonical store (the SQLite file, or PostgreSQL with `DATABASE_URL`) and the search index (external
 * Meilisearch replicas when `MEILI_URLS` or `MEILI_URL` is set, else the bundled binary), and drains the outbox into
 * each replica in the background; all closed with the app.
 */
async function services(app: FastifyInstance, opts: { config: Readonly<Config> }) {
  const { config } = opts;
  app.decorate('config', config);

  const store = openConfiguredStore(config);
  app.decorate('store', store);
  app.addHook('onClose', async () => store.close());
  if (!store.writable()) {
    app.log.warn(
      { path: store.path },
      'the store is read-only to this process: searches and pages answer, but changes through the admin API answer ' +
        '503 ERR_STORE_READONLY and pending index changes wait, until the server may write the store (the file and ' +
        'its directory, or the database role) and restarts',
    );
  }

  const search = await openSearchIndex(config, {
    onExit: (exit, restartInMs) =>
      app.log.error({ exit, restartInMs }, 'the bundled Meilisearch exited; restarting it'),
    onRestartFailed: (error, retryInMs) =>
      app.log.error({ err: error, retryInMs }, 'could not restart the bundled Meilisearch; will retry'),
    onRestart: () => {
      app.log.info('restarted the bundled Meilisearch; catching the index up');
      // Checked first: when it came back without its indexes, they are rebuilt from the store.
      app.outbox.recheck().catch((error: unknown) => {
        // The drainer keeps retrying on its own.
        app.log.warn({ err: error }, 'could not catch the index up after a Meilisearch restart; will retry');
      });
    },
    onLeftoverStopped: (pid) =>
      app.log.warn({ pid }, 'stopped a Meilisearch left running on the data directory by a server that is gone'),
  });
  if (search.embedded) app.log.info('started the bundled Meilisearch on a loopback port');
  app.decorate('searchIndex', search.index);
  app.decorate('embeddedMeilisearch', search.embedded ?? null);
  app.addHook('onClose', async () => search.close());

  const outbox = createOutboxDrainer(store, search.index, {
    intervalMs: config.outboxDrainIntervalMs,
    // Through the app's logger, so LOG_LEVEL governs it; the drainer retries with a growing pause.
    onError: (error, replica) => app.log.warn({ err: error, replica }, 'outbox drain failed; will retry'),
    onRebuilt: (replica, rebuilt) =>
      app.log.warn(
        { replica, events: rebuilt.events, associations: rebuilt.associations },
        'rebuilt a search-index replica that had lost its indexes (or never had them) from the store',
      ),
  });
  app.decorate('outbox', outbox);
  // Settings on every replica holding its indexes; one that lost them is rebuilt by its first drain.
  const prepared = outbox.prepare().then(
    () => true,
    (error: unknown) => {
      // The server still starts: searches answer 503 until Meilisearch is back, and the drainer catches up.
      app.log.warn({ err: error }, 'could not apply index settings at start-up');
      return true;
    },
  );
  if (!(await withinMs(prepared, PREPARE_WAIT_MS))) {
    app.log.info(
      'the index settings wait behind indexing work queued on Meilisearch (another server draining a backlog, or a ' +
        'rebuild); starting meanwhile, they are applied when Meilisearch reaches them',
    );
  }
  // Draining marks changes as sent in the store: with a read-only store it could only fail, again and again.
  if (store.writable()) outbox.start();
  app.addHook('onClose', async () => outbox.stop());
  void upgradeIndex(app);
}

/**
 * After an upgrade: when a replica holds events an older version wrote (see `eventsIndexOutdated`), rebuilds it from
 * the store in the background, one replica after the other; searches keep answering from the old indexes (or from the
 * other replicas) until the new ones are swapped in.
 */
async function upgradeIndex(app: FastifyInstance): Promise<void> {
  for (const replica of replicasOf(app.searchIndex)) await upgradeReplica(app, replica);
}

async function upgradeReplica(app: FastifyInstance, replica: SearchIndex): Promise<void> {
  try {
    if (!(await eventsIndexOutdated(replica))) return;
  } catch (error) {
    // Meilisearch is not answering yet: the index is checked again at the next start.
    app.log.warn({ err: error }, 'could not check whether the search index needs rebuilding after an upgrade');
    return;
  }
  try {
    app.log.warn('the search index holds events written by an older version; rebuilding it from the store');
    const rebuilt = await reindex(app.store, replica);
    app.log.info({ events: rebuilt.events, associations: rebuilt.associations }, 'rebuilt the search indexes');
  } catch (error) {
    app.log.warn(
      { err: error },
      'could not rebuild the search indexes after an upgrade: run `pnpm fieldguide reindex`',
    );
  }
}

export const servicesPlugin = fp(services, { name: 'services', fastify: '5.x' });
