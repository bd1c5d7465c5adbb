import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const TOKEN = 'test-admin-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };
const wrong = { authorization: 'Bearer not-the-token-not-the-token' };
const ORIGIN = 'https://other.example.org';

/** The admin routes, each with a body where it takes one. */
const ADMIN_ROUTES = [
  ['GET', '/api/admin/sources'],
  ['POST', '/api/admin/sources'],
  ['PATCH', '/api/admin/sources/x'],
  ['POST', '/api/admin/sources/x/check'],
  ['POST', '/api/admin/crawls'],
  ['GET', '/api/admin/crawls'],
  ['GET', '/api/admin/crawls/1'],
  ['GET', '/api/admin/events/not-career'],
] as const;

/** Spellings of `/api/admin/sources` that a router, a proxy or a browser may read as it. */
const SPELLINGS = [
  '/api/%61dmin/sources',
  '/api/%2561dmin/sources',
  '/api%2Fadmin/sources',
  '//api/admin/sources',
  '/api//admin/sources',
  '/api/./admin/sources',
  '/api/x/../admin/sources',
  '/API/ADMIN/sources',
  '/api/Admin/sources',
];

describe('admin rate limit, one for the whole admin API', () => {
  const MAX = 10;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_TOKEN: TOKEN, ADMIN_RATE_LIMIT_MAX: String(MAX), RATE_LIMIT_MAX: '1000' });
  });
  afterAll(async () => t?.close());

  it(`answers 429 to the request after the ${MAX}th, spread over every admin route and spelling, guesses included`, async () => {
    const codes: number[] = [];
    for (let i = 0; i < MAX; i += 1) {
      const [method, url] = ADMIN_ROUTES[i % ADMIN_ROUTES.length] ?? ADMIN_ROUTES[0];
      const spelled = i % 3 === 2 ? (SPELLINGS[i % SPELLINGS.length] ?? url) : url;
      const res = await t.app.inject({
        method,
        url: spelled,
        headers: i % 2 === 0 ? auth : wrong,
        ...(method === 'GET' ? {} : { payload: {} }),
      });
      codes.push(res.statusCode);
    }
    expect(codes, 'no request of the first ten is limited').not.toContain(429);
    expect(new Set(codes).size, 'the requests reached different routes and answers').toBeGreaterThan(2);

    const over = await t.app.inject({ method: 'GET', url: '/api/admin/crawls', headers: auth });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ statusCode: 429, code: 'ERR_RATE_LIMITED' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    for (const url of ['/api/admin/sources', '/api/%61dmin/events/not-career', '//api/admin/nowhere']) {
      expect((await t.app.inject({ method: 'GET', url, headers: auth })).statusCode, url).toBe(429);
    }
  });

  it('leaves public routes and other clients alone', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/fields' })).statusCode).toBe(200);
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/admin/sources',
      headers: auth,
      remoteAddress: '192.0.2.7',
    });
    expect(other.statusCode).toBe(200);
  });
});

describe('admin rate limit without the public one', () => {
  it('still counts across routes', async () => {
    const t = await startTestApp({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: '0', ADMIN_RATE_LIMIT_MAX: '3' });
    try {
      const codes: number[] = [];
      for (const url of [
        '/api/admin/sources',
        '/api/admin/crawls',
        '/api/admin/events/not-career',
        '/api/admin/sources',
      ]) {
        codes.push((await t.app.inject({ method: 'GET', url, headers: auth })).statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
      expect((await t.app.inject({ method: 'GET', url: '/api/fields' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('admin and public limits side by side', () => {
  it('counts an admin request against the admin limit only', async () => {
    const t = await startTestApp({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: '2', ADMIN_RATE_LIMIT_MAX: '5' });
    try {
      const admin: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        admin.push((await t.app.inject({ method: 'GET', url: '/api/admin/sources', headers: auth })).statusCode);
      }
      expect(admin).toEqual([200, 200, 200, 200, 200, 429]);
      const pub: number[] = [];
      for (let i = 0; i < 3; i += 1) pub.push((await t.app.inject({ method: 'GET', url: '/api/fields' })).statusCode);
      expect(pub).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});

describe('the admin API however its path is spelled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: '0', ADMIN_RATE_LIMIT_MAX: '0' });
  });
  afterAll(async () => t?.close());

  it('sends no CORS headers, on requests and preflights', async () => {
    for (const url of ['/api/admin/sources', ...SPELLINGS]) {
      const get = await t.app.inject({ method: 'GET', url, headers: { ...auth, origin: ORIGIN } });
      expect(get.headers['access-control-allow-origin'], url).toBeUndefined();
      const preflight = await t.app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(preflight.headers['access-control-allow-origin'], url).toBeUndefined();
      expect(preflight.headers['access-control-allow-methods'], url).toBeUndefined();
    }
    const pub = await t.app.inject({ method: 'GET', url: '/api/fields', headers: { origin: ORIGIN } });
    expect(pub.headers['access-control-allow-origin']).toBe('*');
  });

  it('wants the token: 401 JSON without it, whether or not a route matches the spelling', async () => {
    for (const url of ['/api/admin/sources', ...SPELLINGS, '/api/admin/no-such-route']) {
      for (const headers of [{}, wrong]) {
        const res = await t.app.inject({ method: 'GET', url, headers });
        expect(res.statusCode, url).toBe(401);
        expect(res.json(), url).toMatchObject({ statusCode: 401, code: 'ERR_UNAUTHORIZED' });
        expect(res.headers['www-authenticate']).toBe('Bearer realm="fieldguide-admin"');
      }
    }
  });

  it('answers the router-decoded spelling as the admin route, with the token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/%61dmin/sources', headers: auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sources: [] });
  });

  it('never serves the web app for an admin spelling', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '//api/admin/sources',
      headers: { ...auth, accept: 'text/html' },
    });
    expect(res.headers['content-type']).toContain('application/json');
  });
});

describe('the admin API closed (no ADMIN_TOKEN)', () => {
  it('answers 403 on every spelling', async () => {
    const t = await startTestApp({ RATE_LIMIT_MAX: '0' });
    try {
      for (const url of ['/api/admin/sources', ...SPELLINGS]) {
        const res = await t.app.inject({ method: 'GET', url, headers: auth });
        expect(res.statusCode, url).toBe(403);
        expect(res.json()).toMatchObject({ code: 'ERR_ADMIN_CLOSED' });
      }
    } finally {
      await t.close();
    }
  });
});
