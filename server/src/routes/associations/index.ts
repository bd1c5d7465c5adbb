import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IndexError } from '@fieldguide/crawlers/storage';
import {
  AssociationQuerySchema,
  AssociationSchema,
  EntityIdSchema,
  eq,
  normalizeSearchQuery,
} from '@fieldguide/shared';
import { type Static, Type } from '@sinclair/typebox';
import { errors } from '../../errors.js';
import { runAssociationSearch } from '../../search/association-search.js';
import { planEventSearch } from '../../search/event-plan.js';
import { toEventHit } from '../../search/hits.js';
import {
  AssociationSearchResponseSchema,
  ErrorSchema,
  type EventHit,
  EventHitSchema,
  forResponse,
  readErrorResponses,
} from '../../search/schemas.js';

/** How many upcoming events an association page lists. */
export const ASSOCIATION_EVENTS = 20;

const AssociationDetailSchema = Type.Composite([
  forResponse(AssociationSchema),
  Type.Object({
    upcomingEvents: Type.Array(EventHitSchema, {
      description: 'its upcoming events, soonest first (empty while search is unavailable)',
    }),
    upcomingEventsTotal: Type.Union([Type.Integer(), Type.Null()], {
      description: 'how many upcoming events it has; null while search is unavailable',
    }),
  }),
]);
/** The answer's static type (the web app restates it; tests/contract checks they agree). */
export type AssociationDetail = Static<typeof AssociationDetailSchema>;

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
        description: 'The association as stored, with its upcoming events.',
        params: Type.Object({ id: EntityIdSchema }),
        response: { 200: AssociationDetailSchema, 404: ErrorSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const association = app.store.getAssociation(request.params.id);
      if (!association) throw errors.notFound('association');
      let upcomingEvents: EventHit[] = [];
      let upcomingEventsTotal: number | null = null;
      try {
        const now = new Date();
        const query = normalizeSearchQuery({ limit: ASSOCIATION_EVENTS, sort: 'date' }, { now });
        const filter = eq('associationId', association.id);
        const { main } = planEventSearch({ query }, { now, filter });
        const result = await app.searchIndex.searchEvents(main);
        upcomingEvents = result.hits.map((doc) => toEventHit(doc));
        upcomingEventsTotal = result.totalHits ?? result.estimatedTotalHits ?? upcomingEvents.length;
      } catch (error) {
        if (!(error instanceof IndexError)) throw error;
        request.log.warn({ err: error }, 'association events unavailable');
      }
      reply.header('cache-control', 'public, max-age=60');
      return { ...association, upcomingEvents, upcomingEventsTotal };
    },
  );
};
