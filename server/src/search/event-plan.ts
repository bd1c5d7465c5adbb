import type { IndexSearchParams } from '@fieldguide/crawlers/storage';
import { and, buildEventFilter, buildEventSort, type Filter, type NormalizedSearchQuery } from '@fieldguide/shared';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './highlight.js';
import { CROP_WORDS, EVENT_HIGHLIGHT_ATTRIBUTES, EVENT_RETRIEVED_ATTRIBUTES } from './hits.js';
import type { ResolvedEventQuery } from './resolve-query.js';

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

/** Filters whose facets are counted without themselves, so a chosen value does not hide the others. */
interface FacetGroup {
  attributes: readonly string[];
  active(q: NormalizedSearchQuery): boolean;
  without(q: NormalizedSearchQuery): NormalizedSearchQuery;
}

const FACET_GROUPS: readonly FacetGroup[] = [
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

export interface EventSearchPlanOptions {
  now: Date;
  /** Count facets; default false. */
  facets?: boolean;
  /** A further constraint, built with the shared filter builders (e.g. `eq('associationId', id)`). */
  filter?: Filter;
}

/**
 * Turns a resolved query into Meilisearch search requests, filters and sort from the shared builders only.
 * With `facets`, the main request counts the facets of inactive filters and each active filter gets a
 * `limit: 0` request without its own constraint (disjunctive facets).
 */
export function planEventSearch(resolved: ResolvedEventQuery, options: EventSearchPlanOptions): EventSearchPlan {
  const { query, point } = resolved;
  const { now } = options;
  const filterFor = (q: NormalizedSearchQuery) =>
    and([buildEventFilter(q, point ? { now, near: point } : { now }), options.filter]);
  const sort = buildEventSort(query, point ? { near: point } : {});
  const active = options.facets ? FACET_GROUPS.filter((g) => g.active(query)) : [];
  const activeAttributes = new Set(active.flatMap((g) => g.attributes));
  const main: IndexSearchParams = {
    q: query.q,
    filter: filterFor(query),
    page: query.page,
    hitsPerPage: query.limit,
    attributesToRetrieve: [...EVENT_RETRIEVED_ATTRIBUTES],
    attributesToHighlight: EVENT_HIGHLIGHT_ATTRIBUTES,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    attributesToCrop: ['description'],
    cropLength: CROP_WORDS,
  };
  if (sort.length > 0) main.sort = sort;
  if (options.facets) main.facets = EVENT_FACET_ATTRIBUTES.filter((a) => !activeAttributes.has(a));
  const facetSearches = active.map(
    (group): IndexSearchParams => ({
      q: query.q,
      filter: filterFor(group.without(query)),
      limit: 0,
      facets: [...group.attributes],
    }),
  );
  return { main, facetSearches };
}
