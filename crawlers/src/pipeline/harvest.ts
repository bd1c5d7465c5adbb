import { createHash } from 'node:crypto';
import type { Source } from '@fieldguide/shared';
import { FetchErrorCode } from '../core/errors.js';
import type { Fetcher, FetchResult } from '../core/fetcher.js';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import { type BodyFormat, detectFormat, type ExtractAnyResult, extractAny } from '../extract/detect.js';
import type { IcalExtractOptions } from '../extract/ical.js';
import { topicFromPath } from '../extract/json-list.js';
import { looksLikeEventUrl, parseSitemap, wordpressEventsUrl } from '../extract/links.js';
import { calendarPlatform } from '../extract/platform-feeds.js';
import type { FollowLink, RawEvent } from '../extract/raw-event.js';
import type { RawOrganization } from '../extract/schema-org.js';
import type { FetchLogEntry, Store } from '../storage/store/store.types.js';

/** Bounds of one source's crawl. */
export interface CrawlLimits {
  /** Documents fetched per source, at most. Default 200. */
  maxPagesPerSource: number;
  /** How deep a listing is followed from its first page (pagination does not count). Default 2. */
  maxDepth: number;
  /** Pages of The Events Calendar API, or of a paginated feed, followed at most. Default 20. */
  maxApiPages: number;
}

export const DEFAULT_LIMITS: Readonly<CrawlLimits> = Object.freeze({
  maxPagesPerSource: 200,
  maxDepth: 2,
  maxApiPages: 20,
});

/**
 * How a document is read and what is followed from it: `auto` detects the format and, for a page,
 * follows the feeds, calendars and APIs it announces (or its event links when it announces none); `listing`
 * follows same-site event links and pagination; `feed` follows item links (for their JSON-LD) and next pages;
 * `wordpress-events` follows `next_rest_url`; `sitemap` follows child sitemaps and event pages; the others,
 * and `revisit` (a page seen before, fetched again after its parent answered 304), follow nothing.
 */
export type DocumentRole = Source['kind'] | 'event-page' | 'revisit';

/** One fetched document and what it held. */
export interface HarvestedDocument {
  /** The URL asked for (the key of conditional requests and of source references). */
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  role: DocumentRole;
  format: BodyFormat;
  events: RawEvent[];
  organizations: RawOrganization[];
  jobBoardUrl?: string;
}

/** What fetching one source gave. */
export interface Harvest {
  documents: HarvestedDocument[];
  /**
   * URLs that answered 304 to a conditional request, with when the version they confirm was fetched: the
   * events this source saw there at or after that time are still there.
   */
  notModified: { url: string; since: string }[];
  /** Fetches that failed, as `<url>: <CODE>: <message>`. */
  errors: string[];
  /** Links not fetched on purpose (robots.txt), with why. */
  skipped: string[];
  /** Extraction warnings, prefixed by the document's URL. */
  warnings: string[];
  pagesFetched: number;
  /**
   * Fetch-log entries of this crawl, for the caller to record once the events are stored: validators saved
   * before their events would make the next crawl's 304s stand for events that were never stored.
   */
  fetches: FetchLogEntry[];
  /** True when the page cap stopped the crawl before the frontier was empty. */
  truncated: boolean;
  /** True when the source's own URL could not be fetched. */
  rootFailed: boolean;
  aborted: boolean;
}

/** One fetch, as reported while a source is crawled. */
export interface PageReport {
  sourceId: string;
  url: string;
  status: number | null;
  events: number;
  notModified: boolean;
  error?: string;
}

/** Options of {@link harvestSource}. */
export interface HarvestOptions {
  fetcher: Fetcher;
  store: Pick<Store, 'lastFetch' | 'listSourceRefs'>;
  limits?: Partial<CrawlLimits>;
  now?: () => Date;
  signal?: AbortSignal;
  ical?: IcalExtractOptions;
  onPage?: (report: PageReport) => void;
}

interface Task {
  url: string;
  role: DocumentRole;
  depth: number;
}

const EXPECTED_FORMAT: Partial<Record<DocumentRole, BodyFormat>> = {
  ics: 'ics',
  'wordpress-events': 'wordpress-events',
  'json-list': 'json-list',
  sitemap: 'sitemap',
  html: 'html',
  listing: 'html',
  'event-page': 'html',
};

const ACCEPT: Partial<Record<DocumentRole, string>> = {
  ics: 'text/calendar, text/plain;q=0.8, */*;q=0.5',
  feed: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  'wordpress-events': 'application/json, */*;q=0.5',
  'json-list': 'application/json, */*;q=0.5',
  sitemap: 'application/xml, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5',
};

/** How a structured link a page announces is crawled: a feed, a calendar, an API (Localist's by detection). */
function structuredRole(kind: FollowLink['kind']): DocumentRole {
  if (kind === 'feed' || kind === 'ics' || kind === 'wordpress-events') return kind;
  return 'auto';
}

