import { XMLParser } from 'fast-xml-parser';
import { cleanTitle, htmlToText, looksLikeHtml } from '../normalize/normalize-text.js';
import { findDatesInText, type ParsedDate, parseDateValue } from './dates.js';
import type { ExtractResult, FollowLink, RawEvent } from './raw-event.js';
import { absoluteUrl, asArray, compact } from './util.js';

/** What {@link extractFeed} returns: events, plus every item's link for the pipeline to fetch. */
export interface FeedExtractResult extends ExtractResult {
  format: 'rss' | 'atom' | 'unknown';
  /** The feed's own title. */
  title?: string;
  /** Item pages (worth fetching for JSON-LD) and the feed's `rel="next"` page, absolute and de-duplicated. */
  links: FollowLink[];
}

type XmlNode = { [key: string]: unknown };

const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'category']);

/** A parser for untrusted XML: no attribute or value coercion, entity expansion within the library's limits. */
export function createXmlParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    textNodeName: '#text',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    processEntities: true,
    isArray: (tagName) => ARRAY_TAGS.has(localName(tagName)),
  });
}

function localName(key: string): string {
  return (key.split(':').pop() ?? key).toLowerCase();
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The text of an element, whether the parser gave a string or an object with `#text`. */
function textOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (isNode(v)) return textOf(v['#text']);
  return undefined;
}

/** The first child whose local name (namespace prefix dropped) is one of `names`, with a prefix if `prefixed`. */
function child(node: XmlNode, names: string[], prefixed?: boolean): unknown {
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text') continue;
    if (prefixed !== undefined && key.includes(':') !== prefixed) continue;
    if (names.includes(localName(key))) return value;
  }
  return undefined;
}

// RSS 1.0 event module (ev:), xCal (xCal:/xcal:), and the ad-hoc tags calendar plugins add.
const EVENT_START = ['startdate', 'dtstart', 'start', 'start_date', 'startdatetime', 'eventdate', 'event_date'];
const EVENT_END = ['enddate', 'dtend', 'end', 'end_date', 'enddatetime'];
const EVENT_LOCATION = ['location', 'venue'];
const EVENT_ORGANIZER = ['organizer'];

function itemLink(item: XmlNode, base: string, atom: boolean): string | undefined {
  const links = asArray(child(item, ['link'], false) as unknown);
  if (atom) {
    const entries = links.filter(isNode);
    const alternate =
      entries.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ??
      entries.find((l) => typeof l['@_href'] === 'string');
    return absoluteUrl(alternate?.['@_href'], base);
  }
  for (const link of links) {
    const url = absoluteUrl(textOf(link) ?? (isNode(link) ? link['@_href'] : undefined), base);
    if (url) return url;
  }
  const guid = child(item, ['guid'], false);
  if (isNode(guid) && String(guid['@_isPermaLink'] ?? 'true') === 'false') return undefined;
  return absoluteUrl(textOf(guid), base);
}

function categories(item: XmlNode): string[] {
  const words = new Set<string>();
  for (const c of asArray(child(item, ['category'], false) as unknown)) {
    const word = textOf(c) ?? (isNode(c) && typeof c['@_term'] === 'string' ? c['@_term'] : undefined);
    if (word) words.add(cleanTitle(word).slice(0, 80));
  }
  return [...words].filter(Boolean);
}

interface DatePair {
  start: ParsedDate;
  end?: ParsedDate;
}

/** The item's event dates: event-namespace elements first, then a dated phrase in the title, then the text. */
function itemDates(item: XmlNode, title: string, plain: string | undefined): DatePair | undefined {
  const start = parseDateValue(textOf(child(item, EVENT_START, true)));
  if (start) {
    const end = parseDateValue(textOf(child(item, EVENT_END, true)));
    return end ? { start, end } : { start };
  }
  for (const text of [title, plain]) {
    const found = text ? findDatesInText(text)[0] : undefined;
    if (found) return found.end ? { start: found.start, end: found.end } : { start: found.start };
  }
  return undefined;
}

