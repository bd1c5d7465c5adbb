import { load } from 'cheerio';
import { extractFeed } from './feed.js';
import { extractIcal, type IcalExtractOptions } from './ical.js';
import { extractJsonLd, extractOrganizations } from './json-ld.js';
import { extractJsonList } from './json-list.js';
import { extractLinks, looksLikeEventUrl, parseSitemap } from './links.js';
import { extractLocalist, looksLikeLocalist } from './localist.js';
import { extractMicrodata } from './microdata.js';
import { extractMicroformats } from './microformats.js';
import type { ExtractResult, FollowLink, RawEvent } from './raw-event.js';
import { extractRdfa } from './rdfa.js';
import type { RawOrganization } from './schema-org.js';
import { extractWordpressEvents } from './wordpress-events.js';

/** What a fetched body is, as far as extraction goes. */
export type BodyFormat =
  | 'html'
  | 'ics'
  | 'rss'
  | 'atom'
  | 'wordpress-events'
  | 'json-list'
  | 'localist'
  | 'sitemap'
  | 'unknown';

const HEAD_CHARS = 4096;

function rootElement(head: string): string | undefined {
  const stripped = head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  return /<([A-Za-z_][\w:.-]*)/.exec(stripped)?.[1]?.toLowerCase();
}

function detectJson(body: string, url: string): BodyFormat {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    return 'unknown';
  }
  if (looksLikeLocalist(doc)) return 'localist';
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    const o = doc as { [key: string]: unknown };
    const first = Array.isArray(o.events) ? (o.events[0] as { [key: string]: unknown } | undefined) : undefined;
    if (
      Array.isArray(o.events) &&
      ('rest_url' in o ||
        'next_rest_url' in o ||
        /\/tribe\/events\/v1\//.test(url) ||
        (first && 'utc_start_date' in first))
    ) {
      return 'wordpress-events';
    }
    if ('utc_start_date' in o && 'title' in o) return 'wordpress-events';
    const list = [o.conferences, o.events, o.items, o.data].find(Array.isArray);
    if (list) return detectJsonList(list);
    return 'unknown';
  }
  return Array.isArray(doc) ? detectJsonList(doc) : 'unknown';
}

function detectJsonList(list: unknown[]): BodyFormat {
  if (list.length === 0) return 'json-list';
  const first = list.find((e) => typeof e === 'object' && e !== null) as { [key: string]: unknown } | undefined;
  if (!first) return 'unknown';
  const named = 'name' in first || 'title' in first;
  const dated = ['startDate', 'start_date', 'start', 'date'].some((k) => k in first);
  return named && dated ? 'json-list' : 'unknown';
}

/**
 * Says what a body is from its first bytes, its Content-Type and its URL: an HTML page, an iCalendar file,
 * an RSS or Atom feed, The Events Calendar's REST API, Localist's events API, a JSON list of events, a sitemap,
 * or `unknown`.
 */
export function detectFormat(body: string, contentType: string | undefined, url: string): BodyFormat {
  const type = (contentType ?? '').toLowerCase().split(';')[0]!.trim();
  const head = body
    .slice(0, HEAD_CHARS)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^BEGIN:VCALENDAR/i.test(head)) return 'ics';
  if (head.startsWith('{') || head.startsWith('[')) return detectJson(body, url);
  if (head.startsWith('<')) {
    const root = rootElement(head);
    if (root === 'rss' || root === 'rdf:rdf') return 'rss';
    if (root === 'feed') return 'atom';
    if (root === 'urlset' || root === 'sitemapindex') return 'sitemap';
    if (root === 'html' || /<(head|body|div|p|script|meta|title)\b/i.test(head)) return 'html';
  }
  if (type === 'text/calendar' && /BEGIN:VCALENDAR/i.test(body.slice(0, 65536))) return 'ics';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' && /sitemap[^/]*\.txt$/i.test(new URL(url).pathname)) return 'sitemap';
  return 'unknown';
}

/** Options of {@link extractAny}. */
export interface ExtractAnyOptions {
  /** Skip detection: the caller knows the format (a source's kind). */
  format?: BodyFormat;
  contentType?: string;
  /** Topic of a JSON list (`conferences/2027/javascript.json` → `javascript`). */
  topic?: string;
  /** The window recurring events are expanded in: iCalendar RRULEs and schema.org `eventSchedule`s. */
  ical?: IcalExtractOptions;
}

