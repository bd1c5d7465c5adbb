import { type Event, formatEventPlace } from '@fieldguide/shared';
import ical, { escape as escapeText, type ICalCalendar, ICalEventStatus, type ICalLocation } from 'ical-generator';
import { DateTime } from 'luxon';
import { eventAddress, eventFieldNames, eventPlainText, eventTypeLabel } from './event-text.js';
import { CALENDAR_REFRESH_S, eventPageUrl, type FeedDocument } from './feed-document.js';
import { feedText, oneLine } from './text.js';
import { icalZone, vtimezoneBlock } from './vtimezone.js';

const STATUS: Record<Event['status'], ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  rescheduled: ICalEventStatus.CONFIRMED,
  postponed: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/** Placeholder property swapped for the real ORGANIZER line once the calendar is written (see below). */
const ORGANIZER_MARK = 'X-FIELDGUIDE-ORGANIZER';

/** ical-generator backslash-escapes `,` and `;` in URL values, where RFC 5545 escapes nothing: percent-encode them. */
const uriValue = (url: string) => url.replace(/[,;]/g, (c) => encodeURIComponent(c));

/** A quoted iCalendar parameter value: DQUOTE and controls cannot appear in one (RFC 5545 §3.1), so they go. */
const quotedParam = (text: string) => `"${oneLine(text).replaceAll('"', "'")}"`;

/**
 * The end of an all-day event as the exclusive date iCalendar wants: the local midnight after its last day, and
 * at least the day after its start.
 */
function allDayEnd(start: DateTime, end: DateTime | undefined): DateTime {
  const minimum = start.startOf('day').plus({ days: 1 });
  if (!end) return minimum;
  const rounded = end.equals(end.startOf('day')) ? end : end.startOf('day').plus({ days: 1 });
  return DateTime.max(rounded, minimum);
}

/** The place as every surface words it, with the street address on its own line when there is one. */
function location(event: Event): ICalLocation {
  const { lat, lng } = event.venue ?? {};
  const address = eventAddress(event);
  return {
    title: formatEventPlace(event),
    ...(address ? { address } : {}),
    ...(lat !== undefined && lng !== undefined ? { geo: { lat, lon: lng } } : {}),
  };
}

function addEvent(calendar: ICalCalendar, doc: FeedDocument, event: Event, index: number): void {
  const zone = icalZone(event.timeZone);
  const zoneName = zone?.tzid ?? 'UTC';
  const start = DateTime.fromISO(event.start, { zone: zoneName });
  const end = event.end ? DateTime.fromISO(event.end, { zone: zoneName }) : undefined;
  const created = calendar.createEvent({
    id: `${event.id}@${doc.uidHost}`,
    stamp: new Date(event.updatedAt),
    created: new Date(event.firstSeen),
    lastModified: new Date(event.updatedAt),
    summary: oneLine(event.title),
    description: eventPlainText(event),
    url: uriValue(event.url),
    status: STATUS[event.status],
    categories: [...eventFieldNames(event), eventTypeLabel(event.type)].map((name) => ({ name: oneLine(name) })),
    ...(event.allDay
      ? // A DATE has no zone: the dates are read in the event's zone, and no TZID is written.
        { allDay: true, start, end: allDayEnd(start, end) }
      : { start, ...(end ? { end } : {}), timezone: zone ? zone.tzid : null }),
  });
  created.location(location(event));
  const extra: [string, string][] = [['X-FIELDGUIDE-PAGE', eventPageUrl(doc.origin, event.id)]];
  // ical-generator writes ORGANIZER only as `mailto:`; we know an organizer's web address, not an email.
  if (event.organizer?.url) extra.push([ORGANIZER_MARK, String(index)]);
  created.x(extra);
}

/**
 * Folds lines longer than 75 octets (RFC 5545 §3.1) as ical-generator's `foldLines` does, byte for byte, without
 * its `new TextEncoder()` per character (a third of a 200-event feed's rendering time).
 */
export function foldIcalLines(text: string): string {
  let out = '';
  for (const line of text.split('\r\n')) {
    let folded = '';
    let octets = 0;
    let from = 0;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      let size: number;
      if (code >= 0xd800 && code <= 0xdbff) {
        size = 4;
        i += 1;
      } else size = code < 0x80 ? 1 : code < 0x800 ? 2 : 3;
      octets += size;
      if (octets > 74) {
        folded += `${line.slice(from, i - (size === 4 ? 1 : 0))}\r\n `;
        from = i - (size === 4 ? 1 : 0);
        octets = size;
      }
    }
    out += `${folded}${line.slice(from)}\r\n`;
  }
  return out.slice(0, -2);
}

/** Unfolds a written calendar, swaps each organizer placeholder for its ORGANIZER line, and folds it again. */
function writeOrganizers(text: string, events: readonly Event[]): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const replaced = unfolded.replace(new RegExp(`^${ORGANIZER_MARK}:(\\d+)$`, 'gm'), (_, i: string) => {
    const organizer = events[Number(i)]?.organizer;
    return organizer?.url ? `ORGANIZER;CN=${quotedParam(organizer.name)}:${organizer.url}` : '';
  });
  return foldIcalLines(replaced.replace(/\r\n\r\n/g, '\r\n'));
}

/**
 * An iCalendar (RFC 5545) file of the document's events: UIDs `<event id>@<uidHost>`, DTSTAMP and LAST-MODIFIED
 * from `updatedAt` (so the bytes change only when an event does), local times with TZID and a VTIMEZONE per zone
 * (UTC instants for UTC and unknown zones), all-day events as DATEs, STATUS, LOCATION, GEO, URL, ORGANIZER,
 * CATEGORIES, a plain-text DESCRIPTION, and the calendar's name, description and refresh interval.
 */
export function renderIcal(doc: FeedDocument): string {
  const calendar = ical({
    prodId: { company: 'Fieldguide', product: 'Fieldguide feeds', language: 'EN' },
    // ical-generator writes the calendar's name and description unescaped.
    name: escapeText(oneLine(doc.title), false),
    description: escapeText(feedText(doc.description), false),
    url: doc.homeUrl,
    ttl: CALENDAR_REFRESH_S,
    timezone: { name: null, generator: vtimezoneBlock },
  });
  doc.events.forEach((event, i) => {
    addEvent(calendar, doc, event, i);
  });
  return writeOrganizers(calendar.toString(), doc.events);
}
