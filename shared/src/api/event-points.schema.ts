import { type Static, Type } from '@sinclair/typebox';
import { EVENT_FORMATS, literals } from '../event/event.schema.js';
import { SearchQuerySchema } from '../search/query.schema.js';
import { EchoedSearchQuerySchema } from './event-search.schema.js';
import { Nullable } from './nullable.js';

/**
 * Most events `GET /api/search/points` answers with: a map of a search shows at most this many, soonest first, and
 * says when the search matched more.
 */
export const MAX_EVENT_POINTS = 2000;

/** An upcoming event as a map places it and lists it beside the map: what a compact list item shows. */
export const EventPointSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    format: literals(EVENT_FORMATS),
    start: Type.String({ description: 'ISO 8601 instant' }),
    end: Nullable(Type.String({ description: 'ISO 8601 instant' })),
    timeZone: Type.String({ description: 'IANA zone the event is held in' }),
    allDay: Type.Boolean(),
    venueName: Nullable(Type.String()),
    city: Nullable(Type.String()),
    region: Nullable(Type.String()),
    country: Nullable(Type.String()),
    location: Nullable(
      Type.Object({ lat: Type.Number(), lng: Type.Number() }, { description: "the venue's point; null: not placed" }),
    ),
  },
  { title: 'EventPoint' },
);
export type EventPoint = Static<typeof EventPointSchema>;

/** `GET /api/search/points`' query string: a search's parameters; its page, page size and order are ignored. */
export const EventPointsQuerySchema = SearchQuerySchema;

/** `GET /api/search/points`: every event of a search (a recurring series once), up to {@link MAX_EVENT_POINTS}. */
export const EventPointsResponseSchema = Type.Object({
  points: Type.Array(EventPointSchema, { description: 'soonest first; events without a place have `location: null`' }),
  capped: Type.Boolean({ description: `true when the search matched more than ${MAX_EVENT_POINTS} events` }),
  limit: Type.Integer({ description: 'the most points answered' }),
  query: EchoedSearchQuerySchema,
});
export type EventPointsResponse = Static<typeof EventPointsResponseSchema>;
