import {
  and,
  buildEventFilter,
  buildEventSort,
  type EventDocument,
  type EventFacets,
  type EventHit,
  type EventSuggestion,
  type Filter,
  type GeoPoint,
  inAny,
  type NormalizedSearchQuery,
  normalizeSearchQuery,
  SERIES_DISTINCT_ATTRIBUTE,
} from '@fieldguide/shared';
import { type FacetGroup, mergeDistributions, planFacetSearches, toEventFacets } from './search-facets.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './search-highlight.js';
import {
  CROP_WORDS,
  EVENT_HIGHLIGHT_ATTRIBUTES,
  EVENT_RETRIEVED_ATTRIBUTES,
  type IndexHit,
  toEventHit,
} from './search-hits.js';
import type { IndexSearchParams, SearchIndex } from './search-index.js';

/** An event search in the domain's terms; the adapter turns it into Meilisearch requests. */
export interface EventSearchRequest {
  /** The normalized query: text, filters, sort, page and limit. */
  query: NormalizedSearchQuery;
  /** The point `near` resolved to: the filter keeps events within `query.radiusKm` of it, `distance` sorts by it. */
  near?: GeoPoint;
  /** The instant "upcoming" is measured from. */
  now: Date;
  /** A further constraint, built with the shared filter builders (e.g. `eq('associationId', id)`). */
  filter?: Filter;
  /** Count facets: one more request per active filter, counted without it; default false (all counts 0). */
  facets?: boolean;
  /** Mark the words that matched in each hit's `highlights`; default true. Off, each highlight is one plain run. */
  highlight?: boolean;
  /**
   * Show a recurring series once, as its next matching occurrence with `series.moreDates`; default true. Feeds turn
   * it off: they list every occurrence.
   */
  collapseSeries?: boolean;
}

/** A page of events in the API's shape. */
export interface EventSearchResult {
  hits: EventHit[];
  /** Matching events, at most the index's `maxTotalHits`. */
  total: number;
  totalPages: number;
  facets: EventFacets;
}

/** Facet attributes of the events index the search answers with, in the response's order. */
export const EVENT_FACET_ATTRIBUTES = [
  'fields',
  'pathways',
  'type',
  'format',
  'country',
  'region',
  'costFree',
  'hiring',
];

const FACET_GROUPS: readonly FacetGroup<NormalizedSearchQuery>[] = [
  {
    attributes: ['fields', 'pathways'],
    active: (q) => q.fields.length + q.pathways.length > 0,
    without: (q) => ({ ...q, fields: [], pathways: [] }),
  },
  { attributes: ['type'], active: (q) => q.types.length > 0, without: (q) => ({ ...q, types: [] }) },
  { attributes: ['format'], active: (q) => q.formats.length > 0, without: (q) => ({ ...q, formats: [] }) },
  {
    attributes: ['costFree'],
    active: (q) => q.cost !== undefined,
    without: ({ cost: _cost, ...rest }) => rest,
  },
  {
    attributes: ['hiring'],
    active: (q) => q.minHiring !== undefined,
    without: ({ minHiring: _minHiring, ...rest }) => rest,
  },
];

/** The Meilisearch requests of one search: the page of hits, and one facet-only request per active filter. */
export interface EventSearchPlan {
  main: IndexSearchParams;
  facetSearches: IndexSearchParams[];
}

const upcomingFilter = (query: NormalizedSearchQuery, now: Date, near: GeoPoint | undefined, filter?: Filter) =>
  and([buildEventFilter(query, near ? { now, near } : { now }), filter]);

/**
 * Turns a request into Meilisearch search requests, filters and sort from the shared builders only. With `facets`,
 * the main request counts the facets of inactive filters and each active filter gets a `limit: 0` request without
 * its own constraint (disjunctive facets).
 */
export function planEventSearch(request: EventSearchRequest): EventSearchPlan {
  const { query, near, now } = request;
  const filterFor = (q: NormalizedSearchQuery) => upcomingFilter(q, now, near, request.filter);
  const sort = buildEventSort(query, near ? { near } : {});
  const { activeAttributes, facetSearches } = planFacetSearches(request.facets ? FACET_GROUPS : [], query, filterFor);
  const collapse = request.collapseSeries !== false;
  const main: IndexSearchParams = {
    q: query.q,
    filter: filterFor(query),
    page: query.page,
    hitsPerPage: query.limit,
    attributesToRetrieve: [...EVENT_RETRIEVED_ATTRIBUTES, ...(collapse ? [SERIES_DISTINCT_ATTRIBUTE] : [])],
    attributesToCrop: ['description'],
    cropLength: CROP_WORDS,
  };
  if (request.highlight !== false) {
    main.attributesToHighlight = [...EVENT_HIGHLIGHT_ATTRIBUTES];
    main.highlightPreTag = HIGHLIGHT_PRE;
    main.highlightPostTag = HIGHLIGHT_POST;
  }
  if (sort.length > 0) main.sort = sort;
  if (request.facets) main.facets = EVENT_FACET_ATTRIBUTES.filter((a) => !activeAttributes.has(a));
  // Facet counts (here and in `facetSearches`) still count each matching date: see SERIES_DISTINCT_ATTRIBUTE.
  if (collapse) main.distinct = SERIES_DISTINCT_ATTRIBUTE;
  return { main, facetSearches };
}

