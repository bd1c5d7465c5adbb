import { type EventDocument, type Filter, gte, not } from '@fieldguide/shared';
import type { SearchIndex } from './search-index.js';

// Searches only ever list events with `end >= now` (see buildEventFilter), so an ended event in the index is
// dead weight: it costs memory and indexing time at every batch. It stays in the store and on its event page.

const epochSeconds = (now: Date): number => Math.floor(now.getTime() / 1000);

/** Whether an event document has ended at `now`, by the instant searches use (`end`, or `start` without an end). */
export function hasEnded(document: Pick<EventDocument, 'end'>, now: Date): boolean {
  return document.end < epochSeconds(now);
}

/** The filter matching every event document ended at `now`: the complement of the searches' upcoming filter. */
export const endedFilter = (now: Date): Filter => not(gte('end', epochSeconds(now)));

/**
 * Deletes from the live events index every event that has ended at `now`, and waits.
 * @throws IndexUnavailableError when Meilisearch cannot be reached; IndexError when the task fails.
 */
export async function deleteEndedEvents(index: SearchIndex, now: Date): Promise<void> {
  await index.waitTask(await index.deleteDocumentsWhere('event', endedFilter(now)));
}
