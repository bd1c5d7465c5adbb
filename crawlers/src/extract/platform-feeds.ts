import type { CheerioAPI } from 'cheerio';

/** Event and campus calendar platforms whose iCalendar feeds Fieldguide finds. */
export type CalendarPlatform = 'Meetup' | 'Luma' | 'Trumba' | 'LiveWhale' | 'Localist';

const MEETUP_HOST = /^(www\.)?meetup\.com$/i;
// First path segments of meetup.com that are the site's own pages, not groups.
const MEETUP_PAGES = new Set([
  'about',
  'account',
  'apps',
  'blog',
  'cities',
  'create',
  'find',
  'help',
  'home',
  'login',
  'lp',
  'media',
  'meetup-pro',
  'members',
  'messages',
  'notifications',
  'pro',
  'register',
  'topics',
  'your-events',
]);
const LUMA_PAGE_HOST = /^(www\.)?(lu\.ma|luma\.com)$/i;
const LUMA_API_HOST = /^api\.(lu\.ma|luma\.com)$/i;
const LUMA_CALENDAR_ID = /\bcal-[A-Za-z0-9]{8,40}\b/g;
const TRUMBA_HOST = /^(www\.)?trumba\.com$/i;
const TRUMBA_CALENDAR = /^\/calendars\/([A-Za-z0-9_.-]{1,100}?)(?:\.(?:ics|rss|xml|json))?\/?$/i;
// A Trumba "spud" (its embedded calendar widget) names its calendar: `$Trumba.addSpud({ webName: "…", … })`.
const TRUMBA_SPUD = /\$Trumba\.addSpud\(\s*\{[^}]{0,500}?webName\s*:\s*["']([A-Za-z0-9_.-]{1,100})["']/g;
const LIVEWHALE_ICAL = /^\/live\/ical\/events(\/|$)/i;
// LiveWhale serves its pages' scripts and styles from these paths on the calendar's own host.
const LIVEWHALE_RESOURCE = /^\/(live\/resource|livewhale)\//i;
const LOCALIST_API = /^\/api\/2\/events\/?$/i;
// Localist's embeddable widget: a script from the calendar's host, `/widget/view?…&container=localist-widget-…`.
const LOCALIST_WIDGET = /^\/widget\/view(\.js)?\/?$/i;
// A year of events, 100 a page (the API's largest): what a crawl of a Localist calendar asks for.
const LOCALIST_QUERY = 'days=365&pp=100';
const MAX_SCANNED_CHARS = 2_000_000;

function parse(url: string): URL | undefined {
  return URL.canParse(url) ? new URL(url) : undefined;
}

function meetupGroupFeed(url: URL): string | undefined {
  const segments = url.pathname.split('/').filter(Boolean);
  if (/^[a-z]{2}-[A-Z]{2}$/.test(segments[0] ?? '')) segments.shift();
  const [group, section] = segments;
  if (!group || !/^[A-Za-z0-9][A-Za-z0-9_-]+$/.test(group) || MEETUP_PAGES.has(group.toLowerCase())) return undefined;
  if (section !== undefined && section !== 'events') return undefined;
  return `https://www.meetup.com/${group}/events/ical/`;
}

/**
 * The iCalendar feed a platform publishes for a link: a Meetup group's page (`meetup.com/<group>/`, its
 * `/events/` pages) gives `meetup.com/<group>/events/ical/`; a Trumba calendar (`trumba.com/calendars/<name>`,
 * any of its feeds) gives `trumba.com/calendars/<name>.ics`; Luma's feed links (`api.lu.ma/ics/get?…`) and
 * LiveWhale's (`…/live/ical/events…`) are feeds as they are. `undefined` for anything else.
 */
export function platformCalendarUrl(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return undefined;
  const host = parsed.hostname;
  if (LUMA_API_HOST.test(host) && parsed.pathname === '/ics/get' && parsed.searchParams.has('entity')) {
    return parsed.href;
  }
  if (MEETUP_HOST.test(host)) return meetupGroupFeed(parsed);
  if (TRUMBA_HOST.test(host)) {
    const name = TRUMBA_CALENDAR.exec(parsed.pathname)?.[1];
    return name ? `https://www.trumba.com/calendars/${name}.ics` : undefined;
  }
  if (LIVEWHALE_ICAL.test(parsed.pathname)) return parsed.href;
  return undefined;
}

/** Which platform publishes a calendar feed or page, to say where a source comes from. */
export function calendarPlatform(url: string): CalendarPlatform | undefined {
  const parsed = parse(url);
  if (!parsed) return undefined;
  if (MEETUP_HOST.test(parsed.hostname)) return 'Meetup';
  if (LUMA_API_HOST.test(parsed.hostname) || LUMA_PAGE_HOST.test(parsed.hostname)) return 'Luma';
  if (TRUMBA_HOST.test(parsed.hostname)) return 'Trumba';
  if (LIVEWHALE_ICAL.test(parsed.pathname)) return 'LiveWhale';
  if (LOCALIST_API.test(parsed.pathname)) return 'Localist';
  return undefined;
}

/**
 * Localist's events API for a link to it (`…/api/2/events?…`, kept as it is) or for the script of a Localist
 * widget (`…/widget/view?…container=localist-widget-…`: the whole calendar of its host, a year ahead).
 */
export function localistApiUrl(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || !/^https?:$/.test(parsed.protocol)) return undefined;
  if (LOCALIST_API.test(parsed.pathname)) return parsed.href;
  const container = parsed.searchParams.get('container') ?? '';
  if (LOCALIST_WIDGET.test(parsed.pathname) && container.startsWith('localist')) {
    return `${parsed.origin}/api/2/events?${LOCALIST_QUERY}`;
  }
  return undefined;
}

/** On a Luma calendar page, the calendar's feed, from the calendar id the page names most often. */
function lumaCalendarFeed(body: string): string | undefined {
  const counts = new Map<string, number>();
  for (const [id] of body.slice(0, MAX_SCANNED_CHARS).matchAll(LUMA_CALENDAR_ID)) {
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return top ? `https://api.lu.ma/ics/get?entity=calendar&id=${top}` : undefined;
}

/** The calendars a page embeds with Trumba's widget. */
function trumbaSpudFeeds(body: string): string[] {
  if (!body.includes('$Trumba')) return [];
  const names = [...body.slice(0, MAX_SCANNED_CHARS).matchAll(TRUMBA_SPUD)].map((m) => m[1]!);
  return [...new Set(names)].map((name) => `https://www.trumba.com/calendars/${name}.ics`);
}

/** A LiveWhale calendar's whole feed, when the page is served by LiveWhale (its resources on the same host). */
function liveWhaleFeed($: CheerioAPI, page: URL): string | undefined {
  const served = $('script[src], link[href]')
    .toArray()
    .some((el) => {
      const ref = $(el).attr('src') ?? $(el).attr('href') ?? '';
      const url = URL.canParse(ref, page.href) ? new URL(ref, page.href) : undefined;
      return url?.host === page.host && LIVEWHALE_RESOURCE.test(url.pathname);
    });
  return served ? `${page.origin}/live/ical/events` : undefined;
}

/**
 * The iCalendar feeds a page itself reveals: its own (a Meetup group's page, a Luma calendar's page, a page of a
 * LiveWhale calendar) and those of the Trumba calendars it embeds.
 */
export function pageCalendarFeeds($: CheerioAPI, body: string, page: URL): string[] {
  const feeds = [platformCalendarUrl(page.href), ...trumbaSpudFeeds(body)];
  if (LUMA_PAGE_HOST.test(page.hostname)) feeds.push(lumaCalendarFeed(body));
  else if (!calendarPlatform(page.href)) feeds.push(liveWhaleFeed($, page));
  return [...new Set(feeds.filter((f): f is string => Boolean(f)))];
}
