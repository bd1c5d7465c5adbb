import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { apiError } from '../../errors.js';
import { adminCatalogRoutes } from './catalog.js';
import { adminCrawlRoutes } from './crawls.js';
import { adminEventRoutes } from './events.js';
import { adminSourceRoutes } from './sources.js';
import { adminSuggestionRoutes } from './suggestions.js';

/** Methods that change nothing. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The admin API (register with prefix `/api/admin`): sources, crawl runs, the events listings leave out, the
 * queue of suggested sources and the associations catalog's sources. The
 * app-wide admin guard (`plugins/admin-auth.ts`) wants `Authorization: Bearer <ADMIN_TOKEN>` (403 while no token is
 * configured) and the admin rate limit (`plugins/rate-limit.ts`) counts across all of these routes; the CORS plugin
 * sends no CORS headers under this prefix. While the store is read-only, every change answers 503
 * `ERR_STORE_READONLY` before its body is read.
 */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', async (request) => {
    if (!READ_METHODS.has(request.method) && !app.store.writable()) throw apiError('ERR_STORE_READONLY');
  });
  await app.register(adminSourceRoutes);
  await app.register(adminCrawlRoutes);
  await app.register(adminEventRoutes);
  await app.register(adminSuggestionRoutes);
  await app.register(adminCatalogRoutes);
};
