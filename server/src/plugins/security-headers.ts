import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's helmet options instead of the defaults (e.g. an embed that may be framed anywhere). */
    securityHeaders?: Readonly<HelmetOptions>;
  }
}

type Middleware = ReturnType<typeof helmet>;

export interface SecurityHeadersOptions {
  /** More `img-src` sources than helmet's default (`'self' data:`), e.g. the map's tile server. */
  imageSources?: readonly string[];
}

/** helmet's defaults, with `imageSources` added to the CSP's `img-src`. */
function defaultOptions(imageSources: readonly string[]): HelmetOptions {
  if (imageSources.length === 0) return {};
  return { contentSecurityPolicy: { directives: { imgSrc: ["'self'", 'data:', ...imageSources] } } };
}

/**
 * helmet's security headers on every answer, with its defaults or a route's own `config.securityHeaders`. Each
 * configuration's middleware is built once, when its route is registered, not on every request (helmet parses
 * its options, CSP directives included, each time it is built).
 */
async function securityHeaders(app: FastifyInstance, options: SecurityHeadersOptions) {
  const defaults = helmet(defaultOptions(options.imageSources ?? []));
  const byOptions = new Map<Readonly<HelmetOptions>, Middleware>();
  app.addHook('onRoute', (route) => {
    const options = route.config?.securityHeaders;
    if (options && !byOptions.has(options)) byOptions.set(options, helmet(options));
  });
  app.addHook('onRequest', (request, reply, done) => {
    const options = request.routeOptions.config.securityHeaders;
    const middleware = (options && byOptions.get(options)) ?? defaults;
    middleware(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}

export const securityHeadersPlugin = fp(securityHeaders, { name: 'security-headers', fastify: '5.x' });
