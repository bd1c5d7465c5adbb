import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { securityHeadersPlugin } from './security-headers.js';

async function appWithRoutes() {
  const app = Fastify();
  await app.register(securityHeadersPlugin);
  app.get('/plain', async () => ({ ok: true }));
  app.get(
    '/framed',
    {
      config: {
        securityHeaders: {
          frameguard: false,
          contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ['*'] } },
        },
      },
    },
    async () => 'framed',
  );
  return app;
}

describe('security headers', () => {
  it("sends helmet's defaults on every answer, unknown paths included", async () => {
    const app = await appWithRoutes();
    for (const url of ['/plain', '/nope']) {
      const res = await app.inject(url);
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['x-powered-by'], url).toBeUndefined();
    }
    await app.close();
  });

  it("sends a route's own options instead, and only on that route", async () => {
    const app = await appWithRoutes();
    const framed = await app.inject('/framed');
    expect(framed.headers['x-frame-options']).toBeUndefined();
    expect(framed.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors *");
    expect(framed.headers['x-content-type-options']).toBe('nosniff');
    const plain = await app.inject('/plain');
    expect(plain.headers['x-frame-options']).toBe('SAMEORIGIN');
    await app.close();
  });
});
