import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

describe('GET /health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('reports the store and the index as up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'ok',
      store: { ok: true, events: 0, associations: 0, pendingIndexChanges: 0 },
      index: { ok: true, events: 0, associations: 0 },
    });
  });

  it('answers unknown routes with the JSON error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ statusCode: 404, code: 'ERR_ROUTE_NOT_FOUND', message: 'no route for GET /nope' });
  });

  it('says degraded with 503, leaking nothing internal, when Meilisearch is gone', async () => {
    await t.meili.stop();
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', store: { ok: true }, index: { ok: false } });
    expect(res.body).not.toContain(t.meili.url);
    expect(res.body).not.toContain(t.meili.masterKey);
    expect(res.body).not.toContain(t.dataDir);
  });
});
