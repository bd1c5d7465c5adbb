import { canonicalFeedQuery, type FeedTarget, MAX_WITHIN_DAYS } from '@fieldguide/shared';
import { env } from '../config/env.js';
import { type QueryValue, toQueryString } from './api-client.js';
import { dateInZone, daysBetween, isCalendarDate } from './date-range.js';

/** The origin feeds are served from: the configured API base, else this page's origin. */
export function feedOrigin(): string {
  if (env.apiBaseUrl !== '') return env.apiBaseUrl;
  return typeof window === 'undefined' ? '' : window.location.origin;
}

/**
 * The length of a search's date window as a rolling `within` (`"90d"`): from `from` (or the viewer's today, in
 * `timeZone`, the browser's by default) through `to`, whole days; undefined when the search has no end date.
 */
export function rollingWindow(
  params: Record<string, QueryValue>,
  now: Date = new Date(),
  timeZone?: string,
): string | undefined {
  const to = typeof params.to === 'string' && isCalendarDate(params.to) ? params.to : undefined;
  if (to === undefined) return undefined;
  const from = typeof params.from === 'string' && isCalendarDate(params.from) ? params.from : dateInZone(now, timeZone);
  const days = daysBetween(from, to) + 1;
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
