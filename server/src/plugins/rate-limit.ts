import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from '../errors.js';
import { isAdminUrl } from '../request-path.js';

export interface RateLimitOptions {
  /** Requests per IP per window on every route; 0 turns the public limit off. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Requests per IP per window across the whole admin API, however its path is spelled; 0: only the public limit. */
  adminMax: number;
  /** Whether a route sets a limit of its own (`config.rateLimit`): then the limiter runs even with both above 0. */
  routeLimits: boolean;
}

/**
 * Limits requests per client IP (in memory, per process). Every route shares the public limit; a route opts out or
 * sets its own with `config: { rateLimit: false | { max, timeWindow } }` (source suggestions do), counted apart. The admin API has one stricter limit of
 * its own, counted across all its routes and before the token is checked (failed guesses count), and an admin
 * request counts against that one only. Over a limit: 429 JSON with `Retry-After`.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: RateLimitOptions) {
  if (opts.max === 0 && opts.adminMax === 0 && !opts.routeLimits) return;
  await app.register(rateLimit, {
    global: opts.max > 0,
    max: opts.max,
    timeWindow: opts.windowMs,
    errorResponseBuilder: (_request, context) => errors.rateLimited(context.after),
  });
  if (opts.adminMax === 0) return;
  // One limiter, one counter per IP for every admin path; having run, it keeps the public limiter off the request.
  const adminLimit = app.rateLimit({ max: opts.adminMax, timeWindow: opts.windowMs });
  app.addHook('onRequest', async (request, reply) => {
    if (isAdminUrl(request.url)) await adminLimit.call(app, request, reply);
  });
}

export const publicRateLimitPlugin = fp(rateLimitPlugin, { name: 'rate-limit', fastify: '5.x' });
