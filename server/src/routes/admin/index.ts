import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { adminCrawlRoutes } from './crawls.js';
import { adminEventRoutes } from './events.js';
import { adminSourceRoutes } from './sources.js';

/**
 * The admin API (register with prefix `/api/admin`): sources, crawl runs and the events listings leave out. The
 * app-wide admin guard (`plugins/admin-auth.ts`) wants `Authorization: Bearer <ADMIN_TOKEN>` (403 while no token is
 * configured) and the admin rate limit (`plugins/rate-limit.ts`) counts across all of these routes; the CORS plugin
 * sends no CORS headers under this prefix.
 */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(adminSourceRoutes);
  await app.register(adminCrawlRoutes);
  await app.register(adminEventRoutes);
};