/**
 * The two requests that finish the series among a page's hits, sent together: the next matching occurrence of each
 * series (same query, soonest first, one per series), and how many occurrences match per series (a facet count
 * without `distinct`).
 */
export function planSeriesSearches(main: IndexSearchParams, seriesIds: readonly string[]): IndexSearchParams[] {
  const { facets: _facets, sort: _sort, page: _page, hitsPerPage: _hitsPerPage, distinct: _distinct, ...rest } = main;
  const filter = and([main.filter as Filter | undefined, inAny(SERIES_DISTINCT_ATTRIBUTE, seriesIds)]);
  return [
    {
      ...rest,
      filter,
      sort: ['start:asc'],
      distinct: SERIES_DISTINCT_ATTRIBUTE,
      page: 1,
      hitsPerPage: seriesIds.length,
    },
    {
      q: main.q ?? '',
      filter,
      page: 1,
      hitsPerPage: 0,
      facets: [SERIES_DISTINCT_ATTRIBUTE],
    },
  ];
}

type SeriesIndexHit = IndexHit<EventDocument>;

/** Swaps each series hit for the series' next matching occurrence and counts its other dates. */
async function finishSeries(index: SearchIndex, main: IndexSearchParams, hits: SeriesIndexHit[]): Promise<EventHit[]> {
  const seriesIds = [...new Set(hits.filter((h) => h.seriesId && h.seriesId !== h.id).map((h) => h.seriesId))];
  if (seriesIds.length === 0) return hits.map((doc) => toEventHit(doc));
  const [nextRequest, countRequest] = planSeriesSearches(main, seriesIds) as [IndexSearchParams, IndexSearchParams];
  const [next, counts] = await Promise.all([index.searchEvents(nextRequest), index.searchEvents(countRequest)]);
  const nextOf = new Map((next.hits as SeriesIndexHit[]).map((h) => [h.seriesId, h]));
  const countOf = counts.facetDistribution?.[SERIES_DISTINCT_ATTRIBUTE] ?? {};
  return hits.map((doc) => {
    if (!doc.seriesId || doc.seriesId === doc.id) return toEventHit(doc);
    const hit = toEventHit(nextOf.get(doc.seriesId) ?? doc);
    hit.series = { id: doc.seriesId, moreDates: Math.max(0, (countOf[doc.seriesId] ?? 1) - 1) };
    return hit;
  });
}

/**
 * Searches upcoming events: sends the requests of {@link planEventSearch} in parallel and answers in the API's shape.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function findEvents(index: SearchIndex, request: EventSearchRequest): Promise<EventSearchResult> {
  const plan = planEventSearch(request);
  // One request per facet group in parallel on a keep-alive connection; a multi-search would make it one round trip.
  const [main, ...facetResults] = await Promise.all([
    index.searchEvents(plan.main),
    ...plan.facetSearches.map((params) => index.searchEvents(params)),
  ]);
  if (!main) throw new Error('unreachable: no main search result');
  const total = main.totalHits ?? main.estimatedTotalHits ?? main.hits.length;
  const hits = main.hits as SeriesIndexHit[];
  return {
    hits: plan.main.distinct ? await finishSeries(index, plan.main, hits) : hits.map((doc) => toEventHit(doc)),
    total,
    totalPages: main.totalPages ?? Math.ceil(total / request.query.limit),
    facets: toEventFacets(
      mergeDistributions([main.facetDistribution, ...facetResults.map((r) => r.facetDistribution)]),
    ),
  };
}

/** How many upcoming events match `query`, in all and per field and pathway. */
export interface EventCountsByField {
  total: number;
  fields: Record<string, number>;
  pathways: Record<string, number>;
}

/**
 * Counts the upcoming events matching `query` (its text and paging aside), per field and pathway.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function countEventsByField(
  index: SearchIndex,
  request: { query: NormalizedSearchQuery; now: Date },
): Promise<EventCountsByField> {
  const result = await index.searchEvents({
    q: '',
    filter: upcomingFilter(request.query, request.now, undefined),
    page: 1,
    hitsPerPage: 0,
    facets: ['fields', 'pathways'],
  });
  return {
    total: result.totalHits ?? result.estimatedTotalHits ?? 0,
    fields: result.facetDistribution?.fields ?? {},
    pathways: result.facetDistribution?.pathways ?? {},
  };
}

/**
 * Upcoming events whose text matches what was typed (prefix and typo tolerant), best first.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function suggestEvents(
  index: SearchIndex,
  request: { q: string; limit: number; now: Date },
): Promise<EventSuggestion[]> {
  const { now } = request;
  const result = await index.searchEvents({
    q: request.q,
    filter: upcomingFilter(normalizeSearchQuery({}, { now }), now, undefined),
    limit: request.limit,
    attributesToRetrieve: ['id', 'title', 'startIso', 'city'],
  });
  return result.hits.map((e) => ({ id: e.id, title: e.title, start: e.startIso, city: e.city ?? null }));
}
