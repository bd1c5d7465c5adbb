import { hasEnded, type SearchIndex, type Store } from '@fieldguide/crawlers/storage';
import { type EventDocument, toSearchDocument } from '@fieldguide/shared';
import { expect } from 'vitest';

/** Every event document in the index, by id. */
export async function indexedEvents(index: SearchIndex): Promise<Map<string, EventDocument>> {
  const documents = new Map<string, EventDocument>();
  for (let page = 1; ; page++) {
    const result = await index.searchEvents({ q: '', page, hitsPerPage: 1000 });
    for (const hit of result.hits) documents.set(hit.id, hit);
    if (page >= (result.totalPages ?? 0)) return documents;
  }
}

/** The index documents of the store's events that have not ended: what the events index should hold. */
export function upcomingDocuments(store: Store, now = new Date()): Map<string, EventDocument> {
  const documents = new Map<string, EventDocument>();
  for (const event of store.iterateEvents()) {
    const document = toSearchDocument(event);
    if (!hasEnded(document, now)) documents.set(event.id, document);
  }
  return documents;
}

/**
 * Asserts that the events index holds exactly the store's events that have not ended (ended ones stay in the
 * store only), each as `toSearchDocument()` makes it.
 */
export async function expectIndexEqualsStore(store: Store, index: SearchIndex): Promise<Map<string, EventDocument>> {
  const documents = await indexedEvents(index);
  const expected = upcomingDocuments(store);
  expect(documents.size).toBe(expected.size);
  for (const [id, document] of expected) expect(documents.get(id)).toEqual(document);
  return documents;
}
