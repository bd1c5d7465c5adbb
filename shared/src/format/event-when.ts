/** The when of an event: instants plus the zone it is held in. */
export interface EventTiming {
  /** ISO 8601 instant. */
  start: string;
  /** ISO 8601 instant, or null/undefined when unknown. */
  end?: string | null;
  /** IANA zone the event is held in. */
  timeZone: string;
  allDay: boolean;
}

const DAY_MS = 86_400_000;

function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * The event's date (and time, unless all-day) in the event's own time zone, with the zone's short name:
 * "Tue, Mar 10, 2026, 9:00 AM – 5:00 PM CDT". A range collapses shared parts. `locale` defaults to the runtime's
 * (the browser's in the app and the widget); pages the server renders pass `en-US`. An unknown zone reads as UTC.
 */
export function formatEventWhen(event: EventTiming, locale?: string): string {
  const timeZone = zoneOrUtc(event.timeZone);
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
