import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { suggestAssociations, suggestEvents } from '@fieldguide/crawlers/storage';
import { SuggestQuerySchema, SuggestResponseSchema, suggestOccupations } from '@fieldguide/shared';
import { readErrorResponses } from '../../errors.js';
import { suggestFields } from './field-suggestions.js';

/** `GET /suggest?q=`: type-ahead over field names and occupations (in memory), upcoming event titles and association names. */
export const suggestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Type-ahead suggestions',
        description:
          'Fields, occupations (O*NET titles, licences, credentials) with their field, upcoming events and associations matching what was typed.',
        querystring: SuggestQuerySchema,
        response: { 200: SuggestResponseSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const limit = request.query.limit ?? 5;
      if (q === '') return { q, fields: [], occupations: [], events: [], associations: [] };
      const [events, associations] = await Promise.all([
        suggestEvents(app.searchIndex, { q, limit, now: new Date() }),
        suggestAssociations(app.searchIndex, { q, limit }),
      ]);
      reply.header('cache-control', 'public, max-age=60');
      const occupations = suggestOccupations(q, limit).map(({ clusterId, pathwayId, ...rest }) => ({
        ...rest,
        field: clusterId,
        pathway: pathwayId,
      }));
      return { q, fields: suggestFields(q, limit), occupations, events, associations };
    },
  );
};