const bareHost = (url: string): string => new URL(url).hostname.toLowerCase().replace(/^www\./, '');

function sameSite(url: string, site: string): boolean {
  try {
    const a = bareHost(url);
    return a === site || a.endsWith(`.${site}`) || site.endsWith(`.${a}`);
  } catch {
    return false;
  }
}

/** The WordPress REST root a `Link: <…/wp-json/>; rel="https://api.w.org/"` header names. */
function restRootFromHeader(link: string | undefined, base: string): string | undefined {
  const match = link && /<([^>]+)>\s*;\s*rel="?https:\/\/api\.w\.org\/"?/i.exec(link);
  if (!match?.[1]) return undefined;
  try {
    return wordpressEventsUrl(new URL(match[1], base).href);
  } catch {
    return undefined;
  }
}

function describeError(error: unknown): { code: string; message: string; status: number | null } {
  const e = error as { code?: unknown; message?: unknown; status?: unknown };
  return {
    code: typeof e?.code === 'string' ? e.code : 'ERROR',
    message: typeof e?.message === 'string' ? e.message : String(error),
    status: typeof e?.status === 'number' ? e.status : null,
  };
}

/**
 * Fetches a source's documents, politely and bounded, and extracts their raw events. Conditional requests
 * use the store's fetch log (this crawl's fetches are returned in `fetches`, not recorded); a 304 marks the URL `notModified`, and when it is a hub (a listing, feed, API
 * page or sitemap) the other documents this source saw events in before are fetched again (conditionally)
 * since its links are unknown. Failures are collected, never thrown: one bad page never stops the others.
 */
