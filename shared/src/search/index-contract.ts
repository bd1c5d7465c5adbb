import { HIRING_FACET_FLOORS } from '../api/event-search.schema.js';
import type { Association } from '../association/association.schema.js';
import type { Event } from '../event/event.schema.js';
import { eventFieldNames } from '../format/fields.js';
import { fieldLabel } from '../taxonomy/taxonomy.js';
import { geoCellsOf } from './geo-cells.js';

/** Index names and primary key: the contract between the indexer and the search API. */
export const EVENTS_INDEX = 'events';
export const ASSOCIATIONS_INDEX = 'associations';
export const PRIMARY_KEY = 'id';

/** Seconds since the epoch, what the index stores for instants so they filter and sort as numbers. */
export const toEpochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** An event as Meilisearch holds it: flat, numeric instants, labels beside ids so synonyms match. */
export interface EventDocument {
  id: string;
  title: string;
  description: string;
  url: string;
  type: Event['type'];
  fields: string[];
  pathways: string[];
  /** Labels of `fields` and `pathways`, with "All fields" first for an event open to every field. */
  fieldNames: string[];
  /** Open to every field: matched by every field filter (see `buildEventFilter`). */
  allFields: boolean;
  /** False for hobby, leisure or family events, which the default search leaves out. */
  careerRelevant: boolean;
  relevanceReason: string | null;
  tags: string[];
  start: number;
  end: number;
  startIso: string;
  endIso: string | null;
  timeZone: string;
  allDay: boolean;
  format: Event['format'];
  venueName: string | null;
  city: string | null;
  region: string | null;
  country: string | null;
  _geo?: { lat: number; lng: number };
  /** The grid cells `_geo` lies in, one per level (see `geoCellsOf`): what a search near a point filters on first. */
  geoCells?: string[];
  /**
   * `_geo` as one value ("lat,lng" to 5 decimals, about a metre): events at the same venue share it, so the edge of a
   * search near a point is tested once per venue (see `geoPointOf`).
   */
  geoPoint?: string;
  organizer: string | null;
  associationId: string | null;
  costFree: boolean | null;
  costMin: number | null;
  costMax: number | null;
  costCurrency: string | null;
  hiring: number;
  /**
   * The highest of `HIRING_FACET_FLOORS` at or below `hiring` (0 below them all): what the hiring facet counts, a
   * handful of values where `hiring` has thousands.
   */
  hiringFloor: number;
  hiringReasons: string[];
  status: Event['status'];
  delisted: boolean;
  updatedAt: number;
  /** When a crawl first found the event, epoch seconds: an alert's digest asks only for events new since the last. */
  firstSeen: number;
  /** The event's series, or its own id when it stands alone: what searches collapse occurrences by (`distinct`). */
  seriesId: string;
}

export interface AssociationDocument {
  id: string;
  name: string;
  acronym: string | null;
  description: string;
  url: string;
  fields: string[];
  pathways: string[];
  fieldNames: string[];
  scope: Association['scope'];
  country: string | null;
  region: string | null;
  chapterPlaces: string[];
  jobBoardUrl: string | null;
  membershipUrl: string | null;
  hasJobBoard: boolean;
  meetingCadence: string | null;
  hiring: number;
  hiringReasons: string[];
}

/**
 * The search-time `distinct` attribute that shows a series once in listings (hits and `totalHits`); feeds leave it
 * out. Not an index-level `distinctAttribute`: that would make facet-only searches count distinct values over
 * every match, ~25× dearer (13 ms against 0.5 ms on 10 000 events), so facet counts count each matching date.
 */
export const SERIES_DISTINCT_ATTRIBUTE = 'seriesId';

/** Index settings per index. Attribute names are ours, never a user's. */
export const EVENT_INDEX_SETTINGS = {
  searchableAttributes: ['title', 'organizer', 'fieldNames', 'tags', 'venueName', 'city', 'description'],
  filterableAttributes: [
    'fields',
    'pathways',
    'type',
    'format',
    'country',
    'region',
    'city',
    '_geo',
    'geoCells',
    // A search near a point reads one event per venue of its edge cells and leaves out those beyond the radius.
    'geoPoint',
    'start',
    'end',
    'costFree',
    'costMin',
    'hiring',
    'hiringFloor',
    'status',
    'delisted',
    'associationId',
    'tags',
    'allFields',
    'careerRelevant',
    'firstSeen',
    // Filterable so a search can name it as its `distinct` attribute.
    'seriesId',
  ],
  sortableAttributes: ['start', 'hiring', '_geo', 'updatedAt'],
  /**
   * Equally relevant events soonest first. The last rule also keeps Meilisearch's buckets small: without it, page 2 of
   * a word found in thousands of titles, read with `distinct`, cost 80 ms at 1 M events (7 ms with it).
   */
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness', 'start:asc'],
  /**
   * Proximity counts whether the words share an attribute, not how far apart they sit in it: a long description
   * no longer weighs in ranking by word distance, and the index holds far fewer word pairs (smaller, faster to build).
   */
  proximityPrecision: 'byAttribute',
  displayedAttributes: ['*'],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
} as const;

