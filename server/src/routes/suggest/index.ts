import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { normalizeSearchQuery } from '@fieldguide/shared';
import { type Static, Type } from '@sinclair/typebox';
import { planEventSearch } from '../../search/event-plan.js';
import { readErrorResponses } from '../../search/schemas.js';
import { suggestFields } from './field-suggestions.js';

const SuggestQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'what the user has typed so far' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5, description: 'per kind' })),
  },
  { additionalProperties: false },
);

const SuggestResponseSchema = Type.Object({
  q: Type.String(),
  fields: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.Union([Type.Literal('field'), Type.Literal('pathway')]),
    }),
  ),
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      start: Type.String(),
      city: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  associations: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
/** The answer's static type (the web app restates it; tests/contract checks they agree). */
export type SuggestResponse = Static<typeof SuggestResponseSchema>;

/** `GET /suggest?q=`: type-ahead over field names (in memory), upcoming event titles and association names. */
export const suggestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/suggest',
    {
      schema: {
        tags: ['search'],
        summary: 'Type-ahead suggestions',
        description: 'Fields, upcoming events and associations matching what was typed (prefix and typo tolerant).',
        querystring: SuggestQuerySchema,
        response: { 200: SuggestResponseSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const limit = request.query.limit ?? 5;
      if (q === '') return { q, fields: [], events: [], associations: [] };
      const now = new Date();
      const { main } = planEventSearch({ query: normalizeSearchQuery({}, { now }) }, { now });
      const [events, associations] = await Promise.all([
        app.searchIndex.searchEvents({
          q,
          filter: main.filter,
          limit,
          attributesToRetrieve: ['id', 'title', 'startIso', 'city'],
        }),
        app.searchIndex.searchAssociations({ q, limit, attributesToRetrieve: ['id', 'name'] }),
      ]);
      reply.header('cache-control', 'public, max-age=60');
      return {
        q,
        fields: suggestFields(q, limit),
        events: events.hits.map((e) => ({ id: e.id, title: e.title, start: e.startIso, city: e.city ?? null })),
        associations: associations.hits.map((a) => ({ id: a.id, name: a.name })),
      };
    },
  );
};
