import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { expect } from 'vitest';

// Checks of each feed format against its specification, strict enough to fail on a missing required element.

type Component = InstanceType<typeof ICAL.Component>;

/** An iCalendar file as ical.js reads it, its VTIMEZONEs registered the way a calendar client would. */
export function parseIcal(text: string): { calendar: Component; events: Component[] } {
  expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
  for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = calendar.getAllSubcomponents('vevent');
  for (const event of events) {
    // RFC 5545 §3.6.1: UID and DTSTAMP are required; DTSTART is, when there is no METHOD.
    for (const name of ['uid', 'dtstamp', 'dtstart']) expect(event.getFirstProperty(name), name).toBeTruthy();
    const tzid = event.getFirstProperty('dtstart')?.getParameter('tzid');
    if (tzid) {
      const zones = calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
      expect(zones, `VTIMEZONE for ${tzid}`).toContain(tzid);
    }
  }
  return { calendar, events };
}

/** Reverses iCalendar TEXT escaping, for X- properties that ical.js leaves raw. */
export const unescapeIcalText = (value: string): string =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'category', 'link', 'atom:link', 'author'].includes(name),
});

/** The text of an element: its string, or `#text` when it has attributes. */
export const textOf = (node: unknown): string => {
  const one = Array.isArray(node) ? (node.length === 1 ? node[0] : undefined) : node;
  return typeof one === 'string' ? one : String((one as Record<string, unknown> | undefined)?.['#text'] ?? '');
};

const isAbsoluteUrl = (value: string) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value);
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface RssItem {
  title: string;
  link: string;
  guid: string;
  pubDate: string;
  description: string;
  categories: string[];
}

/**
 * An RSS 2.0 document: well-formed XML, `rss` version 2.0, a channel with title, link and description, and
 * items each with title, link, guid and an RFC 822 pubDate.
 */
export function parseRss(text: string): { channel: Record<string, unknown>; items: RssItem[] } {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = xml.parse(text) as { rss?: { '@_version'?: string; channel?: Record<string, unknown> } };
  expect(doc.rss?.['@_version']).toBe('2.0');
  const channel = doc.rss?.channel ?? {};
  expect(textOf(channel.title)).not.toBe('');
  expect(isAbsoluteUrl(textOf(channel.link))).toBe(true);
  expect(typeof textOf(channel.description)).toBe('string');
  expect(channel.description).toBeDefined();
  const items = ((channel.item as Record<string, unknown>[] | undefined) ?? []).map((item) => {
    for (const name of ['title', 'link', 'guid', 'pubDate']) expect(item[name], name).toBeDefined();
    const parsed: RssItem = {
      title: textOf(item.title),
      link: textOf(item.link),
      guid: textOf(item.guid),
      pubDate: textOf(item.pubDate),
      description: textOf(item.description),
      categories: ((item.category as unknown[] | undefined) ?? []).map(textOf),
    };
    expect(parsed.title).not.toBe('');
    expect(isAbsoluteUrl(parsed.link)).toBe(true);
    expect(parsed.guid).not.toBe('');
    expect(parsed.pubDate).toMatch(RFC_822);
    return parsed;
  });
  return { channel, items };
}

export interface AtomEntry {
  id: string;
  title: string;
  titleType: string;
  updated: string;
  href: string;
  summary: string;
}

/**
 * An Atom 1.0 (RFC 4287) document: well-formed, in the Atom namespace, a feed with id, title, RFC 3339 updated and
 * an author (or one per entry), and entries each with id, title, updated and an alternate link.
 */
export function parseAtom(text: string): { feed: Record<string, unknown>; entries: AtomEntry[] } {
  expect(XMLValidator.validate(text)).toBe(true);
  const doc = xml.parse(text) as { feed?: Record<string, unknown> };
  const feed = doc.feed ?? {};
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  expect(textOf(feed.id)).not.toBe('');
  expect(textOf(feed.title)).not.toBe('');
  expect(textOf(feed.updated)).toMatch(RFC_3339);
  const feedHasAuthor = ((feed.author as unknown[] | undefined) ?? []).length > 0;
  const entries = ((feed.entry as Record<string, unknown>[] | undefined) ?? []).map((entry) => {
    for (const name of ['id', 'title', 'updated', 'link']) expect(entry[name], name).toBeDefined();
    if (!feedHasAuthor) expect(entry.author, 'author').toBeDefined();
    const links = entry.link as Record<string, string>[];
    const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate');
    const title = entry.title as Record<string, string> | string;
    const parsed: AtomEntry = {
      id: textOf(entry.id),
      title: textOf(title),
      titleType: typeof title === 'string' ? 'text' : (title['@_type'] ?? 'text'),
      updated: textOf(entry.updated),
      href: alternate?.['@_href'] ?? '',
      summary: textOf(entry.summary),
    };
    expect(URL.canParse(parsed.id), 'entry id is an IRI').toBe(true);
    expect(parsed.updated).toMatch(RFC_3339);
    expect(isAbsoluteUrl(parsed.href)).toBe(true);
    return parsed;
  });
  return { feed, entries };
}

