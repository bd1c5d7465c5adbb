import type { AssociationDocument, EventDocument, GeoPoint } from '@fieldguide/shared';
import { distanceKm } from '@fieldguide/shared';
import { formattedHtml, stripHighlight } from './highlight.js';
import type { AssociationHit, EventHit } from './schemas.js';

/** Words of description around the matches that a card shows. */
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
] as const;

export const EVENT_HIGHLIGHT_ATTRIBUTES = ['title', 'description', 'organizer', 'venueName', 'city'];

/**
 * What a search retrieves of each hit: the card's attributes but the description, which comes cropped in
 * `_formatted` (searches crop it) and may be thousands of characters long in full.
 */
export const EVENT_RETRIEVED_ATTRIBUTES = EVENT_HIT_ATTRIBUTES.filter((a) => a !== 'description');

export const ASSOCIATION_HIT_ATTRIBUTES = [
  'id',
  'name',
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
  'meetingCadence',
  'hiring',
  'hiringReasons',
] as const;

export const ASSOCIATION_HIGHLIGHT_ATTRIBUTES = ['name', 'description'];

type WithFormatted<T> = T & { _formatted?: Partial<Record<keyof T, unknown>> };

const ROUND_KM = 10;

/** An events-index hit as the API's card; `point` adds the distance from it. */
export function toEventHit(doc: WithFormatted<EventDocument>, point?: GeoPoint): EventHit {
  const formatted = doc._formatted as Record<string, unknown> | undefined;
  const cropped =
    typeof formatted?.description === 'string' ? stripHighlight(formatted.description) : (doc.description ?? '');
  const hit: EventHit = {
    id: doc.id,
    title: doc.title,
    description: cropped,
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
    _formatted: {
      title: formattedHtml(formatted, 'title', doc.title),
      description: formattedHtml(formatted, 'description', cropped),
      organizer: formattedHtml(formatted, 'organizer', doc.organizer ?? null),
      venueName: formattedHtml(formatted, 'venueName', doc.venueName ?? null),
      city: formattedHtml(formatted, 'city', doc.city ?? null),
    },
  };
  if (point && doc._geo) hit.distanceKm = Math.round(distanceKm(point, doc._geo) * ROUND_KM) / ROUND_KM;
  return hit;
}

/** An associations-index hit as the API's card. */
export function toAssociationHit(doc: WithFormatted<AssociationDocument>): AssociationHit {
  const formatted = doc._formatted as Record<string, unknown> | undefined;
  const cropped = typeof formatted?.description === 'string' ? stripHighlight(formatted.description) : doc.description;
  return {
    id: doc.id,
    name: doc.name,
    description: cropped,
    url: doc.url,
    fields: doc.fields,
    pathways: doc.pathways,
    fieldNames: doc.fieldNames,
    scope: doc.scope,
    country: doc.country ?? null,
    region: doc.region ?? null,
    chapterPlaces: doc.chapterPlaces,
    jobBoardUrl: doc.jobBoardUrl ?? null,
    meetingCadence: doc.meetingCadence ?? null,
    hiring: doc.hiring,
    hiringReasons: doc.hiringReasons,
    _formatted: {
      name: formattedHtml(formatted, 'name', doc.name),
      description: formattedHtml(formatted, 'description', cropped),
    },
  };
}
