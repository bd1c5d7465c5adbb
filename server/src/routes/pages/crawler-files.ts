import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errors } from '../../errors.js';
import { feedOrigin } from '../../feeds/request-origin.js';
import {
  renderRobotsTxt,
  renderSitemapIndex,
  renderUrlset,
  SITEMAP_KINDS,
  SITEMAP_MAX_URLS,
  type SitemapEntries,
  type SitemapKind,
  sitemapEntries,
  sitemapSlice,
} from '../../pages/sitemap.js';

/** What {@link crawlerFileRoutes} takes. */
export interface CrawlerFileRoutesOptions {
  /** Most URLs per sitemap file; default {@link SITEMAP_MAX_URLS} (the protocol's limit). */
  sitemapMaxUrls?: number;
}

/** How long crawlers may reuse robots.txt and the sitemaps, in seconds. */
const MAX_AGE_S = 3600;
/** How long one reading of the store serves the sitemaps while nothing is written: "upcoming" moves on. */
const ENTRIES_TTL_MS = 15 * 60_000;
/** How long it serves them while crawls write: sitemaps need not follow every write, nor re-read a busy store. */
const ENTRIES_MIN_AGE_MS = 60_000;

const XML = 'application/xml; charset=utf-8';
const FILE_NAME = new RegExp(`^(${SITEMAP_KINDS.join('|')})-([1-9][0-9]{0,6})\\.xml$`);

/**
 * `GET /robots.txt` (public pages allowed, the admin page and API not, the sitemap named) and `GET /sitemap.xml`:
 * a sitemap index of `/sitemaps/<kind>-<n>.xml` files (the fixed and field pages, upcoming events, associations),
 * each kind split past `sitemapMaxUrls` URLs, `lastmod` from the records' `updatedAt`.
 */
export const crawlerFileRoutes: FastifyPluginAsyncTypebox<CrawlerFileRoutesOptions> = async (app, options) => {
  const maxUrls = options.sitemapMaxUrls ?? SITEMAP_MAX_URLS;
  let cached: { stamp: string; at: number; entries: SitemapEntries } | undefined;
  const entries = (): SitemapEntries => {
    const stamp = app.store.dataStamp();
    const now = Date.now();
    const maxAge = cached?.stamp === stamp ? ENTRIES_TTL_MS : ENTRIES_MIN_AGE_MS;
    if (!cached || now - cached.at >= maxAge) {
      cached = { stamp, at: now, entries: sitemapEntries(app.store, new Date(now)) };
    }
    return cached.entries;
  };

  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) => {
    const { origin } = feedOrigin(request, reply, app.config);
    return reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', `public, max-age=${MAX_AGE_S}`)
      .send(renderRobotsTxt(origin));
  });

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) => {
    const { origin } = feedOrigin(request, reply, app.config);
    return reply
      .type(XML)
      .header('cache-control', `public, max-age=${MAX_AGE_S}`)
      .send(renderSitemapIndex(origin, entries(), maxUrls));
  });

  app.get(
    '/sitemaps/:file',
    { schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 40 }) }) } },
    async (request, reply) => {
      const match = FILE_NAME.exec(request.params.file);
      const file = match ? { kind: match[1] as SitemapKind, page: Number(match[2]) } : undefined;
      const slice = file && sitemapSlice(entries(), file, maxUrls);
      if (!slice) throw errors.notFound('sitemap');
      const { origin } = feedOrigin(request, reply, app.config);
      return reply.type(XML).header('cache-control', `public, max-age=${MAX_AGE_S}`).send(renderUrlset(origin, slice));
    },
  );
};