export const ASSOCIATION_INDEX_SETTINGS = {
  searchableAttributes: ['acronym', 'name', 'fieldNames', 'description', 'chapterPlaces', 'region'],
  filterableAttributes: ['fields', 'pathways', 'scope', 'country', 'region', 'hasJobBoard', 'hiring'],
  sortableAttributes: ['hiring', 'name'],
  rankingRules: ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'],
  displayedAttributes: ['*'],
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 10000 },
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
} as const;

const labels = (ids: readonly string[]) =>
  ids.map((id) => fieldLabel(id)).filter((label): label is string => label !== undefined);

export function toSearchDocument(event: Event): EventDocument {
  const start = toEpochSeconds(event.start);
  const venue = event.venue;
  const doc: EventDocument = {
    id: event.id,
    title: event.title,
    description: event.description.slice(0, 5000),
    url: event.url,
    type: event.type,
    fields: [...event.fields],
    pathways: [...event.pathways],
    fieldNames: eventFieldNames(event),
    allFields: event.allFields ?? false,
    careerRelevant: event.careerRelevant ?? true,
    relevanceReason: event.relevanceReason ?? null,
    tags: [...event.tags],
    start,
    end: event.end ? toEpochSeconds(event.end) : start,
    startIso: event.start,
    endIso: event.end ?? null,
    timeZone: event.timeZone,
    allDay: event.allDay,
    format: event.format,
    venueName: venue?.name ?? null,
    city: venue?.city ?? null,
    region: venue?.region ?? null,
    country: venue?.country ?? null,
    organizer: event.organizer?.name ?? null,
    associationId: event.associationId ?? null,
    costFree: event.cost ? event.cost.free : null,
    costMin: event.cost?.min ?? (event.cost?.free ? 0 : null),
    costMax: event.cost?.max ?? null,
    costCurrency: event.cost?.currency ?? null,
    hiring: event.hiring.score,
    hiringFloor: hiringFloorOf(event.hiring.score),
    hiringReasons: [...event.hiring.reasons],
    status: event.status,
    delisted: event.delisted,
    updatedAt: toEpochSeconds(event.updatedAt),
    firstSeen: toEpochSeconds(event.firstSeen),
    seriesId: event.seriesId ?? event.id,
  };
  if (venue?.lat !== undefined && venue.lng !== undefined) {
    doc._geo = { lat: venue.lat, lng: venue.lng };
    doc.geoCells = geoCellsOf(doc._geo);
    doc.geoPoint = geoPointOf(doc._geo);
  }
  return doc;
}

/** A point as the `geoPoint` attribute holds it: "lat,lng" to 5 decimals. */
export const geoPointOf = (point: { lat: number; lng: number }): string =>
  `${point.lat.toFixed(5)},${point.lng.toFixed(5)}`;

/** The `hiringFloor` of a hiring score: the highest facet floor it reaches, else 0. */
export function hiringFloorOf(score: number): number {
  let floor = 0;
  for (const f of HIRING_FACET_FLOORS) if (score >= f) floor = f;
  return floor;
}

export function toAssociationDocument(association: Association): AssociationDocument {
  return {
    id: association.id,
    name: association.name,
    acronym: association.acronym ?? null,
    description: association.description.slice(0, 5000),
    url: association.url,
    fields: [...association.fields],
    pathways: [...association.pathways],
    fieldNames: labels([...association.fields, ...association.pathways]),
    scope: association.scope,
    country: association.country ?? null,
    region: association.region ?? null,
    chapterPlaces: association.chapters.flatMap((c) => [c.name, c.city, c.region].filter((p): p is string => !!p)),
    jobBoardUrl: association.jobBoardUrl ?? null,
    membershipUrl: association.membershipUrl ?? null,
    hasJobBoard: association.jobBoardUrl !== undefined,
    meetingCadence: association.meetingCadence ?? null,
    hiring: association.hiring.score,
    hiringReasons: [...association.hiring.reasons],
  };
}
