export * from './config.js';
export * from './crawl-queue/crawl-queue.js';
export * from './crawl-queue/queue-config.js';
export { ensureQueueSchema } from './crawl-queue/queue-schema.js';
export * from './runtime/data-dir-lock.js';
export * from './runtime/meilisearch-runtime.js';
export * from './runtime/meilisearch-supervisor.js';
export { isProcessAlive, processArguments, processStartTime } from './runtime/process-identity.js';
export * from './search-index/association-search.js';
export {
  callMeilisearch,
  createMeilisearchClient,
  IndexError,
  IndexUnavailableError,
  type MeilisearchClientOptions,
  type MeilisearchConnection,
  toIndexError,
} from './search-index/client.js';
export { hasEnded } from './search-index/ended-events.js';
export * from './search-index/event-search.js';
export * from './search-index/open-search-index.js';
export * from './search-index/outbox-claim.js';
export * from './search-index/outbox-drain.js';
export * from './search-index/outbox-drainer.js';
export * from './search-index/reindex.js';
export * from './search-index/replica-cursors.js';
export * from './search-index/replica-name.js';
export * from './search-index/replica-set.js';
export * from './search-index/search-index.js';
export type { RejectedDocument } from './search-index/send-documents.js';
export {
  StoreNotFoundError,
  StoreQueryError,
  StoreReadOnlyError,
  StoreUnavailableError,
  StoreVersionError,
  UnknownSourceError,
} from './store/errors.js';
export { SCHEMA_VERSION } from './store/migrations.js';
export { openConfiguredStore, type StoreLocation, storeLocation } from './store/open-store.js';
export { createPostgresStore, type PostgresStoreOptions } from './store/postgres/postgres-store.js';
export { createStore } from './store/store.js';
export type * from './store/store.types.js';
export { canWriteStore, isStoreReadOnlyError } from './store/store-access.js';
