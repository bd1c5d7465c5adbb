import type { AssociationScope } from '@fieldguide/shared';
import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { type QueryValue, toQueryString } from '../../../lib/api-client.js';
import { SCOPE_LABELS } from '../../../lib/labels.js';

/** The association directory's search, held in the URL with the API's parameter names. */
export interface AssociationSearchState {
  q: string;
  field?: string;
  scopes: AssociationScope[];
  page: number;
}

export function parseAssociationSearch(params: URLSearchParams): AssociationSearchState {
  const page = Number(params.get('page'));
  const field = params.get('field')?.trim();
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    field: field && field.length <= 100 ? field : undefined,
    scopes: [...new Set(params.getAll('scope'))].filter((s): s is AssociationScope => Object.hasOwn(SCOPE_LABELS, s)),
    page: Number.isInteger(page) && page > 1 && page <= 1000 ? page : 1,
  };
}

export function associationApiParams(state: AssociationSearchState): Record<string, QueryValue> {
  return {
    q: state.q.trim(),
    field: state.field,
    scope: state.scopes,
    page: state.page > 1 ? state.page : undefined,
  };
}

/** Reads and sets the directory's search in the URL; a change other than the page goes back to page 1. */
export function useAssociationSearch() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const state = useMemo(() => parseAssociationSearch(new URLSearchParams(search)), [search]);
  const latestSearch = useRef(search);
  latestSearch.current = search;
  const hrefFor = useCallback(
    (next: AssociationSearchState) => {
      const query = toQueryString(associationApiParams(next));
      return `${location}${query ? `?${query}` : ''}`;
    },
    [location],
  );
  const setState = useCallback(
    (update: (prev: AssociationSearchState) => AssociationSearchState, options: { replace?: boolean } = {}) => {
      const prev = parseAssociationSearch(new URLSearchParams(latestSearch.current));
      const next = { ...update(prev), page: 1 };
      navigate(hrefFor(next), { replace: options.replace ?? false });
    },
    [hrefFor, navigate],
  );
  return { state, setState, hrefFor };
}
