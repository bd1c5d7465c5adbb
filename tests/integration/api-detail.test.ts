import type { Event } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { buildSeedEvents, seedApp, upcomingSeed } from '../support/seed-events.js';

let t: TestApp;
let events: Event[];
let now: Date;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  ({ events, now } = await seedApp(t.app));
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/events/:id', () => {
  it('answers the stored event with a few upcoming events of its field, itself left out', async () => {
    const res = await get('/api/events/hs-nursing-fair-mpls');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const stored = t.app.store.getEvent('hs-nursing-fair-mpls');
    expect({ ...body, related: undefined, seriesDates: undefined }).toEqual({ ...stored, related: undefined });
    expect(body.seriesDates).toEqual([]);
    expect(body.related.length).toBeGreaterThan(0);
    expect(body.related.length).toBeLessThanOrEqual(4);
    for (const hit of body.related) {
      expect(hit.id).not.toBe('hs-nursing-fair-mpls');
      expect(hit.fields).toContain('health-science');
      expect(Date.parse(hit.end ?? hit.start)).toBeGreaterThan(now.getTime() - 60_000);
    }
  });

  it('answers past events too, since the store is the source of truth', async () => {
    const res = await get('/api/events/hs-past-nursing-expo');
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toBe('Nursing Expo (last year)');
  });

  it('answers 404 JSON for an unknown id and 400 for an impossible one', async () => {
    const missing = await get('/api/events/no-such-event');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ statusCode: 404, code: 'ERR_NOT_FOUND', message: 'event not found' });
    const bad = await get(`/api/events/${encodeURIComponent('a"b OR 1')}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ERR_BAD_PARAMETER', message: expect.stringContaining("'id'") });
  });
});

describe('highlights', () => {
  it('leave markup that a page title carries as plain text, and mark where the query matched', async () => {
    const base = buildSeedEvents(now).find((e) => e.id === 'it-security-meetup') as Event;
    t.app.store.upsertEvent({ ...base, id: 'it-markup', title: 'Zebra <img src=x onerror=alert(1)> & "Friends"' });
    await t.app.outbox.drainNow();
    const res = await get('/api/search?q=zebra');
    const hit = res.json().hits[0];
    expect(hit.id).toBe('it-markup');
    expect(hit.highlights.title).toEqual([[0, 5]]);
    expect(hit.title).toBe('Zebra <img src=x onerror=alert(1)> & "Friends"');
    t.app.store.deleteEvent('it-markup');
    await t.app.outbox.drainNow();
  });
});

describe('GET /api/associations', () => {
  it('searches by field with disjunctive field facets', async () => {
    const res = await get('/api/associations?field=finance');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.hits.map((h: { id: string }) => h.id).sort()).toEqual(['mn-cpa', 'natl-finance']);
    expect(body.facets.fields).toEqual({ finance: 2, 'health-science': 1, 'information-technology': 1 });
    expect(body.facets.scope).toEqual({ regional: 1, national: 1 });
  });

  it('filters by scope, country and region, and by text', async () => {
    const regional = (await get('/api/associations?scope=regional&country=us&region=MN')).json();
    expect(regional.hits.map((h: { id: string }) => h.id).sort()).toEqual(['mn-cpa', 'mn-nurses']);
    expect(regional.query).toMatchObject({ country: 'US', region: 'MN', scopes: ['regional'] });
    const text = (await get('/api/associations?q=nurse')).json();
    expect(text.hits[0].id).toBe('mn-nurses');
    const { name, highlights } = text.hits[0];
    expect(highlights.name.map(([from, to]: [number, number]) => name.slice(from, to))).toContain('Nurse');
  });

  it('answers one association with its upcoming events', async () => {
    const res = await get('/api/associations/mn-nurses');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.name).toBe('Minnesota Organization of Nurse Leaders');
    const expected = upcomingSeed(events, now).filter((e) => e.associationId === 'mn-nurses');
    expect(body.upcomingEvents.map((e: { id: string }) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(body.upcomingEventsTotal).toBe(expected.length);
    expect((await get('/api/associations/nobody')).statusCode).toBe(404);
  });
});

describe('GET /api/fields', () => {
  it('lists the taxonomy with live counts of upcoming events', async () => {
    const res = await get('/api/fields');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const upcoming = upcomingSeed(events, now);
    expect(body.fields).toHaveLength(16);
    expect(body.total).toBe(upcoming.length);
    const health = body.fields.find((f: { id: string }) => f.id === 'health-science');
    expect(health.count).toBe(upcoming.filter((e) => e.fields.includes('health-science')).length);
    const informatics = health.pathways.find((p: { id: string }) => p.id === 'health-science/health-informatics');
    expect(informatics.count).toBe(1);
    expect(body.fields.find((f: { id: string }) => f.id === 'hospitality-tourism').count).toBe(0);
  });
});

describe('GET /api/suggest', () => {
  it('suggests fields, upcoming event titles and associations', async () => {
    const body = (await get('/api/suggest?q=nurs')).json();
    expect(body.events.map((e: { id: string }) => e.id)).toContain('hs-nursing-fair-mpls');
    expect(body.events.map((e: { id: string }) => e.id)).not.toContain('hs-past-nursing-expo');
    expect(body.associations.map((a: { id: string }) => a.id)).toContain('mn-nurses');
    const fields = (await get('/api/suggest?q=health&limit=3')).json().fields;
    expect(fields[0]).toEqual({ id: 'health-science', name: 'Health Science', kind: 'field' });
    expect(fields.length).toBeLessThanOrEqual(3);
  });

  it('answers empty lists for nothing typed', async () => {
    expect((await get('/api/suggest?q=%20')).json()).toEqual({
      q: '',
      fields: [],
      occupations: [],
      events: [],
      associations: [],
    });
  });
});

describe('the API documentation', () => {
  it('serves an OpenAPI document of every public route and a docs page', async () => {
    const res = await get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/search',
      '/api/events/{id}',
      '/api/associations',
      '/api/associations/{id}',
      '/api/fields',
      '/api/suggest',
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    const search = doc.paths['/api/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'field', 'near', 'radius', 'sort', 'page', 'limit']),
    );
    expect(Object.keys(search.responses).sort()).toEqual(['200', '400', '429', '503']);
    const declared = new Set(doc.tags.map((t: { name: string }) => t.name));
    const used = Object.values(doc.paths).flatMap((ops) =>
      Object.values(ops as Record<string, { tags?: string[] }>).flatMap((op) => op.tags ?? []),
    );
    expect(used.filter((tag) => !declared.has(tag))).toEqual([]);
    expect(doc.paths['/api/admin/sources'].get.security).toEqual([{ adminToken: [] }]);
    expect(Object.keys(doc.paths['/api/suggestions'].post.responses).sort()).toEqual([
      '200',
      '201',
      '400',
      '422',
      '429',
      '503',
    ]);
    expect(doc.paths['/api/admin/suggestions/{id}/accept'].post.security).toEqual([{ adminToken: [] }]);
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const page = await get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
