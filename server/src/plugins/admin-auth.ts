import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiError } from '../errors.js';
import { isAdminUrl } from '../request-path.js';

/** The realm named in `WWW-Authenticate` on a 401. */
const REALM = 'fieldguide-admin';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether `given` is the token, in time that does not depend on where they differ (both are hashed first). */
export function tokenMatches(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * An onRequest hook that lets a request through only with `Authorization: Bearer <ADMIN_TOKEN>`. Without a
 * configured token the admin API is closed: 403. A missing or wrong token: 401 with `WWW-Authenticate`. It runs
 * after the admin rate limit (so failed attempts count against it) and before any body is read.
 */
export function adminAuthHook(adminToken: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (adminToken === undefined) {
      throw apiError('ERR_ADMIN_CLOSED');
    }
    const given = bearerToken(request.headers.authorization);
    if (given === undefined || !tokenMatches(given, adminToken)) {
      reply.header('www-authenticate', `Bearer realm="${REALM}"`);
      throw apiError('ERR_UNAUTHORIZED');
    }
  };
}

async function adminAuth(app: FastifyInstance, opts: { adminToken: string | undefined }) {
  const check = adminAuthHook(opts.adminToken);
  app.addHook('onRequest', async (request, reply) => {
    if (isAdminUrl(request.url)) await check(request, reply);
  });
}

/**
 * Guards every request whose path, however spelled (`/api/%61dmin`, `//api/admin`, …), reads as the admin API with
 * {@link adminAuthHook}, whether or not a route matches it. Register it for the whole app, after the rate limit.
 */
export const adminAuthPlugin = fp(adminAuth, { name: 'admin-auth', fastify: '5.x', dependencies: ['rate-limit'] });
