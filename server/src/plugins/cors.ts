import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Paths that never answer other origins: the admin API takes a bearer token and is for operators only. */
const PRIVATE_PREFIXES = ['/api/admin'];

const isPrivate = (url: string) =>
  PRIVATE_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`) || url.startsWith(`${p}?`));

/**
 * CORS for the public read API, feeds and embeds: any origin may read (GET/HEAD), without credentials, so career
 * centers' pages can call it from the browser. Admin routes send no CORS headers.
 */
async function corsPlugin(app: FastifyInstance) {
  await app.register(cors, {
    delegator: (request, callback) => {
      if (isPrivate(request.url)) return callback(null, { origin: false });
      callback(null, { origin: '*', methods: ['GET', 'HEAD'], credentials: false, maxAge: 86_400 });
    },
  });
}

export const publicCorsPlugin = fp(corsPlugin, { name: 'cors', fastify: '5.x' });
