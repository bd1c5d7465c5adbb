import type { Association, Event, EventFormat, EventStatus, Venue } from '@fieldguide/shared';
import { DateTime } from 'luxon';
import { feedText, oneLine } from '../feeds/text.js';

/** A schema.org node as JSON-LD carries it. */
export type JsonLdNode = { [key: string]: unknown };

const SCHEMA = 'https://schema.org';

const EVENT_STATUS: Readonly<Record<EventStatus, string>> = {
  scheduled: `${SCHEMA}/EventScheduled`,
  cancelled: `${SCHEMA}/EventCancelled`,
  postponed: `${SCHEMA}/EventPostponed`,
  rescheduled: `${SCHEMA}/EventRescheduled`,
};

const ATTENDANCE_MODE: Readonly<Record<EventFormat, string>> = {
  'in-person': `${SCHEMA}/OfflineEventAttendanceMode`,
  online: `${SCHEMA}/OnlineEventAttendanceMode`,
  hybrid: `${SCHEMA}/MixedEventAttendanceMode`,
};

/** How long a description may be in structured data and meta tags before it is cut, in characters. */
const MAX_DESCRIPTION = 5000;

/** An instant written in the event's own zone with its offset: `2027-03-12T09:00:00-05:00`. */
export function instantInZone(instant: string, timeZone: string): string {
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone);
  const dateTime = local.isValid ? local : DateTime.fromISO(instant, { zone: 'utc' });
  return dateTime.toISO({ suppressMilliseconds: true }) ?? instant;
}

/** Drops the keys whose value is undefined, so the JSON holds only what is known. */
function compact(node: JsonLdNode): JsonLdNode {
  return Object.fromEntries(Object.entries(node).filter(([, value]) => value !== undefined));
}

function postalAddress(venue: Venue): JsonLdNode | undefined {
  const address = compact({
    '@type': 'PostalAddress',
    streetAddress: venue.address ? oneLine(venue.address) : undefined,
    addressLocality: venue.city,
    addressRegion: venue.region,
    postalCode: venue.postalCode,
    addressCountry: venue.country,
  });
  return Object.keys(address).length > 1 ? address : undefined;
}

function place(venue: Venue): JsonLdNode {
  const hasPoint = venue.lat !== undefined && venue.lng !== undefined;
  return compact({
    '@type': 'Place',
    name: venue.name ?? venue.city,
    address: postalAddress(venue),
    geo: hasPoint ? { '@type': 'GeoCoordinates', latitude: venue.lat, longitude: venue.lng } : undefined,
  });
}

/** Where the event is: a Place with its address, a VirtualLocation (its page), or both for a hybrid event. */
function eventLocation(event: Event): JsonLdNode | JsonLdNode[] | undefined {
  const virtual = { '@type': 'VirtualLocation', url: event.url };
  const physical = event.format !== 'online' && event.venue ? place(event.venue) : undefined;
  if (event.format === 'online') return virtual;
  if (event.format === 'hybrid') return physical ? [physical, virtual] : virtual;
  return physical;
}

/** What attending costs, when the event says: an Offer of one price, or an AggregateOffer of a range. */
function offers(event: Event): JsonLdNode | undefined {
  const cost = event.cost;
  if (!cost) return undefined;
  const currency = cost.currency;
  if (cost.free) return { '@type': 'Offer', price: 0, priceCurrency: currency ?? 'USD', url: event.url };
  if (cost.min === undefined && cost.max === undefined) return undefined;
  if (cost.min !== undefined && cost.max !== undefined && cost.min !== cost.max) {
    return compact({
      '@type': 'AggregateOffer',
      lowPrice: cost.min,
      highPrice: cost.max,
      priceCurrency: currency,
      url: event.url,
    });
  }
  return compact({ '@type': 'Offer', price: cost.min ?? cost.max, priceCurrency: currency, url: event.url });
}

/** A description as plain text on which structured data and meta tags agree, cut at a length readers accept. */
export function plainDescription(text: string, max = MAX_DESCRIPTION): string {
  const clean = feedText(text).trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  // End on a whole word unless that would drop most of the text.
  const lastSpace = cut.search(/\s\S*$/);
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** What an event's structured data links to besides the event itself. */
export interface EventLinks {
  /** The event's page here (canonical URL). */
  pageUrl: string;
  /** Its share image. */
  imageUrl: string;
}

/**
 * The event as a schema.org Event: name, dates with offsets in its own zone, location, organizer, status,
 * attendance mode, this page's URL (the organizer's page as `sameAs`), image, description, offers when known.
 */
export function eventJsonLd(event: Event, links: EventLinks): JsonLdNode {
  return compact({
    '@context': SCHEMA,
    '@type': 'Event',
    name: oneLine(event.title),
    startDate: instantInZone(event.start, event.timeZone),
    endDate: event.end ? instantInZone(event.end, event.timeZone) : undefined,
    eventStatus: EVENT_STATUS[event.status],
    eventAttendanceMode: ATTENDANCE_MODE[event.format],
    location: eventLocation(event),
    organizer: event.organizer
      ? compact({ '@type': 'Organization', name: oneLine(event.organizer.name), url: event.organizer.url })
      : undefined,
    url: links.pageUrl,
    sameAs: event.url,
    image: [links.imageUrl],
    description: event.description ? plainDescription(event.description) : undefined,
    offers: offers(event),
    isAccessibleForFree: event.cost?.free ? true : undefined,
  });
}

/** The association as a schema.org Organization (its own site as `url`, this page as `mainEntityOfPage`). */
export function associationJsonLd(association: Association, pageUrl: string): JsonLdNode {
  return compact({
    '@context': SCHEMA,
    '@type': 'Organization',
    name: oneLine(association.name),
    alternateName: association.acronym,
    url: association.url,
    mainEntityOfPage: pageUrl,
    description: association.description ? plainDescription(association.description) : undefined,
    areaServed: association.country,
  });
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` as JSON escapes, so no text in it can
 * close the script element or open a comment, and the line separators JavaScript once refused escaped too.
 */
export function serializeJsonLd(node: JsonLdNode): string {
  return JSON.stringify(node).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
