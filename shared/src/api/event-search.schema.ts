import { type Static, Type } from '@sinclair/typebox';
import { EVENT_FORMATS, EVENT_STATUSES, EVENT_TYPES, literals } from '../event/event.schema.js';
import { ALL_FIELDS_MODES, COST_FILTERS, SEARCH_SORTS, SearchQuerySchema } from '../search/query.schema.js';
import { MatchRangesSchema } from './highlight.schema.js';
import { CountsSchema, Nullable } from './nullable.js';
import { PlaceResolutionSchema } from './places.schema.js';

/** An upcoming event as a result card shows it (`GET /api/search` and the lists of the event and association pages). */
export const EventHitSchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    /** A cropped, plain-text extract of the description around the matched words. */
    description: Type.String({ description: 'plain-text extract, about 40 words, around the matched words' }),
    url: Type.String(),
    type: literals(EVENT_TYPES),
    format: literals(EVENT_FORMATS),
    status: literals(EVENT_STATUSES),
    start: Type.String({ description: 'ISO 8601 instant' }),
    end: Nullable(Type.String({ description: 'ISO 8601 instant' })),
    timeZone: Type.String({ description: 'IANA zone the event is held in' }),
    allDay: Type.Boolean(),
    fields: Type.Array(Type.String()),
    pathways: Type.Array(Type.String()),
    fieldNames: Type.Array(Type.String(), {
      description: 'names of `fields` and `pathways`, "All fields" first for an event open to every field',
    }),
    allFields: Type.Optional(
      Type.Boolean({ description: 'open to every field: listed under every field filter (always sent)' }),
    ),
    tags: Type.Array(Type.String()),
    venueName: Nullable(Type.String()),
    city: Nullable(Type.String()),
    region: Nullable(Type.String()),
    country: Nullable(Type.String()),
    location: Nullable(Type.Object({ lat: Type.Number(), lng: Type.Number() })),
    organizer: Nullable(Type.String()),
    associationId: Nullable(Type.String()),
    costFree: Nullable(Type.Boolean()),
    costMin: Nullable(Type.Number()),
    costMax: Nullable(Type.Number()),
    costCurrency: Nullable(Type.String()),
    hiring: Type.Number({ minimum: 0, maximum: 1, description: 'hiring signal score' }),
    hiringReasons: Type.Array(Type.String()),
    distanceKm: Type.Optional(Type.Number({ description: 'great-circle distance from `near`, in km' })),
    series: Type.Optional(
      Type.Object(
        {
          id: Type.String(),
          moreDates: Type.Integer({ minimum: 0, description: 'other upcoming occurrences matching the search' }),
        },
        { description: 'set when the hit is the next occurrence of a recurring series, which listings show once' },
      ),
    ),
    highlights: Type.Object(
      {
        title: MatchRangesSchema,
        description: MatchRangesSchema,
        organizer: MatchRangesSchema,
        venueName: MatchRangesSchema,
        city: MatchRangesSchema,
      },
      {
        description: 'where the query matched the text attributes of the same name (`description`: the extract above)',
      },
    ),
  },
  { title: 'EventHit' },
);
export type EventHit = Static<typeof EventHitSchema>;
/** The highlighted text attributes of an {@link EventHit}. */
export type EventHighlights = EventHit['highlights'];

/** Hiring-score floors the `hiring` facet counts events at or above. */
export const HIRING_FACET_FLOORS = [0.25, 0.5, 0.75] as const;

/**
 * Counts per value of each filter. A facet whose filter is set is counted without it (disjunctive), so the
 * other values show what choosing them too would add. A recurring series counts once per matching date.
 */