/** Everything one body yields: events, what to fetch next, and for HTML the organizations it describes. */
export interface ExtractAnyResult extends ExtractResult {
  format: BodyFormat;
  links: FollowLink[];
  nextPageUrl?: string;
  organizations?: RawOrganization[];
  jobBoardUrl?: string;
}

const eventKey = (e: RawEvent) => `${e.title.toLowerCase()}|${e.start.slice(0, 10)}`;

/** Events of several extractors in order, each adding only those the earlier ones lacked (same title and start day). */
function mergeEvents(results: ExtractResult[]): RawEvent[] {
  const keys = new Set<string>();
  const events: RawEvent[] = [];
  for (const result of results) {
    const fresh = result.events.filter((e) => !keys.has(eventKey(e)));
    for (const e of fresh) keys.add(eventKey(e));
    events.push(...fresh);
  }
  return events;
}

/** JSON-LD first, then microdata, RDFa and microformats, each adding only what the others did not have. */
function extractHtml(body: string, url: string, recurrence: IcalExtractOptions | undefined): ExtractAnyResult {
  const $ = load(body);
  const opts = recurrence ? { $, recurrence } : { $ };
  const jsonLd = extractJsonLd(body, url, opts);
  const others = [
    extractMicrodata(body, url, opts),
    extractRdfa(body, url, opts),
    extractMicroformats(body, url, opts),
  ];
  const events = mergeEvents([jsonLd, ...others]);
  const { links, jobBoardUrl } = extractLinks(body, url, { $ });
  const { organizations, warnings } = extractOrganizations(body, url, { $ });
  const next = links.find((l) => l.kind === 'next-page')?.url;
  return {
    format: 'html',
    events,
    // Organization blocks are read from the same scripts: their JSON warnings would repeat the events' ones.
    warnings: [
      ...jsonLd.warnings,
      ...others.flatMap((r) => r.warnings),
      ...warnings.filter((w) => !jsonLd.warnings.includes(w)),
    ],
    links,
    organizations: organizations.map((o) => (jobBoardUrl && !o.jobBoardUrl ? { ...o, jobBoardUrl } : o)),
    ...(next ? { nextPageUrl: next } : {}),
    ...(jobBoardUrl ? { jobBoardUrl } : {}),
  };
}

/** Detects the body's format (unless given) and runs the matching extractor. Never throws on bad input. */
export function extractAny(body: string, url: string, hint: ExtractAnyOptions = {}): ExtractAnyResult {
  const format = hint.format ?? detectFormat(body, hint.contentType, url);
  switch (format) {
    case 'html':
      return extractHtml(body, url, hint.ical);
    case 'ics':
      return { format, links: [], ...extractIcal(body, url, hint.ical) };
    case 'rss':
    case 'atom': {
      const { links, events, warnings } = extractFeed(body, url);
      const next = links.find((l) => l.kind === 'next-page')?.url;
      return { format, events, warnings, links, ...(next ? { nextPageUrl: next } : {}) };
    }
    case 'wordpress-events': {
      const result = extractWordpressEvents(body, url);
      const links: FollowLink[] = result.nextPageUrl ? [{ url: result.nextPageUrl, kind: 'next-page' }] : [];
      return {
        format,
        events: result.events,
        warnings: result.warnings,
        links,
        ...(result.nextPageUrl ? { nextPageUrl: result.nextPageUrl } : {}),
      };
    }
    case 'localist': {
      const { events, warnings, nextPageUrl } = extractLocalist(body, url);
      const links: FollowLink[] = nextPageUrl ? [{ url: nextPageUrl, kind: 'next-page' }] : [];
      return { format, events, warnings, links, ...(nextPageUrl ? { nextPageUrl } : {}) };
    }
    case 'json-list': {
      const { events, warnings } = extractJsonList(body, url, hint.topic ? { topic: hint.topic } : {});
      return { format, events, warnings, links: [] };
    }
    case 'sitemap': {
      const sitemap = parseSitemap(body, url);
      const links: FollowLink[] =
        sitemap.type === 'sitemapindex'
          ? sitemap.entries.map((e) => ({ ...e, kind: 'sitemap' as const }))
          : sitemap.entries.filter((e) => looksLikeEventUrl(e.url)).map((e) => ({ ...e, kind: 'event-page' as const }));
      return { format, events: [], warnings: sitemap.warnings, links };
    }
    default:
      return { format: 'unknown', events: [], warnings: ['extract: unrecognized format'], links: [] };
  }
}
