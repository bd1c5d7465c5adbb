import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { parseSearchState, type SearchState, toQuery } from '../search-state.js';

export interface SetSearchOptions {
  /** Replace the history entry instead of adding one (typing, not choosing). */
  replace?: boolean;
  /** Keep the page number; by default a change goes back to page 1. */
  keepPage?: boolean;
}

/**
 * The search held in the URL: reading it parses the query string; setting it navigates, so back and forward
 * step through searches and every search has a link.
 */
export function useSearchState() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const state = useMemo(() => parseSearchState(new URLSearchParams(search)), [search]);
  // Updates read the latest URL, not the one of the render that created the callback.
  const latest = useRef({ search, location });
  latest.current = { search, location };

  const hrefFor = useCallback(
    (next: SearchState) => {
      const query = toQuery(next);
      return `${location}${query ? `?${query}` : ''}`;
    },
    [location],
  );

  const setState = useCallback(
    (update: (prev: SearchState) => SearchState, options: SetSearchOptions = {}) => {
      const { search: currentSearch, location: currentLocation } = latest.current;
      const next = update(parseSearchState(new URLSearchParams(currentSearch)));
      if (!options.keepPage) next.page = 1;
      const href = hrefFor(next);
      const here = `${currentLocation}${currentSearch ? `?${currentSearch}` : ''}`;
      if (href !== here) navigate(href, { replace: options.replace ?? false });
    },
    [hrefFor, navigate],
  );

  return { state, setState, hrefFor };
}
