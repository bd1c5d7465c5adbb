import type { IndexSearchParams, SearchIndex } from '@fieldguide/crawlers/storage';
import { type AssociationQuery, buildAssociationFilter, type NormalizedAssociationQuery } from '@fieldguide/shared';
import { type FacetDistribution, mergeDistributions } from './facets.js';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './highlight.js';
import { ASSOCIATION_HIGHLIGHT_ATTRIBUTES, ASSOCIATION_HIT_ATTRIBUTES, CROP_WORDS, toAssociationHit } from './hits.js';
import { resolveAssociationQuery } from './resolve-query.js';
import type { AssociationSearchResponse } from './schemas.js';

const FACETS = ['fields', 'pathways', 'scope', 'country', 'region'] as const;

interface FacetGroup {
  attributes: readonly string[];
  active(q: NormalizedAssociationQuery): boolean;
  without(q: NormalizedAssociationQuery): NormalizedAssociationQuery;
}

const FACET_GROUPS: readonly FacetGroup[] = [
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
  const active = FACET_GROUPS.filter((g) => g.active(query));
  const activeAttributes = new Set(active.flatMap((g) => g.attributes));
  const main: IndexSearchParams = {
    q: query.q,
    filter: buildAssociationFilter(query),
    page: query.page,
    hitsPerPage: query.limit,
    facets: FACETS.filter((a) => !activeAttributes.has(a)),
    attributesToRetrieve: [...ASSOCIATION_HIT_ATTRIBUTES],
    attributesToHighlight: ASSOCIATION_HIGHLIGHT_ATTRIBUTES,
    highlightPreTag: HIGHLIGHT_PRE,
    highlightPostTag: HIGHLIGHT_POST,
    attributesToCrop: ['description'],
    cropLength: CROP_WORDS,
  };
  if (query.q === '') main.sort = ['hiring:desc', 'name:asc'];
  const facetSearches = active.map(
    (group): IndexSearchParams => ({
      q: query.q,
      filter: buildAssociationFilter(group.without(query)),
      limit: 0,
      facets: [...group.attributes],
    }),
  );
  return { main, facetSearches };
}

/**
 * Runs an association search with the parameters of `GET /api/associations`.
 * @throws ValidationError for a bad parameter; IndexUnavailableError when Meilisearch cannot be reached.
 */
export async function runAssociationSearch(
  app: { searchIndex: SearchIndex },
  raw: AssociationQuery,
): Promise<AssociationSearchResponse> {
  const query = resolveAssociationQuery(raw);
  const plan = planAssociationSearch(query);
  const [main, ...facetResults] = await Promise.all([
    app.searchIndex.searchAssociations(plan.main),
    ...plan.facetSearches.map((params) => app.searchIndex.searchAssociations(params)),
  ]);
  if (!main) throw new Error('unreachable: no main search result');
  const d: FacetDistribution = mergeDistributions([
    main.facetDistribution,
    ...facetResults.map((r) => r.facetDistribution),
  ]);
  const total = main.totalHits ?? main.estimatedTotalHits ?? main.hits.length;
  const echo: AssociationSearchResponse['query'] = {
    q: query.q,
    fields: query.fields,
    pathways: query.pathways,
    scopes: query.scopes,
    page: query.page,
    limit: query.limit,
  };
  if (query.country !== undefined) echo.country = query.country;
  if (query.region !== undefined) echo.region = query.region;
  return {
    hits: main.hits.map((doc) => toAssociationHit(doc)),
    total,
    page: query.page,
    limit: query.limit,
    totalPages: main.totalPages ?? Math.ceil(total / query.limit),
    facets: {
      fields: d.fields ?? {},
      pathways: d.pathways ?? {},
      scope: d.scope ?? {},
      country: d.country ?? {},
      region: d.region ?? {},
    },
    query: echo,
  };
}
