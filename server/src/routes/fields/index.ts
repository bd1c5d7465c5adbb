import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { countEventsByField } from '@fieldguide/crawlers/storage';
import { FieldsResponseSchema, listFields, normalizeSearchQuery } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { readErrorResponses } from '../../errors.js';
import { unlessIndexDown } from '../../search/unless-index-down.js';

/** `GET /fields`: the career clusters and their pathways, in taxonomy order, with live counts of upcoming events. */
export const fieldRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/fields',
    {
      schema: {
        tags: ['fields'],
        summary: 'Career fields with upcoming event counts',
        description:
          'The 16 National Career Clusters and their pathways; `count` is the number of upcoming events a filter ' +
          'on the field lists: its own events plus the events open to all fields (career fairs for every major, ' +
          'résumé clinics), which are in every count. `total` counts each event once.',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: FieldsResponseSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const now = new Date();
      // The taxonomy is static: pickers keep working while Meilisearch is away.
      const counts = await unlessIndexDown(
        request.log,
        'field counts',
        () => countEventsByField(app.searchIndex, { query: normalizeSearchQuery({}, { now }), now }),
        undefined,
      );
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
