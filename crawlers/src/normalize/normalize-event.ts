import type { Cost, Event, Organizer } from '@fieldguide/shared';
import type { RawEvent, RawOffer } from '../extract/raw-event.js';
import { absoluteUrl } from '../extract/util.js';
import { normalizeDates, toInstant } from './normalize-dates.js';
import { eventFormat, normalizeVenue } from './normalize-place.js';
import { toEventStatus } from './normalize-status.js';
import { cleanTitle, htmlToText, MAX_DESCRIPTION_CHARS } from './normalize-text.js';
import { zoneForPlace } from './normalize-zone.js';

/** The parts of an {@link Event} that come from one raw event; the pipeline adds id, type, fields, hiring, sources. */
export type NormalizedEvent = Pick<
  Event,
  | 'title'
  | 'description'
  | 'start'
  | 'end'
  | 'timeZone'
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

/**
 * Normalizes one raw event: dates to instants in the event's zone (the source's, the venue's, then
 * `defaultTimeZone`), venue to ISO country and region codes, format from attendance mode and places, status,
 * cost, plain-text title and description. Returns `event: undefined` with the reason when the event can't be
 * kept (no title, unreadable start).
 */
export function normalizeRawEvent(
  raw: RawEvent,
  opts: { defaultTimeZone?: string } = {},
): { event?: NormalizedEvent; warnings: string[] } {
  const title = cleanTitle(raw.title);
  if (!title) return { warnings: ['no title'] };
  const venue = normalizeVenue(raw.venue);
  const { dates, warnings } = normalizeDates(raw, {
    ...(zoneForPlace(venue) ? { venueZone: zoneForPlace(venue) } : {}),
    ...(opts.defaultTimeZone ? { defaultZone: opts.defaultTimeZone } : {}),
  });
  if (!dates) return { warnings };
  const { status } = toEventStatus(raw.status);
  const format = eventFormat(raw);
  const description = raw.description
    ? htmlToText(raw.description)
    : raw.descriptionHtml
      ? htmlToText(raw.descriptionHtml)
      : '';
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
