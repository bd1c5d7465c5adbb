import {
  type AssociationDocument,
  type AssociationFacets,
  type AssociationHit,
  type AssociationSuggestion,
  buildAssociationFilter,
  type NormalizedAssociationQuery,
} from '@fieldguide/shared';
import { type FacetGroup, mergeDistributions, planFacetSearches } from './search-facets.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './search-highlight.js';
import {
  ASSOCIATION_HIGHLIGHT_ATTRIBUTES,
  ASSOCIATION_HIT_ATTRIBUTES,
  CROP_WORDS,
  type IndexHit,
  toAssociationHit,
} from './search-hits.js';
import type { IndexSearchParams, SearchIndex } from './search-index.js';

const FACETS = ['fields', 'pathways', 'scope', 'country', 'region'] as const;

const FACET_GROUPS: readonly FacetGroup<NormalizedAssociationQuery>[] = [
  {
    attributes: ['fields', 'pathways'],
    active: (q) => q.fields.length + q.pathways.length > 0,
    without: (q) => ({ ...q, fields: [], pathways: [] }),
  },
  { attributes: ['scope'], active: (q) => q.scopes.length > 0, without: (q) => ({ ...q, scopes: [] }) },
  { attributes: ['country'], active: (q) => q.country !== undefined, without: ({ country: _c, ...rest }) => rest },
  { attributes: ['region'], active: (q) => q.region !== undefined, without: ({ region: _r, ...rest }) => rest },
];

/** The Meilisearch requests of an association search: the page of hits and one facet-only request per active filter. */
export function planAssociationSearch(query: NormalizedAssociationQuery): {
  main: IndexSearchParams;
  facetSearches: IndexSearchParams[];
} {
  const { activeAttributes, facetSearches } = planFacetSearches(FACET_GROUPS, query, buildAssociationFilter);
  const main: IndexSearchParams = {
    q: query.q,
    filter: buildAssociationFilter(query),
    page: query.page,
    hitsPerPage: query.limit,
    facets: FACETS.filter((a) => !activeAttributes.has(a)),
    attributesToRetrieve: [...ASSOCIATION_HIT_ATTRIBUTES],
    attributesToHighlight: [...ASSOCIATION_HIGHLIGHT_ATTRIBUTES],
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    attributesToCrop: ['description'],
    cropLength: CROP_WORDS,
  };
  if (query.q === '') main.sort = ['hiring:desc', 'name:asc'];
  return { main, facetSearches };
}

/** A page of associations in the API's shape. */
export interface AssociationSearchResult {
  hits: AssociationHit[];
  total: number;
  totalPages: number;
  facets: AssociationFacets;
}

/**
 * Searches associations by text and filters, with disjunctive facet counts, best first (by hiring score, then
 * name, when there is no text).
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function findAssociations(
  index: SearchIndex,
  request: { query: NormalizedAssociationQuery },
): Promise<AssociationSearchResult> {
  const { query } = request;
  const plan = planAssociationSearch(query);
  const [main, ...facetResults] = await Promise.all([
    index.searchAssociations(plan.main),
    ...plan.facetSearches.map((params) => index.searchAssociations(params)),
  ]);
  if (!main) throw new Error('unreachable: no main search result');
  const d = mergeDistributions([main.facetDistribution, ...facetResults.map((r) => r.facetDistribution)]);
  const total = main.totalHits ?? main.estimatedTotalHits ?? main.hits.length;
  return {
    hits: main.hits.map((doc) => toAssociationHit(doc as IndexHit<AssociationDocument>)),
    total,
    totalPages: main.totalPages ?? Math.ceil(total / query.limit),
    facets: {
      fields: d.fields ?? {},
      pathways: d.pathways ?? {},
      scope: d.scope ?? {},
      country: d.country ?? {},
      region: d.region ?? {},
    },
  };
}

/**
 * Associations whose name or text matches what was typed, best first.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError for anything else.
 */
export async function suggestAssociations(
  index: SearchIndex,
  request: { q: string; limit: number },
): Promise<AssociationSuggestion[]> {
  const result = await index.searchAssociations({
    q: request.q,
    limit: request.limit,
    attributesToRetrieve: ['id', 'name'],
  });
  return result.hits.map((a) => ({ id: a.id, name: a.name }));
}