function readItem(item: XmlNode, pageUrl: string, atom: boolean): { event?: RawEvent; link?: string } {
  const link = itemLink(item, pageUrl, atom);
  const title = cleanTitle(textOf(child(item, ['title'], false)) ?? '');
  const html =
    textOf(child(item, ['encoded'], true)) ??
    textOf(child(item, ['content'], false)) ??
    textOf(child(item, ['description', 'summary'], false));
  const plain = html ? htmlToText(html) : undefined;
  if (!title) return { link };
  const dates = itemDates(item, title, plain);
  if (!dates) return { link };
  const location = textOf(child(item, EVENT_LOCATION, true));
  const organizer = textOf(child(item, EVENT_ORGANIZER, true));
  const guid = textOf(child(item, atom ? ['id'] : ['guid'], false));
  const event = compact<RawEvent>({
    title,
    description: plain,
    descriptionHtml: html && looksLikeHtml(html) ? html : undefined,
    url: link,
    start: dates.start.value,
    end: dates.end?.value,
    allDay: dates.start.dateOnly || undefined,
    uid: guid,
    venue: location ? { address: cleanTitle(location) } : undefined,
    organizer: organizer ? { name: cleanTitle(organizer) } : undefined,
    keywords: categories(item),
    extractedBy: atom ? 'atom' : 'rss',
  });
  return { event, link };
}

/**
 * Extracts events from an RSS 2.0, RSS 1.0 (RDF) or Atom feed. An item counts as an event only when a date
 * can be found in it — event-namespace elements (`ev:startdate`, `xCal:dtstart`) or a written date with a year
 * in the title or text — never its publication date alone. Every item's link is returned in `links`.
 */
export function extractFeed(body: string, pageUrl: string): FeedExtractResult {
  const warnings: string[] = [];
  const empty: FeedExtractResult = { events: [], warnings, links: [], format: 'unknown' };
  let doc: XmlNode;
  try {
    doc = createXmlParser().parse(body) as XmlNode;
  } catch (error) {
    warnings.push(`feed: not well-formed XML (${(error as Error).message})`);
    return empty;
  }
  const rss = child(doc, ['rss'], false);
  const rdf = child(doc, ['rdf']);
  const atomFeed = child(doc, ['feed'], false);
  let channel: XmlNode | undefined;
  let items: unknown[] = [];
  let atom = false;
  if (isNode(rss)) {
    channel = isNode(rss.channel) ? rss.channel : undefined;
    items = asArray(channel ? (child(channel, ['item'], false) as unknown) : undefined);
  } else if (isNode(rdf)) {
    channel = isNode(child(rdf, ['channel'])) ? (child(rdf, ['channel']) as XmlNode) : undefined;
    items = asArray(child(rdf, ['item']) as unknown);
  } else if (isNode(atomFeed)) {
    channel = atomFeed;
    items = asArray(child(atomFeed, ['entry'], false) as unknown);
    atom = true;
  } else {
    warnings.push('feed: neither RSS nor Atom');
    return empty;
  }
  const result: FeedExtractResult = {
    events: [],
    warnings,
    links: [],
    format: atom ? 'atom' : 'rss',
    ...(channel && textOf(child(channel, ['title'], false))
      ? { title: cleanTitle(textOf(child(channel, ['title'], false))!) }
      : {}),
  };
  const seen = new Set<string>();
  let undated = 0;
  for (const item of items) {
    if (!isNode(item)) continue;
    const { event, link } = readItem(item, pageUrl, atom);
    if (event) result.events.push(event);
    else undated++;
    if (link && !seen.has(link)) {
      seen.add(link);
      result.links.push({ url: link, kind: 'event-page' });
    }
  }
  const next = channel
    ? asArray(channel.link as unknown)
        .concat(asArray(child(channel, ['link'], true) as unknown))
        .filter(isNode)
        .find((l) => l['@_rel'] === 'next')
    : undefined;
  const nextUrl = absoluteUrl(next?.['@_href'], pageUrl);
  if (nextUrl) result.links.push({ url: nextUrl, kind: 'next-page' });
  if (undated > 0) warnings.push(`feed: ${undated} item(s) without an event date were not taken as events`);
  return result;
}
