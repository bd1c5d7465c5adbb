import { cleanTitle, htmlToText } from '../normalize/normalize-text.js';
import { resolveTimeZone } from '../normalize/normalize-zone.js';
import { parseDateValue } from './dates.js';
import type { ExtractResult, RawEvent, RawOffer, RawVenue } from './raw-event.js';
import { absoluteUrl, asArray, compact, parsePrice, toNumber } from './util.js';

/** What {@link extractWordpressEvents} returns: events and the next page of the listing, if any. */
export interface WordpressEventsResult extends ExtractResult {
  /** `next_rest_url` of the response, absolute. */
  nextPageUrl?: string;
  /** `total` events the API says match, across pages. */
  total?: number;
}

type Json = { [key: string]: unknown };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function venueOf(raw: unknown): RawVenue | undefined {
  // The API sends `[]` for an event without a venue.
  if (!isObject(raw)) return undefined;
  const lat = toNumber(raw.geo_lat);
  const lng = toNumber(raw.geo_lng);
  const venue = compact<RawVenue>({
    name: str(raw.venue) ? cleanTitle(str(raw.venue)!) : undefined,
    address: str(raw.address) ? cleanTitle(str(raw.address)!) : undefined,
    city: str(raw.city),
    region: str(raw.stateprovince) ?? str(raw.state) ?? str(raw.province),
    postalCode: str(raw.zip),
    country: str(raw.country),
    ...(lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : {}),
  });
  return Object.keys(venue).length > 0 ? venue : undefined;
}

function offersOf(event: Json): RawOffer[] {
  const details = isObject(event.cost_details) ? event.cost_details : undefined;
  const code = str(details?.currency_code)?.toUpperCase();
  const values = asArray(details?.values as unknown)
    .map((v) => toNumber(v))
    .filter((v): v is number => v !== undefined);
  const cost = str(event.cost);
  if (values.length === 0 && !cost) return [];
  const parsed = parsePrice(cost);
  const currency = code && /^[A-Z]{3}$/.test(code) ? code : parsed.currency;
  const free = /free/i.test(cost ?? '') || (values.length > 0 && values.every((v) => v === 0));
  if (values.length > 1) {
    return [
      compact<RawOffer>({
        lowPrice: Math.min(...values),
        highPrice: Math.max(...values),
        currency,
        isFree: free || undefined,
      }),
    ];
  }
  const price = values[0] ?? parsed.amount;
  return [compact<RawOffer>({ price, currency, isFree: free || parsed.free || undefined })];
}

/** `2027-03-04 09:00:00` (the API's form) → `2027-03-04T09:00:00`, plus `Z` when it is the UTC field. */
function apiDate(value: unknown, utc: boolean): string | undefined {
  const parsed = parseDateValue(typeof value === 'string' ? value.replace(' ', 'T') : value);
  if (!parsed) return undefined;
  return utc && !parsed.dateOnly && !/(Z|[+-]\d{2}:\d{2})$/.test(parsed.value) ? `${parsed.value}Z` : parsed.value;
}

function readEvent(event: Json, pageUrl: string): { event?: RawEvent; warning?: string } {
  const title = cleanTitle(str(event.title) ?? '');
  const id = event.id === undefined ? undefined : String(event.id);
  if (!title) return { warning: `wordpress-events: event ${id ?? '?'} skipped: no title` };
  const allDay = event.all_day === true;
  const zone = resolveTimeZone(event.timezone);
  // All-day events are dates in the event's zone; timed ones are taken from the UTC fields when present.
  const start = allDay
    ? apiDate(str(event.start_date)?.slice(0, 10), false)
    : (apiDate(event.utc_start_date, true) ?? apiDate(event.start_date, false));
  if (!start) return { warning: `wordpress-events: "${title}" skipped: no readable start date` };
  const end = allDay
    ? apiDate(str(event.end_date)?.slice(0, 10), false)
    : (apiDate(event.utc_end_date, true) ?? apiDate(event.end_date, false));
  const description = str(event.description);
  const organizer = asArray(event.organizer as unknown)
    .filter(isObject)
    .map((o) =>
      compact({ name: cleanTitle(str(o.organizer) ?? ''), url: absoluteUrl(str(o.website) ?? str(o.url), pageUrl) }),
    )
    .find((o) => o.name);
  const terms = [...asArray(event.categories as unknown), ...asArray(event.tags as unknown)]
    .filter(isObject)
    .map((t) => cleanTitle(str(t.name) ?? '').slice(0, 80))
    .filter(Boolean);
  const image = isObject(event.image) ? absoluteUrl(event.image.url, pageUrl) : undefined;
  const status = str(event.status);
  return {
    event: compact<RawEvent>({
      title,
      description: description ? htmlToText(description) : undefined,
      descriptionHtml: description,
      url: absoluteUrl(str(event.url), pageUrl),
      start,
      end,
      timeZone: zone,
      allDay: allDay || undefined,
      uid: str(event.global_id) ?? id,
      status: status === 'trash' || status === 'cancelled' ? 'cancelled' : undefined,
      venue: venueOf(event.venue),
      organizer,
      offers: offersOf(event),
      keywords: [...new Set(terms)],
      image,
      extractedBy: 'wordpress-events',
    }),
  };
}

/**
 * Extracts events from The Events Calendar's REST API (`/wp-json/tribe/events/v1/events`): venue, organizer,
 * cost, categories and tags, `utc_start_date` with the event's `timezone`, `all_day`; `nextPageUrl` comes from
 * `next_rest_url`. Also accepts a single event object (`/events/{id}`).
 */
export function extractWordpressEvents(body: string, pageUrl: string): WordpressEventsResult {
  const warnings: string[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return { events: [], warnings: [`wordpress-events: not JSON (${(error as Error).message})`] };
  }
  if (!isObject(doc)) return { events: [], warnings: ['wordpress-events: expected a JSON object'] };
  const list = Array.isArray(doc.events) ? doc.events : 'title' in doc && 'start_date' in doc ? [doc] : undefined;
  if (!list) {
    const code = str(doc.code);
    return { events: [], warnings: [`wordpress-events: no "events" array${code ? ` (API error ${code})` : ''}`] };
  }
  const events: RawEvent[] = [];
  for (const item of list) {
    if (!isObject(item)) continue;
    if (item.hide_from_listings === true) continue;
    const { event, warning } = readEvent(item, pageUrl);
    if (event) events.push(event);
    if (warning) warnings.push(warning);
  }
  const nextPageUrl = absoluteUrl(str(doc.next_rest_url), pageUrl);
  const total = toNumber(doc.total);
  return { events, warnings, ...(nextPageUrl ? { nextPageUrl } : {}), ...(total !== undefined ? { total } : {}) };
}
