import { type Static, Type } from '@sinclair/typebox';
import { AssociationSchema } from '../association/association.schema.js';
import { EventSchema } from '../event/event.schema.js';
import { EventHitSchema } from './event-search.schema.js';
import { forResponse } from './for-response.js';

/** `GET /api/events/:id`: the event as stored, past or upcoming, with a few related upcoming events. */
export const EventDetailSchema = Type.Composite([
  forResponse(EventSchema),
  Type.Object({
    related: Type.Array(EventHitSchema, {
      description: 'a few upcoming events of the same field, soonest first (empty while search is unavailable)',
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
  }),
]);
export type AssociationDetail = Static<typeof AssociationDetailSchema>;
