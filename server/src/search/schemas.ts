import {
  ASSOCIATION_SCOPES,
  COST_FILTERS,
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  literals,
  SEARCH_SORTS,
} from '@fieldguide/shared';
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** Formats the domain schemas define for their own checks; the response serializer does not know them. */
const DOMAIN_FORMATS = new Set(['http-url', 'time-zone']);

/**
 * A copy of a domain schema fit for a response: its custom formats dropped (the serializer would warn on each,
 * and responses are not validated anyway). TypeBox's symbols are kept, so it stays a TypeBox schema.
 */
export function forResponse<T extends TSchema>(schema: T): T {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string | symbol, unknown> = {};
    for (const key of Reflect.ownKeys(value)) {
      const v = (value as Record<string | symbol, unknown>)[key];
      if (key === 'format' && typeof v === 'string' && DOMAIN_FORMATS.has(v)) continue;
      out[key] = copy(v);
    }
    return out;
  };
  return copy(schema) as T;
}

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** The API's one error shape, for every 4xx and 5xx. */
export const ErrorSchema = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.String({ description: 'stable machine-readable code, e.g. ERR_BAD_PARAMETER' }),
    message: Type.String({ description: 'what is wrong, naming the parameter when one is' }),
  },
  { title: 'ApiError' },
);

/** Response schemas of the errors every public read route can answer with. */
export const readErrorResponses = {
  400: ErrorSchema,
  429: ErrorSchema,
  503: ErrorSchema,
} as const;

const HIGHLIGHT_NOTE = 'HTML-escaped text with <mark>…</mark> around the words that matched the query';

/** An upcoming event as a result card shows it. */
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
    fieldNames: Type.Array(Type.String()),
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
    _formatted: Type.Object(
      {
        title: Type.String(),
        description: Type.String(),
        organizer: Nullable(Type.String()),
        venueName: Nullable(Type.String()),
        city: Nullable(Type.String()),
      },
      { description: HIGHLIGHT_NOTE },
    ),
  },
  { title: 'EventHit' },
);
export type EventHit = Static<typeof EventHitSchema>;

const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));

/**
 * Counts per value of each filter. A facet whose filter is set is counted without it (disjunctive), so the
 * other values show what choosing them too would add.
 */
export const EventFacetsSchema = Type.Object({
  fields: Counts,
  pathways: Counts,
  type: Counts,
  format: Counts,
  country: Counts,
  region: Counts,
  costFree: Type.Object({ true: Type.Integer(), false: Type.Integer() }),
  hiring: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
    description: 'events whose hiring score is at least the key ("0.25", "0.5", "0.75")',
  }),
});
export type EventFacets = Static<typeof EventFacetsSchema>;

/** The point searched around, with the place it was resolved from when `near` was a name. */
export const NearSchema = Type.Object({
  lat: Type.Number(),
  lng: Type.Number(),
  label: Type.Optional(Type.String({ description: 'the place `near` named, e.g. "Minneapolis, MN, US"' })),
});

/** The search as the server understood it: names resolved to ids, defaults applied. */
export const EchoedSearchQuerySchema = Type.Object({
  q: Type.String(),
  fields: Type.Array(Type.String(), { description: 'cluster ids' }),
  pathways: Type.Array(Type.String(), { description: 'pathway ids' }),
  types: Type.Array(literals(EVENT_TYPES)),
  formats: Type.Array(literals(EVENT_FORMATS)),
  from: Type.String({ description: 'ISO instant; events still running then or later' }),
  to: Type.Optional(Type.String()),
  near: Type.Optional(NearSchema),
  radiusKm: Type.Number(),
  cost: Type.Optional(literals(COST_FILTERS)),
  hiring: Type.Optional(Type.Number()),
  sort: literals(SEARCH_SORTS),
  page: Type.Integer(),
  limit: Type.Integer(),
});
export type EchoedSearchQuery = Static<typeof EchoedSearchQuerySchema>;

export const EventSearchResponseSchema = Type.Object({
  hits: Type.Array(EventHitSchema),
  total: Type.Integer({ description: 'matching events (at most 10 000)' }),
  page: Type.Integer(),
  limit: Type.Integer(),
  totalPages: Type.Integer(),
  facets: EventFacetsSchema,
  query: EchoedSearchQuerySchema,
});
export type EventSearchResponse = Static<typeof EventSearchResponseSchema>;

export const AssociationHitSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    description: Type.String({ description: 'plain-text extract' }),
    url: Type.String(),
    fields: Type.Array(Type.String()),
    pathways: Type.Array(Type.String()),
    fieldNames: Type.Array(Type.String()),
    scope: literals(ASSOCIATION_SCOPES),
    country: Nullable(Type.String()),
    region: Nullable(Type.String()),
    chapterPlaces: Type.Array(Type.String()),
    jobBoardUrl: Nullable(Type.String()),
    meetingCadence: Nullable(Type.String()),
    hiring: Type.Number(),
    hiringReasons: Type.Array(Type.String()),
    _formatted: Type.Object({ name: Type.String(), description: Type.String() }, { description: HIGHLIGHT_NOTE }),
  },
  { title: 'AssociationHit' },
);
export type AssociationHit = Static<typeof AssociationHitSchema>;

export const AssociationFacetsSchema = Type.Object({
  fields: Counts,
  pathways: Counts,
  scope: Counts,
  country: Counts,
  region: Counts,
});

export const AssociationSearchResponseSchema = Type.Object({
  hits: Type.Array(AssociationHitSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
  totalPages: Type.Integer(),
  facets: AssociationFacetsSchema,
  query: Type.Object({
    q: Type.String(),
    fields: Type.Array(Type.String()),
    pathways: Type.Array(Type.String()),
    scopes: Type.Array(literals(ASSOCIATION_SCOPES)),
    country: Type.Optional(Type.String()),
    region: Type.Optional(Type.String()),
    page: Type.Integer(),
    limit: Type.Integer(),
  }),
});
export type AssociationSearchResponse = Static<typeof AssociationSearchResponseSchema>;
