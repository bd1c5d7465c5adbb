import type { EventStatus } from '@fieldguide/shared';
import type { RawEventStatus } from '../extract/raw-event.js';

const STATUS_WORDS: [RegExp, RawEventStatus][] = [
  [/^(event)?cancel+ed$|^canceled$|^deleted$|^abgesagt$/, 'cancelled'],
  [/^(event)?postponed$|^delayed$|^verschoben$/, 'postponed'],
  [/^(event)?rescheduled$/, 'rescheduled'],
  [/^(event)?movedonline$/, 'moved-online'],
  [/^(event)?scheduled$|^confirmed$|^tentative$|^onschedule$|^publish(ed)?$|^active$|^live$|^open$/, 'scheduled'],
];

/**
 * Reads a status as sources write it — schema.org `eventStatus` (`https://schema.org/EventCancelled`,
 * `EventMovedOnline`), iCalendar `STATUS` (`CANCELLED`, `CONFIRMED`, `TENTATIVE`) or plain words ("canceled",
 * "on-schedule") — into a {@link RawEventStatus}; `undefined` when it says nothing we know.
 */
export function normalizeStatus(value: unknown): RawEventStatus | undefined {
  if (typeof value !== 'string') return undefined;
  const last = value.trim().split(/[/#:]/).pop() ?? '';
  const word = last.toLowerCase().replace(/[\s_-]+/g, '');
  if (!word) return undefined;
  for (const [pattern, status] of STATUS_WORDS) if (pattern.test(word)) return status;
  return undefined;
}

/**
 * The stored status for a raw one: `moved-online` is a scheduled event that now happens online (the caller
 * sets the format); no status means scheduled.
 */
export function toEventStatus(status: RawEventStatus | undefined): { status: EventStatus; movedOnline: boolean } {
  if (status === 'moved-online') return { status: 'scheduled', movedOnline: true };
  return { status: status ?? 'scheduled', movedOnline: false };
}
