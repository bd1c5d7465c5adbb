import {
  type AssociationQuery,
  type GeoPoint,
  type NormalizedAssociationQuery,
  type NormalizedSearchQuery,
  normalizeAssociationQuery,
  normalizeSearchQuery,
  type QueryReading,
  readQuery,
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
  /** The field the query's words named ("registered nurse" → Health Science), when no field filter is set. */
  reading?: QueryReading;
}

function checkWindow(what: string, page: number, limit: number) {
  if (page * limit > MAX_RESULT_WINDOW) {
    throw new ValidationError(what, [
      { path: '/page', message: `goes too deep: page × limit must be at most ${MAX_RESULT_WINDOW}` },
    ]);
  }
}

/**
 * Validates and normalizes an event search (see {@link normalizeSearchQuery}), bounds paging, resolves a place
 * name in `near` with the offline gazetteer, and reads the text for a field it names ({@link readQuery}).
 * @throws ValidationError naming the bad parameter (an unknown field or place, `page × limit` over 10 000, …).
 */
export function resolveEventQuery(raw: SearchQuery, now: Date): ResolvedEventQuery {
  const query = normalizeSearchQuery(raw, { now });
  checkWindow('search query', query.page, query.limit);
  const reading = query.fields.length + query.pathways.length === 0 ? readQuery(query.q) : undefined;
  const read = reading ? { reading } : {};
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
    return { query, point: { lat: place.lat, lng: place.lng }, place, ...read };
  }
  return query.near ? { query, point: query.near, ...read } : { query, ...read };
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
