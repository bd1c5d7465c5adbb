import { type CrawlQueue, openCrawlQueue, scheduleDueCrawls, storeLocation } from '@fieldguide/crawlers/storage';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type CrawlManager, createCrawlManager } from './crawl-manager.js';
import { runCrawlInChild } from './crawl-process.js';
import { ownPorts } from './own-ports.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background crawls, one at a time (the admin API and the demo start-up crawl start them). */
    crawls: CrawlManager;
    /** The crawl job queue with `DATABASE_URL` (crawl workers run its jobs); null without. */
    crawlQueue: CrawlQueue | null;
  }
}

/**
 * Decorates `app.crawls`: crawls of the store's sources run in the background, their changes indexed by a drain
 * of the outbox as soon as each run ends; a running crawl is stopped and awaited when the app closes. With
 * `DATABASE_URL` it also decorates `app.crawlQueue`, queues the due sources periodically (crawl workers run
 * them), and the crawls it still runs itself take the host leases the workers take.
 */
async function crawlsPluginImpl(app: FastifyInstance) {
  const { databaseUrl, crawlQueue } = app.config;
  const crawls = createCrawlManager({
    store: app.store,
    // In a child process on the same store file: fetching and parsing never hold up searches. The own ports are
    // read when a run starts: the server listens (on a port of its choosing, with PORT=0) after this plugin loads.
    run: ({ fetcher: { onRetry: _onRetry, scheduler: _scheduler, hostGate: _hostGate, ...fetcher }, ...options }) =>
      runCrawlInChild({
        ...options,
        fetcher: { ...fetcher, ownPorts: [...(fetcher.ownPorts ?? []), ...ownPorts(app)] },
        store: storeLocation(app.config),
        ...(databaseUrl && crawlQueue
          ? { hostLeases: { databaseUrl, leaseTimeoutMs: crawlQueue.hostLeaseTimeoutMs } }
          : {}),
      }),
    fetcher: {
      perHostDelayMs: app.config.crawlPerHostDelayMs,
      ...(app.config.crawlAllowPrivateOrigins.length > 0
        ? { allowPrivateOrigins: app.config.crawlAllowPrivateOrigins }
        : {}),
    },
    onFinished: async (run) => {
      app.log.info({ runId: run.id, status: run.status, sources: Object.keys(run.results).length }, 'crawl finished');
      await app.outbox.drainNow();
    },
    onError: (error, runId) => app.log.error({ err: error, runId }, 'crawl failed'),
  });
  app.decorate('crawls', crawls);
  // Before the services close the store: onClose hooks run in reverse order of registration.
  app.addHook('onClose', async () => crawls.close());
  app.decorate('crawlQueue', databaseUrl && crawlQueue ? await startQueue(app, databaseUrl, crawlQueue) : null);
}

/** Opens the crawl queue and queues the due sources now and every interval; both stopped when the app closes. */
async function startQueue(
  app: FastifyInstance,
  databaseUrl: string,
  settings: NonNullable<FastifyInstance['config']['crawlQueue']>,
): Promise<CrawlQueue> {
  const queue = await openCrawlQueue({
    databaseUrl,
    settings: settings.queue,
    onError: (error) => app.log.warn({ err: error }, 'crawl queue: background work failed; will retry'),
  });
  const ticker = scheduleDueCrawls(queue, app.store, {
    intervalMs: settings.scheduleIntervalMs,
    onQueued: ({ queued }) => app.log.info({ sources: queued }, `queued ${queued.length} due source(s)`),
    onError: (error) => app.log.warn({ err: error }, 'queueing the due sources failed; will retry'),
  });
  app.addHook('onClose', async () => {
    await ticker.stop();
    await queue.stop(5000);
  });
  return queue;
}

export const crawlsPlugin = fp(crawlsPluginImpl, { name: 'crawls', fastify: '5.x', dependencies: ['services'] });
