import type {
  Association,
  AssociationScope,
  Event,
  EventFormat,
  EventStatus,
  EventType,
  NormalizedAssociationQuery,
  SearchSort,
  Source,
} from '@fieldguide/shared';

// The server's response schemas (server/src/search/schemas.ts and the routes) are the contract; the web app
// reaches the server over HTTP only, so it restates their static shapes here. tests/contract/web-api-types.ts
// fails the type check when the search types drift from the server's.

/** Highlighted copies of text attributes: HTML-escaped, with `<mark>` around matched words. */
export interface EventHighlights {
  title: string;
  description: string;
  organizer: string | null;
  venueName: string | null;
  city: string | null;
}

/** An upcoming event as `GET /api/search` returns it. */
export interface EventHit {
  id: string;
  title: string;
  /** Plain-text extract, about 40 words. */
  description: string;
  url: string;
  type: EventType;
  format: EventFormat;
  status: EventStatus;
  /** ISO 8601 instant. */
  start: string;
  end: string | null;
  /** IANA zone the event is held in. */
  timeZone: string;
  allDay: boolean;
  fields: string[];
  pathways: string[];
  fieldNames: string[];
  tags: string[];
  venueName: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  location: { lat: number; lng: number } | null;
  organizer: string | null;
  associationId: string | null;
  costFree: boolean | null;
  costMin: number | null;
  costMax: number | null;
  costCurrency: string | null;
  /** Hiring signal, 0–1. */
  hiring: number;
  hiringReasons: string[];
  /** Great-circle distance from `near`, in km. */
  distanceKm?: number;
  _formatted: EventHighlights;
}

type Counts = Record<string, number>;

/** Facet counts; a facet whose filter is set is counted without it. */
export interface EventFacets {
  fields: Counts;
  pathways: Counts;
  type: Counts;
  format: Counts;
  country: Counts;
  region: Counts;
  costFree: { true: number; false: number };
  /** Events whose hiring score is at least the key ("0.25", "0.5", "0.75"). */
  hiring: Counts;
}

/** The search as the server understood it. */
export interface EchoedSearchQuery {
  q: string;
  fields: string[];
  pathways: string[];
  types: EventType[];
  formats: EventFormat[];
  from: string;
  to?: string;
  near?: { lat: number; lng: number; label?: string };
  radiusKm: number;
  cost?: 'free' | 'paid';
  hiring?: number;
  sort: SearchSort;
  page: number;
  limit: number;
}

export interface EventSearchResponse {
  hits: EventHit[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
  facets: EventFacets;
  query: EchoedSearchQuery;
}

/** `GET /api/events/:id`: the stored event with a few related upcoming events. */
export type EventDetail = Event & { related: EventHit[] };

export interface AssociationHit {
  id: string;
  name: string;
  description: string;
  url: string;
  fields: string[];
  pathways: string[];
  fieldNames: string[];
  scope: AssociationScope;
  country: string | null;
  region: string | null;
  chapterPlaces: string[];
  jobBoardUrl: string | null;
  meetingCadence: string | null;
  hiring: number;
  hiringReasons: string[];
  _formatted: { name: string; description: string };
}

export interface AssociationSearchResponse {
  hits: AssociationHit[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
  facets: { fields: Counts; pathways: Counts; scope: Counts; country: Counts; region: Counts };
  query: NormalizedAssociationQuery;
}

/** `GET /api/associations/:id`. */
export type AssociationDetail = Association & {
  upcomingEvents: EventHit[];
  /** Null while search is unavailable. */
  upcomingEventsTotal: number | null;
};

/** A career cluster with live counts of upcoming events (null while search is unavailable). */
export interface FieldSummary {
  id: string;
  name: string;
  shortName: string;
  count: number | null;
  pathways: { id: string; name: string; count: number | null }[];
}

export interface FieldsResponse {
  total: number | null;
  fields: FieldSummary[];
}

export interface SuggestResponse {
  q: string;
  fields: { id: string; name: string; kind: 'field' | 'pathway' }[];
  events: { id: string; title: string; start: string; city: string | null }[];
  associations: { id: string; name: string }[];
}

/** One source's outcome in a crawl run. */
export interface CrawlRunSourceResult {
  status: 'ok' | 'partial' | 'failed';
  events: number;
  errors: string[];
}

/**
 * A crawl run as `/api/admin/crawls` reports it (the store's run record). `progress` is optional: the admin API
 * may add it while a run is going.
 */
export interface CrawlRun {
  id: number | string;
  /** ISO UTC. */
  startedAt: string;
  finishedAt?: string | null;
  status: 'queued' | 'running' | 'finished' | 'failed' | 'interrupted';
  results: Record<string, CrawlRunSourceResult>;
  progress?: { sourcesDone: number; sourcesTotal: number };
}

export type { Source };
