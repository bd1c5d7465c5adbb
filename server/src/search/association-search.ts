import { findAssociations, type SearchIndex } from '@fieldguide/crawlers/storage';
import type { AssociationQuery, AssociationSearchResponse, EchoedAssociationQuery } from '@fieldguide/shared';
import { resolveAssociationQuery } from './resolve-query.js';

/**
 * Runs an association search with the parameters of `GET /api/associations`.
 * @throws ValidationError for a bad parameter; IndexUnavailableError when Meilisearch cannot be reached.
 */
export async function runAssociationSearch(
  app: { searchIndex: SearchIndex },
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
  return {
    hits: result.hits,
    total: result.total,
    page: query.page,
    limit: query.limit,
    totalPages: result.totalPages,
    facets: result.facets,
    query: echo,
  };
}
