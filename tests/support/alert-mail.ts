import type { Event } from '@fieldguide/shared';
import type { ParsedMail } from 'mailparser';
import { SEED_CITIES } from './seed-events.js';
import { syntheticEvent } from './synthetic-event.js';

export const DAY_MS = 86_400_000;

/** A clock the test moves: alerts' sign-ups, confirmations and digests go by it (`buildApp({ alertsClock })`). */
export function movableClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), ms: () => now };
}

/** An upcoming in-person conference in a field and city, first seen at `seenMs`, titled `<id> title`. */
export function alertEvent(
  id: string,
  field: string,
  city: keyof typeof SEED_CITIES,
  seenMs: number,
  patch: Partial<Event> = {},
): Event {
  const start = new Date(seenMs + 30 * DAY_MS);
  return {
    ...syntheticEvent({
      id,
      title: `${id} title`,
      description: 'A meeting of the field.',
      url: `https://example.org/${id}`,
      type: 'conference',
      fields: [field],
      pathways: [],
      tags: [],
      start: start.toISOString(),
      end: new Date(start.getTime() + 3 * 3_600_000).toISOString(),
      city: SEED_CITIES[city],
      format: 'in-person',
      hiring: 0.5,
      sourceId: 'test-source',
      seen: new Date(seenMs).toISOString(),
    }),
    ...patch,
  };
}

/** The first link in a mail's text part matching `pattern`. */
export const linkIn = (mail: ParsedMail, pattern: RegExp): string => {
  const found = mail.text?.match(pattern)?.[0];
  if (!found) throw new Error(`no link matching ${pattern} in:\n${mail.text}`);
  return found;
};

/** A URL's path and query, to hand to `app.inject`. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** A header as it was sent (mailparser folds the List-* headers into one object). */
export const rawHeader = (mail: ParsedMail | undefined, name: string): string | undefined =>
  mail?.headerLines.find((h) => h.key === name.toLowerCase())?.line.replace(/^[^:]+:\s*/, '');

/** The URL of a mail's `List-Unsubscribe` header, without its angle brackets. */
export const unsubscribeUrl = (mail: ParsedMail | undefined): string =>
  (rawHeader(mail, 'List-Unsubscribe') ?? '').replace(/^<|>$/g, '');
