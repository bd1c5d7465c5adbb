import {
  type AssociationQuery,
  type GeoPoint,
  type NormalizedAssociationQuery,
  type NormalizedSearchQuery,
  normalizeAssociationQuery,
  normalizeSearchQuery,
  type PlaceResolution,
  type QueryReading,
  readQuery,
  type SearchQuery,
  ValidationError,
} from '@fieldguide/shared';
import type { ResolvedPlace } from '../geo/gazetteer.js';
import { readPlace } from '../geo/read-place.js';

/** Deepest result a search can page to: `page × limit` (Meilisearch's `maxTotalHits` of the index contract). */
export const MAX_RESULT_WINDOW = 10_000;

/** A search query ready for the index: normalized, with `near` resolved to a point. */
export interface ResolvedEventQuery {
  query: NormalizedSearchQuery;
  /** The point to search around: `near` as coordinates, or the place it named. */
  point?: GeoPoint;
  /** The place `near` named, when it was a name that was found. */
  place?: ResolvedPlace;
  /** The field the query's words named ("registered nurse" → Health Science), when no field filter is set. */
  reading?: QueryReading;
  /** How a place name in `near` was read (exact, corrected, postal code, not found), to echo back. */
  placeResolution?: PlaceResolution;
}

export interface ResolveEventQueryOptions {
  /**
   * What a place name that names nothing known does: `ignore` (default) searches without the place and says so in
   * `placeResolution`; `reject` throws a ValidationError (feeds: a subscription must not silently widen).
   */
  unknownPlace?: 'ignore' | 'reject';
}

function checkWindow(what: string, page: number, limit: number) {
  if (page * limit > MAX_RESULT_WINDOW) {
    throw new ValidationError(what, [
      { path: '/page', message: `goes too deep: page × limit must be at most ${MAX_RESULT_WINDOW}` },
    ]);
  }
}

/**
 * Validates and normalizes an event search (see {@link normalizeSearchQuery}), bounds paging, reads a place
 * name in `near` (postal code, city, misspelt city) offline, and reads the text for a field it names
 * ({@link readQuery}). A place that names nothing known is left out of the search (and `sort=distance` falls back
 * to the default), unless `unknownPlace: 'reject'`.
 * @throws ValidationError naming the bad parameter (an unknown field, `page × limit` over 10 000, …).
 */
export async function resolveEventQuery(
  raw: SearchQuery,
  now: Date,
  options: ResolveEventQueryOptions = {},
): Promise<ResolvedEventQuery> {
  const query = normalizeSearchQuery(raw, { now });
  checkWindow('search query', query.page, query.limit);
  const reading = query.fields.length + query.pathways.length === 0 ? readQuery(query.q) : undefined;
  const read = reading ? { reading } : {};
  if (query.nearText === undefined) return query.near ? { query, point: query.near, ...read } : { query, ...read };
  const { resolution, place } = await readPlace(query.nearText);
  if (place) return { query, point: { lat: place.lat, lng: place.lng }, place, placeResolution: resolution, ...read };
  if (options.unknownPlace === 'reject') {
    throw new ValidationError('search query', [
      {
        path: '/near',
        message: `names no place we know: ${JSON.stringify(query.nearText)}; ${resolution.hint ?? 'try "City, ST", "City, Country", a US ZIP code or "lat,lng"'}`,
      },
    ]);
  }
  const { nearText: _dropped, ...withoutPlace } = query;
  if (withoutPlace.sort === 'distance') withoutPlace.sort = withoutPlace.q === '' ? 'date' : 'relevance';
  return { query: withoutPlace, placeResolution: resolution, ...read };
}

/**
 * Validates and normalizes an association search and bounds paging.
 * @throws ValidationError naming the bad parameter.
 */
export function resolveAssociationQuery(raw: AssociationQuery): NormalizedAssociationQuery {
  const query = normalizeAssociationQuery(raw);
  checkWindow('association query', query.page, query.limit);
  return query;
}
