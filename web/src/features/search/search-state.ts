import type { CostFilter, EventFormat, EventType, SearchSort } from '@fieldguide/shared';
import type { QueryValue } from '../../lib/api-client.js';
import { apiDateRange, type CalendarMonth, isCalendarDate, isCalendarMonth } from '../../lib/date-range.js';
import { EVENT_FORMAT_LABELS, EVENT_TYPE_LABELS, SORT_LABELS } from '../../lib/labels.js';

/**
 * A search as the page's URL holds it. The URL's parameters are the API's (`/?q=nurse&field=health-science` asks
 * `/api/search?q=nurse&field=health-science`), so any search can be shared, bookmarked and turned into a feed.
 * Two more say how the page shows it: `view=month` and the `month` shown (`2027-03`); they never reach the API.
 */
export interface SearchState {
  q: string;
  /** Cluster and pathway ids. */
  fields: string[];
  types: EventType[];
  formats: EventFormat[];
  /** `YYYY-MM-DD`. */
  from?: string;
  /** `YYYY-MM-DD`. */
  to?: string;
  /** A place name or `"lat,lng"`. */
  near?: string;
  /** `"50km"`, `"30mi"`. */
  radius?: string;
  cost?: CostFilter;
  /** Minimum hiring score, 0–1. */
  hiring?: number;
  sort?: SearchSort;
  /** 1-based. */
  page: number;
  /** How the results are shown: a list of pages (the default), every event on a map, or a month grid. */
  view?: SearchView;
  /** The month the grid shows; by default the month of `from`, else the viewer's current month. */
  month?: CalendarMonth;
}

/** The result views a search can be shown in; `list` is the default and stays out of the URL. */
export const SEARCH_VIEWS = ['list', 'map', 'month'] as const;
export type SearchView = (typeof SEARCH_VIEWS)[number];

export const EMPTY_SEARCH: SearchState = { q: '', fields: [], types: [], formats: [], page: 1 };

const RADIUS = /^\d{1,6}(\.\d{1,6})?(km|mi)$/;
const MAX_LIST = 20;

const isKey = <K extends string>(labels: Readonly<Record<K, string>>, value: string): value is K =>
  Object.hasOwn(labels, value);

const uniqueList = <T extends string>(values: T[]) => [...new Set(values)].slice(0, MAX_LIST);

/** Reads a search from a URL query, dropping values the API would reject, so a mangled link still searches. */
export function parseSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = {
    q: (params.get('q') ?? '').slice(0, 200),
    fields: uniqueList(params.getAll('field').filter((f) => f !== '' && f.length <= 100)),
    types: uniqueList(params.getAll('type').filter((t) => isKey(EVENT_TYPE_LABELS, t))),
    formats: uniqueList(params.getAll('format').filter((t) => isKey(EVENT_FORMAT_LABELS, t))),
    page: 1,
  };
  const from = params.get('from');
  if (from && isCalendarDate(from)) state.from = from;
  const to = params.get('to');
  if (to && isCalendarDate(to)) state.to = to;
  const near = params.get('near')?.trim();
  if (near) state.near = near.slice(0, 100);
  const radius = params.get('radius')?.trim().toLowerCase();
  if (radius && RADIUS.test(radius)) state.radius = radius;
  const cost = params.get('cost');
  if (cost === 'free' || cost === 'paid') state.cost = cost;
  const hiring = Number(params.get('hiring') ?? Number.NaN);
  if (params.get('hiring') && hiring > 0 && hiring <= 1) state.hiring = hiring;
  const sort = params.get('sort');
  if (sort && isKey(SORT_LABELS, sort) && (sort !== 'distance' || state.near)) state.sort = sort;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1 && page <= 1000) state.page = page;
  const view = params.get('view');
  if (view === 'map' || view === 'month') state.view = view;
  const month = params.get('month');
  if (state.view === 'month' && month && isCalendarMonth(month)) state.month = month;
  return state;
}

/**
 * The state as `/api/search` parameters, in a fixed order so equal searches give equal URLs and cache keys. With a
 * `timeZone`, the days `from` and `to` go as that zone's first and last instants of them (what a search sends:
 * the viewer's days); without, as dates (what links and feeds carry).
 */
export function toApiParams(state: SearchState, options: { timeZone?: string } = {}): Record<string, QueryValue> {
  const days = options.timeZone ? apiDateRange(state, options.timeZone) : state;
  return {
    q: state.q.trim(),
    field: state.fields,
    type: state.types,
    format: state.formats,
    from: days.from,
    to: days.to,
    near: state.near,
    radius: state.near ? state.radius : undefined,
    cost: state.cost,
    hiring: state.hiring,
    sort: state.sort,
    page: state.page > 1 ? state.page : undefined,
  };
}

/** The state as a URL query string (no `?`): the parameters of {@link toApiParams}, then the view's when not the list. */
export function toQuery(state: SearchState): string {
  const search = new URLSearchParams();
  const view =
    state.view === 'map' || state.view === 'month'
      ? { view: state.view, month: state.view === 'month' ? state.month : undefined }
      : {};
  for (const [key, value] of Object.entries({ ...toApiParams(state), ...view })) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) search.append(key, String(v));
    else search.append(key, String(value));
  }
  return search.toString();
}

/** True when any filter narrows the search (the text query aside). */
export function hasFilters(state: SearchState): boolean {
  return (
    state.fields.length + state.types.length + state.formats.length > 0 ||
    Boolean(state.from || state.to || state.near || state.cost || state.hiring)
  );
}

/** The search with no filter: its words and the view kept. */
export function withoutFilters(state: SearchState): SearchState {
  return { ...EMPTY_SEARCH, q: state.q, ...(state.view ? { view: state.view } : {}) };
}

/** The search without its place: no radius, and no distance sort, which needs a place. */
export function withoutPlace(state: SearchState): SearchState {
  return { ...state, near: undefined, radius: undefined, sort: state.sort === 'distance' ? undefined : state.sort };
}

/** Adds `value` to `list` when missing, removes it when present. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** The cluster a field id belongs to: the id itself, or a pathway's part before `/`. */
export const clusterOf = (fieldId: string) => fieldId.split('/')[0] ?? fieldId;

/**
 * Turns a cluster on or off: on adds it, off removes it and any of its pathways (which the server ORs with
 * clusters, so a pathway narrows only in place of its cluster).
 */
export function toggleCluster(fields: readonly string[], clusterId: string): string[] {
  const active = fields.some((f) => clusterOf(f) === clusterId);
  return active ? fields.filter((f) => clusterOf(f) !== clusterId) : [...fields, clusterId];
}

/** Narrows a selected cluster to a pathway (replacing the cluster id), or widens back when its last pathway goes. */
export function togglePathway(fields: readonly string[], pathwayId: string): string[] {
  const clusterId = clusterOf(pathwayId);
  if (fields.includes(pathwayId)) {
    const rest = fields.filter((f) => f !== pathwayId);
    return rest.some((f) => clusterOf(f) === clusterId) ? rest : [...rest, clusterId];
  }
  return [...fields.filter((f) => f !== clusterId), pathwayId];
}
