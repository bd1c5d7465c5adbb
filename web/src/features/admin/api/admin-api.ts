import type {
  AdminCatalog,
  CrawlRun,
  QueuedCrawls,
  SetCatalogSourcesBody,
  SetCatalogSourcesResult,
  Source,
  Suggestion,
} from '@fieldguide/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiRequest } from '../../../lib/api-client.js';

/** How often the runs list refreshes while a run is going, in ms. */
export const RUN_POLL_MS = 2000;

/** Admin answers never retry a 401/403: the token will not get better by itself. */
const retryAdmin = (count: number, error: unknown) =>
  count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

export interface AddSourceResult {
  source: Source;
  /** What auto-discovery found at the URL (kind, feeds, …), as the API reports it. */
  discovered: unknown;
}

export const useAdminSources = (token: string) =>
  useQuery({
    queryKey: ['admin', 'sources', token],
    queryFn: ({ signal }) => apiRequest<{ sources: Source[] }>('/api/admin/sources', { token, signal }),
    retry: retryAdmin,
    staleTime: 0,
  });

export const useCrawlRuns = (token: string, enabled: boolean) =>
  useQuery({
    queryKey: ['admin', 'crawls', token],
    queryFn: ({ signal }) => apiRequest<{ runs: CrawlRun[] }>('/api/admin/crawls', { token, signal }),
    enabled,
    retry: retryAdmin,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.runs.some((r) => r.status === 'running') ? RUN_POLL_MS : false),
  });

export function useAddSource(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (url: string) =>
      apiRequest<AddSourceResult>('/api/admin/sources', { method: 'POST', body: { url }, token }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'sources'] }),
  });
}

export function useStartCrawl(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sourceIds?: string[]) =>
      apiRequest<{ run: CrawlRun } | QueuedCrawls>('/api/admin/crawls', {
        method: 'POST',
        body: sourceIds ? { sourceIds } : {},
        token,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** The suggested sources still waiting for a decision. */
export const usePendingSuggestions = (token: string) =>
  useQuery({
    queryKey: ['admin', 'suggestions', token],
    queryFn: ({ signal }) =>
      apiRequest<{ suggestions: Suggestion[] }>('/api/admin/suggestions', {
        params: { status: 'pending' },
        token,
        signal,
      }),
    retry: retryAdmin,
    staleTime: 0,
  });

/** The associations catalog: its fields and associations with their sources' state. */
export const useAdminCatalog = (token: string, enabled: boolean) =>
  useQuery({
    queryKey: ['admin', 'catalog', token],
    queryFn: ({ signal }) => apiRequest<AdminCatalog>('/api/admin/catalog', { token, signal }),
    enabled,
    retry: retryAdmin,
    staleTime: 0,
  });

/** Accepts a suggestion (its source is made, enabled) or refuses it with a reason. */
export function useDecideSuggestion(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: number; decision: 'accept' | 'refuse'; reason?: string }) =>
      apiRequest<{ suggestion: Suggestion }>(`/api/admin/suggestions/${id}/${decision}`, {
        method: 'POST',
        body: decision === 'refuse' ? { reason } : {},
        token,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}

/** Turns a field's or an association's catalog sources on or off. */
export function useSetCatalogSources(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SetCatalogSourcesBody) =>
      apiRequest<SetCatalogSourcesResult>('/api/admin/catalog/sources', { method: 'POST', body, token }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin'] }),
  });
}