const Author = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    url: { type: 'string', format: 'uri' },
    avatar: { type: 'string', format: 'uri' },
  },
  anyOf: [{ required: ['name'] }, { required: ['url'] }, { required: ['avatar'] }],
  patternProperties: { '^_': {} },
  additionalProperties: false,
};

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) as a JSON Schema; `_` keys are extensions. */
export const JSON_FEED_1_1_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['version', 'title', 'items'],
  properties: {
    version: { const: 'https://jsonfeed.org/version/1.1' },
    title: { type: 'string' },
    home_page_url: { type: 'string', format: 'uri' },
    feed_url: { type: 'string', format: 'uri' },
    description: { type: 'string' },
    user_comment: { type: 'string' },
    next_url: { type: 'string', format: 'uri' },
    icon: { type: 'string', format: 'uri' },
    favicon: { type: 'string', format: 'uri' },
    authors: { type: 'array', items: Author },
    language: { type: 'string' },
    expired: { type: 'boolean' },
    hubs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'url'],
        properties: { type: { type: 'string' }, url: { type: 'string', format: 'uri' } },
      },
    },
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id'],
        anyOf: [{ required: ['content_html'] }, { required: ['content_text'] }],
        properties: {
          id: { type: 'string' },
          url: { type: 'string', format: 'uri' },
          external_url: { type: 'string', format: 'uri' },
          title: { type: 'string' },
          content_html: { type: 'string' },
          content_text: { type: 'string' },
          summary: { type: 'string' },
          image: { type: 'string', format: 'uri' },
          banner_image: { type: 'string', format: 'uri' },
          date_published: { type: 'string', format: 'date-time' },
          date_modified: { type: 'string', format: 'date-time' },
          authors: { type: 'array', items: Author },
          tags: { type: 'array', items: { type: 'string' } },
          language: { type: 'string' },
          attachments: {
            type: 'array',
            items: {
              type: 'object',
              required: ['url', 'mime_type'],
              properties: {
                url: { type: 'string', format: 'uri' },
                mime_type: { type: 'string' },
                title: { type: 'string' },
                size_in_bytes: { type: 'number' },
                duration_in_seconds: { type: 'number' },
              },
            },
          },
        },
        patternProperties: { '^_': {} },
        additionalProperties: false,
      },
    },
  },
  patternProperties: { '^_': {} },
  additionalProperties: false,
} as const;

const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validateJsonFeed = ajv.compile(JSON_FEED_1_1_SCHEMA);

export interface JsonFeedItem {
  id: string;
  url: string;
  external_url: string;
  title: string;
  summary: string;
  content_text: string;
  content_html?: string;
  _fieldguide: { start: string; timeZone: string; status: string };
}

/** A JSON Feed 1.1 document, valid against {@link JSON_FEED_1_1_SCHEMA}. */
export function parseJsonFeed(text: string): { title: string; items: JsonFeedItem[]; [key: string]: unknown } {
  const feed = JSON.parse(text) as { title: string; items: JsonFeedItem[] };
  const valid = validateJsonFeed(feed);
  expect(validateJsonFeed.errors ?? [], JSON.stringify(validateJsonFeed.errors)).toEqual([]);
  expect(valid).toBe(true);
  return feed;
}

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What a reader shows for an HTML field: `<br>` as a line break, entities decoded; throws on any other tag. */
export function htmlToShownText(html: string): string {
  const withoutBreaks = html.replace(/<br>\n?/g, '\n');
  expect(withoutBreaks, 'no markup besides <br>').not.toMatch(/<[a-zA-Z/!?]/);
  return withoutBreaks.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => HTML_ENTITIES[e] as string);
}
