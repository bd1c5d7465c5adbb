import {
  EVENT_TYPE_LABELS,
  type Event,
  type EventType,
  formatEventCost,
  formatEventPlace,
  formatEventStatus,
  formatEventWhen,
  formatHiring,
  eventFieldNames as sharedEventFieldNames,
} from '@fieldguide/shared';
import { feedText, oneLine } from './text.js';

const LOCALE = 'en-US';

/** The human label of an event type ("Career fair"). */
export const eventTypeLabel = (type: EventType): string => EVENT_TYPE_LABELS[type];

/**
 * When an event is, as every surface shows it (see `formatEventWhen`). A feed has no viewer zone, so online events
 * too are written in their own zone, named; calendar apps place the iCalendar instants in the reader's zone.
 */
export const eventWhen = (event: Event): string => formatEventWhen(event, { locale: LOCALE });

/** The street address of an event one goes to (not of an online one), on one line. */
export function eventAddress(event: Event): string | undefined {
  const address = event.format === 'online' ? undefined : event.venue?.address;
  return address ? oneLine(address) || undefined : undefined;
}

/** The hiring signal's words as every surface shows them, then its score and reasons: nothing for a zero score. */
function hiringLine(event: Event): string | undefined {
  if (!(event.hiring.score > 0)) return undefined;
  const reasons = event.hiring.reasons.length ? `: ${event.hiring.reasons.join('; ')}` : '';
  const label = formatHiring(event, { showLow: true });
  return `${label} (${Math.round(event.hiring.score * 100)}%)${reasons}`;
}

/** The field (and pathway) names of an event, for categories and tags: "All fields" for an event open to all. */
export const eventFieldNames = (event: Event): string[] => sharedEventFieldNames(event);

/** The one-line summary feeds show under a title: status, when, where. */
export function eventSummaryLine(event: Event): string {
  return [formatEventStatus(event), eventWhen(event), formatEventPlace(event)].filter(Boolean).join(' · ');
}

/**
 * An event as plain text for a feed item or a calendar entry: its facts (when, where, type, organizer, cost,
 * hiring signal, status), then its description, then its page. Never HTML.
 */
export function eventPlainText(event: Event): string {
  const facts: [string, string | undefined][] = [
    ['Status', formatEventStatus(event)],
    ['When', eventWhen(event)],
    ['Where', formatEventPlace(event)],
    ['Address', eventAddress(event)],
    ['Type', eventTypeLabel(event.type)],
    ['Fields', eventFieldNames(event).join('; ') || undefined],
    ['Organizer', event.organizer ? oneLine(event.organizer.name) : undefined],
    ['Cost', formatEventCost(event, LOCALE)],
    ['Hiring signal', hiringLine(event)],
  ];
  const lines = facts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}: ${v}`);
  const description = feedText(event.description).trim();
  return [lines.join('\n'), description, `Details: ${event.url}`].filter((p) => p !== '').join('\n\n');
}
