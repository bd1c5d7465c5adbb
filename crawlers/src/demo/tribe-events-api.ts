import { DateTime } from 'luxon';

/** A JSON answer of the fake WordPress REST API, serialized the way WordPress does (slashes escaped). */
export interface WpJsonResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** What the WordPress routes of a demo site need to answer. */
export interface WpSite {
  origin: string;
  name: string;
  /** The site's zone (WordPress "timezone_string"), IANA. */
  timeZone: string;
  /** Start-up instant; "upcoming" is judged against it. */
  now: Date;
  /** Events as stored in the site's `_tribe-events.json`: local `start_date`/`end_date` plus `timezone`. */
  events: readonly Record<string, unknown>[];
}

const EVENTS_ROUTE = '/wp-json/tribe/events/v1/events';
const WP_DATE = 'yyyy-MM-dd HH:mm:ss';
const DEFAULT_PER_PAGE = 10;
const MAX_PER_PAGE = 50;

function wpJson(status: number, data: unknown, headers: Record<string, string> = {}): WpJsonResponse {
  // WordPress's wp_json_encode escapes "/" by default; every "/" in JSON text sits inside a string.
  const body = JSON.stringify(data).replaceAll('/', '\\/');
  return { status, body, headers };
}

function wpError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): WpJsonResponse {
  return wpJson(status, { code, message, data: { status, ...extra } });
}

function dateDetails(dt: DateTime): Record<string, string> {
  return {
    year: dt.toFormat('yyyy'),
    month: dt.toFormat('MM'),
    day: dt.toFormat('dd'),
    hour: dt.toFormat('HH'),
    minutes: dt.toFormat('mm'),
    seconds: dt.toFormat('ss'),
  };
}

interface Expanded {
  start: DateTime;
  end: DateTime;
  data: Record<string, unknown>;
}

function localDate(value: unknown, zone: string, what: string): DateTime {
  const dt = DateTime.fromFormat(String(value), WP_DATE, { zone });
  if (!dt.isValid) throw new Error(`_tribe-events.json: bad ${what} "${String(value)}"`);
  return dt;
}

/** Adds what The Events Calendar computes (UTC dates, date details, REST URLs, ids) to a stored event. */
function expandEvent(site: WpSite, event: Record<string, unknown>): Expanded {
  const zone = typeof event.timezone === 'string' && event.timezone ? event.timezone : site.timeZone;
  const start = localDate(event.start_date, zone, 'start_date');
  const end = localDate(event.end_date, zone, 'end_date');
  const id = Number(event.id);
  const host = new URL(site.origin).host;
  const published = DateTime.fromJSDate(site.now, { zone: site.timeZone }).minus({ days: 40 }).set({ hour: 10 });
  const modified = published.plus({ days: 12, hours: 3 });
  const data: Record<string, unknown> = {
    id,
    global_id: `${host}?id=${id}`,
    global_id_lineage: [`${host}?id=${id}`],
    author: '1',
    status: 'publish',
    date: published.toFormat(WP_DATE),
    date_utc: published.toUTC().toFormat(WP_DATE),
    modified: modified.toFormat(WP_DATE),
    modified_utc: modified.toUTC().toFormat(WP_DATE),
    url: event.url,
    rest_url: `${site.origin}${EVENTS_ROUTE}/${id}`,
    title: event.title,
    description: event.description ?? '',
    excerpt: event.excerpt ?? '',
    slug: event.slug,
    image: false,
    all_day: event.all_day === true,
    start_date: start.toFormat(WP_DATE),
    start_date_details: dateDetails(start),
    end_date: end.toFormat(WP_DATE),
    end_date_details: dateDetails(end),
    utc_start_date: start.toUTC().toFormat(WP_DATE),
    utc_start_date_details: dateDetails(start.toUTC()),
    utc_end_date: end.toUTC().toFormat(WP_DATE),
    utc_end_date_details: dateDetails(end.toUTC()),
    timezone: zone,
    timezone_abbr: start.offsetNameShort ?? '',
    cost: event.cost ?? '',
    cost_details: event.cost_details ?? {
      currency_symbol: '',
      currency_code: '',
      currency_position: 'prefix',
      values: [],
    },
    website: event.website ?? '',
    show_map: true,
    show_map_link: true,
    hide_from_listings: false,
    sticky: false,
    featured: event.featured === true,
    categories: event.categories ?? [],
    tags: event.tags ?? [],
    // The plugin sends an empty array, not null, for an event without venue or organizer.
    venue: event.venue ?? [],
    organizer: event.organizer ?? [],
  };
  return { start, end, data };
}

function positiveInt(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : undefined;
}

