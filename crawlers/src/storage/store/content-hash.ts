import { hash } from 'node:crypto';
import type { Association, Event, EventSourceRef, Source } from '@fieldguide/shared';

/** JSON with object keys sorted at every level and `undefined` members left out, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${members.join(',')}}`;
}

// The one-shot hash skips building a Hash object per call: about a third cheaper for an event's few kilobytes.
const sha256 = (text: string): string => hash('sha256', text, 'hex');

/** Identity of a source reference: one entry per source and URL. */
export const sourceRefKey = (ref: Pick<EventSourceRef, 'sourceId' | 'url'>): string => `${ref.sourceId}\n${ref.url}`;

/**
 * Hash of what an event says. Leaves out when it was seen (`firstSeen`, `lastSeen`, each source's
 * `seenAt`) and `updatedAt`, and ignores the order of `sources`, so a re-crawl of the same page matches.
 */
export function eventContentHash(event: Event): string {
  const { firstSeen: _f, lastSeen: _l, updatedAt: _u, sources, ...content } = event;
  const refs = sources.map((ref) => sourceRefKey(ref)).sort();
  return sha256(canonicalJson({ ...content, sources: refs }));
}

/** Hash of what an association says, without `firstSeen` and `updatedAt`. */
export function associationContentHash(association: Association): string {
  const { firstSeen: _f, updatedAt: _u, ...content } = association;
  return sha256(canonicalJson(content));
}

/** Hash of a source's configuration, without its crawl health. */
export function sourceContentHash(config: Omit<Source, 'health'>): string {
  return sha256(canonicalJson(config));
}
