import type { SearchIndex, Store } from '@fieldguide/crawlers/storage';
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

/** Asserts that the events index holds exactly the store's events, each as `toSearchDocument()` makes it. */
export async function expectIndexEqualsStore(store: Store, index: SearchIndex): Promise<Map<string, EventDocument>> {
  const documents = await indexedEvents(index);
  expect(documents.size).toBe(store.countEvents());
  for (const event of store.iterateEvents()) expect(documents.get(event.id)).toEqual(toSearchDocument(event));
  return documents;
}
