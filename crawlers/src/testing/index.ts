export * as hostile from '../core/testing/hostile-server.js';
export { startTestMeilisearch, type TestMeilisearch } from '../storage/runtime/test-meilisearch.js';
export {
  describePostgres,
  type FindPostgresOptions,
  findPostgresBinaries,
  type PostgresBinaries,
  PostgresStartError,
  type StartTestPostgresOptions,
  startTestPostgres,
  type TestPostgres,
  testPostgresBinaries,
} from '../storage/runtime/test-postgres.js';
export { loadedPackages, PARSING_LIBRARIES } from './loaded-packages.js';
