import type { AppConfigResponse } from '@fieldguide/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.js';

/** `GET /api/config`: the deployment's run-time settings (the map's tiles, email alerts); they change only with a restart. */
export const appConfigQueryOptions = () =>
  queryOptions({
    queryKey: ['app-config'],
    queryFn: ({ signal }) => apiRequest<AppConfigResponse>('/api/config', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useAppConfig = () => useQuery(appConfigQueryOptions());
