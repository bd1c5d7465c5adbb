import type { EventHit } from '../../search/schemas.js';

const DAY_MS = 86_400_000;
/** Pages are in English; dates and times read the way US career centers write them. */
const LOCALE = 'en-US';

export { EVENT_TYPE_LABELS as TYPE_LABELS } from '@fieldguide/shared';

/** Hiring score at or above which an embed says "Hiring managers likely" (as the web app does). */
export const HIRING_LIKELY = 0.5;

function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The event's date (and time, unless all-day) in its own zone, e.g. "Tue, Mar 10, 2026, 9:00 AM – 5:00 PM CDT". */
export function formatWhen(event: Pick<EventHit, 'start' | 'end' | 'timeZone' | 'allDay'>): string {
  const timeZone = zoneOrUtc(event.timeZone);
  const start = new Date(event.start);
  let end = event.end ? new Date(event.end) : undefined;
  const date = { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone } as const;
  if (event.allDay) {
    const dates = new Intl.DateTimeFormat(LOCALE, date);
    // An all-day end is the next midnight (exclusive), as in iCalendar.
    if (end && end.getTime() - start.getTime() >= DAY_MS) end = new Date(end.getTime() - 1);
    if (!end || end.getTime() - start.getTime() < DAY_MS) return dates.format(start);
    return dates.formatRange(start, end);
  }
  const times = new Intl.DateTimeFormat(LOCALE, { ...date, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
  if (!end || end.getTime() <= start.getTime()) return times.format(start);
  return times.formatRange(start, end);
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
