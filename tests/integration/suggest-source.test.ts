import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type DemoSite, type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { hostile, startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import { buildApp, loadConfig } from '@fieldguide/server';
import type { Suggestion, SuggestSourceResponse } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const TOKEN = 'test-admin-token-0123456789abcdef';

interface Server {
  app: FastifyInstance;
  url: string;
  dataDir: string;
}

/** The real server, listening on a loopback port, over its own data dir and the test's Meilisearch. */
async function startServer(meili: TestMeilisearch, env: Record<string, string>): Promise<Server> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-suggest-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: `${meili.prefix}${path.basename(dataDir).replace(/[^a-zA-Z0-9]/g, '')}_`,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    ADMIN_RATE_LIMIT_MAX: '0',
    ADMIN_TOKEN: TOKEN,
    CRAWL_PER_HOST_DELAY_MS: '0',
    DEMO_SITES: 'off',
    ...env,
  });
  const app = await buildApp({ config });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, dataDir };
}

async function stopServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  await server.app.close();
  rmSync(server.dataDir, { recursive: true, force: true });
}

describe('suggesting a source (public, no account)', () => {
  let meili: TestMeilisearch;
  let demo: DemoSites;
  let server: Server;
  let allowed: DemoSite;
  let other: DemoSite;
  let slow: hostile.HostileServer;

  const call = async (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  const suggest = (body: unknown) => call('POST', '/api/suggestions', body);
  const admin = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    call(method, `/api/admin${url}`, body, { authorization: `Bearer ${TOKEN}` });
  const queue = async (status?: string): Promise<Suggestion[]> =>
    (await admin('GET', `/suggestions${status ? `?status=${status}` : ''}`)).body.suggestions;

  beforeAll(async () => {
    meili = await startTestMeilisearch();
    demo = await startDemoSites();
    allowed = demo.sites.find((s) => s.id.includes('nursing')) as DemoSite;
    other = demo.sites.find((s) => s !== allowed) as DemoSite;
    slow = await hostile.startHostileServer({ hostname: '127.0.0.9' });
    for (let i = 0; i < 5; i += 1) {
      slow.route(`/slow-${i}`, hostile.delayed(1500, hostile.html('<title>Slow Society</title>')));
    }
    // The operator lets crawls reach one loopback site, as an intranet calendar would be allowed, and (wrongly)
    // Meilisearch's origin: its port stays refused whatever the setting says.
    server = await startServer(meili, {
      CRAWL_ALLOW_PRIVATE_ORIGINS: `${allowed.origin},${slow.origin},${new URL(meili.url).origin}`,
      SUGGEST_RATE_LIMIT_MAX: '100',
    });
  }, 60_000);

  afterAll(async () => {
    await stopServer(server);
    await demo?.close();
    await slow?.close();
    await meili?.stop();
  });

  it('reads the URL at once and previews the events a source would gather, storing only the suggestion', async () => {
    const res = await suggest({ url: allowed.homeUrl, field: 'nursing', note: '  Their job fair draws hospitals.  ' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const body = res.body as SuggestSourceResponse;
    expect(body).toMatchObject({ status: 'pending', count: 1, duplicate: false });
    expect(body.preview.kind).not.toBeNull();
    expect(body.preview.sources.length).toBeGreaterThan(0);
    expect(body.preview.association).toMatchObject({ name: 'Great Lakes Nurses Association' });
    expect(body.preview.association?.fields).toContain('health-science');
    expect(body.preview.nothingFound).toBeNull();
    expect(body.preview.eventCount).toBeGreaterThanOrEqual(body.preview.events.length);
    expect(body.preview.events.length).toBeGreaterThan(0);
    expect(body.preview.events.length).toBeLessThanOrEqual(5);
    for (const event of body.preview.events) {
      expect(event.title).not.toBe('');
      expect(Date.parse(event.start)).not.toBeNaN();
      expect(event.place).not.toBe('');
    }
    const starts = body.preview.events.map((e) => Date.parse(e.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    // Nothing but the suggestion: no source, no association, no event until an editor accepts it.
    expect((await admin('GET', '/sources')).body.sources).toEqual([]);
    expect((await call('GET', '/api/associations')).body.total).toBe(0);
    const [stored] = await queue('pending');
    expect(stored).toMatchObject({
      id: body.id,
      note: 'Their job fair draws hospitals.',
      field: 'health-science',
      count: 1,
      status: 'pending',
      reason: null,
      sourceId: null,
    });
  });

  it('counts the same URL suggested again, however it is spelled, on the one suggestion', async () => {
    const spelledOtherwise = `${allowed.origin.replace('http://', 'HTTP://')}/?utm_source=newsletter#events`;
    const res = await suggest({ url: spelledOtherwise });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ duplicate: true, count: 2 });
    const pending = await queue('pending');
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ id: res.body.id, count: 2, url: allowed.homeUrl, field: 'health-science' });
  });

  it('answers bad input with a clear 4xx, storing nothing', async () => {
    const before = await queue();
    const serverPort = new URL(server.url).port;
    const cases: [unknown, number, string, RegExp][] = [
      [{ url: 'ftp://example.org/events' }, 400, 'ERR_BAD_PARAMETER', /must be an http\(s\) URL/],
      [{ url: 'javascript:alert(1)' }, 400, 'ERR_BAD_PARAMETER', /must be an http\(s\) URL/],
      [{ url: 'not a url' }, 400, 'ERR_BAD_PARAMETER', /url/],
      [{ url: `https://example.org/${'a'.repeat(2100)}` }, 400, 'ERR_BAD_PARAMETER', /url/],
      [{}, 400, 'ERR_BAD_PARAMETER', /url/],
      [{ url: allowed.homeUrl, note: 'x'.repeat(501) }, 400, 'ERR_BAD_PARAMETER', /note/],
      [{ url: allowed.homeUrl, field: 'astrology' }, 400, 'ERR_BAD_PARAMETER', /field.*names no career field/],
      [{ url: allowed.homeUrl, email: 'me@example.org' }, 400, 'ERR_BAD_PARAMETER', /email/],
      // Loopback sites the operator did not allow, this server's own port, Meilisearch's (allowed or not), the
      // cloud metadata address and an integer spelling of 127.0.0.1.
      [{ url: other.homeUrl }, 400, 'ERR_URL_REFUSED', /not a public web address/],
      [{ url: `http://127.0.0.1:${serverPort}/api/admin/sources` }, 400, 'ERR_URL_REFUSED', /not a public/],
      [{ url: `${meili.url}/indexes` }, 400, 'ERR_URL_REFUSED', /not a public web address/],
      [{ url: 'http://169.254.169.254/latest/meta-data/' }, 400, 'ERR_URL_REFUSED', /not a public web address/],
      [{ url: `http://2130706433:${new URL(other.origin).port}/` }, 400, 'ERR_URL_REFUSED', /not a public/],
      // Allowed, but nothing there.
      [{ url: `${allowed.origin}/no-such-page` }, 422, 'ERR_DISCOVERY_FAILED', /could not read/],
    ];
    for (const [body, status, code, message] of cases) {
      const res = await suggest(body);
      expect(res.status, `${JSON.stringify(body).slice(0, 120)} → ${JSON.stringify(res.body)}`).toBe(status);
      expect(res.body).toMatchObject({ statusCode: status, code, message: expect.stringMatching(message) });
    }
    expect(await queue()).toEqual(before);
  });

  it('lets an editor accept a suggestion: its source is made, enabled, and crawls', async () => {
    const [pending] = await queue('pending');
    if (!pending) throw new Error('no pending suggestion');
    const accepted = await admin('POST', `/suggestions/${pending.id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const { source, suggestion, created } = accepted.body;
    expect(created).toBe(true);
    expect(source).toMatchObject({
      url: pending.preview.sources[0]?.url,
      kind: pending.preview.kind,
      enabled: true,
      fields: ['health-science'],
      name: 'Great Lakes Nurses Association',
      allowPrivateNetwork: false,
    });
    expect(suggestion).toMatchObject({ status: 'accepted', sourceId: source.id });
    expect(suggestion.decidedAt).not.toBeNull();

    const again = await admin('POST', `/suggestions/${pending.id}/accept`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: false, source: { id: source.id } });
    expect((await admin('GET', '/sources')).body.sources).toHaveLength(1);
    expect(await queue('pending')).toEqual([]);

    const check = await admin('POST', `/sources/${source.id}/check`);
    expect(check.status, JSON.stringify(check.body)).toBe(202);
    const runId = check.body.run.id;
    const deadline = Date.now() + 60_000;
    let run = check.body.run;
    while (run.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      run = (await admin('GET', `/crawls/${runId}`)).body.run;
    }
    expect(run.status, JSON.stringify(run)).toBe('finished');
    expect(run.results[source.id]).toMatchObject({ status: 'ok' });
    expect(run.results[source.id].events).toBeGreaterThan(0);
  });

  it('lets an editor refuse a suggestion with a reason, and never refuse an accepted one', async () => {
    const feed = await suggest({ url: `${allowed.origin}/events/feed.rss` });
    expect(feed.status, JSON.stringify(feed.body)).toBe(201);
    expect(feed.body.preview.kind).toBe('auto');
    const id = feed.body.id;

    expect((await admin('POST', `/suggestions/${id}/refuse`, {})).status).toBe(400);
    expect((await admin('POST', `/suggestions/${id}/refuse`, { reason: '   ' })).status).toBe(400);
    const refused = await admin('POST', `/suggestions/${id}/refuse`, { reason: 'the home page is already a source' });
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    expect(refused.body.suggestion).toMatchObject({ status: 'refused', reason: 'the home page is already a source' });
    expect((await queue('refused')).map((s) => s.id)).toEqual([id]);

    const [accepted] = await queue('accepted');
    const refuseAccepted = await admin('POST', `/suggestions/${accepted?.id}/refuse`, { reason: 'changed my mind' });
    expect(refuseAccepted.status).toBe(409);
    expect(refuseAccepted.body).toMatchObject({ code: 'ERR_SUGGESTION_DECIDED' });
    expect((await admin('POST', '/suggestions/99999/accept')).body).toMatchObject({ statusCode: 404 });
    expect((await admin('POST', '/suggestions/abc/accept')).status).toBe(400);
    // The queue is the admin's: without the token it stays closed.
    expect((await call('GET', '/api/admin/suggestions')).status).toBe(401);
  });

  it('reads a few suggested sites at once, answering 429 with Retry-After to one more meanwhile', async () => {
    const answers = await Promise.all([0, 1, 2, 3, 4].map((i) => suggest({ url: slow.url(`/slow-${i}`) })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    const busy = answers.find((a) => a.status === 429);
    expect(busy?.headers.get('retry-after')).toBe('30');
    expect(busy?.body).toMatchObject({ code: 'ERR_RATE_LIMITED', message: expect.stringContaining('being read') });
    // Once they are read, the next one is read again.
    expect((await suggest({ url: slow.url('/slow-0?after=busy') })).status).toBe(201);
  });
});

describe('the suggestion rate limit', () => {
  let meili: TestMeilisearch;
  let server: Server;

  beforeAll(async () => {
    meili = await startTestMeilisearch();
    server = await startServer(meili, { SUGGEST_RATE_LIMIT_MAX: '2', RATE_LIMIT_MAX: '1000' });
  }, 60_000);

  afterAll(async () => {
    await stopServer(server);
    await meili?.stop();
  });

  it('answers 429 with Retry-After past SUGGEST_RATE_LIMIT_MAX an hour, while other routes stay open', async () => {
    const post = () =>
      fetch(`${server.url}/api/suggestions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'ftp://example.org/' }),
      });
    expect((await post()).status).toBe(400);
    expect((await post()).status).toBe(400);
    const limited = await post();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await limited.json()).toMatchObject({ statusCode: 429, code: 'ERR_RATE_LIMITED' });
    expect((await fetch(`${server.url}/api/fields`)).status).toBe(200);
  });
});
