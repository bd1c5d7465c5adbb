import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CrawlRunSchema, StartCrawlBodySchema } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { CrawlBusyError, UnknownSourceError } from '../../crawls/crawl-manager.js';
import { apiError, errorResponses, errors } from '../../errors.js';
import { adminErrorResponses } from './schemas.js';

/** `/crawls`: start a crawl in the background, list runs, follow one. */
export const adminCrawlRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/crawls',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Start a crawl in the background',
        description:
          'Crawls the due, enabled sources (or `sourceIds`; `force` also crawls ones not due and disabled ones). ' +
          'Answers 202 with the run at once; follow it with GET /api/admin/crawls/:id. One crawl at a time: 409 ' +
          'while one runs.',
        body: Type.Optional(StartCrawlBodySchema),
        response: {
          202: Type.Object({ run: CrawlRunSchema }),
          ...errorResponses('ERR_CRAWL_RUNNING'),
          ...adminErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
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
