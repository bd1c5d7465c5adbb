import type { Event, FeedUrls } from '@fieldguide/shared';

/** Most events one feed lists: the soonest upcoming ones. */
export const MAX_FEED_ITEMS = 200;

/** How long clients and caches may reuse a feed, in seconds. */
export const FEED_MAX_AGE_S = 900;

/** How often calendar apps should refresh a subscribed feed (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`), in seconds. */
export const CALENDAR_REFRESH_S = 6 * 3600;

/** What every format of a feed is rendered from. */
export interface FeedDocument {
  /** `Fieldguide — Information Technology events` */
  title: string;
  description: string;
  /** The web page that shows the same events. */
  homeUrl: string;
  /** This feed in every format. */
  urls: FeedUrls;
  /** Where event pages live: `<origin>/events/<id>`; no trailing slash. */
  origin: string;
  /** The host iCalendar UIDs name: `<event id>@<uidHost>`. */
  uidHost: string;
  /** In start order. */
  events: readonly Event[];
  /** The newest `updatedAt` of the events (a fixed instant for an empty feed, so its bytes stay the same). */
  updated: Date;
}

/** The Fieldguide page of an event. */
export const eventPageUrl = (origin: string, id: string): string => `${origin}/events/${encodeURIComponent(id)}`;

/** The newest `updatedAt` of `events`, or `fallback` when there are none. */
export function newestUpdate(events: readonly Event[], fallback: Date): Date {
  let newest = Number.NEGATIVE_INFINITY;
  for (const event of events) newest = Math.max(newest, Date.parse(event.updatedAt));
  return Number.isFinite(newest) ? new Date(newest) : fallback;
}
