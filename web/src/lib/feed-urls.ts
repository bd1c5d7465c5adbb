import { env } from '../config/env.js';
import { type QueryValue, toQueryString } from './api-client.js';

/** Feed formats the server publishes, by file extension. */
export const FEED_FORMATS = ['ics', 'rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** What a feed follows: one field (cluster or pathway id), or any search (the `/api/search` parameters). */
export type FeedTarget = { kind: 'field'; id: string } | { kind: 'search'; params: Record<string, QueryValue> };

/** Search parameters that shape a page of results rather than which events match: feeds leave them out. */
const PAGING_PARAMS = new Set(['page', 'limit', 'sort']);

/** The origin feeds are served from: the configured API base, else this page's origin. */
export function feedOrigin(): string {
  if (env.apiBaseUrl !== '') return env.apiBaseUrl;
  return typeof window === 'undefined' ? '' : window.location.origin;
}

/**
 * The absolute URL of a feed: `/feeds/fields/<id>.<ext>` for a field, `/feeds/search.<ext>?<params>` for a search
 * (paging and sort dropped).
 */
export function feedUrl(target: FeedTarget, format: FeedFormat, origin: string = feedOrigin()): string {
  if (target.kind === 'field') {
    const path = target.id.split('/').map(encodeURIComponent).join('/');
    return `${origin}/feeds/fields/${path}.${format}`;
  }
  const params = Object.fromEntries(Object.entries(target.params).filter(([key]) => !PAGING_PARAMS.has(key)));
  const query = toQueryString(params);
  return `${origin}/feeds/search.${format}${query ? `?${query}` : ''}`;
}

/** The same feed for calendar apps that subscribe on a click: `webcal://` instead of `http(s)://`. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}

/** The `.ics` file of one event, for "add to calendar". */
export function eventIcsUrl(eventId: string, origin: string = feedOrigin()): string {
  return `${origin}/feeds/events/${encodeURIComponent(eventId)}.ics`;
}
