import type { EventTiming } from './format.js';

/** What a Google Calendar template link carries. */
export interface CalendarEventInfo extends EventTiming {
  title: string;
  description?: string;
  /** A place line, or the event's URL for an online event. */
  location?: string;
  url?: string;
}

const MAX_DETAILS_CHARS = 1200;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** `20260310T140000Z`: an instant in the compact UTC form Google's `dates` parameter takes. */
const utcStamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** `20260310`: the calendar date of an instant in `timeZone`. */
function localDateStamp(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })
    .formatToParts(date)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return `${parts.year}${parts.month}${parts.day}`;
}

/**
 * A Google Calendar "add event" link. Timed events use UTC instants plus `ctz` (the event's zone); all-day events
 * use local dates with an exclusive end, as Google expects. A missing end means one hour (timed) or one day.
 */
export function googleCalendarUrl(event: CalendarEventInfo): string {
  const start = new Date(event.start);
  const end = event.end ? new Date(event.end) : undefined;
  let dates: string;
  if (event.allDay) {
    const endDay = end && end.getTime() - start.getTime() >= DAY_MS ? end : new Date(start.getTime() + DAY_MS);
    dates = `${localDateStamp(start, event.timeZone)}/${localDateStamp(endDay, event.timeZone)}`;
  } else {
    dates = `${utcStamp(start)}/${utcStamp(end && end > start ? end : new Date(start.getTime() + HOUR_MS))}`;
  }
  let details = event.description?.trim() ?? '';
  if (details.length > MAX_DETAILS_CHARS) details = `${details.slice(0, MAX_DETAILS_CHARS - 1).trimEnd()}…`;
  if (event.url) details = details ? `${details}\n\n${event.url}` : event.url;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: event.title, dates, ctz: event.timeZone });
  if (details) params.set('details', details);
  if (event.location) params.set('location', event.location);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}
