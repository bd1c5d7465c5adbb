import type { EventHit } from '@fieldguide/shared';

/** The event's own page when its URL is http(s), else its page on Fieldguide. */
export function eventHref(event: Pick<EventHit, 'id' | 'url'>): string {
  try {
    const { protocol } = new URL(event.url);
    if (protocol === 'https:' || protocol === 'http:') return event.url;
  } catch {
    // fall through
  }
  return `/events/${encodeURIComponent(event.id)}`;
}
