import type { AssociationDocument, AssociationHit, EventDocument, EventHit, EventPoint } from '@fieldguide/shared';
import { formattedMatches, readHighlight } from './search-highlight.js';

/** Words of description around the matches that a result card shows. */
export const CROP_WORDS = 40;

/** Index attributes a result card needs; the rest (bookkeeping) stays in Meilisearch. */
export const EVENT_HIT_ATTRIBUTES = [
  'id',
  'title',
  'description',
  'url',
  'type',
  'format',
  'status',
  'startIso',
  'endIso',
  'timeZone',
  'allDay',
  'fields',
  'pathways',
  'fieldNames',
  'allFields',
  'tags',
  'venueName',
  'city',
  'region',
  'country',
  '_geo',
  'organizer',
  'associationId',
  'costFree',
  'costMin',
  'costMax',
  'costCurrency',
  'hiring',
  'hiringReasons',
] as const satisfies readonly (keyof EventDocument)[];

/** The event attributes whose matched words a hit marks. */
export const EVENT_HIGHLIGHT_ATTRIBUTES = ['title', 'description', 'organizer', 'venueName', 'city'] as const;

/**
 * What a search retrieves of each hit: the card's attributes but the description, which comes cropped in
 * `_formatted` (searches crop it) and may be thousands of characters long in full.
 */
export const EVENT_RETRIEVED_ATTRIBUTES = EVENT_HIT_ATTRIBUTES.filter((a) => a !== 'description');

export const ASSOCIATION_HIT_ATTRIBUTES = [
  'id',
  'name',
  'acronym',
  'description',
  'url',
  'fields',
  'pathways',
  'fieldNames',
  'scope',
  'country',
  'region',
  'chapterPlaces',
  'jobBoardUrl',
  'membershipUrl',
  'meetingCadence',
  'hiring',
  'hiringReasons',
] as const satisfies readonly (keyof AssociationDocument)[];

/** The association attributes whose matched words a hit marks. */
export const ASSOCIATION_HIGHLIGHT_ATTRIBUTES = ['name', 'description'] as const;

/** A hit as Meilisearch returns it: the retrieved attributes, and `_formatted` when highlighting or cropping. */
export type IndexHit<T> = T & { _formatted?: Partial<Record<keyof T, unknown>> };

/** An events-index hit in the API's shape: instants as ISO strings, the description cropped, matches as ranges. */
export function toEventHit(doc: IndexHit<EventDocument>): EventHit {
  const formatted = doc._formatted as Record<string, unknown> | undefined;
  const cropped =
    typeof formatted?.description === 'string'
      ? readHighlight(formatted.description)
      : { text: doc.description ?? '', matches: [] };
  return {
    id: doc.id,
    title: doc.title,
    description: cropped.text,
    url: doc.url,
    type: doc.type,
    format: doc.format,
    status: doc.status,
    start: doc.startIso,
    end: doc.endIso ?? null,
    timeZone: doc.timeZone,
    allDay: doc.allDay,
    fields: doc.fields,
    pathways: doc.pathways,
    fieldNames: doc.fieldNames,
    allFields: doc.allFields ?? false,
    tags: doc.tags,
    venueName: doc.venueName ?? null,
    city: doc.city ?? null,
    region: doc.region ?? null,
    country: doc.country ?? null,
    location: doc._geo ? { lat: doc._geo.lat, lng: doc._geo.lng } : null,
    organizer: doc.organizer ?? null,
    associationId: doc.associationId ?? null,
    costFree: doc.costFree ?? null,
    costMin: doc.costMin ?? null,
    costMax: doc.costMax ?? null,
    costCurrency: doc.costCurrency ?? null,
    hiring: doc.hiring,
    hiringReasons: doc.hiringReasons,
    highlights: {
      title: formattedMatches(formatted, 'title'),
      description: cropped.matches,
      organizer: formattedMatches(formatted, 'organizer'),
      venueName: formattedMatches(formatted, 'venueName'),
      city: formattedMatches(formatted, 'city'),
    },
  };
}

/** Index attributes a map point needs: where and when, and what its list item shows. */
export const EVENT_POINT_ATTRIBUTES = [
  'id',
  'title',
  'format',
  'startIso',
  'endIso',
  'timeZone',
  'allDay',
  'venueName',
  'city',
  'region',
  'country',
  '_geo',
] as const satisfies readonly (keyof EventDocument)[];

/** An events-index hit as a map point (see {@link EVENT_POINT_ATTRIBUTES}). */
export function toEventPoint(doc: Pick<EventDocument, (typeof EVENT_POINT_ATTRIBUTES)[number]>): EventPoint {
  return {
    id: doc.id,
    title: doc.title,
    format: doc.format,
    start: doc.startIso,
    end: doc.endIso ?? null,
    timeZone: doc.timeZone,
    allDay: doc.allDay,
    venueName: doc.venueName ?? null,
    city: doc.city ?? null,
    region: doc.region ?? null,
    country: doc.country ?? null,
    location: doc._geo ? { lat: doc._geo.lat, lng: doc._geo.lng } : null,
  };
}

/** An associations-index hit in the API's shape. */
export function toAssociationHit(doc: IndexHit<AssociationDocument>): AssociationHit {
  const formatted = doc._formatted as Record<string, unknown> | undefined;
  const cropped =
    typeof formatted?.description === 'string'
      ? readHighlight(formatted.description)
      : { text: doc.description, matches: [] };
  return {
    id: doc.id,
    name: doc.name,
    acronym: doc.acronym ?? null,
    description: cropped.text,
    url: doc.url,
    fields: doc.fields,
    pathways: doc.pathways,
    fieldNames: doc.fieldNames,
    scope: doc.scope,
    country: doc.country ?? null,
    region: doc.region ?? null,
    chapterPlaces: doc.chapterPlaces,
    jobBoardUrl: doc.jobBoardUrl ?? null,
    membershipUrl: doc.membershipUrl ?? null,
    meetingCadence: doc.meetingCadence ?? null,
    hiring: doc.hiring,
    hiringReasons: doc.hiringReasons,
    highlights: {
      name: formattedMatches(formatted, 'name'),
      description: cropped.matches,
    },
  };
}
