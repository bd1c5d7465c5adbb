import { EventSchema, type EventSourceRef } from '@fieldguide/shared';
import { sourceRefKey } from './content-hash.js';

const MAX_SOURCE_REFS = EventSchema.properties.sources.maxItems ?? 50;

/** The later of two ISO instants (by the instant, not the text: offsets differ between sources). */
export const laterInstant = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

/**
 * Merges where an event was seen: one entry per (sourceId, url), stored order first, the later
 * `seenAt` kept. Past the schema's limit, the entries seen longest ago are dropped.
 */
export function mergeSourceRefs(
  stored: readonly EventSourceRef[],
  incoming: readonly EventSourceRef[],
): EventSourceRef[] {
  const byKey = new Map<string, EventSourceRef>();
  for (const ref of [...stored, ...incoming]) {
    const key = sourceRefKey(ref);
    const previous = byKey.get(key);
    byKey.set(key, previous && laterInstant(previous.seenAt, ref.seenAt) === previous.seenAt ? previous : { ...ref });
  }
  const merged = [...byKey.values()];
  if (merged.length <= MAX_SOURCE_REFS) return merged;
  const keep = new Set(
    [...merged].sort((a, b) => Date.parse(b.seenAt) - Date.parse(a.seenAt)).slice(0, MAX_SOURCE_REFS),
  );
  return merged.filter((ref) => keep.has(ref));
}
