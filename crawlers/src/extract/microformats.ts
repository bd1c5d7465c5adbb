import { load } from 'cheerio';
import { mf2 } from 'microformats-parser';
import type { HtmlExtractOptions } from './json-ld.js';
import { eventsFromNodes } from './json-ld.js';
import type { ExtractResult } from './raw-event.js';
import type { SchemaNode } from './schema-org.js';
import { isNode } from './util.js';

type Mf2Document = ReturnType<typeof mf2>;
type Mf2Item = Mf2Document['items'][number];
type Mf2Value = Mf2Item['properties'][string][number];

// Root class names of microformats2 events, and of classic hCalendar (which the parser reads as h-event).
const EVENT_ROOTS = '.h-event, .vevent';
const MAX_DEPTH = 8;

const isItem = (value: unknown): value is Mf2Item =>
  isNode(value) && Array.isArray(value.type) && isNode(value.properties);

/** A property's values as text: plain strings, `e-*` values' HTML, embedded items' own value. */
function texts(item: Mf2Item, name: string): string[] {
  return (item.properties[name] ?? [])
    .map((v: Mf2Value) => {
      if (typeof v === 'string') return v;
      if ('html' in v && typeof v.html === 'string') return v.html;
      if (typeof v.value === 'string') return v.value;
      return undefined;
    })
    .filter((v): v is string => Boolean(v?.trim()));
}

const first = (item: Mf2Item, ...names: string[]) => names.map((n) => texts(item, n)[0]).find(Boolean);

/** An `h-adr` (or the address parts of an `h-card`) as a schema.org PostalAddress. */
function postalAddress(item: Mf2Item): SchemaNode | undefined {
  const address: SchemaNode = {
    '@type': 'PostalAddress',
    streetAddress: first(item, 'street-address'),
    addressLocality: first(item, 'locality'),
    addressRegion: first(item, 'region'),
    postalCode: first(item, 'postal-code'),
    addressCountry: first(item, 'country-name'),
  };
  return Object.values(address).filter(Boolean).length > 1 ? address : undefined;
}

/** An `h-card`, `h-adr` or `h-geo` location as a schema.org Place; a plain text location stays text. */
function place(value: Mf2Value): SchemaNode | string | undefined {
  if (typeof value === 'string') return value;
  if (!isItem(value)) return undefined;
  const adr = (value.properties.adr ?? []).find(isItem);
  const geoItem = (value.properties.geo ?? []).find(isItem) ?? value;
  const types = value.type ?? [];
  const name = types.includes('h-adr') ? undefined : first(value, 'name', 'org');
  const lat = first(geoItem, 'latitude');
  const lng = first(geoItem, 'longitude');
  return {
    '@type': 'Place',
    name,
    address: (adr && postalAddress(adr)) ?? postalAddress(value) ?? (name ? undefined : value.value),
    geo: lat && lng ? { latitude: lat, longitude: lng } : undefined,
  };
}

/**
 * An end given as a time only takes the start's day, as the value-class pattern says; the parser leaves such an
 * end without a date (`null 19:00`) when the start's date is written in words.
 */
function endOn(start: string | undefined, end: string | undefined): string | undefined {
  const time = /^(?:null\s+)?(\d{1,2}:\d{2}(?::\d{2})?\S*)$/i.exec(end?.trim() ?? '')?.[1];
  const day = /^\d{4}-\d{2}-\d{2}/.exec(start ?? '')?.[0];
  if (!time) return end;
  return day ? `${day}T${time}` : undefined;
}

/** An `h-event` as the schema.org Event node the shared mapping reads. */
function eventNode(item: Mf2Item): SchemaNode {
  const organizer = (item.properties.organizer ?? [])[0];
  const start = first(item, 'start');
  return {
    '@type': 'Event',
    '@id': first(item, 'uid'),
    name: first(item, 'name'),
    description: first(item, 'description', 'content', 'summary'),
    startDate: start,
    endDate: endOn(start, first(item, 'end')),
    url: first(item, 'url'),
    location: (item.properties.location ?? []).map(place).filter(Boolean),
    keywords: texts(item, 'category').join(','),
    organizer: isItem(organizer)
      ? { name: first(organizer, 'name', 'org'), url: first(organizer, 'url') }
      : (organizer as string | undefined),
    image: first(item, 'photo', 'featured'),
    eventStatus: first(item, 'x-status'),
  };
}

/** Every h-event of a parsed document, nested ones (in an h-feed, as a property) included. */
function findEvents(items: unknown[], depth = 0): Mf2Item[] {
  if (depth > MAX_DEPTH) return [];
  const found: Mf2Item[] = [];
  for (const item of items) {
    if (!isItem(item)) continue;
    if (item.type?.includes('h-event')) found.push(item);
    const nested = [...(item.children ?? []), ...Object.values(item.properties).flat()];
    found.push(...findEvents(nested, depth + 1));
  }
  return found;
}

/**
 * Extracts events marked up as microformats2 `h-event` or classic hCalendar (`vevent` with `summary`,
 * `dtstart`, `dtend`, `location`, `description`, `url`, `category`), read with `microformats-parser` and
 * mapped like schema.org events. Pages without such class names are not parsed again.
 */
export function extractMicroformats(body: string, pageUrl: string, opts: HtmlExtractOptions = {}): ExtractResult {
  const $ = opts.$ ?? load(body);
  if ($(EVENT_ROOTS).length === 0) return { events: [], warnings: [] };
  let doc: Mf2Document;
  try {
    doc = mf2(body, { baseUrl: pageUrl });
  } catch (error) {
    return { events: [], warnings: [`microformats: page not read (${(error as Error).message})`] };
  }
  const nodes = findEvents(doc.items).map(eventNode);
  const { events, warnings } = eventsFromNodes(nodes, pageUrl, 'microformats', opts);
  return { events, warnings };
}
