import { EVENT_TYPE_LABELS, type Event, type EventType, fieldLabel } from '@fieldguide/shared';
import { DateTime } from 'luxon';
import { feedText, oneLine } from './text.js';

const LOCALE = 'en-US';

/** The human label of an event type ("Career fair"). */
export const eventTypeLabel = (type: EventType): string => EVENT_TYPE_LABELS[type];

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

const local = (iso: string, zone: string) => DateTime.fromISO(iso, { zone, locale: LOCALE });

/**
 * When an event is, in its own time zone: `Thu, Mar 12, 2027, 9:00 AM – 5:00 PM CDT`, or the days of an all-day
 * event (`Thu, Mar 12, 2027 – Sat, Mar 14, 2027`, the exclusive end made inclusive).
 */
export function eventWhen(event: Event): string {
  const start = local(event.start, event.timeZone);
  const end = event.end ? local(event.end, event.timeZone) : undefined;
  if (event.allDay) {
    const lastDay = end?.minus({ milliseconds: 1 });
    const first = start.toLocaleString(DAY);
    return lastDay && lastDay.startOf('day') > start.startOf('day')
      ? `${first} – ${lastDay.toLocaleString(DAY)}`
      : first;
  }
  const zone = start.offsetNameShort ?? event.timeZone;
  const head = `${start.toLocaleString(DAY)}, ${start.toLocaleString(TIME)}`;
  if (!end) return `${head} ${zone}`;
  const sameDay = end.hasSame(start, 'day');
  const tail = sameDay ? end.toLocaleString(TIME) : `${end.toLocaleString(DAY)}, ${end.toLocaleString(TIME)}`;
  return `${head} – ${tail} ${end.offsetNameShort ?? zone}`;
}

/** The venue's name and address on one line, e.g. `Convention Center, 1301 2nd Ave S, Minneapolis, MN, US`. */
export function venueLine(event: Event): string | undefined {
  const v = event.venue;
  if (!v) return undefined;
  const parts = [v.name, v.address, v.city, v.region, v.postalCode, v.country]
    .map((p) => (p ? oneLine(p) : ''))
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Where an event is, for people: the venue, `Online`, or the venue `(also online)` for a hybrid one. */
export function eventWhere(event: Event): string | undefined {
  const venue = venueLine(event);
  if (event.format === 'online') return venue ? `Online (${venue})` : 'Online';
  if (event.format === 'hybrid') return venue ? `${venue} (also online)` : 'Hybrid: in person and online';
  return venue;
}

function costLine(event: Event): string | undefined {
  const cost = event.cost;
  if (!cost) return undefined;
  if (cost.free) return 'Free';
  if (cost.min === undefined) return 'Paid';
  const money = (n: number) => `${cost.currency ?? ''} ${n}`.trim();
  return cost.max !== undefined && cost.max > cost.min ? `${money(cost.min)}–${cost.max}` : `From ${money(cost.min)}`;
}

/** The field (and pathway) names of an event, for categories and tags. */
export function eventFieldNames(event: Event): string[] {
  return [...event.fields, ...event.pathways].map((id) => fieldLabel(id)).filter((n): n is string => n !== undefined);
}

const STATUS_NOTES: Partial<Record<Event['status'], string>> = {
  cancelled: 'CANCELLED',
  postponed: 'POSTPONED',
  rescheduled: 'RESCHEDULED',
};

/** The one-line summary feeds show under a title: status, when, where. */
export function eventSummaryLine(event: Event): string {
  const status = STATUS_NOTES[event.status];
  const where = eventWhere(event);
  return [status, eventWhen(event), where].filter(Boolean).join(' · ');
}

/**
 * An event as plain text for a feed item or a calendar entry: its facts (when, where, type, organizer, cost,
 * hiring signal, status), then its description, then its page. Never HTML.
 */
export function eventPlainText(event: Event): string {
  const facts: [string, string | undefined][] = [
    ['Status', STATUS_NOTES[event.status]],
    ['When', eventWhen(event)],
    ['Where', eventWhere(event)],
    ['Type', eventTypeLabel(event.type)],
    ['Fields', eventFieldNames(event).join('; ') || undefined],
    ['Organizer', event.organizer ? oneLine(event.organizer.name) : undefined],
    ['Cost', costLine(event)],
    [
      'Hiring signal',
      event.hiring.score > 0
        ? `${Math.round(event.hiring.score * 100)}%${event.hiring.reasons.length ? ` (${event.hiring.reasons.join('; ')})` : ''}`
        : undefined,
    ],
  ];
  const lines = facts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`);
  const description = feedText(event.description).trim();
  return [lines.join('\n'), description, `Details: ${event.url}`].filter((p) => p !== '').join('\n\n');
}
