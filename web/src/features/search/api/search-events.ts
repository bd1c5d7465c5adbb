import type { EventSearchResponse, SuggestResponse } from '@fieldguide/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type QueryValue } from '../../../lib/api-client.js';

/**
 * `GET /api/search` with the given parameters. While a new search loads, the last answer is kept as placeholder
 * data for the facets (so the filters do not jump); the result list shows only the answer to its own key.
 */
export const searchEventsQueryOptions = (params: Record<string, QueryValue>) =>
  queryOptions({
    queryKey: ['search', params],
    queryFn: ({ signal }) => apiRequest<EventSearchResponse>('/api/search', { params, signal }),
    placeholderData: keepPreviousData,
  });

export const useSearchEvents = (params: Record<string, QueryValue>) => useQuery(searchEventsQueryOptions(params));

/** `GET /api/suggest?q=`: fields (and events, associations) matching what was typed; off for an empty query. */
export const useSuggest = (q: string) =>
  useQuery({
    queryKey: ['suggest', q],
    queryFn: ({ signal }) => apiRequest<SuggestResponse>('/api/suggest', { params: { q, limit: 3 }, signal }),
    enabled: q.trim().length >= 2,
    staleTime: 60_000,
  });
