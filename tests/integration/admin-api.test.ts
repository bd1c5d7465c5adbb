import { parseSourcesYaml, syncSources } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const TOKEN = 'test-admin-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

interface RunBody {
  id: number;
  status: string;
  results: Record<string, { status: string; events: number; errors: string[] }>;
  progress?: { sourcesTotal: number; sourcesDone: number; pagesFetched: number; inProgress: string[] };
  sources?: { sourceId: string; status: string; events: number }[];
}

describe('admin API closed (no ADMIN_TOKEN)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  });
  afterAll(async () => t?.close());

  it('answers every admin route 403 JSON, token or not', async () => {
    for (const [method, url] of [
      ['GET', '/api/admin/sources'],
      ['POST', '/api/admin/sources'],
      ['PATCH', '/api/admin/sources/x'],
      ['POST', '/api/admin/sources/x/check'],
      ['POST', '/api/admin/crawls'],
      ['GET', '/api/admin/crawls'],
      ['GET', '/api/admin/crawls/1'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: auth, payload: method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ statusCode: 403, code: 'ERR_ADMIN_CLOSED' });
    }
  });
});

describe('admin API', () => {
  let t: TestApp;
  let demo: DemoSites;
  const admin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    demo = await startDemoSites();
    t = await startTestApp({
      RATE_LIMIT_MAX: '0',
      ADMIN_RATE_LIMIT_MAX: '0',
      ADMIN_TOKEN: TOKEN,
      // Slow enough that searches overlap the crawl, fast enough for a quick test.
      CRAWL_PER_HOST_DELAY_MS: '150',
    });
  });
  afterAll(async () => {
    await t?.close();
    await demo?.close();
  });

  it('wants the bearer token: 401 JSON with WWW-Authenticate without it or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong-token-wrong-token' }, { authorization: TOKEN }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/admin/sources', headers });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="fieldguide-admin"');
      expect(res.json()).toMatchObject({ statusCode: 401, code: 'ERR_UNAUTHORIZED' });
    }
    const ok = await admin('GET', '/sources');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ sources: [] });
  });

  it('sends no CORS headers on admin routes, while public ones stay open', async () => {
    const origin = 'https://other.example.org';
    const get = await t.app.inject({ method: 'GET', url: '/api/admin/sources', headers: { ...auth, origin } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/admin/crawls',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    const pub = await t.app.inject({ method: 'GET', url: '/api/fields', headers: { origin } });
    expect(pub.headers['access-control-allow-origin']).toBe('*');
  });

  it('adds a source by its home page, discovering its feeds and association', async () => {
    const site = demo.sites.find((s) => s.id.includes('nursing')) ?? (demo.sites[0] as DemoSites['sites'][number]);
    const res = await admin('POST', '/sources', {
      url: site.homeUrl,
      allowPrivateNetwork: true,
      fields: ['health care'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as {
      source: { id: string; url: string; kind: string; fields: string[] };
      discovered: { sources: { url: string; kind: string }[]; association?: { id: string } };
    };
    expect(body.discovered.sources.length).toBeGreaterThan(0);
    expect(body.source.url).toBe(body.discovered.sources[0]?.url);
    expect(body.source.kind).toBe(body.discovered.sources[0]?.kind);
    expect(body.source.fields).toEqual(['health-science']);
    expect((await admin('GET', '/sources')).json().sources.map((s: { id: string }) => s.id)).toContain(body.source.id);
    const again = await admin('POST', '/sources', { url: site.homeUrl, allowPrivateNetwork: true });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ERR_SOURCE_EXISTS' });
  });

  it('refuses bad sources with 400, and unreadable or private ones with 422', async () => {
    expect((await admin('POST', '/sources', { url: 'ftp://example.org/' })).statusCode).toBe(400);
    expect((await admin('POST', '/sources', { url: 'https://example.org/', kind: 'rss' })).statusCode).toBe(400);
    expect(
      (await admin('POST', '/sources', { url: 'https://example.org/', fields: ['astrology'], kind: 'ics' })).json(),
    ).toMatchObject({ statusCode: 400, code: 'ERR_BAD_PARAMETER' });
    // A loopback address is refused unless the operator says it is meant (the SSRF guard).
    const site = demo.sites[1] as DemoSites['sites'][number];
    const privateRes = await admin('POST', '/sources', { url: site.homeUrl });
    expect(privateRes.statusCode, privateRes.body).toBe(422);
    expect(privateRes.json()).toMatchObject({ code: 'ERR_DISCOVERY_FAILED' });
  });

  it('changes a source, and 404s an unknown one', async () => {
    const added = await admin('POST', '/sources', {
      url: 'https://calendar.example.org/events.ics',
      kind: 'ics',
      id: 'manual-ics',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().discovered).toBeNull();
    const res = await admin('PATCH', '/sources/manual-ics', { enabled: false, fields: ['IT'], recrawlMinutes: 60 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().source).toMatchObject({ enabled: false, fields: ['information-technology'], recrawlMinutes: 60 });
    expect((await admin('PATCH', '/sources/nope', { enabled: true })).statusCode).toBe(404);
    expect((await admin('PATCH', '/sources/manual-ics', { recrawlMinutes: 1 })).statusCode).toBe(400);
    expect((await admin('PATCH', '/sources/manual-ics', {})).statusCode).toBe(400);
  });

  it('crawls the demo sites in the background, one run at a time, while searches keep answering', async () => {
    syncSources(t.app.store, parseSourcesYaml(demo.sourcesYaml));
    const started = await admin('POST', '/crawls', {});
    expect(started.statusCode, started.body).toBe(202);
    const run = started.json().run as RunBody;
    expect(run.status).toBe('running');
    const second = await admin('POST', '/crawls', {});
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ statusCode: 409, code: 'ERR_CRAWL_RUNNING' });
    expect((await admin('POST', '/sources/manual-ics/check')).statusCode).toBe(409);

    const latencies: number[] = [];
    let whileRunning = 0;
    const deadline = Date.now() + 90_000;
    let current: RunBody = run;
    while (current.status === 'running' && Date.now() < deadline) {
      const before = performance.now();
      const search = await t.app.inject({ method: 'GET', url: '/api/search?q=conference' });
      latencies.push(performance.now() - before);
      expect(search.statusCode, search.body).toBe(200);
      current = (await admin('GET', `/crawls/${run.id}`)).json().run as RunBody;
      if (current.status === 'running') {
        whileRunning += 1;
        expect(current.progress?.sourcesTotal).toBeGreaterThan(0);
      }
    }
    expect(current.status).toBe('finished');
    expect(whileRunning, 'searches answered during the crawl').toBeGreaterThan(3);
    expect(Math.max(...latencies), 'slowest search during the crawl, ms').toBeLessThan(2000);

    const sourceIds = parseSourcesYaml(demo.sourcesYaml).sources.map((s) => s.id);
    expect(Object.keys(current.results).sort()).toEqual(expect.arrayContaining(sourceIds.sort()));
    for (const id of sourceIds) expect(current.results[id]?.status, id).toBe('ok');
    expect(current.progress).toMatchObject({ sourcesDone: current.progress?.sourcesTotal, inProgress: [] });
    expect(current.sources?.find((s) => s.sourceId === 'manual-ics')).toMatchObject({ status: 'skipped' });
    const runs = (await admin('GET', '/crawls')).json().runs as RunBody[];
    expect(runs[0]?.id).toBe(run.id);

    // The run's end drains the outbox: what it stored is searchable now.
    await t.app.crawls.idle();
    expect(t.app.store.outboxSize()).toBe(0);
    const found = (await t.app.inject({ method: 'GET', url: '/api/search?limit=5' })).json();
    expect(found.total).toBeGreaterThan(50);
  });

  it('checks one source now, and 404s or 400s unknown ones', async () => {
    const id = parseSourcesYaml(demo.sourcesYaml).sources[0]?.id as string;
    const res = await admin('POST', `/sources/${id}/check`);
    expect(res.statusCode, res.body).toBe(202);
    const runId = res.json().run.id as number;
    await t.app.crawls.idle();
    const run = (await admin('GET', `/crawls/${runId}`)).json().run as RunBody;
    expect(run.status).toBe('finished');
    expect(Object.keys(run.results)).toEqual([id]);
    expect((await admin('POST', '/sources/nope/check')).statusCode).toBe(404);
    const unknown = await admin('POST', '/crawls', { sourceIds: ['nope'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('nope');
    expect((await admin('GET', '/crawls/999999')).statusCode).toBe(404);
    expect((await admin('GET', '/crawls/abc')).statusCode).toBe(400);
  });
});

describe('admin rate limit', () => {
  it('is stricter than the public one and counts failed attempts', async () => {
    const t = await startTestApp({ ADMIN_TOKEN: TOKEN, ADMIN_RATE_LIMIT_MAX: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const res = await t.app.inject({
          method: 'GET',
          url: '/api/admin/sources',
          headers: { authorization: 'Bearer x' },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const limited = await t.app.inject({ method: 'GET', url: '/api/admin/sources', headers: auth });
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'ERR_RATE_LIMITED' });
      expect((await t.app.inject({ method: 'GET', url: '/api/fields' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('still applies when the public limit is off', async () => {
    const t = await startTestApp({ ADMIN_TOKEN: TOKEN, RATE_LIMIT_MAX: '0', ADMIN_RATE_LIMIT_MAX: '2' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        codes.push((await t.app.inject({ method: 'GET', url: '/api/admin/sources', headers: auth })).statusCode);
      }
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await t.close();
    }
  });
});
