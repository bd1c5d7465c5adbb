import { ALL_FIELDS_LABEL, type Event, fieldLabel } from '@fieldguide/shared';
import { Feed, type Item } from 'feed';
import { eventFieldNames, eventPlainText, eventSummaryLine } from './event-text.js';
import { eventPageUrl, FEED_MAX_AGE_S, type FeedDocument } from './feed-document.js';
import { escapeHtml, oneLine, rssTitle, textToHtml, xmlAttribute } from './text.js';

function feedOptions(doc: FeedDocument) {
  return {
    id: doc.urls.atom,
    title: oneLine(doc.title),
    description: oneLine(doc.description),
    link: doc.homeUrl,
    updated: doc.updated,
    generator: 'Fieldguide',
    language: 'en',
    ttl: FEED_MAX_AGE_S / 60,
    copyright: 'Event details belong to their organizers; see each event’s page.',
    feedLinks: { rss: doc.urls.rss, atom: doc.urls.atom, json: doc.urls.json },
    author: { name: 'Fieldguide', link: doc.origin || undefined },
  };
}

/** The item body as HTML made from plain text: a summary line, then every fact and the description. */
const itemHtml = (event: Event) => textToHtml(`${eventSummaryLine(event)}\n\n${eventPlainText(event)}`);

function baseItem(doc: FeedDocument, event: Event): Pick<Item, 'id' | 'link' | 'date' | 'published'> {
  const page = eventPageUrl(doc.origin, event.id);
  return { id: page, link: page, date: new Date(event.updatedAt), published: new Date(event.firstSeen) };
}

/**
 * RSS 2.0: titles are plain text in CDATA, with every `<` that would start markup escaped ({@link rssTitle}),
 * descriptions HTML escaped from plain text; items
 * link to the event's Fieldguide page, `guid` is that URL, `pubDate` when Fieldguide first saw the event.
 */
export function renderRss(doc: FeedDocument): string {
  const feed = new Feed(feedOptions(doc));
  for (const event of doc.events) {
    feed.addItem({
      ...baseItem(doc, event),
      title: rssTitle(event.title),
      description: itemHtml(event),
      category: eventFieldNames(event).map((name) => ({ name: oneLine(name) })),
    });
  }
  return feed.rss2();
}

/**
 * Atom 1.0: the `feed` package marks titles and summaries `type="html"`, so both are HTML escaped from plain text;
 * entry ids are the events' Fieldguide pages, `updated` their `updatedAt`, `published` when first seen.
 */
export function renderAtom(doc: FeedDocument): string {
  const feed = new Feed(feedOptions(doc));
  for (const event of doc.events) {
    feed.addItem({
      ...baseItem(doc, event),
      title: escapeHtml(oneLine(event.title)),
      description: itemHtml(event),
      // The package writes category attributes unescaped.
      category: [
        ...(event.allFields ? [{ term: 'all-fields', name: xmlAttribute(ALL_FIELDS_LABEL) }] : []),
        ...[...event.fields, ...event.pathways].map((id) => ({
          term: xmlAttribute(id),
          name: xmlAttribute(fieldLabel(id) ?? id),
        })),
      ],
    });
  }
  return feed.atom1();
}
