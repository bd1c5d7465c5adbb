import type { AssociationDetail, EventDetail } from '@fieldguide/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
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
