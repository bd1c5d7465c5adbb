import { type EventSearchRequest, findEventPoints, findEvents, type SearchIndex } from '@fieldguide/crawlers/storage';
import {
  distanceKm,
  type EchoedSearchQuery,
  type EventPointsResponse,
  type EventSearchResponse,
  type Filter,
  fieldLabel,
  inAny,
  MAX_EVENT_POINTS,
  type SearchQuery,
} from '@fieldguide/shared';
import { type ResolvedEventQuery, type ResolveEventQueryOptions, resolveEventQuery } from './resolve-query.js';

export interface EventSearchOptions extends ResolveEventQueryOptions {
  /** The instant "upcoming" is measured from; default: now. */
  now?: Date;
  /** Count facets (extra facet-only requests for active filters); default true. Feeds turn it off. */
  facets?: boolean;
  /** Mark the matched words in the hits' `highlights`; default true. Pages that show no highlights turn it off. */
  highlight?: boolean;
  /** Show a recurring series once with its count of more dates; default true. Feeds turn it off. */
  collapseSeries?: boolean;
  /** A further constraint of the server's own, beside the query's (alert digests: first seen since the last). */
  filter?: Filter;
}

const ROUND_KM = 10;

/** The normalized query as the API echoes it back. */
export function echoQuery(resolved: ResolvedEventQuery): EchoedSearchQuery {
  const { query, point, place, reading, placeResolution } = resolved;
  const echo: EchoedSearchQuery = {
    q: query.q,
    fields: query.fields,
    pathways: query.pathways,
    allFields: query.allFields,
    types: query.types,
    formats: query.formats,
    from: query.from,
    radiusKm: query.radiusKm,
    sort: query.sort,
    page: query.page,
    limit: query.limit,
  };
  if (query.to !== undefined) echo.to = query.to;
  if (query.withinDays !== undefined) echo.within = `${query.withinDays}d`;
  if (point) echo.near = place ? { ...point, label: place.label } : { ...point };
  if (placeResolution) echo.place = placeResolution;
  if (query.cost !== undefined) echo.cost = query.cost;
  if (query.minHiring !== undefined) echo.hiring = query.minHiring;
  if (query.associationId !== undefined) echo.association = query.associationId;
  if (reading) {
    echo.understood = {
      field: reading.clusterId,
      fieldName: fieldLabel(reading.clusterId) ?? reading.clusterId,
      via: reading.via,
      kind: reading.kind,
    };
    if (reading.pathwayId) echo.understood.pathway = reading.pathwayId;
    if (reading.occupation) echo.understood.occupation = { ...reading.occupation };
  }
  return echo;
}

/** The point and the boost of a resolved query, as the index adapter takes them. */
function searchTarget({ point, reading }: ResolvedEventQuery): Pick<EventSearchRequest, 'near' | 'boost'> {
  return {
    ...(point ? { near: point } : {}),
    // Events of the field the words named rank first; the rest of what matches the text follows.
    ...(reading
      ? { boost: { filter: inAny('fields', [reading.clusterId]), othersFirst: reading.kind !== 'field' } }
      : {}),
  };
}

/**
 * Runs an event search with the parameters of `GET /api/search`: validates and resolves the query (a place name
 * through the gazetteer), asks the index in the domain's terms, and adds each hit's distance from `near`. Reads
 * nothing from the store.
 * A place that names nothing known is searched without (`query.place.kind: 'not-found'`) unless
 * `unknownPlace: 'reject'`.
 * @throws ValidationError for a bad parameter (the API answers 400).
 * @throws IndexUnavailableError when Meilisearch cannot be reached (503).
 */
export async function runEventSearch(
  app: { searchIndex: SearchIndex },
  raw: SearchQuery,
  options: EventSearchOptions = {},
): Promise<EventSearchResponse> {
  const now = options.now ?? new Date();
  const resolved = await resolveEventQuery(raw, now, options);
  const { query, point } = resolved;
  const result = await findEvents(app.searchIndex, {
    query,
    ...searchTarget(resolved),
    now,
    facets: options.facets ?? true,
    highlight: options.highlight ?? true,
    collapseSeries: options.collapseSeries ?? true,
    ...(options.filter ? { filter: options.filter } : {}),
  });
  if (point) {
    for (const hit of result.hits) {
      if (hit.location) hit.distanceKm = Math.round(distanceKm(point, hit.location) * ROUND_KM) / ROUND_KM;
    }
  }
  return {
    hits: result.hits,
    total: result.total,
    page: query.page,
    limit: query.limit,
    totalPages: result.totalPages,
    facets: result.facets,
    query: echoQuery(resolved),
  };
}

/**
 * Every event a search lists, on all its pages, as map points (`GET /api/search/points`): the same query and
 * resolution as {@link runEventSearch}, soonest first, at most {@link MAX_EVENT_POINTS}.
 * @throws ValidationError for a bad parameter (the API answers 400).
 * @throws IndexUnavailableError when Meilisearch cannot be reached (503).
 */
export async function runEventPoints(
  app: { searchIndex: SearchIndex },
  raw: SearchQuery,
  options: Pick<EventSearchOptions, 'now'> = {},
): Promise<EventPointsResponse> {
  const now = options.now ?? new Date();
  const { page: _page, limit: _limit, sort: _sort, ...rest } = raw;
  const resolved = await resolveEventQuery(rest, now, {});
  const result = await findEventPoints(
    app.searchIndex,
    { query: resolved.query, ...searchTarget(resolved), now },
    MAX_EVENT_POINTS,
  );
  return { ...result, limit: MAX_EVENT_POINTS, query: echoQuery(resolved) };
}
