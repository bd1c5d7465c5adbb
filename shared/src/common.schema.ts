import { type Static, Type } from '@sinclair/typebox';

/** An instant as ISO 8601 with an offset, e.g. `2026-03-04T09:00:00Z`. */
export const InstantSchema = Type.String({ format: 'date-time', maxLength: 40 });

/** A document id: what Meilisearch accepts as a primary key value (`[A-Za-z0-9_-]`, at most 128). */
export const EntityIdSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,128}$' });

/** An absolute http(s) URL. */
export const HttpUrlSchema = Type.String({ format: 'http-url', maxLength: 2048 });

/** An IANA time zone name, e.g. `America/Chicago`. */
export const TimeZoneSchema = Type.String({ format: 'time-zone', minLength: 1, maxLength: 64 });

/** A career cluster id from the taxonomy, e.g. `information-technology`. */
export const ClusterIdSchema = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 64 });

/** A pathway id from the taxonomy: `<cluster>/<pathway>`, e.g. `health-science/therapeutic-services`. */
export const PathwayIdSchema = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$',
  maxLength: 128,
});

/** ISO 3166-1 alpha-2 country code, upper case. */
export const CountryCodeSchema = Type.String({ pattern: '^[A-Z]{2}$' });

/** Why an event or association draws hiring managers: a score in [0, 1] and the reasons shown to users. */
export const HiringSignalSchema = Type.Object(
  {
    score: Type.Number({ minimum: 0, maximum: 1 }),
    reasons: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type HiringSignal = Static<typeof HiringSignalSchema>;

/** A place: every part optional, because sources give what they give. */
export const VenueSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 300 })),
    address: Type.Optional(Type.String({ maxLength: 500 })),
    city: Type.Optional(Type.String({ maxLength: 120 })),
    region: Type.Optional(Type.String({ maxLength: 120 })),
    postalCode: Type.Optional(Type.String({ maxLength: 20 })),
    country: Type.Optional(CountryCodeSchema),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type Venue = Static<typeof VenueSchema>;
