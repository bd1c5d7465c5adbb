import { findEventPoints } from '@fieldguide/crawlers/storage';
import {
  type EventPointsResponse,
  EventPointsResponseSchema,
  MAX_EVENT_POINTS,
  normalizeSearchQuery,
} from '@fieldguide/shared';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  await seedApp(t.app);
});
afterAll(async () => t?.close());

const validatePoints = new Ajv({ strict: false }).compile(JSON.parse(JSON.stringify(EventPointsResponseSchema)));

async function points(query: string): Promise<EventPointsResponse> {
  const res = await t.app.inject({ method: 'GET', url: `/api/search/points?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as EventPointsResponse;
  expect(validatePoints(body), JSON.stringify(validatePoints.errors)).toBe(true);
  return body;
}

/** Every event the list shows for `query`, reading all its pages. */
async function listAll(query: string) {
  const hits: { id: string; location: unknown }[] = [];
  for (let page = 1; ; page++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/search?${query}&limit=100&page=${page}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { hits: typeof hits; totalPages: number };
    hits.push(...body.hits);
    if (page >= body.totalPages) return hits;
  }
}

const sortedIds = (list: readonly { id: string }[]) => list.map((e) => e.id).sort();

describe('GET /api/search/points', () => {
  it.each([
    ['every upcoming event', ''],
    ['a field filter', 'field=health-science'],
    ['words naming an occupation (its field boosted into the list)', 'q=registered%20nurse'],
    ['a place and radius', 'near=Chicago,%20IL&radius=100mi'],
    ['online events only', 'format=online'],
  ])('answers the events the list shows on all its pages, placed or not: %s', async (_name, query) => {
    const [body, list] = await Promise.all([points(query), listAll(query)]);
    expect(body.points.length).toBeGreaterThan(0);
    expect(sortedIds(body.points)).toEqual(sortedIds(list));
    expect(body.capped).toBe(false);
    expect(body.limit).toBe(MAX_EVENT_POINTS);
    const placed = new Set(list.filter((h) => h.location !== null).map((h) => h.id));
    for (const p of body.points) expect(p.location !== null, p.id).toBe(placed.has(p.id));
    const starts = body.points.map((p) => p.start);
    expect(starts).toEqual([...starts].sort());
  });

  it('leaves online events unplaced and echoes the circle searched', async () => {
    const online = await points('format=online');
    expect(online.points.every((p) => p.location === null)).toBe(true);
    const near = await points('near=Chicago,%20IL&radius=50km');
    expect(near.query.near).toMatchObject({ lat: expect.any(Number), lng: expect.any(Number) });
    expect(near.query.radiusKm).toBe(50);
    expect(near.points.every((p) => p.location !== null)).toBe(true);
  });

  it('stops at the limit with the soonest events, and says the search matched more', async () => {
    const now = new Date();
    const all = await points('');
    const request = { query: normalizeSearchQuery({}, { now }), now };
    const cut = await findEventPoints(t.app.searchIndex, request, 3);
    expect(cut.capped).toBe(true);
    expect(cut.points.map((p) => p.id)).toEqual(all.points.slice(0, 3).map((p) => p.id));
    const whole = await findEventPoints(t.app.searchIndex, request, all.points.length);
    expect(whole.capped).toBe(false);
    expect(whole.points).toHaveLength(all.points.length);
  });

  it('ignores page, limit and sort, and refuses what /api/search refuses', async () => {
    const all = await points('');
    expect(sortedIds((await points('page=3&limit=1&sort=hiring')).points)).toEqual(sortedIds(all.points));
    for (const bad of ['radius=far', 'hiring=2', 'nope=1', 'facets=true']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/search/points?${bad}` });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json(), bad).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.any(String) });
    }
  });
});

describe('GET /api/config', () => {
  it('names no tiles by default, and the CSP allows images from this server only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/config' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ map: { tiles: null }, alerts: { email: false } });
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data:;");
  });

  it('passes MAP_TILE_URL and its attribution on, and lets the app load images from the tile host', async () => {
    const tiled = await startTestApp({
      MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png',
      MAP_TILE_ATTRIBUTION: '© Example contributors',
    });
    try {
      const res = await tiled.app.inject({ method: 'GET', url: '/api/config' });
      expect(res.json()).toEqual({
        map: {
          tiles: { url: 'https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png', attribution: '© Example contributors' },
        },
        alerts: { email: false },
      });
      expect(res.headers['content-security-policy']).toContain("img-src 'self' data: https://*.tiles.example.org");
    } finally {
      await tiled.close();
    }
  });
});
