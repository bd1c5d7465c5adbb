import { canonicalFeedQuery, type FeedTarget, MAX_WITHIN_DAYS } from '@fieldguide/shared';
import { env } from '../config/env.js';
import { type QueryValue, toQueryString } from './api-client.js';

/** The origin feeds are served from: the configured API base, else this page's origin. */
export function feedOrigin(): string {
  if (env.apiBaseUrl !== '') return env.apiBaseUrl;
  return typeof window === 'undefined' ? '' : window.location.origin;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC, `YYYY-MM-DD`, as the API reads a date parameter. */
const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The length of a search's date window as a rolling `within` (`"90d"`): from `from` (or today) through `to`,
 * whole days; undefined when the search has no end date.
 */
export function rollingWindow(params: Record<string, QueryValue>, now: Date = new Date()): string | undefined {
  const to = typeof params.to === 'string' && DATE.test(params.to) ? params.to : undefined;
  if (to === undefined) return undefined;
  const from = typeof params.from === 'string' && DATE.test(params.from) ? params.from : today(now);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  return `${Math.min(Math.max(days, 1), MAX_WITHIN_DAYS)}d`;
}

/** True when the search has dates a subscription could freeze. */
export const hasFixedDates = (params: Record<string, QueryValue>): boolean =>
  Boolean(params.from || params.to || params.within);

/**
 * The feed of a search in the app's `/api/search` parameters, keyed as the server keys it (paging and sort dropped).
 * A subscription never freezes dates unless `fixedDates` says so: `from`/`to` become a rolling `within` of the same
 * length (a search for the next three months stays "the next three months"), or go (upcoming events, always).
 */
export function searchFeedTarget(
  params: Record<string, QueryValue>,
  options: { fixedDates?: boolean; now?: Date } = {},
): FeedTarget {
  let feedParams = params;
  if (!options.fixedDates) {
    const { from: _from, to: _to, within, ...rest } = params;
    const rolling = within ?? rollingWindow(params, options.now);
    feedParams = rolling === undefined ? rest : { ...rest, within: rolling };
  }
  return { kind: 'search', queryString: canonicalFeedQuery(new URLSearchParams(toQueryString(feedParams))) };
}
