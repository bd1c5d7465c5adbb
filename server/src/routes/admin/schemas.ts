import type { Config } from '../../config.js';
import { errorResponses } from '../../errors.js';

/** Errors every admin route can answer with. */
export const adminErrorResponses = errorResponses(
  'ERR_BAD_PARAMETER',
  'ERR_UNAUTHORIZED',
  'ERR_ADMIN_CLOSED',
  'ERR_RATE_LIMITED',
);

/**
 * Route config giving an admin route the stricter limit when the app-wide limiter runs (it reads each route's
 * `config.rateLimit` as the route is added); without it, the admin routes' context has a limiter of its own.
 */
export function adminRouteConfig(config: Readonly<Config>): { rateLimit?: { max: number; timeWindow: number } } {
  return config.adminRateLimitMax > 0 && config.rateLimit.max > 0
    ? { rateLimit: { max: config.adminRateLimitMax, timeWindow: config.rateLimit.windowMs } }
    : {};
}
