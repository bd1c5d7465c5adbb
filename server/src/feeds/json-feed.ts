import type { Event } from '@fieldguide/shared';
import { eventFieldNames, eventPlainText, eventSummaryLine, eventTypeLabel } from './event-text.js';
import { eventPageUrl, type FeedDocument } from './feed-document.js';
import { feedText, oneLine } from './text.js';

/** JSON Feed 1.1's version URL. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** The event's own facts, as a JSON Feed extension (`_`-prefixed keys are for publishers' extensions). */
export interface FieldguideItemExtension {
  start: string;
  end: string | null;
  timeZone: string;
  allDay: boolean;
  status: Event['status'];
  type: Event['type'];
  format: Event['format'];
  fields: string[];
  pathways: string[];
  hiring: number;
}

/** A JSON Feed 1.1 item as Fieldguide writes it. */
export interface JsonFeedItem {
  id: string;
  url: string;
  external_url: string;
  title: string;
  summary: string;
  content_text: string;
  date_published: string;
  date_modified: string;
  tags: string[];
  authors?: { name: string; url?: string }[];
  _fieldguide: FieldguideItemExtension;
}

/** A JSON Feed 1.1 document as Fieldguide writes it. */
export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  authors: { name: string; url?: string }[];
  items: JsonFeedItem[];
}

function item(doc: FeedDocument, event: Event): JsonFeedItem {
  const organizer = event.organizer
    ? [{ name: oneLine(event.organizer.name), ...(event.organizer.url ? { url: event.organizer.url } : {}) }]
    : undefined;
  return {
    id: `${event.id}@${doc.uidHost}`,
    url: eventPageUrl(doc.origin, event.id),
    external_url: event.url,
    title: oneLine(event.title),
    summary: eventSummaryLine(event),
    content_text: eventPlainText(event),
    date_published: event.firstSeen,
    date_modified: event.updatedAt,
    tags: [...eventFieldNames(event), eventTypeLabel(event.type)],
    ...(organizer ? { authors: organizer } : {}),
    _fieldguide: {
      start: event.start,
      end: event.end ?? null,
      timeZone: event.timeZone,
      allDay: event.allDay,
      status: event.status,
      type: event.type,
      format: event.format,
      fields: event.fields,
      pathways: event.pathways,
      hiring: event.hiring.score,
    },
  };
}

/**
 * JSON Feed 1.1, written here rather than by the `feed` package, whose `json1()` writes version 1 with the
 * content as `content_html`. Items carry plain text only (`content_text`, `summary`) and the event's facts
 * under `_fieldguide`.
 */
export function renderJsonFeed(doc: FeedDocument): string {
  const feed: JsonFeed = {
    version: JSON_FEED_VERSION,
    title: oneLine(doc.title),
    home_page_url: doc.homeUrl,
    feed_url: doc.urls.json,
    description: feedText(doc.description),
    language: 'en',
    authors: [{ name: 'Fieldguide', ...(doc.origin ? { url: doc.origin } : {}) }],
    items: doc.events.map((event) => item(doc, event)),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
