import { type CheerioAPI, load } from 'cheerio';
import { createXmlParser } from './feed.js';
import { calendarPlatform, localistApiUrl, pageCalendarFeeds, platformCalendarUrl } from './platform-feeds.js';
import type { FollowLink } from './raw-event.js';
import { absoluteUrl, asArray } from './util.js';

/** What a listing page links to that the crawler may want next. */
export interface PageLinks {
  /** Event pages, feeds, calendars, the WordPress events API, the next page: absolute, de-duplicated. */
  links: FollowLink[];
  /** A job board or career center link, if the page has one. */
  jobBoardUrl?: string;
}

const EVENT_WORDS =
  /(^|[/_-])(events?|conferences?|conf|summit|meetings?|workshops?|seminars?|webinars?|expo|symposium|symposia|congress|convention|career-?fairs?|job-?fairs?|hackathons?|meetups?|forum|annual-?meeting|sessions?|calendar|veranstaltungen?|evenements?|eventos?)([/_.-]|$)/i;
const SKIP_PATH =
  /\.(jpe?g|png|gif|svg|webp|pdf|docx?|xlsx?|pptx?|zip|css|js|mp[34]|mov|ico|xml|rss|ics)$|\/(wp-admin|wp-login|login|logout|register|cart|checkout|feed|wp-json)(\/|$)/i;
const SKIP_QUERY = /(^|&)(ical|outlook-ical|share|replytocom|action|tribe-bar-date|eventDisplay)=/i;
const FEED_TYPES: Record<string, FollowLink['kind']> = {
  'application/rss+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/rdf+xml': 'feed',
  'text/calendar': 'ics',
  'application/feed+json': 'json',
  'application/json': 'json',
};

/** True when a URL's path has a word that event pages use (`/events/…`, `/conference-2027`, `/webinars/…`). */
export function looksLikeEventUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname !== '/' && EVENT_WORDS.test(parsed.pathname) && !SKIP_PATH.test(parsed.pathname);
  } catch {
    return false;
  }
}

const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

