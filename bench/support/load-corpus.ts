import { createIndex, createStore, drainOutbox, type RunningMeilisearch } from '@fieldguide/crawlers/storage';
import type { Event } from '@fieldguide/shared';

/** Batches of {@link loadCorpus}: events per store transaction and outbox entries per drain round. */
export interface LoadCorpusOptions {
  storeBatch: number;
  drainBatch: number;
}

/** Writes the corpus to a new store in batches and indexes it through the outbox drain. */
export async function loadCorpus(
  events: readonly Event[],
  databasePath: string,
  meili: RunningMeilisearch,
  options: LoadCorpusOptions,
): Promise<{ stored: number; indexed: number }> {
  const store = createStore({ path: databasePath });
  const index = createIndex({ url: meili.url, masterKey: meili.masterKey });
  try {
    for (let i = 0; i < events.length; i += options.storeBatch) {
      store.upsertEvents(events.slice(i, i + options.storeBatch));
    }
    const stored = store.countEvents();
    await index.applySettings();
    const drained = await drainOutbox(store, index, { batchSize: options.drainBatch });
    if (drained.rejected.length > 0 || store.outboxSize() > 0) {
      throw new Error(`indexing left ${store.outboxSize()} entries, rejected ${JSON.stringify(drained.rejected[0])}`);
    }
    return { stored, indexed: (await index.stats()).event.numberOfDocuments };
  } finally {
    await index.close();
    store.close();
  }
}
