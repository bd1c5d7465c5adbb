import { type Event, EventSchema, findIssues, type Source } from '@fieldguide/shared';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import { seriesIdFromUid } from '../dedupe/series.js';
import type { RawEvent } from '../extract/raw-event.js';
import { type NormalizedEvent, normalizeRawEvent } from '../normalize/normalize-event.js';
import { removeInvisible } from '../normalize/normalize-text.js';
import type { Classifier } from './classifier.js';
import { eventIdFor } from './event-id.js';

/** Where a document's events come from, for ids and source references. */
export interface DocumentContext {
  source: Pick<Source, 'id' | 'fields' | 'pathways' | 'associationId'>;
  /** The document the events were read from (after redirects). */
  documentUrl: string;
  /** ISO instant of this crawl: `seenAt`, `firstSeen`, `lastSeen`, `updatedAt` of new records. */
  seenAt: string;
  classify: Classifier;
  /** The association the source belongs to, when known (its job board is a hiring signal). */
  association?: { jobBoardUrl?: string };
}

/** Events of one document, and the ones that could not be kept, with why. */
export interface BuiltEvents {
  events: Event[];
  /** `"<title>" (<url>): <reason>` per event left out. */
  rejected: string[];
}

const union = (a: readonly string[], b: readonly string[], max: number) => [...new Set([...a, ...b])].slice(0, max);

function describe(raw: RawEvent, url: string): string {
  // The title as the page wrote it (markup shows why it was left out), without what no record may hold.
  const title = removeInvisible(raw.title).replace(/\s+/g, ' ').trim().slice(0, 80) || '(no title)';
  return `"${title}" (${url})`;
}

function toEvent(normalized: NormalizedEvent, id: string, ctx: DocumentContext): Event {
  const classification = ctx.classify({
    title: normalized.title,
    description: normalized.description,
    format: normalized.format,
    tags: normalized.tags,
    ...(normalized.typeHint ? { typeHint: normalized.typeHint } : {}),
    fields: ctx.source.fields,
    pathways: ctx.source.pathways,
    ...(normalized.organizer ? { organizerName: normalized.organizer.name } : {}),
    ...(ctx.association ? { association: ctx.association } : {}),
    venueKnown: normalized.venue !== undefined,
  });
  const allFields = classification.allFields === true;
  const event: Event = {
    id,
    title: normalized.title,
    description: normalized.description,
    url: normalized.url ?? ctx.documentUrl,
    type: classification.type,
    // An event open to every field belongs to none: the source's default fields would narrow it again.
    fields: allFields ? [] : union(ctx.source.fields, classification.fields, 16),
    pathways: allFields ? [] : union(ctx.source.pathways, classification.pathways, 100),
    tags: normalized.tags,
    start: normalized.start,
    timeZone: normalized.timeZone,
    ...(normalized.timeZoneSource ? { timeZoneSource: normalized.timeZoneSource } : {}),
    allDay: normalized.allDay,
    format: normalized.format,
    status: normalized.status,
    hiring: classification.hiring,
    allFields,
    careerRelevant: classification.careerRelevant !== false,
    sources: [{ sourceId: ctx.source.id, url: ctx.documentUrl, seenAt: ctx.seenAt }],
    delisted: false,
    firstSeen: ctx.seenAt,
    lastSeen: ctx.seenAt,
    updatedAt: ctx.seenAt,
  };
  if (normalized.end) event.end = normalized.end;
  if (normalized.venue) event.venue = normalized.venue;
  if (normalized.organizer) event.organizer = normalized.organizer;
  if (ctx.source.associationId) event.associationId = ctx.source.associationId;
  if (normalized.cost) event.cost = normalized.cost;
  if (normalized.cfpUrl) event.cfpUrl = normalized.cfpUrl;
  if (normalized.cfpEnd) event.cfpEnd = normalized.cfpEnd;
  if (classification.careerRelevant === false && classification.relevanceReason) {
    event.relevanceReason = classification.relevanceReason.slice(0, 300);
  }
  return event;
}

/**
 * Normalizes, classifies and identifies the raw events of one document, and checks each against
 * `EventSchema`: an event that cannot be normalized or does not validate is left out with its reason, never
 * thrown, so one bad event never costs the others.
 */
export function buildEvents(raws: readonly RawEvent[], ctx: DocumentContext): BuiltEvents {
  const normalized: { raw: RawEvent; event: NormalizedEvent }[] = [];
  const rejected: string[] = [];
  for (const raw of raws) {
    try {
      const { event, warnings } = normalizeRawEvent(raw);
      if (event) normalized.push({ raw, event });
      else rejected.push(`${describe(raw, ctx.documentUrl)}: ${warnings.join('; ') || 'could not be read'}`);
    } catch (error) {
      rejected.push(`${describe(raw, ctx.documentUrl)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const urlCounts = new Map<string, number>();
  const keyOf = (n: NormalizedEvent) => canonicalUrl(n.url ?? ctx.documentUrl) ?? ctx.documentUrl;
  for (const { event } of normalized) urlCounts.set(keyOf(event), (urlCounts.get(keyOf(event)) ?? 0) + 1);

  const events: Event[] = [];
  for (const { raw, event: item } of normalized) {
    const id = eventIdFor({
      sourceId: ctx.source.id,
      extractedBy: raw.extractedBy,
      uid: item.uid,
      url: item.url ?? ctx.documentUrl,
      title: item.title,
      start: item.start,
      sharedUrl: (urlCounts.get(keyOf(item)) ?? 0) > 1,
    });
    try {
      const event = toEvent(item, id, ctx);
      const seriesId = seriesIdFromUid({
        sourceId: ctx.source.id,
        extractedBy: raw.extractedBy,
        uid: item.uid,
        seriesKey: raw.seriesKey,
      });
      if (seriesId) event.seriesId = seriesId;
      const issues = findIssues(EventSchema, event);
      if (issues.length === 0) events.push(event);
      else {
        const detail = issues
          .slice(0, 3)
          .map((i) => `${i.path || '(root)'} ${i.message}`)
          .join('; ');
        rejected.push(`${describe(raw, event.url)}: invalid event: ${detail}`);
      }
    } catch (error) {
      rejected.push(`${describe(raw, ctx.documentUrl)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { events, rejected };
}
