import { type Static, type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import {
  ClusterIdSchema,
  EntityIdSchema,
  HiringSignalSchema,
  HttpUrlSchema,
  InstantSchema,
  PathwayIdSchema,
  TimeZoneSchema,
  VenueSchema,
} from '../common.schema.js';

export const EVENT_TYPES = [
  'conference',
  'seminar',
  'workshop',
  'association-meeting',
  'career-fair',
  'networking',
  'meetup',
  'webinar',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** schema.org eventStatus, lower-cased. */
export const EVENT_STATUSES = ['scheduled', 'cancelled', 'postponed', 'rescheduled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A union of string literals whose static type is the union of `values`, not `string`. */
export const literals = <const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

/**
 * Where an event's `timeZone` came from: `stated` by the event itself (a TZID, a `timezone` field, an offset
 * with a named zone), its `calendar`'s default zone (iCalendar X-WR-TIMEZONE), its `venue` (city and region or
 * country), the `source`'s configured default, or nothing at all (`assumed-utc`: local times were read as UTC).
 */
export const TIME_ZONE_SOURCES = ['stated', 'calendar', 'venue', 'source', 'assumed-utc'] as const;
export type TimeZoneSource = (typeof TIME_ZONE_SOURCES)[number];

export const EventTypeSchema = literals(EVENT_TYPES);
export const EventFormatSchema = literals(EVENT_FORMATS);
export const EventStatusSchema = literals(EVENT_STATUSES);
export const TimeZoneSourceSchema = literals(TIME_ZONE_SOURCES);

export const OrganizerSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    url: Type.Optional(HttpUrlSchema),
  },
  { additionalProperties: false },
);

/** What attending costs. `free` is true only when the source says so; min/max in `currency`. */
export const CostSchema = Type.Object(
  {
    free: Type.Boolean(),
    min: Type.Optional(Type.Number({ minimum: 0 })),
    max: Type.Optional(Type.Number({ minimum: 0 })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  },
  { additionalProperties: false },
);

/** Where an event was seen: one entry per source and URL, kept when several sources publish it. */
export const EventSourceRefSchema = Type.Object(
  {
    sourceId: Type.String({ minLength: 1, maxLength: 128 }),
    url: HttpUrlSchema,
    seenAt: InstantSchema,
  },
  { additionalProperties: false },
);

/**
 * An event that people of a field attend. `start`/`end` are instants; `timeZone` is the zone the
 * event is held in, used to show local times. An all-day event has `start` at local midnight.
 */
export const EventSchema = Type.Object(
  {
    /** Stable id, `[A-Za-z0-9_-]` only (what Meilisearch accepts as a document id). */
    id: EntityIdSchema,
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.String({ maxLength: 20000 }),
    url: HttpUrlSchema,
    type: EventTypeSchema,
    fields: Type.Array(ClusterIdSchema, { maxItems: 16 }),
    pathways: Type.Array(PathwayIdSchema, { maxItems: 100 }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 50 }),
    start: InstantSchema,
    end: Type.Optional(InstantSchema),
    timeZone: TimeZoneSchema,
    /** Where `timeZone` came from (see {@link TIME_ZONE_SOURCES}); absent on events stored before it was recorded. */
    timeZoneSource: Type.Optional(TimeZoneSourceSchema),
    allDay: Type.Boolean(),
    format: EventFormatSchema,
    venue: Type.Optional(VenueSchema),
    organizer: Type.Optional(OrganizerSchema),
    associationId: Type.Optional(EntityIdSchema),
    cost: Type.Optional(CostSchema),
    status: EventStatusSchema,
    hiring: HiringSignalSchema,
    /**
     * Open to every field (an all-majors or general career fair, a résumé clinic): listed under every field
     * filter, labelled "All fields". Such an event has no fields of its own. Absent means false.
     */
    allFields: Type.Optional(Type.Boolean()),
    /**
     * False for an event with no professional purpose (a hobby, leisure or family event): kept in the store and
     * shown to admins, left out of listings. Absent means true.
     */
    careerRelevant: Type.Optional(Type.Boolean()),
    /** Why the classifier judged the event not career-relevant (with `careerRelevant: false`). */
    relevanceReason: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    /**
     * The recurring series this event is one occurrence of (`se_` + hex), shared by every occurrence: an iCal
     * RRULE's expansions, or a source's events of one title at a steady cadence. Absent for a one-off event.
     */
    seriesId: Type.Optional(EntityIdSchema),
    /** Call for papers/speakers, when the source lists one. */
    cfpUrl: Type.Optional(HttpUrlSchema),
    cfpEnd: Type.Optional(InstantSchema),
    sources: Type.Array(EventSourceRefSchema, { minItems: 1, maxItems: 50 }),
    /** True once no source publishes the event any more; it is kept but no longer listed as upcoming. */
    delisted: Type.Boolean(),
    firstSeen: InstantSchema,
    lastSeen: InstantSchema,
    updatedAt: InstantSchema,
  },
  { additionalProperties: false },
);
export type Event = Static<typeof EventSchema>;
export type Organizer = Static<typeof OrganizerSchema>;
export type Cost = Static<typeof CostSchema>;
export type EventSourceRef = Static<typeof EventSourceRefSchema>;
