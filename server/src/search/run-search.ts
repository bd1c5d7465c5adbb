import type { EventSearchResponse as IndexEventResponse, SearchIndex } from '@fieldguide/crawlers/storage';
import type { SearchQuery } from '@fieldguide/shared';
import { planEventSearch } from './event-plan.js';
import { mergeDistributions, toEventFacets } from './facets.js';
import { toEventHit } from './hits.js';
import { type ResolvedEventQuery, resolveEventQuery } from './resolve-query.js';
import type { EchoedSearchQuery, EventSearchResponse } from './schemas.js';

export interface EventSearchOptions {
  /** The instant "upcoming" is measured from; default: now. */
  now?: Date;
  /** Count facets (extra facet-only requests for active filters); default true. Feeds turn it off. */
  facets?: boolean;
}

/** The normalized query as the API echoes it back. */
export function echoQuery(resolved: ResolvedEventQuery): EchoedSearchQuery {
  const { query, point, place } = resolved;
  const echo: EchoedSearchQuery = {
    q: query.q,
    fields: query.fields,
    pathways: query.pathways,
    types: query.types,
    formats: query.formats,
    from: query.from,
    radiusKm: query.radiusKm,
    sort: query.sort,
    page: query.page,
    limit: query.limit,
  };
  if (query.to !== undefined) echo.to = query.to;
  if (point) echo.near = place ? { ...point, label: place.label } : { ...point };
  if (query.cost !== undefined) echo.cost = query.cost;
  if (query.minHiring !== undefined) echo.hiring = query.minHiring;
  return echo;
}

/**
 * Runs an event search with the parameters of `GET /api/search`: validates and resolves the query, sends the
 * Meilisearch requests in parallel, and shapes hits, facets and paging. Reads nothing from the store.
 * @throws ValidationError for a bad parameter (the API answers 400).
 * @throws IndexUnavailableError when Meilisearch cannot be reached (503).
 */
export async function runEventSearch(
  app: { searchIndex: SearchIndex },
  raw: SearchQuery,
  options: EventSearchOptions = {},
): Promise<EventSearchResponse> {
  const now = options.now ?? new Date();
  const resolved = resolveEventQuery(raw, now);
  const plan = planEventSearch(resolved, { now, facets: options.facets ?? true });
  // One request per facet group in parallel on a keep-alive connection; a multi-search on SearchIndex would
  // make it a single round trip.
  const [main, ...facetResults] = (await Promise.all([
    app.searchIndex.searchEvents(plan.main),
    ...plan.facetSearches.map((params) => app.searchIndex.searchEvents(params)),
  ])) as [IndexEventResponse, ...IndexEventResponse[]];
  const { query, point } = resolved;
  const total = main.totalHits ?? main.estimatedTotalHits ?? main.hits.length;
  return {
    hits: main.hits.map((doc) => toEventHit(doc, point)),
    total,
    page: query.page,
    limit: query.limit,
    totalPages: main.totalPages ?? Math.ceil(total / query.limit),
    facets: toEventFacets(
      mergeDistributions([main.facetDistribution, ...facetResults.map((r) => r.facetDistribution)]),
    ),
    query: echoQuery(resolved),
  };
}
