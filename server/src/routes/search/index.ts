import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  EventPointsQuerySchema,
  EventPointsResponseSchema,
  EventSearchQuerySchema,
  EventSearchResponseSchema,
  MAX_EVENT_POINTS,
} from '@fieldguide/shared';
import { readErrorResponses } from '../../errors.js';
import { runEventPoints, runEventSearch } from '../../search/run-search.js';

/** How long browsers and CDNs may reuse a search answer, in seconds. */
export const SEARCH_MAX_AGE_S = 30;

/** `GET /search`: upcoming events by text, field, type, format, dates, place, cost and hiring signal, with facets. */
export const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search upcoming events',
        description:
          'Full-text search over upcoming events (ended ones are left out unless `from` says otherwise), with typo ' +
          'tolerance and field synonyms ("healthcare" finds Health Science). `field` takes cluster or pathway ids or ' +
          'names and may repeat; `near` takes "lat,lng" or a place such as "Minneapolis, MN". Facet counts of a ' +
          'filter that is set are computed without that filter; `facets=false` leaves them out (all zero), for ' +
          'a further page of a search whose counts the client already shows.',
        querystring: EventSearchQuerySchema,
        response: { 200: EventSearchResponseSchema, ...readErrorResponses },
      },
      // The answer is built field by field (the index adapter's hits, `runEventSearch`), so there is nothing for a schema-driven serializer to
      // leave out, and the native one is cheaper here: ~0.2 ms a search at p50 (`pnpm bench:search-api`). The
      // schema still documents the answer, and the route tests check answers against it.
      serializerCompiler: () => JSON.stringify,
    },
    async (request, reply) => {
      const { facets, ...query } = request.query;
      const result = await runEventSearch(app, query, { facets: facets !== false });
      reply.header('cache-control', `public, max-age=${SEARCH_MAX_AGE_S}`);
      return result;
    },
  );

  app.get(
    '/search/points',
    {
      schema: {
        tags: ['search'],
        summary: 'Every event of a search, as map points',
        description:
          `The events a search lists on all its pages (a recurring series once, at its next matching date), soonest ` +
          `first, each with its venue's point or \`location: null\` (online, or no known place), at most ` +
          `${MAX_EVENT_POINTS} (\`capped\` says when the search matched more). Takes the parameters of ` +
          '`/api/search`; `page`, `limit` and `sort` are ignored.',
        querystring: EventPointsQuerySchema,
        response: { 200: EventPointsResponseSchema, ...readErrorResponses },
      },
      serializerCompiler: () => JSON.stringify,
    },
    async (request, reply) => {
      const result = await runEventPoints(app, request.query);
      reply.header('cache-control', `public, max-age=${SEARCH_MAX_AGE_S}`);
      return result;
    },
  );
};
