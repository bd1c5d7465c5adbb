import {
  type Association,
  EVENT_TYPE_LABELS,
  type Event,
  eventFieldNames,
  fieldNameInSentence,
  formatEventPlace,
  formatEventStatus,
  formatEventWhen,
  getCluster,
  getPathway,
} from '@fieldguide/shared';
import { eventPageUrl } from '../feeds/feed-document.js';
import { oneLine } from '../feeds/text.js';
import { type PageMeta, type ShareImage, SITE_NAME } from './app-shell.js';
import { SHARE_IMAGE_HEIGHT, SHARE_IMAGE_WIDTH, type ShareCard } from './share-image.js';
import { associationJsonLd, eventJsonLd, plainDescription } from './structured-data.js';

/** Meta descriptions longer than this are cut: search results and previews show about as much. */
const DESCRIPTION_CHARS = 200;

const LOCALE = 'en-US';

/** What every page without an image of its own shows in a preview. */
export const DEFAULT_SHARE_CARD: ShareCard = {
  kicker: 'Events for job seekers',
  title: 'Where the hiring managers in your field go',
  lines: ['Conferences, career fairs, workshops and meetups', 'by career field, ranked by hiring signal'],
};

/** Where the default share image is served. */
export const DEFAULT_SHARE_IMAGE_PATH = '/share-images/fieldguide.png';

/** Where an event's share image is served; `v` changes with the event, so previews never show an old card. */
export const eventShareImagePath = (event: Pick<Event, 'id' | 'updatedAt'>): string =>
  `/share-images/events/${encodeURIComponent(event.id)}.png?v=${Date.parse(event.updatedAt).toString(36)}`;

const defaultImage = (origin: string): ShareImage => ({
  url: `${origin}${DEFAULT_SHARE_IMAGE_PATH}`,
  width: SHARE_IMAGE_WIDTH,
  height: SHARE_IMAGE_HEIGHT,
  alt: `${SITE_NAME}: ${DEFAULT_SHARE_CARD.title.toLowerCase()}`,
});

const eventWhen = (event: Event): string => formatEventWhen(event, { locale: LOCALE });

/** What an event's share image shows: its fields, status, title, when and where. */
export function eventShareCard(event: Event): ShareCard {
  const fields = eventFieldNames(event);
  const status = formatEventStatus(event);
  return {
    kicker: fields.length > 0 ? fields.slice(0, 2).join(' · ') : EVENT_TYPE_LABELS[event.type],
    title: event.title,
    lines: [eventWhen(event), formatEventPlace(event)],
    ...(status ? { flag: status } : {}),
  };
}

/** An event page's title, description, preview and schema.org Event. */
export function eventPageMeta(event: Event, origin: string): PageMeta {
  const pageUrl = eventPageUrl(origin, event.id);
  const when = eventWhen(event);
  const place = formatEventPlace(event);
  const status = formatEventStatus(event);
  const summary = [status, when, place].filter(Boolean).join(' · ');
  const image: ShareImage = {
    url: `${origin}${eventShareImagePath(event)}`,
    width: SHARE_IMAGE_WIDTH,
    height: SHARE_IMAGE_HEIGHT,
    alt: `${oneLine(event.title)}: ${summary}`,
  };
  return {
    name: oneLine(event.title),
    description: plainDescription(oneLine(`${summary}. ${event.description}`), DESCRIPTION_CHARS),
    canonicalUrl: pageUrl,
    image,
    noindex: event.delisted || event.careerRelevant === false,
    jsonLd: eventJsonLd(event, { pageUrl, imageUrl: image.url }),
  };
}

/** The Fieldguide page of an association. */
export const associationPageUrl = (origin: string, id: string): string =>
  `${origin}/associations/${encodeURIComponent(id)}`;

/** An association page's title, description, preview and schema.org Organization. */
export function associationPageMeta(association: Association, origin: string): PageMeta {
  const pageUrl = associationPageUrl(origin, association.id);
  const about = association.description || `Events, job board and chapters of ${association.name}.`;
  return {
    name: oneLine(association.name),
    description: plainDescription(oneLine(about), DESCRIPTION_CHARS),
    canonicalUrl: pageUrl,
    image: defaultImage(origin),
    jsonLd: associationJsonLd(association, pageUrl),
  };
}

/** A cluster or pathway of the taxonomy, as its page names it. */
interface FieldNames {
  name: string;
  /** As it reads mid-sentence: "health care", "IT", a pathway's name. */
  inSentence: string;
}

/** The names of a field id (`cluster` or `cluster/pathway`), or undefined for an id the taxonomy lacks. */
export function fieldNames(id: string): FieldNames | undefined {
  const cluster = getCluster(id);
  if (cluster) return { name: cluster.name, inSentence: fieldNameInSentence(cluster.shortName) };
  const pathway = id.includes('/') ? getPathway(id) : undefined;
  return pathway ? { name: pathway.name, inSentence: pathway.name } : undefined;
}

/** The Fieldguide page of a field (a cluster id or `cluster/pathway`). */
export const fieldPageUrl = (origin: string, id: string): string =>
  `${origin}/fields/${id.split('/').map(encodeURIComponent).join('/')}`;

/** A field page's title and description, as the app titles it. */
export function fieldPageMeta(id: string, names: FieldNames, origin: string): PageMeta {
  return {
    name: `Where ${names.inSentence} hiring managers go`,
    description:
      `${names.name}: conferences, career fairs, workshops and association meetings, ranked by how likely ` +
      'hiring managers are there, and the associations of the field.',
    canonicalUrl: fieldPageUrl(origin, id),
    image: defaultImage(origin),
  };
}

/** The app's pages that list rather than show one thing, by path, named as the app titles them. */
const LISTING_PAGE_TEXT: Readonly<Record<string, { name: string; description: string }>> = {
  '/': {
    name: 'Events where hiring managers go',
    description:
      'Conferences, career fairs, workshops and association meetings by career field, ranked by how likely ' +
      'hiring managers are there.',
  },
  '/fields': {
    name: 'Career fields',
    description: 'The 16 career clusters and their pathways, each with its upcoming events and associations.',
  },
  '/associations': {
    name: 'Professional associations',
    description: 'Professional associations by field, region and scope: where a field’s people and employers meet.',
  },
};

/** The search page and the directories: their paths, and their title, description and default preview. */
export const LISTING_PAGES: readonly { path: string; meta(origin: string): PageMeta }[] = Object.entries(
  LISTING_PAGE_TEXT,
).map(([path, text]) => ({
  path,
  meta: (origin) => ({ ...text, canonicalUrl: `${origin}${path}`, image: defaultImage(origin) }),
}));

/** The page for an id nothing answers to: the app shows its not-found page; search engines leave it out. */
export function notFoundPageMeta(what: string, origin: string): PageMeta {
  return {
    name: 'Not found',
    description: `This ${what} is not on ${SITE_NAME}: it may have been removed, or the link is mistyped.`,
    image: defaultImage(origin),
    noindex: true,
  };
}
