import type { AssociationSearchResponse, EventSearchResponse } from '@fieldguide/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.js';

/** Events a field page lists: its upcoming events, the strongest hiring signal first. */
export const FIELD_EVENTS = 12;

export const fieldEventsQueryOptions = (fieldId: string) =>
  queryOptions({
    queryKey: ['field-events', fieldId],
    queryFn: ({ signal }) =>
      apiRequest<EventSearchResponse>('/api/search', {
        params: { field: fieldId, sort: 'hiring', limit: FIELD_EVENTS },
        signal,
      }),
  });

export const fieldAssociationsQueryOptions = (fieldId: string) =>
  queryOptions({
    queryKey: ['field-associations', fieldId],
    queryFn: ({ signal }) =>
      apiRequest<AssociationSearchResponse>('/api/associations', { params: { field: fieldId, limit: 20 }, signal }),
  });

export const useFieldEvents = (fieldId: string) => useQuery(fieldEventsQueryOptions(fieldId));
export const useFieldAssociations = (fieldId: string) => useQuery(fieldAssociationsQueryOptions(fieldId));
