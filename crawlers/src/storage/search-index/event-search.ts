import {
  and,
  buildEventFilter,
  buildEventSort,
  coverCircle,
  distanceKm,
  EVENT_INDEX_SETTINGS,
  type EventDocument,
  type EventFacets,
  type EventHit,
  type EventPoint,
  type EventSuggestion,
  eq,
  type Filter,
  type GeoPoint,
  geoRadius,
  inAny,
  type NormalizedSearchQuery,
  normalizeSearchQuery,
  not,
  SERIES_DISTINCT_ATTRIBUTE,
} from '@fieldguide/shared';
import {
  allFieldsCount,
  type FacetDistribution,
  type FacetGroup,
  mergeDistributions,
  planFacetSearches,
  toEventFacets,
  withAllFields,
} from './search-facets.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './search-highlight.js';
import {
  CROP_WORDS,
  EVENT_HIGHLIGHT_ATTRIBUTES,
  EVENT_POINT_ATTRIBUTES,
  EVENT_RETRIEVED_ATTRIBUTES,
  type IndexHit,
  toEventHit,
  toEventPoint,
} from './search-hits.js';
import type { EventSearchResponse, IndexSearchParams, SearchIndex } from './search-index.js';

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
   * Events matching `filter` (the field a query's words named) come first: those matching the text by relevance;
   * then, with `othersFirst` (the words named an occupation, which event text rarely repeats), the field's other
   * events by hiring signal before the other events matching the text, else after them. Totals and facets count
   * all of them.
   */
  boost?: { filter: Filter; othersFirst?: boolean };
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
  'allFields',
  'type',
  'format',
  'country',
  'region',
  'costFree',
  'hiringFloor',
];

const FACET_GROUPS: readonly FacetGroup<NormalizedSearchQuery>[] = [
  {
    attributes: ['fields', 'pathways', 'allFields'],
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
    attributes: ['hiringFloor'],
    active: (q) => q.minHiring !== undefined,
    without: ({ minHiring: _minHiring, ...rest }) => rest,
  },
];

/** Fewest facet attributes a search counts on two requests rather than one (see planEventSearch). */
const MIN_FACETS_TO_SPLIT = 4;

/**
 * The Meilisearch requests of one search: the page of hits (counting some facets), and facet-only requests: one per
 * active filter, and one for the other half of the inactive facets.
 */
export interface EventSearchPlan {
  main: IndexSearchParams;
  facetSearches: IndexSearchParams[];
}

const upcomingFilter = (
  query: NormalizedSearchQuery,
  now: Date,
  near: GeoPoint | undefined,
  filter?: Filter,
  nearFilter?: Filter,
) => and([buildEventFilter(query, near ? { now, near, ...(nearFilter ? { nearFilter } : {}) } : { now }), filter]);

/** Most venues (distinct points) of a circle's edge cells read to test their distance; past it `_geoRadius` decides. */
export const MAX_EDGE_POINTS = 1000;
/** Most edge venues beyond the radius left out by point; past it `_geoRadius` decides. */
export const MAX_EDGE_OUTSIDE = 300;

/**
 * The filter that keeps the events within `query.radiusKm` of `near`, exactly: the grid cells covering the circle
 * (see {@link coverCircle}) less the venues of its edge cells that lie beyond the radius (by `geoPoint`), which one
 * light request finds (one hit per venue: a city's events often share a handful of points). Meilisearch's
 * `_geoRadius` when the circle is too wide for cells or its edge holds too many venues (it tests every event in the
 * circle's bounding box, ~35 ms for 100 000 of them). The edge is read under the search's filters that facet counts
 * never lift (dates, `filter`), so every request of the search can share it.
 */
