import { createHash } from 'node:crypto';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import { titleTokens } from '../dedupe/title-similarity.js';
import type { ExtractedBy } from '../extract/raw-event.js';

/** What an event id is made from. */
export interface EventIdInput {
  sourceId: string;
  extractedBy: ExtractedBy;
  /** The source's own id of the event (iCal UID with `#RECURRENCE-ID`, conference-data `startDate@url`). */
  uid?: string | undefined;
  /** The event's page, or the document it was read from. */
  url: string;
  title: string;
  /** ISO instant. */
  start: string;
  /** True when other events of the same document have the same URL (one page listing several events). */
  sharedUrl: boolean;
}

// Extractors whose uid names one occurrence for good; JSON-LD `@id`s and WordPress ids are page-bound, so
// the canonical URL serves as well and does not depend on which source found the page.
const UID_EXTRACTORS = new Set<ExtractedBy>(['ical', 'json-list']);

/**
 * A stable event id, `ev_` + 32 hex digits of a SHA-256: of the source and the iCal (or conference-list) UID
 * when there is one, else of the canonical URL — plus title and start day when several events share the URL.
 */
export function eventIdFor(input: EventIdInput): string {
  let key: string;
  if (input.uid && UID_EXTRACTORS.has(input.extractedBy)) {
    key = `uid\n${input.sourceId}\n${input.uid}`;
  } else {
    key = `url\n${canonicalUrl(input.url) ?? input.url}`;
    if (input.sharedUrl) key += `\n${titleTokens(input.title).join(' ')}\n${input.start.slice(0, 10)}`;
  }
  return `ev_${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}