export const EventFacetsSchema = Type.Object({
  fields: CountsSchema,
  pathways: CountsSchema,
  type: CountsSchema,
  format: CountsSchema,
  country: CountsSchema,
  region: CountsSchema,
  costFree: Type.Object({ true: Type.Integer(), false: Type.Integer() }),
  hiring: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
    description: 'events whose hiring score is at least the key ("0.25", "0.5", "0.75")',
  }),
  allFields: Type.Optional(
    Type.Integer({
      minimum: 0,
      description:
        'events open to all fields among the matches counted for `fields`; with `allFields=include` (the default) ' +
        'each field and pathway count includes them, so a count is what choosing that field would list',
    }),
  ),
});
export type EventFacets = Static<typeof EventFacetsSchema>;

/** The point searched around, with the place it was resolved from when `near` was a name. */
export const NearSchema = Type.Object({
  lat: Type.Number(),
  lng: Type.Number(),
  label: Type.Optional(Type.String({ description: 'the place `near` named, e.g. "Minneapolis, MN, US"' })),
});

/** The field a query's words named: an occupation, licence, credential or workplace, or a field's own name. */
export const UnderstoodSchema = Type.Object({
  field: Type.String({ description: 'cluster id; its events rank first' }),
  fieldName: Type.String(),
  pathway: Type.Optional(Type.String({ description: 'pathway id, when the words name one' })),
  via: Type.String({ description: 'the words that named it, e.g. "registered nurse"' }),
  kind: Type.Union(
    ['occupation', 'licence', 'credential', 'abbreviation', 'title', 'workplace', 'field'].map((k) => Type.Literal(k)),
  ),
  occupation: Type.Optional(
    Type.Object({
      code: Type.String({ description: 'O*NET-SOC code' }),
      title: Type.String({ description: 'O*NET title' }),
    }),
  ),
});
export type Understood = Static<typeof UnderstoodSchema>;

/** The search as the server understood it: names resolved to ids, defaults applied. */
export const EchoedSearchQuerySchema = Type.Object({
  q: Type.String(),
  fields: Type.Array(Type.String(), { description: 'cluster ids' }),
  pathways: Type.Array(Type.String(), { description: 'pathway ids' }),
  allFields: Type.Optional(literals(ALL_FIELDS_MODES)),
  types: Type.Array(literals(EVENT_TYPES)),
  formats: Type.Array(literals(EVENT_FORMATS)),
  from: Type.String({ description: 'ISO instant; events still running then or later' }),
  to: Type.Optional(Type.String()),
  within: Type.Optional(Type.String({ description: 'the relative window in days ("90d"), when the query gave one' })),
  near: Type.Optional(NearSchema),
  place: Type.Optional(PlaceResolutionSchema),
  radiusKm: Type.Number(),
  cost: Type.Optional(literals(COST_FILTERS)),
  hiring: Type.Optional(Type.Number()),
  association: Type.Optional(Type.String()),
  sort: literals(SEARCH_SORTS),
  page: Type.Integer(),
  limit: Type.Integer(),
  understood: Type.Optional(UnderstoodSchema),
});
export type EchoedSearchQuery = Static<typeof EchoedSearchQuerySchema>;

/** `GET /api/search`'s query string: a search's parameters (as feeds and embeds take them), and whether to count facets. */
export const EventSearchQuerySchema = Type.Object(
  {
    ...SearchQuerySchema.properties,
    /**
     * Count facets; default true. A client paging through a search whose counts it already shows sends `false`:
     * the answer's counts are then all zero, and the search costs the index one request.
     */
    facets: Type.Optional(Type.Boolean({ description: 'count facets (default true); false answers zero counts' })),
  },
  { additionalProperties: false },
);
export type EventSearchQuery = Static<typeof EventSearchQuerySchema>;

/** `GET /api/search`: a page of upcoming events, the facet counts, and the query as read. */
export const EventSearchResponseSchema = Type.Object({
  hits: Type.Array(EventHitSchema),
  total: Type.Integer({ description: 'matching events, a recurring series counted once (at most 10 000)' }),
  page: Type.Integer(),
  limit: Type.Integer(),
  totalPages: Type.Integer(),
  facets: EventFacetsSchema,
  query: EchoedSearchQuerySchema,
});
export type EventSearchResponse = Static<typeof EventSearchResponseSchema>;
