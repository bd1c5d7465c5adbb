export * as hostile from '../core/testing/hostile-server.js';
export { startTestMeilisearch, type TestMeilisearch } from '../storage/runtime/test-meilisearch.js';
export {
  describePostgres,
  findPostgresBinaries,
  type PostgresBinaries,
  PostgresStartError,
  type StartTestPostgresOptions,
  startTestPostgres,
  type TestPostgres,
} from '../storage/runtime/test-postgres.js';
export { loadedPackages, PARSING_LIBRARIES } from './loaded-packages.js';
