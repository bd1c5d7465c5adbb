import type { EventFormat } from '../event/event.schema.js';

/**
 * The parts of a place, flat as an API hit or an index document holds them (`venueName`, `city`, …) or nested as
 * an event's `venue`. A flat part wins over the nested one.
 */
export interface PlaceParts {
  venueName?: string | null | undefined;
  city?: string | null | undefined;
  region?: string | null | undefined;
  country?: string | null | undefined;
  venue?:
    | {
        name?: string | undefined;
        city?: string | undefined;
        region?: string | undefined;
        country?: string | undefined;
      }
    | null
    | undefined;
}

/** What {@link formatEventPlace} reads: the format and the place's parts. */
export interface EventPlaceInput extends PlaceParts {
  format: EventFormat;
}

/** What an online event's place reads. */
export const PLACE_ONLINE = 'Online';
/** What an event with no known place reads. */
export const PLACE_TO_BE_ANNOUNCED = 'Place to be announced';
/** Added after a hybrid event's place. */
export const ALSO_ONLINE = ' · also online';

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * A place as one line of text, "Venue, City, Region, Country", from whatever parts exist (whitespace collapsed, a
 * part repeating an earlier one dropped: "London, London, GB" reads "London, GB"). Empty when no part is known.
 */
export function formatPlace(parts: PlaceParts): string {
  const venue = parts.venue ?? undefined;
  const out: string[] = [];
  for (const part of [
    parts.venueName ?? venue?.name,
    parts.city ?? venue?.city,
    parts.region ?? venue?.region,
    parts.country ?? venue?.country,
  ]) {
    const text = clean(part);
    if (text && !out.includes(text)) out.push(text);
  }
  return out.join(', ');
}

/**
 * Where an event is, as every surface shows it: "Online" for an online event (a venue it names is an office, not
 * a place to go), the place for an in-person one, the place then " · also online" for a hybrid one, and
 * "Place to be announced" where a place is wanted but unknown.
 */
export function formatEventPlace(event: EventPlaceInput): string {
  if (event.format === 'online') return PLACE_ONLINE;
  const place = formatPlace(event) || PLACE_TO_BE_ANNOUNCED;
  return event.format === 'hybrid' ? `${place}${ALSO_ONLINE}` : place;
}
