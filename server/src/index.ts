export { type BuildAppOptions, buildApp } from './app.js';
export { type Config, ConfigError, loadConfig } from './config.js';
export { ApiError, errors } from './errors.js';
export { EventSearchResponseSchema } from './search/schemas.js';
