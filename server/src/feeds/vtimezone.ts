import { tzlib_get_ical_block } from 'timezones-ical-library';

/** A zone as an iCalendar file names it: its canonical TZID and the VTIMEZONE block that defines it. */
export interface IcalZone {
  tzid: string;
  vtimezone: string;
}

/** Zones written as UTC (`Z` times, no VTIMEZONE): every client knows UTC, and RFC 5545 prefers `Z` for it. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'GMT', 'Etc/GMT', 'Etc/Zulu', 'Zulu', 'Universal']);

const cache = new Map<string, IcalZone | undefined>();

/**
 * The VTIMEZONE of an IANA zone, from timezones-ical-library's current tz data; aliases resolve to the canonical
 * id (`US/Central` → `America/Chicago`). Undefined for UTC and for a zone the library does not know (the caller
 * then writes UTC instants, which every client places correctly).
 */
export function icalZone(zone: string): IcalZone | undefined {
  if (UTC_ZONES.has(zone)) return undefined;
  if (cache.has(zone)) return cache.get(zone);
  let found: IcalZone | undefined;
  const block = tzlib_get_ical_block(zone);
  if (Array.isArray(block) && typeof block[0] === 'string' && block[0].startsWith('BEGIN:VTIMEZONE')) {
    const tzid = /^TZID:(.+)$/m.exec(block[0])?.[1]?.trim();
    if (tzid && !UTC_ZONES.has(tzid)) found = { tzid, vtimezone: block[0] };
  }
  cache.set(zone, found);
  return found;
}

/** The VTIMEZONE block for a TZID that {@link icalZone} returned, for ical-generator's timezone generator. */
export function vtimezoneBlock(tzid: string): string | null {
  return icalZone(tzid)?.vtimezone ?? null;
}
