import path from 'node:path';
import type { StorageConfig } from '../config.js';
import { type RunningMeilisearch, startMeilisearch } from '../runtime/meilisearch-runtime.js';
import { createIndex, type SearchIndex } from './search-index.js';

/** The search index of a configuration, and the embedded Meilisearch behind it when there is one. */
export interface OpenedSearchIndex {
  index: SearchIndex;
  /** Set when no `MEILI_URL` was configured and the bundled binary was started. */
  embedded?: RunningMeilisearch;
  /** Closes the client, then stops the embedded Meilisearch. */
  close(): Promise<void>;
}

export interface OpenSearchIndexOptions {
  /** Told when a Meilisearch left running on the data dir by a process that is gone was stopped first. */
  onLeftoverStopped?: (pid: number) => void;
}

/**
 * Connects to the configured Meilisearch, or starts the bundled binary on a free loopback port with its
 * data in `<dataDir>/meilisearch` when none is configured.
 */
export async function openSearchIndex(
  config: Readonly<StorageConfig>,
  options: OpenSearchIndexOptions = {},
): Promise<OpenedSearchIndex> {
  let embedded: RunningMeilisearch | undefined;
  let { url, masterKey } = config.meili;
  if (!url || !masterKey) {
    embedded = await startMeilisearch({
      dataDir: path.join(config.dataDir, 'meilisearch'),
      ...(config.meili.binary ? { binary: config.meili.binary } : {}),
      ...(options.onLeftoverStopped ? { onLeftoverStopped: options.onLeftoverStopped } : {}),
    });
    ({ url, masterKey } = embedded);
  }
  const index = createIndex({ url, masterKey, prefix: config.meili.indexPrefix });
  return {
    index,
    ...(embedded ? { embedded } : {}),
    async close() {
      await index.close();
      await embedded?.stop();
    },
  };
}
