import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { errors } from '../../errors.js';
import { isNotModified } from '../../feeds/conditional.js';
import { DEFAULT_SHARE_CARD, DEFAULT_SHARE_IMAGE_PATH, eventShareCard } from '../../pages/page-meta.js';
import { renderShareCard, shareCardSvg } from '../../pages/share-image.js';

/** How long an image may be reused, in seconds: its URL changes with the event, so a day is safe. */
const IMAGE_MAX_AGE_S = 86_400;

/** Rendered images kept in memory, in bytes (about 70 KB each). */
const CACHE_BYTES = 32 * 1024 * 1024;

/** Link previews are fetched by other sites' servers and shown on their pages: CORP must allow that. */
const imageHelmet = { crossOriginResourcePolicy: { policy: 'cross-origin' } } as const;

/**
 * `GET /share-images/events/:id.png`: a 1200×630 card of the event (fields, title, when, where), rendered once
 * per version of the event and kept; `GET /share-images/fieldguide.png`: the card of every other page.
 */
export const shareImageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cache = new LRUCache<string, Buffer>({ maxSize: CACHE_BYTES, sizeCalculation: (png) => png.length });
  const rendered = (key: string, render: () => Buffer) => {
    const hit = cache.get(key);
    if (hit) return hit;
    const png = render();
    cache.set(key, png);
    return png;
  };
  const sendPng = (request: FastifyRequest, reply: FastifyReply, etag: string, modified: string, png: () => Buffer) => {
    const validators = { etag, lastModified: new Date(modified).toUTCString() };
    reply
      .header('cache-control', `public, max-age=${IMAGE_MAX_AGE_S}`)
      .header('etag', validators.etag)
      .header('last-modified', validators.lastModified);
    if (isNotModified(request.headers, validators)) return reply.code(304).send();
    return reply.type('image/png').send(png());
  };

  // The default card changes only with the code: its drawing's hash tags it, and it is new as of this start.
  const defaultTag = `"${createHash('sha256').update(shareCardSvg(DEFAULT_SHARE_CARD)).digest('base64url').slice(0, 16)}"`;
  const startedAt = new Date().toISOString();
  app.get(
    DEFAULT_SHARE_IMAGE_PATH,
    { schema: { hide: true }, config: { securityHeaders: imageHelmet } },
    async (request, reply) =>
      sendPng(request, reply, defaultTag, startedAt, () =>
        rendered('default', () => renderShareCard(DEFAULT_SHARE_CARD)),
      ),
  );

  app.get<{ Params: { id: string } }>(
    '/share-images/events/:id.png',
    { schema: { hide: true }, config: { securityHeaders: imageHelmet } },
    async (request, reply) => {
      const event = app.store.getEvent(request.params.id);
      if (!event) throw errors.notFound('event');
      const version = `${event.id}-${Date.parse(event.updatedAt).toString(36)}`;
      return sendPng(request, reply, `"${version}"`, event.updatedAt, () =>
        rendered(version, () => renderShareCard(eventShareCard(event))),
      );
    },
  );
};