export async function harvestSource(source: Source, options: HarvestOptions): Promise<Harvest> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = options.now ?? (() => new Date());
  const site = bareHost(source.url);
  const harvest: Harvest = {
    documents: [],
    notModified: [],
    errors: [],
    skipped: [],
    warnings: [],
    pagesFetched: 0,
    fetches: [],
    truncated: false,
    rootFailed: false,
    aborted: false,
  };
  const queue: Task[] = [{ url: source.url, role: source.kind, depth: 0 }];
  const visited = new Set<string>([canonicalUrl(source.url) ?? source.url]);
  let apiPages = 0;
  let revisited = false;

  const enqueue = (url: string, role: DocumentRole, depth: number): void => {
    const key = canonicalUrl(url) ?? url;
    if (visited.has(key)) return;
    if (role === 'wordpress-events' || role === 'feed') {
      if (apiPages >= limits.maxApiPages) return;
      apiPages += 1;
    }
    visited.add(key);
    queue.push({ url, role, depth });
  };

  const revisitKnownDocuments = (): void => {
    if (revisited) return;
    revisited = true;
    for (const url of new Set(options.store.listSourceRefs(source.id).map((ref) => ref.url))) {
      enqueue(url, 'revisit', limits.maxDepth);
    }
  };

  const follow = (task: Task, result: ExtractAnyResult, fetched: FetchResult): void => {
    const { links } = result;
    let role = task.role;
    if (role === 'auto') {
      if (result.format === 'rss' || result.format === 'atom') role = 'feed';
      else if (result.format === 'wordpress-events' || result.format === 'sitemap') role = result.format;
      else if (result.format === 'localist') {
        if (result.nextPageUrl) enqueue(result.nextPageUrl, 'auto', task.depth);
        return;
      } else if (result.format !== 'html') return;
    }
    const depth = task.depth + 1;
    switch (role) {
      case 'auto': {
        const headerApi = restRootFromHeader(fetched.headers.link, fetched.url);
        const structured = links.filter(
          (l) =>
            l.kind === 'wordpress-events' ||
            l.kind === 'ics' ||
            l.kind === 'feed' ||
            (l.kind === 'json' && calendarPlatform(l.url) === 'Localist'),
        );
        if (headerApi && !structured.some((l) => l.kind === 'wordpress-events')) {
          structured.unshift({ url: headerApi, kind: 'wordpress-events' });
        }
        if (structured.length > 0) {
          for (const link of structured) {
            enqueue(link.url, structuredRole(link.kind), depth);
          }
          return;
        }
        followListing(links, task.depth);
        return;
      }
      case 'listing':
        followListing(links, task.depth);
        return;
      case 'feed':
        for (const link of links) {
          if (link.kind === 'next-page') enqueue(link.url, 'feed', task.depth);
          else if (link.kind === 'event-page') enqueue(link.url, 'event-page', depth);
        }
        return;
      case 'wordpress-events':
        if (result.nextPageUrl) enqueue(result.nextPageUrl, 'wordpress-events', task.depth);
        return;
      case 'sitemap': {
        if (result.format !== 'sitemap') return;
        // Every listed page of the site, those that look like events first: the page cap bounds the rest.
        const { type, entries } = parseSitemap(fetched.text, fetched.url);
        const pages = entries.filter((e) => sameSite(e.url, site));
        if (type === 'sitemapindex') {
          for (const entry of pages) enqueue(entry.url, 'sitemap', depth);
          return;
        }
        const ranked = [
          ...pages.filter((e) => looksLikeEventUrl(e.url)),
          ...pages.filter((e) => !looksLikeEventUrl(e.url)),
        ];
        for (const entry of ranked) enqueue(entry.url, 'event-page', depth);
        return;
      }
      default:
        return;
    }
  };

  const followListing = (links: FollowLink[], depth: number): void => {
    for (const link of links) {
      if (!sameSite(link.url, site)) continue;
      if (link.kind === 'next-page') enqueue(link.url, 'listing', depth);
      else if (link.kind === 'event-page' && depth < limits.maxDepth) enqueue(link.url, 'listing', depth + 1);
    }
  };

  while (queue.length > 0) {
    if (options.signal?.aborted) {
      harvest.aborted = true;
      break;
    }
    if (harvest.pagesFetched >= limits.maxPagesPerSource) {
      harvest.truncated = true;
      break;
    }
    const task = queue.shift()!;
    const isRoot = task.url === source.url && task.depth === 0;
    const previous = options.store.lastFetch(task.url);
    const usable = previous && (previous.status === 200 || previous.status === 304);
    const conditional =
      usable && (previous.etag || previous.lastModified)
        ? { etag: previous.etag, lastModified: previous.lastModified }
        : undefined;
    const fetchedAt = now().toISOString();
    harvest.pagesFetched += 1;
    let fetched: FetchResult;
    try {
      fetched = await options.fetcher.fetch(task.url, {
        sourceId: source.id,
        ...(source.allowPrivateNetwork ? { privateOrigin: source.url } : {}),
        ...(conditional ? { conditional } : {}),
        ...(ACCEPT[task.role] ? { accept: ACCEPT[task.role] } : {}),
      });
    } catch (error) {
      const { code, message, status } = describeError(error);
      harvest.fetches.push({ url: task.url, sourceId: source.id, status, error: `${code}: ${message}`, fetchedAt });
      options.onPage?.({ sourceId: source.id, url: task.url, status, events: 0, notModified: false, error: message });
      if (code === FetchErrorCode.BLOCKED_ROBOTS && !isRoot) harvest.skipped.push(`${task.url}: ${message}`);
      else {
        harvest.errors.push(`${task.url}: ${code}: ${message}`);
        if (isRoot) harvest.rootFailed = true;
      }
      continue;
    }
    harvest.fetches.push({
      url: task.url,
      sourceId: source.id,
      status: fetched.status,
      ...(fetched.etag ? { etag: fetched.etag } : {}),
      ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
      ...(fetched.notModified ? {} : { contentHash: createHash('sha256').update(fetched.body).digest('hex') }),
      fetchedAt,
      durationMs: Math.round(fetched.durationMs),
    });
    if (fetched.notModified) {
      harvest.notModified.push({ url: task.url, since: previous?.fetchedAt ?? fetchedAt });
      options.onPage?.({ sourceId: source.id, url: task.url, status: 304, events: 0, notModified: true });
      if (task.role !== 'event-page' && task.role !== 'revisit') revisitKnownDocuments();
      continue;
    }
    let result: ExtractAnyResult;
    try {
      const detected = detectFormat(fetched.text, fetched.contentType, fetched.url);
      const format = detected === 'unknown' ? (EXPECTED_FORMAT[task.role] ?? detected) : detected;
      const topic = format === 'json-list' ? topicFromPath(new URL(fetched.url).pathname) : undefined;
      result = extractAny(fetched.text, fetched.url, {
        format,
        ...(fetched.contentType ? { contentType: fetched.contentType } : {}),
        ...(topic ? { topic } : {}),
        ...(options.ical ? { ical: options.ical } : {}),
      });
    } catch (error) {
      const { message } = describeError(error);
      harvest.errors.push(`${task.url}: EXTRACT_FAILED: ${message}`);
      continue;
    }
    for (const warning of result.warnings) harvest.warnings.push(`${task.url}: ${warning}`);
    harvest.documents.push({
      url: task.url,
      finalUrl: fetched.url,
      role: task.role,
      format: result.format,
      events: result.events,
      organizations: result.organizations ?? [],
      ...(result.jobBoardUrl ? { jobBoardUrl: result.jobBoardUrl } : {}),
    });
    options.onPage?.({
      sourceId: source.id,
      url: task.url,
      status: fetched.status,
      events: result.events.length,
      notModified: false,
    });
    follow(task, result, fetched);
  }
  return harvest;
}
