import type { FieldsResponse } from '@fieldguide/shared';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.js';

/** `GET /api/fields`: the taxonomy with live counts; names rarely change, so it stays fresh for 5 minutes. */
export const fieldsQueryOptions = () =>
  queryOptions({
    queryKey: ['fields'],
    queryFn: ({ signal }) => apiRequest<FieldsResponse>('/api/fields', { signal }),
    staleTime: 5 * 60_000,
  });

export const useFields = () => useQuery(fieldsQueryOptions());

/** Display names of every cluster and pathway id, from a `/api/fields` answer. */
export function fieldNames(response: FieldsResponse | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const field of response?.fields ?? []) {
    names.set(field.id, field.name);
    for (const pathway of field.pathways) names.set(pathway.id, pathway.name);
  }
  return names;
}

/** A readable name for a field id while the taxonomy loads: the id's last segment, hyphens as spaces. */
export const fallbackFieldName = (id: string) => {
  const slug = id.slice(id.lastIndexOf('/') + 1).replaceAll('-', ' ');
  return slug.charAt(0).toUpperCase() + slug.slice(1);
};
