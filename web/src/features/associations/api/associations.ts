import type { AssociationDetail, AssociationSearchResponse } from '@fieldguide/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest, type QueryValue } from '../../../lib/api-client.js';

/** `GET /api/associations`: search with facets; the last results stay while the next load. */
export const searchAssociationsQueryOptions = (params: Record<string, QueryValue>) =>
  queryOptions({
    queryKey: ['associations', params],
    queryFn: ({ signal }) => apiRequest<AssociationSearchResponse>('/api/associations', { params, signal }),
    placeholderData: keepPreviousData,
  });

/** `GET /api/associations/:id`: one association with its upcoming events. */
export const associationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['association', id],
    queryFn: ({ signal }) => apiRequest<AssociationDetail>(`/api/associations/${encodeURIComponent(id)}`, { signal }),
  });

export const useSearchAssociations = (params: Record<string, QueryValue>) =>
  useQuery(searchAssociationsQueryOptions(params));
export const useAssociation = (id: string) => useQuery(associationQueryOptions(id));
