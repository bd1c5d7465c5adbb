export { type BuildAppOptions, buildApp } from './app.js';
export { type CatalogStartOutcome, loadCatalogAtStart } from './catalog/load-catalog-at-start.js';
export { type Config, ConfigError, loadConfig } from './config.js';
export { wantsDemoSites } from './crawls/demo-crawl.js';
export { ApiError, apiError, ERRORS, errors } from './errors.js';
