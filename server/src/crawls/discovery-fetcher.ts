import type { FetcherOptions } from '@fieldguide/crawlers';
import type { FastifyInstance } from 'fastify';
import { ownPorts } from './own-ports.js';

/** How long discovery may take to read one document, in milliseconds. */
export const DISCOVERY_TIMEOUT_MS = 15_000;

/**
 * Options of a fetcher that reads a URL while a request waits (admin discovery, source suggestions): one retry,
 * each document within {@link DISCOVERY_TIMEOUT_MS}, the crawls' politeness, the operator's private origins
 * (`CRAWL_ALLOW_PRIVATE_ORIGINS`) and never this server's or its Meilisearch's port.
 */
export function discoveryFetcherOptions(app: FastifyInstance, overrides: Partial<FetcherOptions> = {}): FetcherOptions {
  return {
    perHostDelayMs: app.config.crawlPerHostDelayMs,
    maxRetries: 1,
    totalTimeoutMs: DISCOVERY_TIMEOUT_MS,
    ownPorts: ownPorts(app),
    allowPrivateOrigins: app.config.crawlAllowPrivateOrigins,
    ...overrides,
  };
}
