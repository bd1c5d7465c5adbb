import type { TimeZoneSource } from '@fieldguide/shared';
import { DateTime } from 'luxon';
import { isIanaZone, resolveTimeZone } from './normalize-zone.js';

/** Dates as a raw event has them (see `RawEvent.start`). */
export interface RawDates {
  start: string;
  end?: string;
  timeZone?: string;
  /** Whose zone `timeZone` is (default `stated`). */
  timeZoneSource?: 'stated' | 'calendar';
  allDay?: boolean;
}

/** Where to read floating times when the source names no zone. */
export interface ZoneContext {
  /** The venue's zone (see `zoneForPlace`). */
  venueZone?: string;
  /** The source's default zone. */
  defaultZone?: string;
}

/**
 * Instants and zone for storage. `start`/`end` are UTC ISO instants (`2027-03-04T14:00:00Z`). An all-day
 * event starts at local midnight of its first day and ends at local midnight after its last day (exclusive).
 */
export interface NormalizedDates {
  start: string;
  end?: string;
  timeZone: string;
  /** Where `timeZone` came from. */
  timeZoneSource: TimeZoneSource;
  allDay: boolean;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

const toUtc = (dt: DateTime) => dt.toUTC().toISO({ suppressMilliseconds: true }) ?? undefined;

/** The moment a date or time string names, read in `zone` when it carries no offset. */
function parseIn(value: string, zone: string, dateAsEndOfDay: boolean): DateTime | undefined {
  let dt: DateTime;
  if (DATE_ONLY.test(value)) {
    dt = DateTime.fromISO(value, { zone }).startOf('day');
    if (dateAsEndOfDay) dt = dt.plus({ days: 1 });
  } else if (HAS_OFFSET.test(value)) {
    dt = DateTime.fromISO(value, { setZone: true });
  } else {
    dt = DateTime.fromISO(value, { zone });
  }
  return dt.isValid && dt.year >= MIN_YEAR && dt.year <= MAX_YEAR ? dt : undefined;
}

/** The zone to read the dates in, and where it came from: the source's own, the venue's, the default, UTC. */
function chooseZone(raw: RawDates, ctx: ZoneContext, warnings: string[]): { zone: string; source: TimeZoneSource } {
  const named = resolveTimeZone(raw.timeZone);
  if (raw.timeZone && !named) warnings.push(`unknown time zone "${raw.timeZone}"`);
  if (named) return { zone: named, source: raw.timeZoneSource ?? 'stated' };
  const usable = (z: string | undefined): z is string => typeof z === 'string' && isIanaZone(z);
  if (usable(ctx.venueZone)) return { zone: ctx.venueZone, source: 'venue' };
  if (usable(ctx.defaultZone)) return { zone: ctx.defaultZone, source: 'source' };
  if (!HAS_OFFSET.test(raw.start)) warnings.push('no time zone known; local times read as UTC');
  return { zone: 'UTC', source: 'assumed-utc' };
}

/**
 * Turns raw dates into instants plus an IANA zone. The zone is the source's own (`timeZone`), else the
 * venue's, else the source default, else UTC (with a warning); `timeZoneSource` says which. Floating local
 * times are read in that zone; all-day events are kept as local midnights; an end before the start is dropped
 * with a warning. Returns `dates: undefined` (and says why) when the start can't be read.
 */
export function normalizeDates(raw: RawDates, ctx: ZoneContext = {}): { dates?: NormalizedDates; warnings: string[] } {
  const warnings: string[] = [];
  const { zone, source } = chooseZone(raw, ctx, warnings);
  const allDay = raw.allDay ?? DATE_ONLY.test(raw.start);
  const startValue = allDay ? raw.start.slice(0, 10) : raw.start;
  const start = parseIn(startValue, zone, false);
  if (!start) return { warnings: [...warnings, `unreadable start "${raw.start}"`] };
  const dates: NormalizedDates = {
    start: toUtc(allDay ? start.setZone(zone) : start)!,
    timeZone: zone,
    timeZoneSource: source,
    allDay,
  };
  if (raw.end) {
    const endValue = allDay ? raw.end.slice(0, 10) : raw.end;
    const end = parseIn(endValue, zone, DATE_ONLY.test(endValue));
    if (!end) warnings.push(`unreadable end "${raw.end}" dropped`);
    else if (end < start) warnings.push(`end ${raw.end} is before start ${raw.start}; end dropped`);
    else dates.end = toUtc(end);
  } else if (allDay) {
    dates.end = toUtc(start.plus({ days: 1 }));
  }
  return { dates, warnings };
}

/**
 * One instant from a raw date (a CFP deadline, say): a date alone means the end of that day in `zone`
 * (exclusive midnight). `undefined` when unreadable.
 */
export function toInstant(value: string | undefined, zone: string, dateAsEndOfDay = true): string | undefined {
  if (!value) return undefined;
  const dt = parseIn(value, isIanaZone(zone) ? zone : 'UTC', dateAsEndOfDay);
  return dt ? toUtc(dt) : undefined;
}
