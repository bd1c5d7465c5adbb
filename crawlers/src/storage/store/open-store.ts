import type { StorageConfig } from '../config.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { createStore } from './store.js';
import type { Store } from './store.types.js';

/** Where the canonical store is: the PostgreSQL database at `databaseUrl` when set, else the SQLite file. */
export type StoreLocation = Pick<StorageConfig, 'databasePath' | 'databaseUrl'>;

/** Only where the store is, out of a configuration: what a crawl process is told. */
export const storeLocation = (config: StoreLocation): StoreLocation =>
  config.databaseUrl
    ? { databasePath: config.databasePath, databaseUrl: config.databaseUrl }
    : { databasePath: config.databasePath };

/**
 * Opens the canonical store `location` names: PostgreSQL with `databaseUrl`, else the SQLite file at
 * `databasePath` (see `createPostgresStore` and `createStore` for what each throws).
 */
export function openConfiguredStore(location: StoreLocation): Store {
  return location.databaseUrl
    ? createPostgresStore({ url: location.databaseUrl })
    : createStore({ path: location.databasePath });
}
