import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { alertsPlugin } from './alerts/alerts-plugin.js';
import type { Config } from './config.js';
import { crawlsPlugin } from './crawls/crawls-plugin.js';
import { apiError, errors, sendError, toApiError } from './errors.js';
import { createFeedCache, type FeedCache } from './feeds/feed-cache.js';
import { loggerOptions } from './logger.js';
import { loadAppShell } from './pages/app-shell.js';
import { adminAuthPlugin } from './plugins/admin-auth.js';
import { publicCorsPlugin } from './plugins/cors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { publicRateLimitPlugin } from './plugins/rate-limit.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { servicesPlugin } from './plugins/services.js';
import { isUnderPrefix, normalizedPath } from './request-path.js';
import { adminRoutes } from './routes/admin/index.js';
import { alertRoutes } from './routes/alerts/index.js';
import { alertPageRoutes } from './routes/alerts/pages.js';
import { appConfigRoutes } from './routes/app-config/index.js';
import { associationRoutes } from './routes/associations/index.js';
import { embedRoutes } from './routes/embed/index.js';
import { eventRoutes } from './routes/events/index.js';
import { feedRoutes } from './routes/feeds/index.js';
import { fieldRoutes } from './routes/fields/index.js';
import { healthRoutes } from './routes/health/index.js';
import { crawlerFileRoutes } from './routes/pages/crawler-files.js';
import { pageRoutes } from './routes/pages/index.js';
import { shareImageRoutes } from './routes/pages/share-images.js';
import { placeRoutes } from './routes/places/index.js';
import { searchRoutes } from './routes/search/index.js';
import { suggestRoutes } from './routes/suggest/index.js';
import { sourceSuggestionRoutes } from './routes/suggestions/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Rendered feeds, keyed by the store's data stamp; its counters show renders and 304s. */
    feedCache: FeedCache;
  }
}

export interface BuildAppOptions {
  config: Readonly<Config>;
  /** A pino logger or `false`; default: logs at `config.logLevel` on stdout, as `config.logFormat` says. */
  logger?: FastifyBaseLogger | false;
  /** The built web app to serve; default `web/dist` beside the server package, when it exists. */
  webRoot?: string;
  /** The built embed widget (`manifest.json`, `embed.<hash>.js`); default `web/widget/dist` beside the server package. */
  widgetRoot?: string;
  /** Most URLs one sitemap file lists; default 50,000 (the sitemaps protocol's limit). */
  sitemapMaxUrls?: number;
  /** The clock email alerts go by (sign-up expiry, confirmation, digests); default the system clock. */
  alertsClock?: () => Date;
}

const DEFAULT_WEB_ROOT = path.resolve(import.meta.dirname, '../../web/dist');
const DEFAULT_WIDGET_ROOT = path.resolve(import.meta.dirname, '../../web/widget/dist');

/** Path prefixes the server answers itself; an unknown path under them is a JSON 404, never the web app. */
const SERVER_PREFIXES = ['/api', '/feeds', '/embed', '/health', '/share-images', '/sitemaps'];

/** A browser's GET for an HTML page outside the server's own paths: a client-side route of the web app. */
function isAppPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!(request.headers.accept ?? '').includes('text/html')) return false;
  const pathname = normalizedPath(request.url);
  return !SERVER_PREFIXES.some((p) => isUnderPrefix(pathname, p) || pathname.startsWith(`${p}.`));
}

/** TRUST_PROXY as Fastify takes it: a hop count trusts that many proxies in front of the server. */
function trustProxyOption(
  trust: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust ?? false;
}

/** The Fastify app with its services, routes and error handling; it does not listen. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : options.logger,
    logger: options.logger === undefined ? loggerOptions(config) : false,
    // Behind a reverse proxy, TRUST_PROXY names it: the client's address (rate limits, logs) and the public
    // host and scheme (feed links) then come from its X-Forwarded-* headers. Unset: the peer is the client.
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    // URLs the router rejects before any route runs still get the API's error shape, without echoing the path.
    frameworkErrors: (error, _request, reply) =>
      sendError(
        reply as FastifyReply,
        apiError(
          error.code === 'FST_ERR_MAX_PARAM_LENGTH'
            ? 'ERR_URL_TOO_LONG'
            : error.code === 'FST_ERR_BAD_URL'
              ? 'ERR_BAD_URL'
              : 'ERR_INTERNAL',
        ),
      ),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setErrorHandler((error, request, reply) => {
    const problem = toApiError(error);
    if (problem.statusCode >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, message: problem.message }, 'request rejected');
    return sendError(reply, problem);
  });
  const webRoot = options.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWebApp = existsSync(path.join(webRoot, 'index.html'));
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (/events/x, /fields/y, …) are pages the browser asks for directly.
    if (hasWebApp && isAppPageRequest(request)) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return sendError(reply, errors.routeNotFound(request.method, request.url));
  });

  await app.register(securityHeadersPlugin, {
    imageSources: config.mapTiles && config.mapTiles.imageSource !== "'self'" ? [config.mapTiles.imageSource] : [],
  });
  await app.register(publicCorsPlugin);
  await app.register(publicRateLimitPlugin, {
    ...config.rateLimit,
    adminMax: config.adminRateLimitMax,
    routeLimits: config.suggestRateLimitMax > 0 || config.alertsRateLimitMax > 0 || config.alerts !== undefined,
  });
  await app.register(adminAuthPlugin, { adminToken: config.adminToken });
  await app.register(openapiPlugin);
  await app.register(servicesPlugin, { config });
  await app.register(crawlsPlugin);
  await app.register(alertsPlugin, options.alertsClock ? { now: options.alertsClock } : {});
  app.decorate('feedCache', createFeedCache());
  await app.register(healthRoutes);
  await app.register(searchRoutes, { prefix: '/api' });
  await app.register(appConfigRoutes, { prefix: '/api', mapTiles: config.mapTiles, emailAlerts: !!config.alerts });
  await app.register(eventRoutes, { prefix: '/api' });
  await app.register(associationRoutes, { prefix: '/api' });
  await app.register(fieldRoutes, { prefix: '/api' });
  await app.register(suggestRoutes, { prefix: '/api' });
  await app.register(placeRoutes, { prefix: '/api' });
  await app.register(sourceSuggestionRoutes, { prefix: '/api' });
  await app.register(alertRoutes, { prefix: '/api' });
  await app.register(alertPageRoutes);
  await app.register(embedRoutes, { widgetRoot: options.widgetRoot ?? DEFAULT_WIDGET_ROOT });
  await app.register(feedRoutes);
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(shareImageRoutes);
  await app.register(crawlerFileRoutes, options.sitemapMaxUrls ? { sitemapMaxUrls: options.sitemapMaxUrls } : {});

  if (hasWebApp) {
    await app.register(pageRoutes, { shell: loadAppShell(path.join(webRoot, 'index.html')) });
    // `/` is one of the app's pages, served with its metadata by `pageRoutes`.
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  return app;
}
