import path from 'node:path';
import type { StorageConfig } from '../config.js';
import type { RunningMeilisearch } from '../runtime/meilisearch-runtime.js';
import {
  type SupervisedMeilisearch,
  type SuperviseMeilisearchOptions,
  superviseMeilisearch,
} from '../runtime/meilisearch-supervisor.js';
import { EMBEDDED_REPLICA, replicaName } from './replica-name.js';
import { createReplicatedIndex } from './replica-set.js';
import { createIndex, type SearchIndex } from './search-index.js';

/** The search index of a configuration, and the embedded Meilisearch behind it when there is one. */
export interface OpenedSearchIndex {
  index: SearchIndex;
  /** Set when no `MEILI_URL(S)` was configured and the bundled binary was started (and is restarted when it dies). */
  embedded?: SupervisedMeilisearch;
  /** Closes the client, then stops the embedded Meilisearch. */
  close(): Promise<void>;
}

/**
 * What to hear from the embedded Meilisearch's supervisor (`onRestart` comes after the index follows a new URL), and
 * of a Meilisearch left running on the data dir by a process that is gone, stopped before the start.
 */
export type OpenSearchIndexOptions = Pick<
  SuperviseMeilisearchOptions,
  'onExit' | 'onRestart' | 'onRestartFailed' | 'onLeftoverStopped'
>;

/**
 * Connects to the configured Meilisearch (several `MEILI_URLS`: a replicated search index over them), or starts the
 * bundled binary on a free loopback port with its data in `<dataDir>/meilisearch` when none is configured,
 * supervised: restarted whenever it exits.
 */
export async function openSearchIndex(
  config: Readonly<StorageConfig>,
  options: OpenSearchIndexOptions = {},
): Promise<OpenedSearchIndex> {
  const { urls, masterKey } = config.meili;
  const prefix = config.meili.indexPrefix;
  if (urls.length > 0 && masterKey) {
    const replicas = urls.map((url) => createIndex({ url, masterKey, prefix }));
    const index = replicas.length === 1 ? replicas[0]! : createReplicatedIndex(replicas);
    return { index, close: () => index.close() };
  }
  let index: RepointableIndex | undefined;
  const embedded = await superviseMeilisearch({
    dataDir: path.join(config.dataDir, 'meilisearch'),
    ...(config.meili.binary ? { binary: config.meili.binary } : {}),
    ...(config.meili.maxIndexingMemory ? { maxIndexingMemory: config.meili.maxIndexingMemory } : {}),
    ...(config.meili.maxIndexingThreads ? { maxIndexingThreads: config.meili.maxIndexingThreads } : {}),
    ...options,
    onRestart(running: RunningMeilisearch) {
      index?.repoint(running.url);
      options.onRestart?.(running);
    },
  });
  // Its port changes from one start to the next: its outbox cursor goes by a fixed name.
  const replica = replicaName(EMBEDDED_REPLICA, prefix);
  index = repointableIndex(
    (at) => createIndex({ url: at, masterKey: embedded.masterKey, prefix, replicaName: replica }),
    embedded.url,
  );
  const opened = index.index;
  return {
    index: opened,
    embedded,
    async close() {
      await opened.close();
      await embedded.stop();
    },
  };
}

interface RepointableIndex {
  index: SearchIndex;
  /** Sends every later call to `url`, closing the client of the old one. */
  repoint(url: string): void;
}

/**
 * A search index whose Meilisearch may move to another URL (an embedded one restarted on a new port). Its
 * `identity` stays the first one's, so drains and rebuilds in this process keep sharing one lock.
 */
function repointableIndex(create: (url: string) => SearchIndex, url: string): RepointableIndex {
  let current = create(url);
  let currentUrl = url;
  const { identity } = current;
  const index = new Proxy(current, {
    get(_target, key) {
      if (key === 'identity') return identity;
      return Reflect.get(current, key);
    },
  });
  return {
    index,
    repoint(next) {
      if (next === currentUrl) return;
      const previous = current;
      current = create(next);
      currentUrl = next;
      previous.close().catch(() => {});
    },
  };
}
