/** What a link from a result list leaves in the history entry it opens: the search to go back to. */
export interface ReturnState {
  returnTo: string;
}

/** Only the search page (`/`, with or without a query) is a place to go back to. */
const SEARCH_HREF = /^\/(\?[^#]*)?$/;

/** The history state for a link from the page at `location` + `search`, or undefined when it is not a search. */
export function returnStateFrom(location: string, search: string): ReturnState | undefined {
  const href = `${location}${search ? `?${search}` : ''}`;
  return SEARCH_HREF.test(href) ? { returnTo: href } : undefined;
}

/** The search an event page was opened from, read from its history state; `/` when there is none or it is odd. */
export function returnHref(historyState: unknown): string {
  const returnTo = (historyState as Partial<ReturnState> | null)?.returnTo;
  return typeof returnTo === 'string' && SEARCH_HREF.test(returnTo) ? returnTo : '/';
}
