import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CrawlRunSchema, QueuedCrawlsSchema, type StartCrawlBody, StartCrawlBodySchema } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { CrawlBusyError, UnknownSourceError } from '../../crawls/crawl-manager.js';
import { apiError, errorResponses, errors } from '../../errors.js';
import { adminErrorResponses } from './schemas.js';

/**
 * Queues crawl jobs, one per source (a worker's crawl of a job records one run, so a run stays one process's
 * crawl): the sources named, or every source with `force`, or the due ones. Answers what was queued.
 */
async function queueCrawls(app: FastifyInstance, body: StartCrawlBody) {
  const queue = app.crawlQueue;
  if (!queue) throw new Error('no crawl queue');
  const ids = body.sourceIds ?? (body.force ? app.store.listSources().map((s) => s.id) : undefined);
  for (const id of ids ?? []) {
    if (!app.store.getSource(id)) throw errors.badParameter('sourceIds', new UnknownSourceError(id).message);
  }
  return ids ? queue.enqueue(ids, { force: body.force === true }) : queue.enqueueDue(app.store);
}

/** `/crawls`: start a crawl in the background (or queue its jobs), list runs, follow one. */
export const adminCrawlRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/crawls',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Start a crawl in the background, or queue crawl jobs',
        description:
          'Crawls the due, enabled sources (or `sourceIds`; `force` also crawls ones not due and disabled ones). ' +
          'Answers 202 with the run at once; follow it with GET /api/admin/crawls/:id. One crawl at a time: 409 ' +
          'while one runs. On a server with a crawl queue (`DATABASE_URL`) it queues one job per source instead, ' +
          'for the crawl workers, and answers 202 with what it queued (a source with a job waiting or running gets ' +
          'none); each job records its own run.',
        body: Type.Optional(StartCrawlBodySchema),
        response: {
          202: Type.Union([Type.Object({ run: CrawlRunSchema }), QueuedCrawlsSchema]),
          ...errorResponses('ERR_CRAWL_RUNNING', 'ERR_QUEUE_UNAVAILABLE'),
          ...adminErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      if (app.crawlQueue) return reply.code(202).send(await queueCrawls(app, body));
      try {
        const run = await app.crawls.start({
          ...(body.sourceIds ? { sourceIds: body.sourceIds } : {}),
          force: body.force === true,
        });
        return reply.code(202).send({ run });
      } catch (error) {
        if (error instanceof CrawlBusyError) throw apiError('ERR_CRAWL_RUNNING', error.message);
        if (error instanceof UnknownSourceError) throw errors.badParameter('sourceIds', error.message);
        throw error;
      }
    },
  );

  app.get(
    '/crawls',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Crawl runs, newest first',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ runs: Type.Array(CrawlRunSchema) }), ...adminErrorResponses },
      },
    },
    async (request) => ({ runs: app.crawls.list(request.query.limit ?? 50) }),
  );

  app.get(
    '/crawls/:id',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'One crawl run with per-source progress, results and errors',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: {
          200: Type.Object({ run: CrawlRunSchema }),
          ...errorResponses('ERR_NOT_FOUND'),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      const run = app.crawls.get(request.params.id);
      if (!run) throw errors.notFound('crawl run');
      return { run };
    },
  );
};
