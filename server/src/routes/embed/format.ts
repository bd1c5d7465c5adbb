import type { EventHit } from '@fieldguide/shared';

/** Pages are in English; dates and times read the way US career centers write them. */
const LOCALE = 'en-US';

import { formatEventWhen } from '@fieldguide/shared';

export { EVENT_TYPE_LABELS as TYPE_LABELS } from '@fieldguide/shared';

/** Hiring score at or above which an embed says "Hiring managers likely" (as the web app does). */
export const HIRING_LIKELY = 0.5;

/** The event's date (and time, unless all-day) in its own zone, e.g. "Tue, Mar 10, 2026, 9:00 AM – 5:00 PM CDT". */
export function formatWhen(event: Pick<EventHit, 'start' | 'end' | 'timeZone' | 'allDay'>): string {
  return formatEventWhen(event, LOCALE);
}

/** "Online", or the place's parts without repeats, with "also online" for hybrid events. */
export function formatWhere(event: Pick<EventHit, 'format' | 'venueName' | 'city' | 'region' | 'country'>): string {
  if (event.format === 'online') return 'Online';
  const parts = [event.venueName, event.city, event.region, event.country]
    .map((part) => part?.trim())
    .filter((part): part is string => !!part);
  const place = [...new Set(parts)].join(', ') || 'Place to be announced';
  return event.format === 'hybrid' ? `${place} · also online` : place;
}

/** The event's own page when its URL is http(s), else its page on Fieldguide. */
export function eventHref(event: Pick<EventHit, 'id' | 'url'>): string {
  try {
    const { protocol } = new URL(event.url);
    if (protocol === 'https:' || protocol === 'http:') return event.url;
  } catch {
    // fall through
  }
  return `/events/${encodeURIComponent(event.id)}`;
}
