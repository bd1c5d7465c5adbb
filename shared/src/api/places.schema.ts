import { type Static, Type } from '@sinclair/typebox';
import { literals } from '../event/event.schema.js';

/** A place the gazetteer knows: a city, or the point of a postal code. */
export const PlaceOptionSchema = Type.Object(
  {
    /** What to show and what to send back as `near`, e.g. `"Springfield, IL, US"`; it resolves to this place. */
    label: Type.String({ description: 'e.g. "Springfield, IL, US"; sent back as `near`, it resolves to this place' }),
    name: Type.String({ description: 'the city, or the postal code' }),
    region: Type.Optional(Type.String({ description: 'the subdivision as people write it ("IL", "ON")' })),
    country: Type.String({ description: 'ISO 3166-1 alpha-2' }),
    lat: Type.Number(),
    lng: Type.Number(),
  },
  { title: 'PlaceOption' },
);
export type PlaceOption = Static<typeof PlaceOptionSchema>;

/**
 * How a typed place was read: `exact` (a known name), `corrected` (a close misspelling of a known name),
 * `postal-code` (a US ZIP code or a Canadian FSA), `not-found` (nothing known: the search runs without the place).
 */
export const PLACE_RESOLUTION_KINDS = ['exact', 'corrected', 'postal-code', 'not-found'] as const;
export type PlaceResolutionKind = (typeof PLACE_RESOLUTION_KINDS)[number];

/** What a place name in `near` was resolved to, so that a client can say so ("Showing results near Chicago, IL"). */
export const PlaceResolutionSchema = Type.Object(
  {
    input: Type.String({ description: 'the place as typed' }),
    kind: literals(PLACE_RESOLUTION_KINDS),
    resolved: Type.Optional(
      Type.String({ description: 'the label of the place searched around; absent when not found' }),
    ),
    alternatives: Type.Optional(
      Type.Array(PlaceOptionSchema, {
        description: 'other places of the same name, most populous first: the name was ambiguous',
      }),
    ),
    hint: Type.Optional(Type.String({ description: 'why a place was not found, when there is more to say' })),
  },
  { title: 'PlaceResolution' },
);
export type PlaceResolution = Static<typeof PlaceResolutionSchema>;

/** The query string of `GET /api/places`. */
export const PlacesQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'a place name, its beginning, or a postal code' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 6 })),
  },
  { additionalProperties: false },
);
export type PlacesQuery = Static<typeof PlacesQuerySchema>;

/** `GET /api/places`: places whose names start with what was typed, and how the text reads as a whole. */
export const PlacesResponseSchema = Type.Object({
  q: Type.String(),
  places: Type.Array(PlaceOptionSchema, { description: 'type-ahead: most populous first' }),
  resolution: Type.Optional(PlaceResolutionSchema),
});
export type PlacesResponse = Static<typeof PlacesResponseSchema>;
