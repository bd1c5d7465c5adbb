import { cleanTitle, htmlToText, looksLikeHtml } from '../normalize/normalize-text.js';
import { parseDateValue } from './dates.js';
import type { ExtractResult, RawAttendanceMode, RawEvent, RawVenue } from './raw-event.js';
import { absoluteUrl, compact, isNode, parsePrice, toNumber } from './util.js';

type Json = { [key: string]: unknown };

/** What Localist's events API gives for one page of results. */
export interface LocalistResult extends ExtractResult {
  /** The next page of the same query, while the API says there is one. */
  nextPageUrl?: string;
}

// Localist allows at most 100 events a page; a page saying it has more is not believed.
const MAX_EVENTS_PER_PAGE = 100;
// Instances kept per event: a daily event over a year has 365, which a listing shows as one series anyway.
const MAX_INSTANCES = 100;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** True for a body shaped like Localist's `GET /api/2/events` answer: `{ events: [{ event: {…} }], page: {…} }`. */
export function looksLikeLocalist(doc: unknown): boolean {
  if (!isNode(doc) || !Array.isArray(doc.events) || !isNode(doc.page)) return false;
  const first = doc.events[0];
  return first === undefined || (isNode(first) && isNode(first.event));
}

function venueOf(event: Json): RawVenue | undefined {
  const geo = isNode(event.geo) ? event.geo : {};
  const lat = toNumber(geo.latitude);
  const lng = toNumber(geo.longitude);
  const located = lat !== undefined && lng !== undefined && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  const name = text(event.location_name) ?? text(event.location);
  const venue = compact<RawVenue>({
    name: name ? cleanTitle(name) : undefined,
    address: text(geo.street) ?? text(event.address),
    city: text(geo.city),
    region: text(geo.state),
    postalCode: text(geo.zip),
    country: text(geo.country),
    ...(located ? { lat, lng } : {}),
  });
  return Object.keys(venue).length > 0 ? venue : undefined;
}

function attendanceOf(event: Json): RawAttendanceMode | undefined {
  const experience = text(event.experience)?.toLowerCase();
  if (experience === 'inperson') return 'offline';
  if (experience === 'virtual') return 'online';
  if (experience === 'hybrid') return 'mixed';
  return undefined;
}

function keywordsOf(event: Json): string[] {
  const filters = isNode(event.filters) ? event.filters : {};
  const types = Array.isArray(filters.event_types) ? filters.event_types : [];
  const words = [
    ...(Array.isArray(event.tags) ? event.tags : []),
    ...(Array.isArray(event.keywords) ? event.keywords : []),
    ...types.map((t) => (isNode(t) ? t.name : undefined)),
  ];
  return [
    ...new Set(
      words
        .map(text)
        .filter((w): w is string => Boolean(w))
        .map((w) => w.slice(0, 80)),
    ),
  ].slice(0, 50);
}

/** The fields every instance of one Localist event shares. */
function baseOf(event: Json, pageUrl: string): Omit<RawEvent, 'start'> | undefined {
  const title = text(event.title);
  if (!title) return undefined;
  const html = text(event.description);
  const description = text(event.description_text) ?? (html ? htmlToText(html) : undefined);
  const cost = text(event.ticket_cost);
  const price = cost ? parsePrice(cost) : {};
  const free = event.free === true || price.free === true;
  return compact<Omit<RawEvent, 'start'>>({
    title: cleanTitle(title),
    description,
    descriptionHtml: html && looksLikeHtml(html) ? html : undefined,
    url: absoluteUrl(text(event.localist_url), pageUrl) ?? absoluteUrl(text(event.url), pageUrl),
    venue: venueOf(event),
    virtualUrl: absoluteUrl(text(event.stream_url), pageUrl),
    attendanceMode: attendanceOf(event),
    status: /^cancel/i.test(text(event.status) ?? '') ? 'cancelled' : undefined,
    offers: free
      ? [{ price: 0, isFree: true }]
      : price.amount !== undefined
        ? [compact({ price: price.amount, currency: price.currency })]
        : undefined,
    keywords: keywordsOf(event),
    image: absoluteUrl(text(event.photo_url), pageUrl),
    extractedBy: 'localist',
  });
}

function instancesOf(event: Json): Json[] {
  const list = Array.isArray(event.event_instances) ? event.event_instances : [];
  return list.map((i) => (isNode(i) && isNode(i.event_instance) ? i.event_instance : undefined)).filter(isNode);
}

function eventsOf(event: Json, pageUrl: string, warnings: string[]): RawEvent[] {
  const base = baseOf(event, pageUrl);
  const id = text(String(event.id ?? ''));
  if (!base) {
    warnings.push(`localist: event ${id ?? '(no id)'} skipped: no title`);
    return [];
  }
  const instances = instancesOf(event);
  if (instances.length > MAX_INSTANCES) {
    warnings.push(`localist: "${base.title}": kept the first ${MAX_INSTANCES} of ${instances.length} dates`);
  }
  const events: RawEvent[] = [];
  for (const instance of instances.slice(0, MAX_INSTANCES)) {
    const start = parseDateValue(text(instance.start));
    if (!start) continue;
    const allDay = instance.all_day === true;
    const end = parseDateValue(text(instance.end));
    events.push(
      compact<RawEvent>({
        ...base,
        start: allDay ? start.value.slice(0, 10) : start.value,
        end: end && !allDay ? end.value : undefined,
        allDay: allDay || start.dateOnly || undefined,
        uid: id ? `localist:${id}#${start.value}` : undefined,
        seriesKey: id && instances.length > 1 ? `localist:${id}` : undefined,
      }),
    );
  }
  if (events.length === 0) warnings.push(`localist: "${base.title}" skipped: no readable date`);
  return events;
}

function nextPage(doc: Json, pageUrl: string): string | undefined {
  const page = isNode(doc.page) ? doc.page : {};
  const current = toNumber(page.current);
  const total = toNumber(page.total);
  if (current === undefined || total === undefined || current >= total || !Number.isInteger(current)) return undefined;
  const url = new URL(pageUrl);
  url.searchParams.set('page', String(current + 1));
  return url.href;
}

/**
 * Reads one page of Localist's events API (`/api/2/events`), the platform many university and career-center
 * calendars run on: each event instance becomes a raw event (instances of one event share a `seriesKey`), with
 * its place, online link, cost, tags and event types; `nextPageUrl` while the API has more pages. Never throws.
 */
export function extractLocalist(body: string, pageUrl: string): LocalistResult {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return { events: [], warnings: [`localist: not JSON (${(error as Error).message})`] };
  }
  if (!looksLikeLocalist(doc)) return { events: [], warnings: ['localist: not an events API answer'] };
  const root = doc as Json;
  const warnings: string[] = [];
  const list = root.events as unknown[];
  if (list.length > MAX_EVENTS_PER_PAGE) {
    warnings.push(`localist: read the first ${MAX_EVENTS_PER_PAGE} of ${list.length} events on one page`);
  }
  const events = list
    .slice(0, MAX_EVENTS_PER_PAGE)
    .flatMap((item) => (isNode(item) && isNode(item.event) ? eventsOf(item.event, pageUrl, warnings) : []));
  const next = nextPage(root, pageUrl);
  return next ? { events, warnings, nextPageUrl: next } : { events, warnings };
}
