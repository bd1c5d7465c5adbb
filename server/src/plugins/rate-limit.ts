import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from '../errors.js';

export interface RateLimitOptions {
  /** Requests per IP per window; 0 turns the limit off. */
  max: number;
  /** Window length in milliseconds. */
  windowMs: number;
}

/**
 * Limits requests per client IP on every route (in memory, per process). A route opts out or sets its own limit
 * with `config: { rateLimit: false | { max, timeWindow } }`. Over the limit: 429 JSON with `Retry-After`.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: RateLimitOptions) {
  if (opts.max === 0) return;
  await app.register(rateLimit, {
    global: true,
    max: opts.max,
    timeWindow: opts.windowMs,
    errorResponseBuilder: (_request, context) => errors.rateLimited(context.after),
  });
}

export const publicRateLimitPlugin = fp(rateLimitPlugin, { name: 'rate-limit', fastify: '5.x' });
