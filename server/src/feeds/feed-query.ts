import type { SearchIndex, Store } from '@fieldguide/crawlers/storage';
import { type EchoedSearchQuery, type Event, type Filter, fieldLabel, type SearchQuery } from '@fieldguide/shared';
import { type EventSearchOptions, runEventSearch } from '../search/run-search.js';
import { MAX_FEED_ITEMS } from './feed-document.js';

/** The largest page the search API serves; a feed reads pages of it up to {@link MAX_FEED_ITEMS}. */
const PAGE_SIZE = 100;

/** Upcoming events of a search, soonest first, as the store holds them, and the search as the server read it. */
export interface FeedEvents {
  events: Event[];
  query: EchoedSearchQuery;
}

/**
 * The upcoming events matching a `/api/search` query, soonest first, at most {@link MAX_FEED_ITEMS}: ids from the
 * index (same filters as the search API, `page`, `limit` and `sort` ignored, and `only` beside them), full records
 * from the store.
 * @throws ValidationError for a bad parameter; IndexUnavailableError when Meilisearch cannot be reached.
 */
export async function loadFeedEvents(
  app: { searchIndex: SearchIndex; store: Store },
  raw: SearchQuery,
  now: Date = new Date(),
  only?: Filter,
): Promise<FeedEvents> {
  const { page: _page, limit: _limit, sort: _sort, ...filters } = raw;
  const pages = Math.ceil(MAX_FEED_ITEMS / PAGE_SIZE);
  const options: EventSearchOptions = {
    facets: false,
    highlight: false,
    collapseSeries: false,
    now,
    unknownPlace: 'reject',
    ...(only ? { filter: only } : {}),
  };
  const first = await runEventSearch(app, { ...filters, sort: 'date', page: 1, limit: PAGE_SIZE }, options);
  const ids = first.hits.map((h) => h.id);
  for (let page = 2; page <= Math.min(pages, first.totalPages); page += 1) {
    const next = await runEventSearch(app, { ...filters, sort: 'date', page, limit: PAGE_SIZE }, options);
    ids.push(...next.hits.map((h) => h.id));
  }
  const events = app.store
    .getEvents([...new Set(ids)].slice(0, MAX_FEED_ITEMS))
    .filter((e) => !e.delisted)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
  return { events, query: first.query };
}

const quote = (text: string) => `“${text}”`;

/** `Fieldguide — Information Technology events` */
export const fieldFeedTitle = (fieldId: string): string => `Fieldguide — ${fieldLabel(fieldId) ?? fieldId} events`;

/** What a field feed holds, in a sentence. */
export const fieldFeedDescription = (fieldId: string): string =>
  `Upcoming conferences, career fairs, seminars and association meetings in ${fieldLabel(fieldId) ?? fieldId}, ` +
  'soonest first: where the hiring managers of the field go.';

/** `Fieldguide — American Nurses Association events` */
export const associationFeedTitle = (name: string): string => `Fieldguide — ${name} events`;

/** What an association's feed holds, in a sentence. */
export const associationFeedDescription = (name: string): string =>
  `Upcoming events of ${name} (conferences, meetings, career fairs, webinars), soonest first, from Fieldguide.`;

/** `Fieldguide — Health Science events matching “nursing” near Minneapolis, MN, US`, from the search as read. */
export function searchFeedTitle(query: EchoedSearchQuery): string {
  const names = [...query.fields, ...query.pathways].map((id) => fieldLabel(id) ?? id);
  const parts = [`Fieldguide — ${names.length > 0 ? `${names.join(', ')} events` : 'events'}`];
  if (query.q) parts.push(`matching ${quote(query.q)}`);
  if (query.types.length > 0) parts.push(`(${query.types.join(', ')})`);
  if (query.near) parts.push(`near ${query.near.label ?? `${query.near.lat},${query.near.lng}`}`);
  return parts.join(' ');
}

/** What a search feed holds, in a sentence. */
export const searchFeedDescription = (query: EchoedSearchQuery): string =>
  `Upcoming ${searchFeedTitle(query).replace(/^Fieldguide — /, '')}, soonest first, from Fieldguide.`;
