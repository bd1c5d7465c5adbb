import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IndexError } from '@fieldguide/crawlers/storage';
import { EntityIdSchema, type Event, EventSchema, normalizeSearchQuery } from '@fieldguide/shared';
import { type Static, Type } from '@sinclair/typebox';
import { errors } from '../../errors.js';
import { planEventSearch } from '../../search/event-plan.js';
import { toEventHit } from '../../search/hits.js';
import { ErrorSchema, type EventHit, EventHitSchema, forResponse, readErrorResponses } from '../../search/schemas.js';

/** How many related events an event page lists. */
export const RELATED_EVENTS = 4;

const EventDetailSchema = Type.Composite([
  forResponse(EventSchema),
  Type.Object({
    related: Type.Array(EventHitSchema, {
      description: 'a few upcoming events of the same field, soonest first (empty while search is unavailable)',
    }),
  }),
]);
/** The answer's static type (the web app restates it; tests/contract checks they agree). */
export type EventDetail = Static<typeof EventDetailSchema>;

/** Upcoming events sharing the event's fields (or pathways, when it has no field), itself left out. */
async function relatedEvents(app: Parameters<FastifyPluginAsyncTypebox>[0], event: Event): Promise<EventHit[]> {
  const fields = event.fields;
  const pathways = fields.length > 0 ? [] : event.pathways;
  if (fields.length + pathways.length === 0) return [];
  const now = new Date();
  const base = normalizeSearchQuery({ limit: RELATED_EVENTS + 1, sort: 'date' }, { now });
  const plan = planEventSearch({ query: { ...base, fields, pathways } }, { now, facets: false });
  const result = await app.searchIndex.searchEvents(plan.main);
  return result.hits
    .filter((doc) => doc.id !== event.id)
    .slice(0, RELATED_EVENTS)
    .map((doc) => toEventHit(doc));
}

/** `GET /events/:id`: one event from the store (the source of truth), with related upcoming events. */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'One event',
        description: 'The event as stored, past or upcoming, with `related`: a few upcoming events of its field.',
        params: Type.Object({ id: EntityIdSchema }),
        response: { 200: EventDetailSchema, 404: ErrorSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const event = app.store.getEvent(request.params.id);
      if (!event) throw errors.notFound('event');
      let related: EventHit[] = [];
      try {
        related = await relatedEvents(app, event);
      } catch (error) {
        // The page still works from the store alone while Meilisearch is away.
        if (!(error instanceof IndexError)) throw error;
        request.log.warn({ err: error }, 'related events unavailable');
      }
      reply.header('cache-control', 'public, max-age=60');
      return { ...event, related };
    },
  );
};
