import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type RunningMeilisearch, startMeilisearch } from '@fieldguide/crawlers/storage';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppOver, startTestApp, type TestApp } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';

describe('bad parameters', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  });
  afterAll(async () => t?.close());

  const cases: [url: string, parameter: string][] = [
    [`/api/search?q=${'x'.repeat(201)}`, 'q'],
    ['/api/search?q=a&q=b', 'q'],
    ['/api/search?field=not-a-field', 'field'],
    [`/api/search?field=${encodeURIComponent('health-science" OR fields = "finance')}`, 'field'],
    [`/api/search?${Array.from({ length: 21 }, () => 'field=finance').join('&')}`, 'field'],
    ['/api/search?type=party', 'type'],
    ['/api/search?type=conference&type=_geo', 'type'],
    ['/api/search?format=vr', 'format'],
    ['/api/search?from=yesterday', 'from'],
    ['/api/search?from=2026-02-30', 'from'],
    ['/api/search?to=2026-01-01T25:00:00Z', 'to'],
    ['/api/search?from=2030-01-02&to=2030-01-01', 'to'],
    ['/api/search?near=91,10', 'near'],
    // A search answers an unknown place with a notice (api-search.test.ts); a feed must not silently widen.
    ['/api/feeds?near=Qwzxv%20Nowhere', 'near'],
    [`/api/feeds?near=${encodeURIComponent('_geoRadius(0, 0, 1)')}`, 'near'],
    ['/api/feeds?near=SW1A', 'near'],
    ['/api/search?near=Chicago&radius=-5km', 'radius'],
    ['/api/search?near=Chicago&radius=99999', 'radius'],
    ['/api/search?near=Chicago&radius=5 parsecs', 'radius'],
    ['/api/search?cost=cheap', 'cost'],
    ['/api/search?hiring=2', 'hiring'],
    ['/api/search?hiring=NaN', 'hiring'],
    ['/api/search?sort=random', 'sort'],
    ['/api/search?sort=distance', 'sort'],
    ['/api/search?page=0', 'page'],
    ['/api/search?page=1e400', 'page'],
    ['/api/search?limit=101', 'limit'],
    ['/api/search?limit=2.5', 'limit'],
    ['/api/search?page=101&limit=100', 'page'],
    [`/api/search?filter=${encodeURIComponent('fields = "finance"')}`, 'filter'],
    ['/api/associations?scope=galactic', 'scope'],
    ['/api/associations?country=USA', 'country'],
    ['/api/associations?field=nope', 'field'],
    ['/api/associations?page=1001', 'page'],
    ['/api/suggest?limit=11', 'limit'],
    [`/api/suggest?q=${'x'.repeat(101)}`, 'q'],
    [`/api/places?q=${'x'.repeat(101)}`, 'q'],
    ['/api/places?limit=11', 'limit'],
    ['/api/places?near=Chicago', 'near'],
    ['/api/fields?x=1', 'x'],
  ];

  it.each(cases)('%s → 400 naming %s', async (url, parameter) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body).toMatchObject({ statusCode: 400, code: 'ERR_BAD_PARAMETER' });
    expect(Object.keys(body).sort()).toEqual(['code', 'message', 'statusCode']);
    expect(body.message).toContain(`'${parameter}'`);
  });

  it('lists the allowed values of an enumerated parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/search?sort=random' });
    expect(res.json().message).toBe("querystring parameter 'sort' must be one of: relevance, date, hiring, distance");
  });

  it('answers unknown API routes and methods with the JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ERR_ROUTE_NOT_FOUND' });
    const post = await t.app.inject({ method: 'POST', url: '/api/search', payload: {} });
    expect(post.statusCode).toBe(404);
  });
});

describe('rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '3' });
  });
  afterAll(async () => t?.close());

  it('answers 429 JSON with Retry-After once an IP is over the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/api/fields' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await t.app.inject({ method: 'GET', url: '/api/search' });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ statusCode: 429, code: 'ERR_RATE_LIMITED' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    const other = await t.app.inject({ method: 'GET', url: '/api/fields', remoteAddress: '127.0.0.2' });
    expect(other.statusCode).toBe(200);
    // Without TRUST_PROXY, X-Forwarded-For is the client's word and changes nothing.
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/fields',
      headers: { 'x-forwarded-for': '203.0.113.9' },
    });
    expect(forged.statusCode).toBe(429);
  });
});

describe('rate limiting behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '2', TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(async () => t?.close());

  const from = (client: string, remoteAddress = '127.0.0.1') =>
    t.app.inject({ method: 'GET', url: '/api/fields', remoteAddress, headers: { 'x-forwarded-for': client } });

  it('limits each client the proxy forwards for, not the proxy itself', async () => {
    const first = [await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')];
    expect(first.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expect((await from('203.0.113.2')).statusCode).toBe(200);
  });

  it("links feeds to the proxy's public scheme and host", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/feeds/fields/health-science.atom',
      remoteAddress: '127.0.0.1',
      headers: {
        'x-forwarded-for': '203.0.113.7',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'careers.example.edu',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('https://careers.example.edu/feeds/fields/health-science.atom');
  });

  it('does not take X-Forwarded-For from a peer that is not the proxy', async () => {
    const statuses: number[] = [];
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      statuses.push((await from(client, '192.0.2.50')).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });
});

/** A free loopback port, so a restarted Meilisearch can come back where the app expects it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('while Meilisearch is down', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-api-outage-'));
  const meiliDir = path.join(dir, 'meili');
  let port: number;
  let meili: RunningMeilisearch;
  let app: FastifyInstance;

  beforeAll(async () => {
    port = await freePort();
    meili = await startMeilisearch({ dataDir: meiliDir, port, maxIndexingMemory: '256MiB' });
    app = await buildAppOver(meili, path.join(dir, 'data'));
    await app.ready();
    await seedApp(app);
  });
  afterAll(async () => {
    await app?.close();
    await meili?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 JSON on search routes, keeps store pages up, and recovers without a restart', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/search' })).statusCode).toBe(200);
    await meili.stop();

    for (const url of ['/api/search?q=nursing', '/api/associations', '/api/suggest?q=nur']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.json()).toEqual({
        statusCode: 503,
        code: 'ERR_INDEX_UNAVAILABLE',
        message: 'search is temporarily unavailable; try again in a moment',
      });
      expect(res.body).not.toContain(String(port));
      expect(res.body).not.toContain(meili.masterKey);
      expect(res.headers['cache-control']).toBeUndefined();
    }
    const event = await app.inject({ method: 'GET', url: '/api/events/hs-nursing-fair-mpls' });
    expect(event.statusCode).toBe(200);
    expect(event.json().related).toEqual([]);
    const fields = (await app.inject({ method: 'GET', url: '/api/fields' })).json();
    expect(fields.total).toBeNull();
    expect(fields.fields[0].count).toBeNull();
    const association = (await app.inject({ method: 'GET', url: '/api/associations/mn-nurses' })).json();
    expect(association).toMatchObject({ id: 'mn-nurses', upcomingEvents: [], upcomingEventsTotal: null });

    meili = await startMeilisearch({ dataDir: meiliDir, port, maxIndexingMemory: '256MiB' });
    const back = await app.inject({ method: 'GET', url: '/api/search?q=nursing' });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().total).toBeGreaterThan(0);
  });
});
