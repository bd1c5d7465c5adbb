export * as hostile from '../core/testing/hostile-server.js';
export { startTestMeilisearch, type TestMeilisearch } from '../storage/runtime/test-meilisearch.js';
export { loadedPackages, PARSING_LIBRARIES } from './loaded-packages.js';
