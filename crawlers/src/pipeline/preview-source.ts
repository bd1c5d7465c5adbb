import {
  type Event,
  formatEventPlace,
  type PreviewEvent,
  type Source,
  SUGGESTION_PREVIEW_EVENTS,
  type SuggestionPreview,
} from '@fieldguide/shared';
import { FetchErrorCode } from '../core/errors.js';
import type { Fetcher } from '../core/fetcher.js';
import { sourceIdFromUrl, toSource } from '../sources/load-sources.js';
import { buildEvents } from './build-event.js';
import type { Classifier } from './classifier.js';
import { defaultClassifier } from './default-classifier.js';
import { type DiscoveryResult, discoverSources } from './discover.js';
import { type CrawlLimits, harvestSource } from './harvest.js';

/** How much of a site a preview reads: a few documents, one level of links, two API pages. */
export const PREVIEW_LIMITS: Readonly<CrawlLimits> = Object.freeze({
  maxPagesPerSource: 8,
  maxDepth: 1,
  maxApiPages: 2,
});

/** Warnings a preview keeps, and their longest length in characters: what a visitor reads, not a crawl log. */
const MAX_WARNINGS = 10;
const MAX_WARNING_LENGTH = 300;

/** Options of {@link previewSource}. */
export interface PreviewSourceOptions {
  fetcher: Fetcher;
  classify?: Classifier;
  now?: () => Date;
  /** Stops reading the best source's documents; what was read by then is previewed. */
  signal?: AbortSignal;
  limits?: Partial<CrawlLimits>;
}

/** What {@link previewSource} found: the preview, and the discovery it started from. */
export interface SourcePreviewResult {
  preview: SuggestionPreview;
  discovery: DiscoveryResult;
}

/** A harvest never consults nor feeds the fetch log for a preview: every document is read afresh. */
const NO_HISTORY = { lastFetch: () => undefined, listSourceRefs: () => [] };

function toPreviewEvent(event: Event): PreviewEvent {
  return {
    title: event.title,
    url: event.url,
    start: event.start,
    end: event.end ?? null,
    timeZone: event.timeZone,
    allDay: event.allDay,
    format: event.format,
    place: formatEventPlace(event),
  };
}

/** The events not yet over, soonest first, one per id. */
function upcoming(events: readonly Event[], nowMs: number): Event[] {
  const byId = new Map<string, Event>();
  for (const event of events) {
    if (Date.parse(event.end ?? event.start) >= nowMs && !byId.has(event.id)) byId.set(event.id, event);
  }
  return [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

function whyNothing(discovery: DiscoveryResult, errors: readonly string[], eventsSeen: number): string {
  if (discovery.sources.length === 0) {
    return 'the page links no calendar, feed or events page, and carries no event data';
  }
  if (errors.length > 0 && eventsSeen === 0) return `what the page links to could not be read: ${errors[0]}`;
  if (eventsSeen > 0) return `the ${eventsSeen} event(s) found are all over`;
  return 'the calendars, feeds and pages it links to hold no events';
}

/** A refusal of the address guard, as harvest reports it: `<url>: FETCH_PRIVATE_ADDRESS: <message with the IP>`. */
const ADDRESS_REFUSAL = new RegExp(
  `^(\\S+): (?:${FetchErrorCode.PRIVATE_ADDRESS}|${FetchErrorCode.OWN_PORT}): .*$`,
  's',
);

/**
 * A warning as a visitor may read it: short, and a refused address without the IP its host resolved to (a page
 * could otherwise map the names of a private network through us).
 */
const forVisitor = (warning: string): string => {
  const w = warning.replace(ADDRESS_REFUSAL, '$1: not a public web address');
  return w.length > MAX_WARNING_LENGTH ? `${w.slice(0, MAX_WARNING_LENGTH - 1)}…` : w;
};

/** A few documents of `source`, read as a crawl reads them, and the events built from them. */
async function readSource(
  source: Source,
  options: PreviewSourceOptions,
  warnings: string[],
): Promise<{ built: Event[]; errors: string[] }> {
  const now = options.now ?? (() => new Date());
  const classify = options.classify ?? defaultClassifier;
  const harvest = await harvestSource(source, {
    fetcher: options.fetcher,
    store: NO_HISTORY,
    now,
    ical: { now: now() },
    limits: { ...PREVIEW_LIMITS, ...options.limits },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  warnings.push(...harvest.warnings);
  const seenAt = now().toISOString();
  const built = harvest.documents.flatMap(
    (document) => buildEvents(document.events, { source, documentUrl: document.url, seenAt, classify }).events,
  );
  return { built, errors: harvest.errors };
}

/**
 * Reads a URL as a source made of it would be read, without storing anything: discovery on the page, then a few
 * documents of the best source found ({@link PREVIEW_LIMITS}), their events built as a crawl builds them. The
 * preview shows the kind, the sources, the association the page is about, the soonest upcoming events (at most
 * {@link SUGGESTION_PREVIEW_EVENTS}), or why nothing was found. The fetcher's own rules (address guard, robots.txt,
 * time and size caps) apply to every request.
 * @throws NonRetryableError or RetryableError when the page itself cannot be fetched.
 */
export async function previewSource(url: string, options: PreviewSourceOptions): Promise<SourcePreviewResult> {
  const now = options.now ?? (() => new Date());
  const discovery = await discoverSources(url, {
    fetcher: options.fetcher,
    classify: options.classify ?? defaultClassifier,
    now,
  });
  const best = discovery.sources[0];
  const warnings = [...discovery.warnings];
  let read: { built: Event[]; errors: string[] } = { built: [], errors: [] };
  if (best) {
    const source = toSource({ id: sourceIdFromUrl(best.url), url: best.url, kind: best.kind }, 'source', warnings);
    if (source) read = await readSource(source, options, warnings);
  }
  const events = upcoming(read.built, now().getTime());
  const errors = read.errors.map(forVisitor);
  const association = discovery.association;
  return {
    discovery,
    preview: {
      url: discovery.url,
      kind: best?.kind ?? null,
      sources: discovery.sources,
      association: association ? { name: association.name, url: association.url, fields: association.fields } : null,
      eventCount: events.length,
      events: events.slice(0, SUGGESTION_PREVIEW_EVENTS).map(toPreviewEvent),
      nothingFound: events.length > 0 ? null : whyNothing(discovery, errors, read.built.length),
      warnings: [...errors, ...warnings].slice(0, MAX_WARNINGS).map(forVisitor),
    },
  };
}