function sameSite(url: URL, page: URL): boolean {
  const a = bareHost(url.hostname);
  const b = bareHost(page.hostname);
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/**
 * Turns `webcal://host/cal.ics` into `https://host/cal.ics`. `webcal:` names no transport, so a link on a plain
 * http page to its own host keeps http: such a site usually serves no https at all.
 */
export function webcalToHttps(href: string, page?: URL): string | undefined {
  const m = /^(webcals?):\/\/(.+)$/i.exec(href.trim());
  if (!m) return undefined;
  const url = absoluteUrl(`https://${m[2]}`);
  if (!url || !page || page.protocol !== 'http:' || m[1]!.toLowerCase() === 'webcals') return url;
  const parsed = new URL(url);
  if (parsed.host !== page.host) return url;
  parsed.protocol = 'http:';
  return parsed.href;
}

/** The Events Calendar's events endpoint for a WordPress REST root (`…/wp-json/` or `…/?rest_route=/`). */
export function wordpressEventsUrl(restRoot: string): string | undefined {
  try {
    const url = new URL(restRoot);
    if (url.searchParams.has('rest_route')) {
      url.searchParams.set('rest_route', '/tribe/events/v1/events');
      return url.href;
    }
    return new URL('tribe/events/v1/events', url.href.endsWith('/') ? url.href : `${url.href}/`).href;
  } catch {
    return undefined;
  }
}

const JOB_TEXT_STRONG = /\b(career\s*(center|centre|hub)|job\s*(board|bank|cent(er|re)|site)|jobs?\s*board)\b/i;
const JOB_HREF_STRONG = /(career-?(center|centre|hub)|job-?(board|bank)|jobs?\.|\/jobs?(\/|$))/i;
const JOB_TEXT_WEAK =
  /^(jobs?|careers?|job (listings|postings|openings)|find a job|post a job|employment( opportunities)?)$/i;

/**
 * A link whose text or address says career center, job board or jobs/careers, strongest first (a "Career
 * Center" link beats a bare "Careers"); absolute, or `undefined`.
 */
export function findJobBoardLink($: CheerioAPI, pageUrl: string): string | undefined {
  let best: { url: string; score: number } | undefined;
  $('a[href]').each((_, el) => {
    const a = $(el);
    const url = absoluteUrl(a.attr('href'), pageUrl);
    if (!url) return;
    const text = (a.text() || a.attr('title') || a.attr('aria-label') || '').replace(/\s+/g, ' ').trim();
    let score = 0;
    if (JOB_TEXT_STRONG.test(text)) score = 3;
    else if (JOB_HREF_STRONG.test(new URL(url).hostname + new URL(url).pathname)) score = 2;
    else if (JOB_TEXT_WEAK.test(text)) score = 1;
    if (score > (best?.score ?? 0)) best = { url, score };
  });
  return best?.url;
}

/**
 * Reads a listing page for what to fetch next: same-site links that look like event pages, feeds and
 * calendars announced with `<link rel="alternate">`, `webcal:` and `.ics` links, the iCalendar feeds of the
 * event and campus calendar platforms it links to, embeds or is (`platform-feeds.ts`), the WordPress REST root
 * (as The Events Calendar's events endpoint), `rel="next"` pagination; and a job board link.
 */
export function extractLinks(body: string, pageUrl: string, opts: { $?: CheerioAPI } = {}): PageLinks {
  const $ = opts.$ ?? load(body);
  const page = new URL(pageUrl);
  const base = absoluteUrl($('base[href]').first().attr('href'), pageUrl) ?? pageUrl;
  const links: FollowLink[] = [];
  const seen = new Set<string>();
  const add = (url: string | undefined, kind: FollowLink['kind']) => {
    if (!url) return;
    const clean = url.replace(/#.*$/, '');
    if (seen.has(clean) || clean === page.href.replace(/#.*$/, '')) return;
    seen.add(clean);
    links.push({ url: clean, kind });
  };
  const ownFeeds = pageCalendarFeeds($, body, page);
  const ownFeedHosts = new Set(ownFeeds.map((f) => new URL(f).host));
  for (const feed of ownFeeds) add(feed, 'ics');
  $('script[src]').each((_, el) => {
    add(localistApiUrl(absoluteUrl($(el).attr('src'), base) ?? ''), 'json');
  });
  $('link[rel]').each((_, el) => {
    const link = $(el);
    const rels = (link.attr('rel') ?? '').toLowerCase().split(/\s+/);
    const href = link.attr('href') ?? '';
    if (rels.includes('https://api.w.org/')) add(wordpressEventsUrl(absoluteUrl(href, base) ?? ''), 'wordpress-events');
    if (rels.includes('next')) add(absoluteUrl(href, base), 'next-page');
    if (!rels.includes('alternate')) return;
    const type = (link.attr('type') ?? '').toLowerCase().split(';')[0]!.trim();
    const kind = FEED_TYPES[type];
    if (type === 'application/json' && /\/wp-json\/wp\/v2\//.test(href)) return;
    if (kind) add(webcalToHttps(href, page) ?? absoluteUrl(href, base), kind);
  });
  $('a[href]').each((_, el) => {
    const a = $(el);
    const href = a.attr('href') ?? '';
    const webcal = webcalToHttps(href, page);
    if (webcal) return add(webcal, 'ics');
    const url = absoluteUrl(href, base);
    if (!url) return;
    const localist = localistApiUrl(url);
    if (localist) return add(localist, 'json');
    const platformFeed = platformCalendarUrl(url);
    // A platform's pages link to other groups and to parts of their own calendar: the page's own feed is enough.
    if (platformFeed) {
      const ownPlatform = calendarPlatform(page.href) || ownFeedHosts.has(new URL(platformFeed).host);
      return ownPlatform ? undefined : add(platformFeed, 'ics');
    }
    const parsed = new URL(url);
    if (/\.ics$/i.test(parsed.pathname) || /(^|&)(ical|outlook-ical)=1/i.test(parsed.search.slice(1)))
      return add(url, 'ics');
    if ((a.attr('rel') ?? '').toLowerCase().split(/\s+/).includes('next')) return add(url, 'next-page');
    if (!sameSite(parsed, page) || SKIP_PATH.test(parsed.pathname) || SKIP_QUERY.test(parsed.search.slice(1))) return;
    if (parsed.pathname === '/' || !EVENT_WORDS.test(parsed.pathname)) return;
    add(url, 'event-page');
  });
  const jobBoardUrl = findJobBoardLink($, base);
  return jobBoardUrl ? { links, jobBoardUrl } : { links };
}

/** The `Sitemap:` URLs a robots.txt lists, absolute. */
export function sitemapsFromRobots(robotsTxt: string, robotsUrl: string): string[] {
  const out = new Set<string>();
  for (const line of robotsTxt.split(/\r?\n/)) {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    const url = m ? absoluteUrl(m[1], robotsUrl) : undefined;
    if (url) out.add(url);
  }
  return [...out];
}

/** A parsed sitemap: page URLs (`urlset`) or more sitemaps (`sitemapindex`). */
export interface SitemapResult {
  type: 'urlset' | 'sitemapindex' | 'text' | 'unknown';
  entries: { url: string; lastmod?: string }[];
  warnings: string[];
}

/** Parses a sitemap (XML `urlset` or `sitemapindex`, or a plain list of URLs), at most 50,000 entries. */
export function parseSitemap(body: string, sitemapUrl: string): SitemapResult {
  const warnings: string[] = [];
  const trimmed = body.trim();
  if (!trimmed.startsWith('<')) {
    const entries = trimmed
      .split(/\r?\n/)
      .map((l) => absoluteUrl(l.trim()))
      .filter((u): u is string => Boolean(u))
      .slice(0, 50_000)
      .map((url) => ({ url }));
    return { type: entries.length > 0 ? 'text' : 'unknown', entries, warnings };
  }
  let doc: { [key: string]: unknown };
  try {
    doc = createXmlParser().parse(trimmed) as { [key: string]: unknown };
  } catch (error) {
    return { type: 'unknown', entries: [], warnings: [`sitemap: not well-formed XML (${(error as Error).message})`] };
  }
  const rootKey = Object.keys(doc).find((k) => /(^|:)(urlset|sitemapindex)$/i.test(k));
  if (!rootKey) return { type: 'unknown', entries: [], warnings: ['sitemap: neither urlset nor sitemapindex'] };
  const root = doc[rootKey] as { [key: string]: unknown };
  const type = /sitemapindex$/i.test(rootKey) ? 'sitemapindex' : 'urlset';
  const childKey = Object.keys(root ?? {}).find((k) => /(^|:)(url|sitemap)$/i.test(k));
  const entries: SitemapResult['entries'] = [];
  for (const entry of asArray(childKey ? (root[childKey] as unknown) : undefined)) {
    if (entries.length >= 50_000) {
      warnings.push('sitemap: more than 50,000 entries; the rest were ignored');
      break;
    }
    if (typeof entry !== 'object' || entry === null) continue;
    const fields = entry as { [key: string]: unknown };
    const locKey = Object.keys(fields).find((k) => /(^|:)loc$/i.test(k));
    const lastmodKey = Object.keys(fields).find((k) => /(^|:)lastmod$/i.test(k));
    const url = absoluteUrl(locKey ? String(fields[locKey]) : undefined, sitemapUrl);
    if (!url) continue;
    const lastmod =
      lastmodKey && typeof fields[lastmodKey] === 'string' ? (fields[lastmodKey] as string).trim() : undefined;
    entries.push(lastmod ? { url, lastmod } : { url });
  }
  return { type, entries, warnings };
}
