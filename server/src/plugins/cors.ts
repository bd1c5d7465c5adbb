import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isAdminUrl } from '../request-path.js';

/**
 * CORS for the public read API, feeds and embeds: any origin may read (GET/HEAD), without credentials, so career
 * centers' pages can call it from the browser. The admin API (the bearer token, for operators only) sends no CORS
 * headers, however its path is spelled.
 */
async function corsPlugin(app: FastifyInstance) {
  await app.register(cors, {
    delegator: (request, callback) => {
      if (isAdminUrl(request.url)) return callback(null, { origin: false });
      callback(null, { origin: '*', methods: ['GET', 'HEAD'], credentials: false, maxAge: 86_400 });
    },
  });
}

export const publicCorsPlugin = fp(corsPlugin, { name: 'cors', fastify: '5.x' });
