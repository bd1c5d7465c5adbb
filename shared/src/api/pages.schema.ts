import { type Static, Type } from '@sinclair/typebox';
import { AssociationSchema } from '../association/association.schema.js';
import { AssociationGatheringSchema } from '../association/gathering.js';
import { EventSchema } from '../event/event.schema.js';
import { EventHitSchema } from './event-search.schema.js';
import { forResponse } from './for-response.js';

/** One occurrence of a recurring series, as an event page lists the series' dates. */
export const SeriesDateSchema = Type.Object({
  id: Type.String(),
  start: Type.String({ description: 'ISO 8601 instant' }),
  end: Type.Optional(Type.String({ description: 'ISO 8601 instant' })),
  timeZone: Type.String(),
  allDay: Type.Boolean(),
  status: Type.String(),
});
export type SeriesDate = Static<typeof SeriesDateSchema>;

/** `GET /api/events?ids=a,b,c`: the stored events of those ids (in the order asked), and the ids not stored. */
export const EventBatchSchema = Type.Object({
  events: Type.Array(forResponse(EventSchema)),
  missing: Type.Array(Type.String(), { description: 'ids asked for that no stored event has (gone, or never was)' }),
});
export type EventBatch = Static<typeof EventBatchSchema>;

/** `GET /api/events/:id`: the event as stored, past or upcoming, with a few related upcoming events. */
export const EventDetailSchema = Type.Composite([
  forResponse(EventSchema),
  Type.Object({
    related: Type.Array(EventHitSchema, {
      description: 'a few upcoming events of the same field, soonest first (empty while search is unavailable)',
    }),
    seriesDates: Type.Array(SeriesDateSchema, {
      description: 'every stored occurrence of the series the event belongs to (itself included), soonest first',
    }),
  }),
]);
export type EventDetail = Static<typeof EventDetailSchema>;

/** `GET /api/associations/:id`: the association as stored, with its upcoming events. */
export const AssociationDetailSchema = Type.Composite([
  forResponse(AssociationSchema),
  Type.Object({
    upcomingEvents: Type.Array(EventHitSchema, {
      description: 'its upcoming events, soonest first (empty while search is unavailable)',
    }),
    upcomingEventsTotal: Type.Union([Type.Integer(), Type.Null()], {
      description: 'how many upcoming events it has; null while search is unavailable',
    }),
    gathering: AssociationGatheringSchema,
  }),
]);
export type AssociationDetail = Static<typeof AssociationDetailSchema>;
