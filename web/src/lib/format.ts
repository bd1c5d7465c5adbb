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
 * "Tue, Mar 10, 2026, 9:00 AM – 5:00 PM CDT". A range collapses shared parts. `locale` defaults to the browser's.
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

/** True when the event has started before `now` and has not ended. */
export function isHappeningNow(event: EventTiming, now: Date = new Date()): boolean {
  const start = Date.parse(event.start);
  const end = event.end ? Date.parse(event.end) : start;
  return start <= now.getTime() && now.getTime() <= end;
}

/** A place as a line of text: "Venue, City, Region, Country" from whatever parts exist. */
export function formatPlace(parts: {
  venueName?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
}): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of [parts.venueName, parts.city, parts.region, parts.country]) {
    const text = part?.trim();
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out.join(', ');
}

/** "Free", "From $150", "$150–$300", or undefined when the price is unknown. */
export function formatCost(
  cost: { free?: boolean | null; min?: number | null; max?: number | null; currency?: string | null },
  locale?: string,
): string | undefined {
  if (cost.free === true) return 'Free';
  const money = (n: number) => {
    if (!cost.currency) return String(n);
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: cost.currency,
        maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
      }).format(n);
    } catch {
      return `${n} ${cost.currency}`;
    }
  };
  if (cost.min != null && cost.max != null && cost.max > cost.min) return `${money(cost.min)}–${money(cost.max)}`;
  if (cost.min != null) return cost.max != null ? money(cost.min) : `From ${money(cost.min)}`;
  if (cost.max != null) return `Up to ${money(cost.max)}`;
  if (cost.free === false) return 'Paid';
  return undefined;
}

/** A distance in km as "12 km" or, for `mi`, "7 mi". */
export function formatDistance(km: number, unit: 'km' | 'mi' = 'km'): string {
  const value = unit === 'mi' ? km / 1.609344 : km;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** A short date-time for admin tables, in the viewer's zone: "Mar 10, 2026, 9:00 AM". */
export function formatLocalDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
