import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errors } from '../../errors.js';
import { adminAuthPlugin } from '../../plugins/admin-auth.js';
import { adminCrawlRoutes } from './crawls.js';
import { adminEventRoutes } from './events.js';
import { adminSourceRoutes } from './sources.js';

/**
 * The admin API (register with prefix `/api/admin`): sources, crawl runs and the events listings leave out, behind `Authorization: Bearer
 * <ADMIN_TOKEN>` (403 while no token is configured), with its own, stricter per-IP rate limit. The CORS plugin
 * sends no CORS headers under this prefix.
 */
export const adminRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { adminRateLimitMax, rateLimit: publicLimit } = app.config;
  if (adminRateLimitMax > 0 && publicLimit.max === 0) {
    // No app-wide limiter to configure per route: this context gets one of its own. Registered before the
    // token check, so failed attempts count too.
    await app.register(rateLimit, {
      global: true,
      max: adminRateLimitMax,
      timeWindow: publicLimit.windowMs,
      errorResponseBuilder: (_request, context) => errors.rateLimited(context.after),
    });
  }
  await app.register(adminAuthPlugin, { adminToken: app.config.adminToken });
  await app.register(adminSourceRoutes);
  await app.register(adminCrawlRoutes);
  await app.register(adminEventRoutes);
};
