import type { EventPointsResponse } from '@fieldguide/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type QueryValue } from '../../../lib/api-client.js';

/**
 * `GET /api/search/points`: every event of the search as a map shows it (page, size and order aside). The last
 * answer stays as placeholder data while a new search loads, so the map does not empty between searches.
 */
export const searchPointsQueryOptions = (params: Record<string, QueryValue>) => {
  const { page: _page, sort: _sort, ...search } = params;
  return queryOptions({
    queryKey: ['search-points', search],
    queryFn: ({ signal }) => apiRequest<EventPointsResponse>('/api/search/points', { params: search, signal }),
    placeholderData: keepPreviousData,
  });
};

export const useSearchPoints = (params: Record<string, QueryValue>) => useQuery(searchPointsQueryOptions(params));
