import type { FeedUrlsResponse } from '../api/feeds.schema.js';

/** Feed formats the server publishes, by file extension. */
export const FEED_FORMATS = ['ics', 'rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** The absolute URL of one feed in each format, and the `.ics` one as `webcal://` for one-click subscribing. */
export type FeedUrls = Omit<FeedUrlsResponse, 'title'>;

/**
 * What a feed follows: a field (cluster or pathway id), an association (its id), or a search (its `/api/search`
 * query string, no `?`).
 */
export type FeedTarget =
  | { kind: 'field'; id: string }
  | { kind: 'association'; id: string }
  | { kind: 'search'; queryString: string };

/** Search parameters that shape a page of results rather than which events match: feeds ignore and drop them. */
export const FEED_IGNORED_PARAMS: readonly string[] = ['page', 'limit', 'sort'];

export const isFeedFormat = (value: string): value is FeedFormat => (FEED_FORMATS as readonly string[]).includes(value);

/** The same feed for calendar apps that subscribe on a click: `webcal://` instead of `http(s)://`. */
export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//i, 'webcal://');
}

/**
 * The absolute URL of a feed: `<origin>/feeds/fields/<id>.<ext>` (a pathway id keeps its slash),
 * `<origin>/feeds/associations/<id>.<ext>` or `<origin>/feeds/search.<ext>?<query>`. `origin` has no trailing slash.
 */
export function feedUrl(origin: string, target: FeedTarget, format: FeedFormat): string {
  if (target.kind === 'field') {
    return `${origin}/feeds/fields/${target.id.split('/').map(encodeURIComponent).join('/')}.${format}`;
  }
  if (target.kind === 'association') return `${origin}/feeds/associations/${encodeURIComponent(target.id)}.${format}`;
  return `${origin}/feeds/search.${format}${target.queryString ? `?${target.queryString}` : ''}`;
}

/** Every format's URL of a feed. */
export function feedUrls(origin: string, target: FeedTarget): FeedUrls {
  const ics = feedUrl(origin, target, 'ics');
  return {
    ics,
    webcal: webcalUrl(ics),
    rss: feedUrl(origin, target, 'rss'),
    atom: feedUrl(origin, target, 'atom'),
    json: feedUrl(origin, target, 'json'),
  };
}

/** The `.ics` file of one event, for "add to calendar". */
export function eventIcsUrl(origin: string, eventId: string): string {
  return `${origin}/feeds/events/${encodeURIComponent(eventId)}.ics`;
}

/** Most events one `.ics` export of chosen events (`/api/events.ics?ids=…`) takes: a saved list's limit too. */
export const MAX_EXPORT_EVENTS = 100;

/** One `.ics` file of the given events (ids in the order given), for "export my saved events". */
export function eventsIcsUrl(origin: string, eventIds: readonly string[]): string {
  return `${origin}/api/events.ics?ids=${eventIds.map(encodeURIComponent).join(',')}`;
}

/**
 * A search's query string as feeds key it: paging and sort dropped, parameters in a stable order (by name,
 * repeated values kept in their order), so the same search always has the same feed URL.
 */
export function canonicalFeedQuery(params: URLSearchParams): string {
  const entries = [...params.entries()].filter(([key]) => !FEED_IGNORED_PARAMS.includes(key));
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}
