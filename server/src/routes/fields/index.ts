import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IndexError } from '@fieldguide/crawlers/storage';
import { listFields, normalizeSearchQuery } from '@fieldguide/shared';
import { type Static, Type } from '@sinclair/typebox';
import { planEventSearch } from '../../search/event-plan.js';
import { readErrorResponses } from '../../search/schemas.js';

const Count = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description: 'upcoming events; null while search is unavailable',
});

const FieldsResponseSchema = Type.Object({
  total: Count,
  fields: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      shortName: Type.String(),
      count: Count,
      pathways: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Count })),
    }),
  ),
});
/** The answer's static type (the web app restates it; tests/contract checks they agree). */
export type FieldsResponse = Static<typeof FieldsResponseSchema>;

/** `GET /fields`: the career clusters and their pathways, in taxonomy order, with live counts of upcoming events. */
export const fieldRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/fields',
    {
      schema: {
        tags: ['fields'],
        summary: 'Career fields with upcoming event counts',
        description: 'The 16 National Career Clusters and their pathways; `count` is the number of upcoming events.',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: FieldsResponseSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      let counts: { total: number; fields: Record<string, number>; pathways: Record<string, number> } | undefined;
      try {
        const now = new Date();
        const query = normalizeSearchQuery({}, { now });
        const { main } = planEventSearch({ query }, { now });
        const result = await app.searchIndex.searchEvents({
          q: '',
          filter: main.filter,
          page: 1,
          hitsPerPage: 0,
          facets: ['fields', 'pathways'],
        });
        counts = {
          total: result.totalHits ?? result.estimatedTotalHits ?? 0,
          fields: result.facetDistribution?.fields ?? {},
          pathways: result.facetDistribution?.pathways ?? {},
        };
      } catch (error) {
        // The taxonomy is static: pickers keep working while Meilisearch is away.
        if (!(error instanceof IndexError)) throw error;
        request.log.warn({ err: error }, 'field counts unavailable');
      }
      const count = (table: Record<string, number> | undefined, id: string) => (table ? (table[id] ?? 0) : null);
      reply.header('cache-control', `public, max-age=${counts ? 60 : 5}`);
      return {
        total: counts?.total ?? null,
        fields: listFields().map((field) => ({
          id: field.id,
          name: field.name,
          shortName: field.shortName,
          count: count(counts?.fields, field.id),
          pathways: field.pathways.map((p) => ({ id: p.id, name: p.name, count: count(counts?.pathways, p.id) })),
        })),
      };
    },
  );
};