export async function resolveNearFilter(
  index: SearchIndex,
  request: Pick<EventSearchRequest, 'query' | 'near' | 'now' | 'filter'>,
): Promise<Filter | undefined> {
  const { near, query, now } = request;
  if (!near) return undefined;
  const exact = geoRadius(near.lat, near.lng, query.radiusKm * 1000);
  const covering = coverCircle(near, query.radiusKm);
  if (!covering) return exact;
  const outside = new Set<string>();
  if (covering.edge.length > 0) {
    // The query without its own point (the edge is what is being tested) nor any filter facet counts lift.
    const { near: _point, ...unplaced } = query;
    const loosest = FACET_GROUPS.reduce((q, group) => group.without(q), unplaced);
    const edge = await index.searchEvents({
      q: '',
      filter: and([upcomingFilter(loosest, now, undefined, request.filter), inAny('geoCells', covering.edge)]),
      distinct: 'geoPoint',
      limit: MAX_EDGE_POINTS + 1,
      attributesToRetrieve: ['geoPoint', '_geo'],
    });
    if (edge.hits.length > MAX_EDGE_POINTS) return exact;
    for (const hit of edge.hits) {
      // Written before venues had a point (until the index is rebuilt): only `_geoRadius` can judge it.
      if (!hit._geo || !hit.geoPoint) return exact;
      if (distanceKm(near, hit._geo) > query.radiusKm) outside.add(hit.geoPoint);
    }
    if (outside.size > MAX_EDGE_OUTSIDE) return exact;
  }
  return and([
    inAny('geoCells', [...covering.inside, ...covering.edge]),
    outside.size > 0 ? not(inAny('geoPoint', [...outside])) : undefined,
  ]);
}

/**
 * Turns a request into Meilisearch search requests, filters and sort from the shared builders only; `nearFilter`
 * (from {@link resolveNearFilter}) stands for the radius around `near`, else `_geoRadius` does. With `facets`,
 * the main request counts the facets of inactive filters and each active filter gets a `limit: 0` request without
 * its own constraint (disjunctive facets).
 */
