import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { findEvents } from '@fieldguide/crawlers/storage';
import {
  ApiErrorSchema,
  AssociationDetailSchema,
  AssociationQuerySchema,
  AssociationSearchResponseSchema,
  EntityIdSchema,
  eq,
  gatheringByAssociation,
  NO_GATHERING,
  normalizeSearchQuery,
} from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { errors, readErrorResponses } from '../../errors.js';
import { runAssociationSearch } from '../../search/association-search.js';
import { unlessIndexDown } from '../../search/unless-index-down.js';

/** How many upcoming events an association page lists. */
export const ASSOCIATION_EVENTS = 20;

/** `GET /associations` (search with facets) and `GET /associations/:id` (from the store, with its upcoming events). */
export const associationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/associations',
    {
      schema: {
        tags: ['associations'],
        summary: 'Search professional associations',
        description: 'By text, field, scope, country and region; facet counts of a set filter ignore that filter.',
        querystring: AssociationQuerySchema,
        response: { 200: AssociationSearchResponseSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const result = await runAssociationSearch(app, request.query);
      reply.header('cache-control', 'public, max-age=60');
      return result;
    },
  );

  app.get(
    '/associations/:id',
    {
      schema: {
        tags: ['associations'],
        summary: 'One association',
        description:
          'The association as stored, with its upcoming events and whether its events are gathered yet (`gathering`).',
        params: Type.Object({ id: EntityIdSchema }),
        response: { 200: AssociationDetailSchema, 404: ApiErrorSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const association = app.store.getAssociation(request.params.id);
      if (!association) throw errors.notFound('association');
      const now = new Date();
      const upcoming = await unlessIndexDown(
        request.log,
        'association events',
        () =>
          findEvents(app.searchIndex, {
            query: normalizeSearchQuery({ limit: ASSOCIATION_EVENTS, sort: 'date' }, { now }),
            now,
            filter: eq('associationId', association.id),
          }),
        undefined,
      );
      reply.header('cache-control', 'public, max-age=60');
      return {
        ...association,
        upcomingEvents: upcoming?.hits ?? [],
        upcomingEventsTotal: upcoming?.total ?? null,
        gathering: gatheringByAssociation(app.store.listSources()).get(association.id) ?? { ...NO_GATHERING },
      };
    },
  );
};
