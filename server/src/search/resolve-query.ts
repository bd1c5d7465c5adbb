import {
  type AssociationQuery,
  type GeoPoint,
  type NormalizedAssociationQuery,
  type NormalizedSearchQuery,
  normalizeAssociationQuery,
  normalizeSearchQuery,
  type SearchQuery,
  ValidationError,
} from '@fieldguide/shared';
import { type ResolvedPlace, resolvePlace } from '../geo/gazetteer.js';

/** Deepest result a search can page to: `page × limit` (Meilisearch's `maxTotalHits` of the index contract). */
export const MAX_RESULT_WINDOW = 10_000;

/** A search query ready for the index: normalized, with `near` resolved to a point. */
export interface ResolvedEventQuery {
  query: NormalizedSearchQuery;
  /** The point to search around: `near` as coordinates, or the place it named. */
  point?: GeoPoint;
  /** The place `near` named, when it was a name. */
  place?: ResolvedPlace;
}

function checkWindow(what: string, page: number, limit: number) {
  if (page * limit > MAX_RESULT_WINDOW) {
    throw new ValidationError(what, [
      { path: '/page', message: `goes too deep: page × limit must be at most ${MAX_RESULT_WINDOW}` },
    ]);
  }
}

/**
 * Validates and normalizes an event search (see {@link normalizeSearchQuery}), bounds paging, and resolves a place
 * name in `near` with the offline gazetteer.
 * @throws ValidationError naming the bad parameter (an unknown field or place, `page × limit` over 10 000, …).
 */
export function resolveEventQuery(raw: SearchQuery, now: Date): ResolvedEventQuery {
  const query = normalizeSearchQuery(raw, { now });
  checkWindow('search query', query.page, query.limit);
  if (query.nearText !== undefined) {
    const place = resolvePlace(query.nearText);
    if (!place) {
      throw new ValidationError('search query', [
        {
          path: '/near',
          message: `names no place we know: ${JSON.stringify(query.nearText)}; try "City, ST", "City, Country" or "lat,lng"`,
        },
      ]);
    }
    return { query, point: { lat: place.lat, lng: place.lng }, place };
  }
  return query.near ? { query, point: query.near } : { query };
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