export function planEventSearch(request: EventSearchRequest, nearFilter?: Filter): EventSearchPlan {
  const { query, near, now } = request;
  const filterFor = (q: NormalizedSearchQuery) => upcomingFilter(q, now, near, request.filter, nearFilter);
  const sort = buildEventSort(query, near ? { near } : {});
  const { activeAttributes, facetSearches } = planFacetSearches(request.facets ? FACET_GROUPS : [], query, filterFor);
  const collapse = request.collapseSeries !== false;
  const main: IndexSearchParams = {
    q: query.q,
    filter: filterFor(query),
    // Offset and limit, not page and hitsPerPage: Meilisearch then estimates the total rather than counting every
    // match exactly, which with `distinct` means collapsing every match's series (at 1 M events, 460 ms against
    // 30 ms for a one-word query). The estimate counts each matching date of a series.
    offset: (query.page - 1) * query.limit,
    limit: query.limit,
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
  const searches = [...facetSearches];
  if (request.facets) {
    const inactive = EVENT_FACET_ATTRIBUTES.filter((a) => !activeAttributes.has(a));
    // Every other attribute counted on a request of its own, sent with the main one: Meilisearch counts one
    // request's facets one after another, and two requests run on two cores (at 1 M events, nine facets over 2 800
    // matches: 34 ms on one request, 17 and 20 ms on two).
    const split = inactive.length >= MIN_FACETS_TO_SPLIT;
    main.facets = split ? inactive.filter((_, i) => i % 2 === 1) : inactive;
    if (split)
      searches.push({ q: query.q, filter: main.filter, limit: 0, facets: inactive.filter((_, i) => i % 2 === 0) });
  }
  // Facet counts (here and in `facetSearches`) still count each matching date: see SERIES_DISTINCT_ATTRIBUTE.
  if (collapse) main.distinct = SERIES_DISTINCT_ATTRIBUTE;
  return { main, facetSearches: searches };
}

/**
 * The two requests that finish the series among a page's hits, sent together: the next matching occurrence of each
 * series (same query, soonest first, one per series), and how many occurrences match per series (a facet count
 * without `distinct`).
 */
export function planSeriesSearches(main: IndexSearchParams, seriesIds: readonly string[]): IndexSearchParams[] {
  const { facets: _facets, sort: _sort, offset: _offset, limit: _limit, distinct: _distinct, ...rest } = main;
  const filter = and([main.filter as Filter | undefined, inAny(SERIES_DISTINCT_ATTRIBUTE, seriesIds)]);
  return [
    {
      ...rest,
      filter,
      sort: ['start:asc'],
      distinct: SERIES_DISTINCT_ATTRIBUTE,
      limit: seriesIds.length,
    },
    // Only the facet counts are read: `limit: 0` spares counting the total exactly.
    { q: main.q ?? '', filter, limit: 0, facets: [SERIES_DISTINCT_ATTRIBUTE] },
  ];
}

type SeriesIndexHit = IndexHit<EventDocument>;

/** Swaps each series hit for the series' next matching occurrence and counts its other dates. */
async function finishSeries(index: SearchIndex, main: IndexSearchParams, hits: SeriesIndexHit[]): Promise<EventHit[]> {
  const seriesIds = [...new Set(hits.filter((h) => h.seriesId && h.seriesId !== h.id).map((h) => h.seriesId))];
  if (seriesIds.length === 0) return hits.map((doc) => toEventHit(doc));
  const [nextRequest, countRequest] = planSeriesSearches(main, seriesIds) as [IndexSearchParams, IndexSearchParams];
  const [next, counts] = (await index.multiSearchEvents([nextRequest, countRequest])) as [
    EventSearchResponse,
    EventSearchResponse,
  ];
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
 * Searches upcoming events: sends the requests of {@link planEventSearch} together and answers in the API's shape.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function findEvents(index: SearchIndex, request: EventSearchRequest): Promise<EventSearchResult> {
  const nearFilter = await resolveNearFilter(index, request);
  if (request.boost) return findEventsBoosted(index, request, request.boost, nearFilter);
  const plan = planEventSearch(request, nearFilter);
  if (request.near && request.query.sort === 'distance') {
    const byVenue = await findEventsByVenue(index, request, request.near, plan);
    if (byVenue) return byVenue;
  }
  // The page and its facet-only requests in one round trip.
  const [main, ...facetResults] = await index.multiSearchEvents([plan.main, ...plan.facetSearches]);
  if (!main) throw new Error('unreachable: no main search result');
  const total = main.estimatedTotalHits ?? main.totalHits ?? main.hits.length;
  const hits = main.hits as SeriesIndexHit[];
  return {
    hits: plan.main.distinct ? await finishSeries(index, plan.main, hits) : hits.map((doc) => toEventHit(doc)),
    total,
    totalPages: Math.ceil(total / request.query.limit),
    facets: toEventFacets(
      mergeDistributions([main.facetDistribution, ...facetResults.map((r) => r.facetDistribution)]),
      request.query.allFields === 'include',
    ),
  };
}

/** Adds up the facet counts of searches over disjoint sets of events. */
function sumDistributions(distributions: readonly FacetDistribution[]): FacetDistribution {
  const sum: FacetDistribution = {};
  for (const distribution of distributions) {
    for (const [attribute, counts] of Object.entries(distribution)) {
      const target = sum[attribute] ?? {};
      sum[attribute] = target;
      for (const [value, n] of Object.entries(counts)) target[value] = (target[value] ?? 0) + n;
    }
  }
  return sum;
}

/**
 * Most venues a search sorted by distance orders itself: what one facet count returns in full. Past it Meilisearch
 * sorts by distance, which costs about a microsecond per matching event (27 ms for 30 000 events in one city).
 */
const MAX_SORTED_VENUES = EVENT_INDEX_SETTINGS.faceting.maxValuesPerFacet - 1;

/**
 * {@link findEvents} sorted by distance without Meilisearch's distance sort: the venues (`geoPoint`) matching the
 * search are counted along with the facets, ordered by distance here, and the page read venue by venue, soonest
 * first within each (the windows follow the counts, as {@link findEventsBoosted} does). `undefined` when the search
 * matches too many venues, or events without one (written before venues had points): Meilisearch sorts those.
 */
async function findEventsByVenue(
  index: SearchIndex,
  request: EventSearchRequest,
  near: GeoPoint,
  plan: EventSearchPlan,
): Promise<EventSearchResult | undefined> {
  const { offset: _offset, limit: _limit, sort: _sort, facets, ...read } = plan.main;
  const [counts, ...facetResults] = await index.multiSearchEvents([
    { q: plan.main.q, filter: plan.main.filter, limit: 0, facets: [...(facets ?? []), 'geoPoint'] },
    ...plan.facetSearches,
  ]);
  if (!counts) throw new Error('unreachable: no count result');
  const total = counts.estimatedTotalHits ?? counts.totalHits ?? 0;
  const perVenue = Object.entries(counts.facetDistribution?.geoPoint ?? {});
  const located = perVenue.reduce((sum, [, n]) => sum + n, 0);
  // Meilisearch counts no further than `maxTotalHits`, nor pages past it.
  const counted = located === total || (total >= EVENT_INDEX_SETTINGS.pagination.maxTotalHits && located >= total);
  if (perVenue.length > MAX_SORTED_VENUES || !counted) return undefined;
  const venues = perVenue
    .map(([point, count]) => {
      const [lat, lng] = point.split(',').map(Number) as [number, number];
      return { point, count, km: distanceKm(near, { lat, lng }) };
    })
    .sort((a, b) => a.km - b.km || (a.point < b.point ? -1 : 1));
  const { page, limit } = request.query;
  const offset = (page - 1) * limit;
  const reads: IndexSearchParams[] = [];
  let start = 0;
  let taken = 0;
  for (const venue of venues) {
    if (taken >= limit) break;
    const count = Math.min(limit - taken, start + venue.count - Math.max(offset, start));
    if (count > 0) {
      taken += count;
      reads.push({
        ...read,
        filter: and([plan.main.filter as Filter | undefined, eq('geoPoint', venue.point)]),
        sort: ['start:asc'],
        offset: Math.max(0, offset - start),
        limit: count,
      });
    }
    start += venue.count;
  }
  const pages = reads.length > 0 ? await index.multiSearchEvents(reads) : [];
  const hits = pages.flatMap((r) => r.hits) as SeriesIndexHit[];
  return {
    hits: plan.main.distinct ? await finishSeries(index, plan.main, hits) : hits.map((doc) => toEventHit(doc)),
    total,
    totalPages: Math.ceil(total / limit),
    facets: toEventFacets(
      mergeDistributions([counts.facetDistribution, ...facetResults.map((r) => r.facetDistribution)]),
      request.query.allFields === 'include',
    ),
  };
}

interface SearchPart {
  q: string;
  /** What the part adds to the search's filter; none: the whole search. */
  filter?: Filter;
}

/**
 * The requests counting one part of a boosted search: its total, and with `facets` its facets too (the inactive ones
 * on the same request, one more request per active filter group).
 */
function countRequests(plan: EventSearchPlan, part: SearchPart, facets: boolean): IndexSearchParams[] {
  const restrict = (filter: Filter | undefined) => and([filter, part.filter]);
  const total: IndexSearchParams = {
    q: part.q,
    filter: restrict(plan.main.filter as Filter | undefined),
    // An estimated total (see planEventSearch): it may count a series more than once, which only shortens the
    // page where one list hands over to the next (the lists' windows follow the same counts on every page).
    limit: 0,
    ...(plan.main.distinct ? { distinct: plan.main.distinct } : {}),
  };
  if (!facets) return [total];
  return [
    { ...total, ...(plan.main.facets ? { facets: plan.main.facets } : {}) },
    ...plan.facetSearches.map((params) => ({
      ...params,
      q: part.q,
      filter: restrict(params.filter as Filter | undefined),
    })),
  ];
}

/** The total and facets of one part from the answers to its {@link countRequests}. */
function readCounts([main, ...facetResults]: readonly EventSearchResponse[]) {
  return {
    total: main?.estimatedTotalHits ?? main?.totalHits ?? 0,
    distribution: mergeDistributions([main?.facetDistribution, ...facetResults.map((r) => r.facetDistribution)]),
  };
}

/** Counts every part in one round trip (with their facets when `facets`), answering in the parts' order. */
async function countParts(index: SearchIndex, plan: EventSearchPlan, parts: readonly SearchPart[], facets: boolean) {
  const requests = parts.map((part) => countRequests(plan, part, facets));
  const answers = await index.multiSearchEvents(requests.flat());
  let at = 0;
  return requests.map((asked) => {
    at += asked.length;
    return readCounts(answers.slice(at - asked.length, at));
  });
}

/** Most events of the boosted field matching the text that a search leaves out of the field's other events. */
const MAX_EXCLUDED = 500;

/**
 * {@link findEvents} with the boosted events first. The page is a window over three lists: the field's events
 * matching the text (by relevance), then the field's other events (strongest hiring signal first) and the other
 * fields' events matching the text, in the order `othersFirst` says. Counts all three first, then reads only the
 * lists the window reaches.
 */
async function findEventsBoosted(
  index: SearchIndex,
  request: EventSearchRequest,
  boost: { filter: Filter; othersFirst?: boolean },
  nearFilter: Filter | undefined,
): Promise<EventSearchResult> {
  const plan = planEventSearch(request, nearFilter);
  const { page, limit, q } = request.query;
  const matching: SearchPart = { q, filter: boost.filter };
  const field: SearchPart = { q: '', filter: boost.filter };
  const rest: SearchPart = { q, filter: not(boost.filter) };
  const offset = (page - 1) * limit;
  const { offset: _offset, limit: _limit, facets: _facets, ...window } = plan.main;
  const search = (part: SearchPart, from: number, count: number, params: Partial<IndexSearchParams> = {}) =>
    index.searchEvents({
      ...window,
      ...params,
      q: part.q,
      filter: and([plan.main.filter as Filter | undefined, part.filter]),
      offset: from,
      limit: count,
    });
  const read = (part: SearchPart, from: number, count: number, params: Partial<IndexSearchParams> = {}) =>
    count <= 0 ? Promise.resolve([]) : search(part, from, count, params).then((r) => r.hits);
  // The totals first (a few ms): they decide which lists the page reads and which facets count. The field's matches
  // come first on every page, so their part of the page is read now, and counted by the same request.
  const [matchingPage, [fieldCount, restCount]] = await Promise.all([
    search(matching, offset, limit),
    countParts(index, plan, [field, rest], false) as Promise<
      [ReturnType<typeof readCounts>, ReturnType<typeof readCounts>]
    >,
  ]);
  const a = matchingPage.estimatedTotalHits ?? matchingPage.totalHits ?? 0;
  // Past MAX_EXCLUDED matches the field's other events are left out: the text already finds plenty.
  const withField = a <= MAX_EXCLUDED && fieldCount.total > a;
  // The facets count what the lists hold: the field's events and the other fields' matches, or else just the
  // events matching the text (the field's and the others' together), counted while the page is read.
  const counting = request.facets
    ? countParts(index, plan, withField ? [field, rest] : [{ q }], true)
    : Promise.resolve([]);
  const sizes = { matching: a, others: withField ? fieldCount.total - a : 0, rest: restCount.total };
  const order = boost.othersFirst
    ? (['matching', 'others', 'rest'] as const)
    : (['matching', 'rest', 'others'] as const);
  const windows = {} as Record<keyof typeof sizes, { from: number; count: number }>;
  let start = 0;
  let taken = 0;
  for (const list of order) {
    const size = sizes[list];
    const count = Math.max(0, Math.min(limit - taken, start + size - Math.max(offset, start)));
    windows[list] = { from: Math.max(0, offset - start), count };
    start += size;
    taken += count;
  }
  const byHiring = request.query.sort === 'relevance' ? { sort: ['hiring:desc', 'start:asc'] } : {};
  const others = windows.others;
  const lists = Promise.all([
    // The list comes first: its window starts at the page's offset, as read above.
    matchingPage.hits.slice(0, windows.matching.count),
    others.count <= 0
      ? Promise.resolve([])
      : Promise.all([
          // The field's events not matching the text: its whole list read up to the window, less those that do.
          index.searchEvents({
            q,
            filter: and([plan.main.filter as Filter | undefined, boost.filter]),
            limit: a,
            attributesToRetrieve: ['id', SERIES_DISTINCT_ATTRIBUTE],
            ...(plan.main.distinct ? { distinct: plan.main.distinct } : {}),
          }),
          read(field, 0, others.from + others.count + a, byHiring),
        ]).then(([matched, all]) => {
          // A series is one entry: which of its dates stands for it may differ between the two reads.
          const key = (h: { id: string; seriesId?: string | null }) =>
            plan.main.distinct ? (h.seriesId ?? h.id) : h.id;
          const seen = new Set(matched.hits.map(key));
          return all.filter((h) => !seen.has(key(h))).slice(others.from, others.from + others.count);
        }),
    read(rest, windows.rest.from, windows.rest.count),
  ]);
  // Awaited together, so a failure of either is the search's, never an unhandled rejection.
  const [[matchingHits, otherHits, restHits], facetCounts] = await Promise.all([lists, counting]);
  const hitsOf = { matching: matchingHits, others: otherHits, rest: restHits };
  const total = sizes.matching + sizes.others + sizes.rest;
  const ordered = order.flatMap((list) => hitsOf[list]) as SeriesIndexHit[];
  return {
    hits: plan.main.distinct ? await finishSeries(index, plan.main, ordered) : ordered.map((doc) => toEventHit(doc)),
    total,
    totalPages: Math.ceil(total / limit),
    facets: toEventFacets(
      sumDistributions(facetCounts.map((counts) => counts.distribution)),
      request.query.allFields === 'include',
    ),
  };
}

/** Every event of a search as a map shows it, up to a limit. */
export interface EventPointsResult {
  /** Soonest first, a recurring series once (at its next matching date). */
  points: EventPoint[];
  /** The search matched more events than `limit`. */
  capped: boolean;
}

/**
 * The events a search lists on all its pages (the same set as {@link findEvents}: with `boost`, the field's other
 * events too when its list would hold them), as compact points, soonest first, at most `limit`. One round trip: the
 * text's matches, and with `boost` the field's events and the count that decides whether they belong.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function findEventPoints(
  index: SearchIndex,
  request: Omit<EventSearchRequest, 'facets' | 'highlight'>,
  limit: number,
): Promise<EventPointsResult> {
  const nearFilter = await resolveNearFilter(index, request);
  const { main } = planEventSearch({ ...request, facets: false, highlight: false }, nearFilter);
  const collapse = request.collapseSeries !== false;
  const read = (q: string, filter: Filter | undefined): IndexSearchParams => ({
    q,
    filter,
    sort: ['start:asc'],
    limit: limit + 1,
    attributesToRetrieve: [...EVENT_POINT_ATTRIBUTES, ...(collapse ? [SERIES_DISTINCT_ATTRIBUTE] : [])],
    ...(collapse ? { distinct: SERIES_DISTINCT_ATTRIBUTE } : {}),
  });
  const filter = main.filter as Filter | undefined;
  const boost = request.boost;
  const requests = [read(main.q ?? '', filter)];
  if (boost) {
    requests.push(read('', and([filter, boost.filter])), {
      q: main.q ?? '',
      filter: and([filter, boost.filter]),
      limit: 0,
      ...(collapse ? { distinct: SERIES_DISTINCT_ATTRIBUTE } : {}),
    });
  }
  const [matches, fieldEvents, fieldMatches] = await index.multiSearchEvents(requests);
  const hits = [...(matches?.hits ?? [])] as SeriesIndexHit[];
  // findEventsBoosted lists the field's other events only while the field's matches are few.
  const fieldMatchCount = fieldMatches?.estimatedTotalHits ?? fieldMatches?.totalHits ?? 0;
  if (fieldEvents && fieldMatchCount <= MAX_EXCLUDED) hits.push(...(fieldEvents.hits as SeriesIndexHit[]));
  const key = (h: SeriesIndexHit) => (collapse ? (h.seriesId ?? h.id) : h.id);
  const unique = new Map<string, SeriesIndexHit>();
  for (const hit of hits) {
    const seen = unique.get(key(hit));
    if (!seen || hit.startIso < seen.startIso) unique.set(key(hit), hit);
  }
  const sorted = [...unique.values()].sort((a, b) => (a.startIso < b.startIso ? -1 : a.startIso > b.startIso ? 1 : 0));
  return { points: sorted.slice(0, limit).map((doc) => toEventPoint(doc)), capped: sorted.length > limit };
}

/** How many upcoming events match `query`, in all and per field and pathway. */
export interface EventCountsByField {
  total: number;
  /** Per cluster: its events, plus the events open to all fields when the query includes them. */
  fields: Record<string, number>;
  pathways: Record<string, number>;
  /** The events open to all fields among `total`. */
  allFields: number;
}

/**
 * Counts the upcoming events matching `query` (its text and paging aside), per field and pathway; with
 * `query.allFields` `include` (the default) each count is what the field's filter would list, so the events open to
 * all fields are in every count.
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
    facets: ['fields', 'pathways', 'allFields'],
  });
  const distribution = result.facetDistribution ?? {};
  const allFields = allFieldsCount(distribution);
  return {
    total: result.totalHits ?? result.estimatedTotalHits ?? 0,
    ...withAllFields(
      { fields: distribution.fields ?? {}, pathways: distribution.pathways ?? {} },
      allFields,
      request.query.allFields === 'include',
    ),
    allFields,
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
