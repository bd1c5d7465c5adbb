import { storeLocation } from '@fieldguide/crawlers/storage';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type CrawlManager, createCrawlManager } from './crawl-manager.js';
import { runCrawlInChild } from './crawl-process.js';
import { ownPorts } from './own-ports.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Background crawls, one at a time (the admin API and the demo start-up crawl start them). */
    crawls: CrawlManager;
  }
}

/**
 * Decorates `app.crawls`: crawls of the store's sources run in the background, their changes indexed by a drain
 * of the outbox as soon as each run ends; a running crawl is stopped and awaited when the app closes.
 */
async function crawlsPluginImpl(app: FastifyInstance) {
  const crawls = createCrawlManager({
    store: app.store,
    // In a child process on the same store file: fetching and parsing never hold up searches. The own ports are
    // read when a run starts: the server listens (on a port of its choosing, with PORT=0) after this plugin loads.
    run: ({ fetcher: { onRetry: _onRetry, scheduler: _scheduler, ...fetcher }, ...options }) =>
      runCrawlInChild({
        ...options,
        fetcher: { ...fetcher, ownPorts: [...(fetcher.ownPorts ?? []), ...ownPorts(app)] },
        store: storeLocation(app.config),
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
}

export const crawlsPlugin = fp(crawlsPluginImpl, { name: 'crawls', fastify: '5.x', dependencies: ['services'] });
