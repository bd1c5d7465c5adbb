import type { EventFormat } from '../event/event.schema.js';

/** The when of an event: instants plus the zone it is held in. */
export interface EventTiming {
  /** ISO 8601 instant. */
  start: string;
  /** ISO 8601 instant, or null/undefined when unknown. */
  end?: string | null;
  /** IANA zone the event is held in. */
  timeZone: string;
  allDay: boolean;
  /** In person, online or hybrid; online events are shown in the viewer's zone when it is known. */
  format?: EventFormat;
}

/**
 * The one locale every surface formats dates, times, money and numbers in: pages are written in American English,
 * so a German-locale browser still reads "Tue, Mar 10" inside them, never "Di., 10. März".
 */
export const UI_LOCALE = 'en-US';

/** How to write an event's when. */
export interface EventWhenOptions {
  /** BCP 47 locale; default {@link UI_LOCALE}. */
  locale?: string;
  /**
   * The viewer's IANA zone (a browser's `Intl.DateTimeFormat().resolvedOptions().timeZone`). Online events are
   * shown in it; without it (feeds, server-rendered pages without a `tz`) they keep the event's own zone.
   */
  viewerTimeZone?: string;
}

const DAY_MS = 86_400_000;

/** True when the runtime knows `timeZone` as an IANA zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const zoneOrUtc = (timeZone: string): string => (isKnownTimeZone(timeZone) ? timeZone : 'UTC');

/**
 * The zone an event's time is shown in: its own for in-person and hybrid events (people travel there), the viewer's
 * for online ones (people join from where they are), and its own for all-day events (a day is the host's day).
 */
export function displayTimeZone(event: EventTiming, viewerTimeZone?: string): string {
  if (event.format === 'online' && !event.allDay && viewerTimeZone && isKnownTimeZone(viewerTimeZone)) {
    return viewerTimeZone;
  }
  return zoneOrUtc(event.timeZone);
}

/**
 * The event's date (and time, unless all-day) in the zone {@link displayTimeZone} picks, with the zone's short name:
 * "Tue, Mar 10, 2026, 9:00 AM – 5:00 PM CDT". A range collapses shared parts. An unknown zone reads as UTC.
 */
export function formatEventWhen(event: EventTiming, options: EventWhenOptions = {}): string {
  const locale = options.locale ?? UI_LOCALE;
  const timeZone = displayTimeZone(event, options.viewerTimeZone);
  const start = new Date(event.start);
  let end = event.end ? new Date(event.end) : undefined;
  if (event.allDay) {
    const dates = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      year: 'numeric',
      timeZone,
    });
    // An all-day end is the next midnight (exclusive), as in iCalendar.
    if (end && end.getTime() - start.getTime() >= DAY_MS) end = new Date(end.getTime() - 1);
    if (!end || end.getTime() - start.getTime() < DAY_MS) return dates.format(start);
    return dates.formatRange(start, end);
  }
  const times = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  if (!end || end.getTime() <= start.getTime()) return times.format(start);
  return times.formatRange(start, end);
}
