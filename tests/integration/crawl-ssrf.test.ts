import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CrawlSummary, runCrawl, type SourceCrawlResult } from '@fieldguide/crawlers';
import { createStore, type Store } from '@fieldguide/crawlers/storage';
import { hostile, startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import type { Source } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

const NOW = new Date('2026-03-07T12:00:00Z');
const TOKEN = 'test-admin-token-0123456789abcdef';

const calendar = (uid: string) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fieldguide tests//EN',
    'BEGIN:VEVENT',
    `UID:${uid}@ssrf.test`,
    'DTSTAMP:20260301T000000Z',
    'DTSTART:20260410T170000Z',
    'DTEND:20260410T190000Z',
    `SUMMARY:Nursing career fair ${uid}`,
    'LOCATION:Chicago, IL',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

const ics = (uid: string): hostile.HostileHandler =>
  hostile.text(calendar(uid), { headers: { 'content-type': 'text/calendar; charset=utf-8' } });

function source(id: string, url: string, allowPrivateNetwork: boolean): Source {
  return {
    id,
    url,
    kind: 'ics',
    fields: [],
    pathways: [],
    recrawlMinutes: 1440,
    enabled: true,
    allowPrivateNetwork,
    health: { eventsFound: 0, errorCount: 0 },
  };
}

const resultOf = (summary: CrawlSummary, id: string): SourceCrawlResult => {
  const found = summary.sources.find((s) => s.sourceId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

/** The source failed with `code`, and its run result, its health and the fetch log all say so. */
function expectRefused(store: Store, summary: CrawlSummary, id: string, url: string, code: string): void {
  const result = resultOf(summary, id);
  expect(result.status, id).toBe('failed');
  expect(result.errors.join('\n'), id).toContain(code);
  expect(summary.run.results[id]?.errors.join('\n'), id).toContain(code);
  expect(store.getSource(id)?.health.lastError, id).toContain(code);
  expect(store.lastFetch(url), id).toMatchObject({ sourceId: id, status: null, error: expect.stringContaining(code) });
}

describe('private-network permission of crawled sources', () => {
  let site: hostile.HostileServer;
  let other: hostile.HostileServer;
  let meili: TestMeilisearch;
  let dir: string;
  let store: Store;
  let summary: CrawlSummary;

  beforeAll(async () => {
    meili = await startTestMeilisearch();
    other = await hostile.startHostileServer({ routes: { '/secret.ics': ics('other-port') } });
    site = await hostile.startHostileServer({
      routes: {
        '/flagged.ics': ics('flagged'),
        '/unflagged.ics': ics('unflagged'),
        '/portless.ics': ics('portless'),
        '/to-other-port.ics': hostile.redirect(other.url('/secret.ics')),
        '/to-meili.ics': hostile.redirect(`${meili.url}/indexes`),
      },
    });
    dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-crawl-ssrf-'));
    store = createStore({ path: path.join(dir, 'store.sqlite') });
    summary = await runCrawl({
      store,
      now: () => NOW,
      sources: [
        source('flagged', site.url('/flagged.ics'), true),
        source('unflagged', site.url('/unflagged.ics'), false),
        source('to-other-port', site.url('/to-other-port.ics'), true),
        source('to-meili', site.url('/to-meili.ics'), true),
        source('meili-itself', `${meili.url}/health`, true),
        source('compatible-v6', 'http://[::a9fe:a9fe]/latest/meta-data/', false),
        source('nat64', 'http://[64:ff9b::a9fe:a9fe]/latest/meta-data/', false),
      ],
      fetcher: { perHostDelayMs: 0, maxRetries: 0, ownPorts: [Number(new URL(meili.url).port)] },
    });
  }, 60_000);

  afterAll(async () => {
    store?.close();
    await Promise.all([site?.close(), other?.close(), meili?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lets a flagged source reach its own origin, and the run go on past every refusal', () => {
    expect(summary.run.status).toBe('finished');
    expect(resultOf(summary, 'flagged')).toMatchObject({ status: 'ok', events: 1, errors: [] });
    expect(Object.keys(summary.run.results).sort()).toEqual(summary.sources.map((s) => s.sourceId).sort());
    expect(site.requests('/flagged.ics')).toHaveLength(1);
  });

  it('refuses an unflagged source on the same host as a flagged one, before any request', () => {
    expectRefused(store, summary, 'unflagged', site.url('/unflagged.ics'), 'FETCH_PRIVATE_ADDRESS');
    expect(site.requests('/unflagged.ics')).toHaveLength(0);
  });

  it('refuses a flagged source’s redirect to another port of its host', () => {
    expectRefused(store, summary, 'to-other-port', site.url('/to-other-port.ics'), 'FETCH_PRIVATE_ADDRESS');
    expect(site.requests('/to-other-port.ics')).toHaveLength(1);
    expect(other.log).toHaveLength(0);
  });

  it('refuses a flagged source’s redirect to Meilisearch, and Meilisearch itself as a flagged source', async () => {
    expectRefused(store, summary, 'to-meili', site.url('/to-meili.ics'), 'FETCH_OWN_PORT');
    expectRefused(store, summary, 'meili-itself', `${meili.url}/health`, 'FETCH_OWN_PORT');
    // Meilisearch is there and answering: the refusals are the crawler's, not a dead port.
    expect((await fetch(`${meili.url}/health`)).status).toBe(200);
  });

  it('refuses IPv6 addresses that embed a private IPv4 one', () => {
    expectRefused(store, summary, 'compatible-v6', 'http://[::a9fe:a9fe]/latest/meta-data/', 'FETCH_PRIVATE_ADDRESS');
    expectRefused(store, summary, 'nat64', 'http://[64:ff9b::a9fe:a9fe]/latest/meta-data/', 'FETCH_PRIVATE_ADDRESS');
  });

  it('reads an allowed origin without a port as the default port, not every port of the host', async () => {
    const portless = await runCrawl({
      store,
      now: () => NOW,
      force: true,
      sources: [source('portless', site.url('/portless.ics'), false)],
      fetcher: { perHostDelayMs: 0, maxRetries: 0, allowPrivateOrigins: ['http://127.0.0.1'] },
    });
    expect(portless.run.status).toBe('finished');
    expectRefused(store, portless, 'portless', site.url('/portless.ics'), 'FETCH_PRIVATE_ADDRESS');
    expect(site.requests('/portless.ics')).toHaveLength(0);
  });

  it('refuses an allowed origin that is not one (a bare host) before a run is recorded', async () => {
    const runsBefore = store.listCrawlRuns(100).length;
    await expect(
      runCrawl({
        store,
        sources: [source('portless', site.url('/portless.ics'), false)],
        fetcher: { allowPrivateOrigins: ['127.0.0.1'] },
      }),
    ).rejects.toThrow(/"127\.0\.0\.1" is not an origin/);
    expect(store.listCrawlRuns(100)).toHaveLength(runsBefore);
  });
});

describe('crawls and discovery started by the server', () => {
  let t: TestApp;
  let site: hostile.HostileServer;
  let serverUrl: string;
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url: `/api/admin${url}`,
      headers: { authorization: `Bearer ${TOKEN}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0', ADMIN_RATE_LIMIT_MAX: '0', ADMIN_TOKEN: TOKEN });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    serverUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    site = await hostile.startHostileServer({
      routes: {
        '/good.ics': ics('good'),
        '/to-server.ics': hostile.redirect(`${serverUrl}/api/health`),
        '/to-meili.ics': hostile.redirect(`${t.meili.url}/health`),
        '/': hostile.redirect(`${serverUrl}/`),
      },
    });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await site?.close();
  });

  it('never lets a source reach the server’s own port or its Meilisearch’s, flagged or not', async () => {
    const sources = {
      good: site.url('/good.ics'),
      'to-server': site.url('/to-server.ics'),
      'to-meili': site.url('/to-meili.ics'),
      'server-itself': `${serverUrl}/api/events.ics`,
      'meili-itself': `${t.meili.url}/health`,
    };
    for (const [id, url] of Object.entries(sources)) {
      const added = await admin('POST', '/sources', { id, url, kind: 'ics', allowPrivateNetwork: true });
      expect(added.statusCode, added.body).toBe(201);
    }
    const started = await admin('POST', '/crawls', {});
    expect(started.statusCode, started.body).toBe(202);
    await t.app.crawls.idle();
    const run = (await admin('GET', `/crawls/${started.json().run.id}`)).json().run as {
      status: string;
      results: Record<string, { status: string; events: number; errors: string[] }>;
    };
    expect(run.status).toBe('finished');
    expect(run.results.good).toMatchObject({ status: 'ok', events: 1, errors: [] });
    expect(run.results['to-server']?.errors.join('\n')).toContain('FETCH_OWN_PORT');
    expect(run.results['server-itself']?.errors.join('\n')).toContain('FETCH_OWN_PORT');
    expect(run.results['meili-itself']?.errors.join('\n')).toContain('FETCH_OWN_PORT');
    expect(run.results['to-meili']?.errors.join('\n')).toContain('FETCH_OWN_PORT');
    for (const id of ['to-server', 'server-itself', 'meili-itself', 'to-meili']) {
      expect(run.results[id]?.status, id).toBe('failed');
      expect(t.app.store.lastFetch(sources[id as keyof typeof sources])?.error, id).toMatch(/^FETCH_/);
    }
  }, 60_000);

  it('refuses to discover sources on the server’s own port, directly or through a redirect', async () => {
    for (const url of [`${serverUrl}/`, site.url('/')]) {
      const res = await admin('POST', '/sources', { url, allowPrivateNetwork: true });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'ERR_DISCOVERY_FAILED' });
    }
    const direct = await admin('POST', '/sources', { url: `${serverUrl}/`, allowPrivateNetwork: true });
    expect(direct.json().message).toMatch(/own server or search engine/);
  });
});
