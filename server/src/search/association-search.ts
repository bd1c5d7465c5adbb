import { findAssociations, type SearchIndex, type Store } from '@fieldguide/crawlers/storage';
import {
  type AssociationQuery,
  type AssociationSearchResponse,
  type EchoedAssociationQuery,
  gatheringByAssociation,
  NO_GATHERING,
} from '@fieldguide/shared';
import { resolveAssociationQuery } from './resolve-query.js';

/**
 * Runs an association search with the parameters of `GET /api/associations`; each hit says whether its events are
 * gathered yet, from the store's sources.
 * @throws ValidationError for a bad parameter; IndexUnavailableError when Meilisearch cannot be reached.
 */
export async function runAssociationSearch(
  app: { searchIndex: SearchIndex; store: Pick<Store, 'listSources'> },
  raw: AssociationQuery,
): Promise<AssociationSearchResponse> {
  const query = resolveAssociationQuery(raw);
  const result = await findAssociations(app.searchIndex, { query });
  const echo: EchoedAssociationQuery = {
    q: query.q,
    fields: query.fields,
    pathways: query.pathways,
    scopes: query.scopes,
    page: query.page,
    limit: query.limit,
  };
  if (query.country !== undefined) echo.country = query.country;
  if (query.region !== undefined) echo.region = query.region;
  const gathering = gatheringByAssociation(app.store.listSources());
  return {
    hits: result.hits.map((hit) => ({ ...hit, gathering: gathering.get(hit.id) ?? { ...NO_GATHERING } })),
    total: result.total,
    page: query.page,
    limit: query.limit,
    totalPages: result.totalPages,
    facets: result.facets,
    query: echo,
  };
}
