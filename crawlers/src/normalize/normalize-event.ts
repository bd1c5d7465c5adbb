import type { Cost, Event, Organizer } from '@fieldguide/shared';
import type { RawEvent, RawOffer } from '../extract/raw-event.js';
import { absoluteUrl } from '../extract/util.js';
import { normalizeDates, toInstant } from './normalize-dates.js';
import { eventFormat, normalizeVenue } from './normalize-place.js';
import { toEventStatus } from './normalize-status.js';
import { cleanTitle, htmlToText, MAX_DESCRIPTION_CHARS } from './normalize-text.js';
import { zoneForPlace } from './normalize-zone.js';
import { saysOnline, statedPlace, statedTime } from './stated-in-text.js';

/** The parts of an {@link Event} that come from one raw event; the pipeline adds id, type, fields, hiring, sources. */
export type NormalizedEvent = Pick<
  Event,
  | 'title'
  | 'description'
  | 'start'
  | 'end'
  | 'timeZone'
  | 'timeZoneSource'
  | 'allDay'
  | 'format'
  | 'venue'
  | 'status'
  | 'cfpUrl'
  | 'cfpEnd'
> & {
  url?: string;
  organizer?: Organizer;
  cost?: Cost;
  tags: string[];
  uid?: string;
  typeHint?: string;
  performers?: string[];
  image?: string;
};

function costOf(offers: RawOffer[] | undefined): Cost | undefined {
  if (!offers || offers.length === 0) return undefined;
  const amounts = offers
    .flatMap((o) => [o.price, o.lowPrice, o.highPrice])
    .filter((n): n is number => typeof n === 'number' && n >= 0);
  const free = offers.every((o) => o.isFree === true || (amounts.length > 0 && amounts.every((n) => n === 0)));
  const paid = amounts.filter((n) => n > 0);
  const currency = offers.map((o) => o.currency).find((c) => c && /^[A-Z]{3}$/.test(c));
  if (!free && paid.length === 0) return undefined;
  const cost: Cost = { free: free && paid.length === 0 };
  if (paid.length > 0) {
    cost.min = Math.min(...paid);
    cost.max = Math.max(...paid);
  }
  if (currency && paid.length > 0) cost.currency = currency;
  return cost;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The raw dates with the time of day its description states, when the source gave one day without a time
 * ("When: Sunday, December 13 · 7:00 PM – 8:00 PM (Central)" in a feed item dated December 13): a timed event in
 * the stated zone (else the source's), not an all-day one. Multi-day events keep their dates.
 */
export function withStatedTime(raw: RawEvent, description: string): RawEvent {
  const day = raw.start.slice(0, 10);
  const dateOnly = DATE_ONLY.test(raw.start) || (raw.allDay === true && DATE_ONLY.test(day));
  if (!dateOnly || (raw.end !== undefined && raw.end.slice(0, 10) !== day)) return raw;
  const time = statedTime(description);
  if (!time) return raw;
  const at = (t: { hour: number; minute: number }) => `${day}T${pad(t.hour)}:${pad(t.minute)}:00`;
  const { end: _end, ...rest } = raw;
  const timed: RawEvent = { ...rest, start: at(time.start), allDay: false };
  if (time.end && time.end.hour * 60 + time.end.minute > time.start.hour * 60 + time.start.minute) {
    timed.end = at(time.end);
  }
  const timeZone = time.timeZone ?? raw.timeZone;
  if (timeZone) timed.timeZone = timeZone;
  return timed;
}

/**
 * Normalizes one raw event: dates to instants in the event's zone (the source's, the venue's, then
 * `defaultTimeZone`), a day without a time given the time its description states ({@link withStatedTime}), venue
 * to ISO country and region codes (from a "Where:" line of the description when the source gives no place), format
 * from attendance mode and places (online when there is no place and the text says webinar or online), status,
 * cost, plain-text title and description. Returns `event: undefined` with the reason when the event can't be
 * kept (no title, unreadable start).
 */
export function normalizeRawEvent(
  raw: RawEvent,
  opts: { defaultTimeZone?: string } = {},
): { event?: NormalizedEvent; warnings: string[] } {
  const title = cleanTitle(raw.title);
  if (!title) return { warnings: ['no title'] };
  const description = raw.description
    ? htmlToText(raw.description)
    : raw.descriptionHtml
      ? htmlToText(raw.descriptionHtml)
      : '';
  // A feed item often says where only in its text ("Where: Minneapolis Convention Center, …").
  const rawVenue = raw.venue ?? statedPlace(description);
  const venue = normalizeVenue(rawVenue);
  const zones = {
    ...(zoneForPlace(venue) ? { venueZone: zoneForPlace(venue) } : {}),
    ...(opts.defaultTimeZone ? { defaultZone: opts.defaultTimeZone } : {}),
  };
  const { dates, warnings } = normalizeDates(withStatedTime(raw, description), zones);
  if (!dates) return { warnings };
  const { status } = toEventStatus(raw.status);
  let format = eventFormat({ ...raw, ...(rawVenue ? { venue: rawVenue } : {}) });
  // No place, and the text says webinar or "Where: Online": not the in-person default.
  if (format === 'in-person' && !venue && saysOnline(title, description)) format = 'online';
  const event: NormalizedEvent = {
    title,
    description: description.slice(0, MAX_DESCRIPTION_CHARS),
    ...dates,
    format,
    status,
    tags: [...new Set((raw.keywords ?? []).map((k) => cleanTitle(k).slice(0, 80)).filter(Boolean))].slice(0, 50),
  };
  const url = absoluteUrl(raw.url);
  if (url) event.url = url;
  if (venue) event.venue = venue;
  if (raw.organizer?.name) {
    const name = cleanTitle(raw.organizer.name).slice(0, 300);
    const orgUrl = absoluteUrl(raw.organizer.url);
    if (name) event.organizer = orgUrl ? { name, url: orgUrl } : { name };
  }
  const cost = costOf(raw.offers);
  if (cost) event.cost = cost;
  const cfpUrl = absoluteUrl(raw.cfpUrl);
  if (cfpUrl) event.cfpUrl = cfpUrl;
  const cfpEnd = toInstant(raw.cfpEnd, dates.timeZone);
  if (cfpEnd) event.cfpEnd = cfpEnd;
  if (raw.uid) event.uid = raw.uid;
  if (raw.typeHint) event.typeHint = raw.typeHint;
  if (raw.performers?.length) event.performers = raw.performers;
  if (raw.image) event.image = raw.image;
  return { event, warnings };
}
