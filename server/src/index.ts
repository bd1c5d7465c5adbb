export { type BuildAppOptions, buildApp } from './app.js';
export { type Config, ConfigError, loadConfig } from './config.js';
export { ApiError, apiError, ERRORS, errors } from './errors.js';
