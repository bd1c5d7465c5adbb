import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { findEvents } from '@fieldguide/crawlers/storage';
import {
  ApiErrorSchema,
  EntityIdSchema,
  type Event,
  EventBatchSchema,
  EventDetailSchema,
  type EventHit,
  normalizeSearchQuery,
  type SeriesDate,
} from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { errors, readErrorResponses } from '../../errors.js';
import { unlessIndexDown } from '../../search/unless-index-down.js';
import { EventIdsQuerySchema, parseEventIds } from '../entity-ids.js';

/** How many related events an event page lists. */
export const RELATED_EVENTS = 4;

/** Upcoming events sharing the event's fields (or pathways, when it has no field), itself left out. */
async function relatedEvents(app: Parameters<FastifyPluginAsyncTypebox>[0], event: Event): Promise<EventHit[]> {
  const fields = event.fields;
  const pathways = fields.length > 0 ? [] : event.pathways;
  if (fields.length + pathways.length === 0) return [];
  const now = new Date();
  const base = normalizeSearchQuery({ limit: RELATED_EVENTS + 1, sort: 'date' }, { now });
  const result = await findEvents(app.searchIndex, { query: { ...base, fields, pathways }, now });
  const sameSeries = (hit: EventHit) => event.seriesId !== undefined && hit.series?.id === event.seriesId;
  return result.hits.filter((hit) => hit.id !== event.id && !sameSeries(hit)).slice(0, RELATED_EVENTS);
}

/** The stored occurrences of the event's series, delisted ones left out; empty for a one-off event. */
function seriesDates(app: Parameters<FastifyPluginAsyncTypebox>[0], event: Event): SeriesDate[] {
  if (!event.seriesId) return [];
  return app.store
    .listSeriesEvents(event.seriesId)
    .filter((e) => !e.delisted)
    .map((e) => ({
      id: e.id,
      start: e.start,
      ...(e.end ? { end: e.end } : {}),
      timeZone: e.timeZone,
      allDay: e.allDay,
      status: e.status,
    }));
}

/**
 * `GET /events/:id`: one event from the store (the source of truth), with related upcoming events;
 * `GET /events?ids=a,b,c`: chosen events (a saved list), and which of them are gone.
 */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Chosen events, e.g. a saved list',
        description:
          'The stored events of `ids` (at most 100, past ones too), in the order asked, read from the store alone; ' +
          '`missing` lists the ids no stored event has.',
        querystring: EventIdsQuerySchema,
        response: { 200: EventBatchSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const ids = parseEventIds(request.query.ids);
      const events = app.store.getEvents(ids);
      const found = new Set(events.map((event) => event.id));
      const missing = ids.filter((id) => !found.has(id));
      reply.header('cache-control', 'public, max-age=60');
      return { events, missing };
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'One event',
        description:
          'The event as stored, past or upcoming, with `related`: a few upcoming events of its field, and ' +
          '`seriesDates`: the dates of its recurring series.',
        params: Type.Object({ id: EntityIdSchema }),
        response: { 200: EventDetailSchema, 404: ApiErrorSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const event = app.store.getEvent(request.params.id);
      if (!event) throw errors.notFound('event');
      // The page still works from the store alone while Meilisearch is away.
      const related = await unlessIndexDown(request.log, 'related events', () => relatedEvents(app, event), []);
      reply.header('cache-control', 'public, max-age=60');
      return { ...event, related, seriesDates: seriesDates(app, event) };
    },
  );
};
