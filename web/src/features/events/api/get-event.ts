import type { AssociationDetail, EventBatch, EventDetail } from '@fieldguide/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.js';

/** `GET /api/events/:id`: the stored event with a few related upcoming events. */
export const eventQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['event', id],
    queryFn: ({ signal }) => apiRequest<EventDetail>(`/api/events/${encodeURIComponent(id)}`, { signal }),
  });

export const useEvent = (id: string) => useQuery(eventQueryOptions(id));

/** The event's association (name, job board), when it has one. */
export const useEventAssociation = (associationId: string | undefined) =>
  useQuery({
    queryKey: ['association', associationId],
    queryFn: ({ signal }) =>
      apiRequest<AssociationDetail>(`/api/associations/${encodeURIComponent(associationId ?? '')}`, { signal }),
    enabled: associationId !== undefined,
    retry: false,
  });

/**
 * `GET /api/events?ids=…`: the stored events of those ids and the ids no longer stored, read fresh each time the
 * page shows them (ids sorted, so the same set is one cache entry whatever order it was saved in).
 */
export const eventBatchQueryOptions = (ids: readonly string[]) => {
  const sorted = [...ids].sort();
  return queryOptions({
    queryKey: ['events', sorted],
    queryFn: ({ signal }) => apiRequest<EventBatch>('/api/events', { params: { ids: sorted.join(',') }, signal }),
    enabled: sorted.length > 0,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
};
