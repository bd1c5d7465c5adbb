import type { EventStatus } from '../event/event.schema.js';
import { EVENT_STATUS_LABELS } from '../labels.js';

/**
 * What an event's status reads where it is worth saying: "Cancelled", "Postponed", "Rescheduled"; `undefined` for a
 * scheduled event, which needs no note.
 */
export function formatEventStatus(event: { status: EventStatus }): string | undefined {
  return event.status === 'scheduled' ? undefined : EVENT_STATUS_LABELS[event.status];
}
