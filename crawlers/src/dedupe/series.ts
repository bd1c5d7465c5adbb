import { createHash } from 'node:crypto';
import type { Event } from '@fieldguide/shared';
import { DateTime } from 'luxon';
import type { ExtractedBy } from '../extract/raw-event.js';

const seriesHash = (key: string) => `se_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/**
 * The series a source itself declares. An iCalendar occurrence: the expansions of one RRULE (and its
 * RECURRENCE-ID overrides) carry `uid` = `UID#RECURRENCE-ID`, and share the source and the `UID`. A page's
 * schema.org `eventSchedule` occurrences share their `seriesKey`. Undefined for anything else.
 */
export function seriesIdFromUid(input: {
  sourceId: string;
  extractedBy: ExtractedBy;
  uid?: string | undefined;
  seriesKey?: string | undefined;
}): string | undefined {
  if (input.seriesKey) return seriesHash(`schedule\n${input.sourceId}\n${input.seriesKey}`);
  if (input.extractedBy !== 'ical' || !input.uid) return undefined;
  const hash = input.uid.lastIndexOf('#');
  if (hash <= 0) return undefined;
  return seriesHash(`uid\n${input.sourceId}\n${input.uid.slice(0, hash)}`);
}

/** A title as a series compares it: case, accents, punctuation and spacing folded; numbers and years kept. */
export function seriesTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter(Boolean)
    .join(' ');
}

/** Fewest occurrences that make a series when no calendar says so. */
export const MIN_SERIES_OCCURRENCES = 3;

/** Days between consecutive local start dates that a steady cadence allows: weekly, fortnightly, monthly. */
function steadyCadence(gaps: readonly number[]): boolean {
  if (gaps.length === 0) return false;
  const weekly = gaps.every((g) => g === gaps[0]) && (gaps[0] === 7 || gaps[0] === 14);
  // Monthly by date (28–31 days) or by weekday ("second Tuesday": 28 or 35 days).
  const monthlyByDate = gaps.every((g) => g >= 28 && g <= 31);
  const monthlyByWeekday = gaps.every((g) => g === 28 || g === 35);
  return weekly || monthlyByDate || monthlyByWeekday;
}

const localStart = (event: Event) => {
  const dt = DateTime.fromISO(event.start, { zone: event.timeZone });
  return dt.isValid ? dt : DateTime.fromISO(event.start, { zone: 'UTC' });
};

/**
 * Gives a series id to the occurrences of a recurring event that no calendar marked as such: events of one
 * source with the same title (numbers kept: "Session 2" is not "Session 3"), format and city, at the same local
 * time, at least {@link MIN_SERIES_OCCURRENCES} of them on distinct days a steady week, fortnight or month apart.
 * Conservative on purpose: an irregular gap, a different time of day or a second city leaves them apart. Events
 * that already have a series keep it. Pure: returns new records for the events it changes, the others as they were.
 */
export function assignSeries(events: readonly Event[]): Event[] {
  const groups = new Map<string, Event[]>();
  for (const event of events) {
    if (event.seriesId || event.allDay) continue;
    const source = event.sources[0]?.sourceId ?? '';
    const key = [
      source,
      seriesTitle(event.title),
      event.format,
      (event.venue?.city ?? '').toLowerCase(),
      event.timeZone,
    ].join('\n');
    groups.set(key, [...(groups.get(key) ?? []), event]);
  }
  const assigned = new Map<string, string>();
  for (const [key, group] of groups) {
    if (group.length < MIN_SERIES_OCCURRENCES) continue;
    const sorted = group
      .map((event) => ({ event, start: localStart(event) }))
      .sort((a, b) => a.start.toMillis() - b.start.toMillis());
    const time = sorted[0]?.start.toFormat('HH:mm');
    if (!sorted.every((o) => o.start.toFormat('HH:mm') === time)) continue;
    const days = sorted.map((o) => o.start.startOf('day'));
    const gaps = days.slice(1).map((day, i) => Math.round(day.diff(days[i]!, 'days').days));
    if (gaps.some((g) => g === 0) || !steadyCadence(gaps)) continue;
    const seriesId = seriesHash(`title\n${key}`);
    for (const { event } of sorted) assigned.set(event.id, seriesId);
  }
  if (assigned.size === 0) return [...events];
  return events.map((event) => {
    const seriesId = assigned.get(event.id);
    return seriesId ? { ...event, seriesId } : event;
  });
}