function parseWhen(value: string, zone: string): DateTime | undefined {
  for (const format of [WP_DATE, 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd']) {
    const dt = DateTime.fromFormat(value, format, { zone });
    if (dt.isValid) return dt;
  }
  const iso = DateTime.fromISO(value, { zone });
  return iso.isValid ? iso : undefined;
}

function archive(site: WpSite, params: URLSearchParams): WpJsonResponse {
  const page = positiveInt(params.get('page'), 1);
  const perPageAsked = positiveInt(params.get('per_page'), DEFAULT_PER_PAGE);
  const bad = [page === undefined && 'page', perPageAsked === undefined && 'per_page'].filter(Boolean) as string[];
  const today = DateTime.fromJSDate(site.now, { zone: site.timeZone });
  const startParam = params.get('start_date');
  const endParam = params.get('end_date');
  // Like the plugin: by default, events still running after yesterday 23:59, up to two years ahead.
  const from = startParam
    ? parseWhen(startParam, site.timeZone)
    : today.minus({ days: 1 }).set({ hour: 23, minute: 59 });
  const to = endParam ? parseWhen(endParam, site.timeZone) : today.plus({ months: 24 });
  if (!from) bad.push('start_date');
  if (!to) bad.push('end_date');
  if (bad.length > 0 || page === undefined || perPageAsked === undefined || !from || !to) {
    const detail = Object.fromEntries(bad.map((p) => [p, `Invalid parameter: ${p}`]));
    return wpError(400, 'rest_invalid_param', `Invalid parameter(s): ${bad.join(', ')}`, { params: detail });
  }
  const perPage = Math.min(perPageAsked, MAX_PER_PAGE);
  const matching = site.events
    .map((e) => expandEvent(site, e))
    .filter((e) => e.end >= from && e.start <= to)
    .sort((a, b) => a.start.toMillis() - b.start.toMillis() || Number(a.data.id) - Number(b.data.id));
  const total = matching.length;
  const totalPages = Math.ceil(total / perPage);
  const slice = matching.slice((page - 1) * perPage, page * perPage);
  if (slice.length === 0) {
    return wpError(404, 'event-archive-page-not-found', 'The requested event archive page does not exist');
  }
  const query = (p: number): string => {
    const q = new URLSearchParams();
    if (p !== 1) q.set('page', String(p));
    if (params.has('per_page')) q.set('per_page', String(perPage));
    if (startParam) q.set('start_date', startParam);
    if (endParam) q.set('end_date', endParam);
    const s = q.toString();
    return `${site.origin}${EVENTS_ROUTE}/${s ? `?${s}` : ''}`;
  };
  const data: Record<string, unknown> = { events: slice.map((e) => e.data), rest_url: query(page) };
  if (page < totalPages) data.next_rest_url = query(page + 1);
  if (page > 1) data.previous_rest_url = query(page - 1);
  data.total = total;
  data.total_pages = totalPages;
  return wpJson(200, data, { 'X-TEC-Total': String(total), 'X-TEC-TotalPages': String(totalPages) });
}

/**
 * Answers a request under `/wp-json` the way WordPress with The Events Calendar (REST API v1) does:
 * the API index, the paginated events archive (`page`, `per_page` ≤ 50, `start_date`, `end_date`),
 * single events, and WordPress-style JSON errors otherwise.
 */
export function answerWordPress(site: WpSite, pathname: string, params: URLSearchParams): WpJsonResponse {
  const route = pathname.replace(/\/+$/, '');
  if (route === '/wp-json') {
    return wpJson(200, {
      name: site.name,
      description: 'Sample site bundled with Fieldguide — fictional organization',
      url: site.origin,
      home: site.origin,
      gmt_offset: DateTime.fromJSDate(site.now, { zone: site.timeZone }).offset / 60,
      timezone_string: site.timeZone,
      namespaces: ['oembed/1.0', 'tribe/events/v1', 'wp/v2'],
      authentication: [],
      routes: {
        '/tribe/events/v1/events': { namespace: 'tribe/events/v1', methods: ['GET'] },
        '/tribe/events/v1/events/(?P<id>\\d+)': { namespace: 'tribe/events/v1', methods: ['GET'] },
      },
    });
  }
  if (route === EVENTS_ROUTE) return archive(site, params);
  const single = new RegExp(`^${EVENTS_ROUTE}/(\\d+)$`).exec(route);
  if (single) {
    const found = site.events.find((e) => String(e.id) === single[1]);
    if (!found) return wpError(404, 'event-not-found', 'The requested event could not be found');
    return wpJson(200, expandEvent(site, found).data);
  }
  return wpError(404, 'rest_no_route', 'No route was found matching the URL and request method.');
}
