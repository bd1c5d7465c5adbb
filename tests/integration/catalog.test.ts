import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CATALOG_DIR, loadCatalog } from '@fieldguide/crawlers/catalog';
import { loadCatalogAtStart, wantsDemoSites } from '@fieldguide/server';
import { CLUSTERS, type Source } from '@fieldguide/shared';
import { parse as parseDomain } from 'tldts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import {
  type CatalogSite,
  SAMPLE_CATALOG_DIR,
  sampleCatalogAt,
  startCatalogSite,
  upcomingCalendar,
} from '../support/catalog-site.js';

/** The catalog under test: the bundled one, or another directory (`CATALOG_TEST_DIR`) while developing. */
const CATALOG_DIR = process.env.CATALOG_TEST_DIR ?? DEFAULT_CATALOG_DIR;

/** Least associations per career cluster in the bundled catalog. */
const MIN_PER_CLUSTER = 20;

const TOKEN = 'test-admin-token-catalog-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

describe('the bundled associations catalog', () => {
  it('loads, with at least 20 associations in each of the 16 career clusters', async () => {
    const catalog = await loadCatalog(CATALOG_DIR);
    const counts = Object.fromEntries(
      CLUSTERS.map((c) => [c.id, catalog.associations.filter((a) => a.fields[0] === c.id).length]),
    );
    const short = Object.entries(counts).filter(([, n]) => n < MIN_PER_CLUSTER);
    expect(short, `clusters with fewer than ${MIN_PER_CLUSTER} associations`).toEqual([]);
    expect(catalog.clusters.map((c) => c.clusterId).sort()).toEqual(CLUSTERS.map((c) => c.id).sort());
    for (const cluster of catalog.clusters) expect(cluster.provenance.length, cluster.file).toBeGreaterThan(20);
    for (const source of catalog.sources) expect(source.enabled, source.id).toBe(false);
  });

  it('gives every association its own https homepage on a registrable domain', async () => {
    const catalog = await loadCatalog(CATALOG_DIR);
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const association of catalog.associations) {
      const url = new URL(association.url);
      const parsed = parseDomain(association.url);
      if (url.protocol !== 'https:') problems.push(`${association.id}: ${association.url} is not https`);
      if (!parsed.domain || !parsed.isIcann || parsed.isIp) {
        problems.push(`${association.id}: ${url.hostname} is not on a registrable domain`);
      }
      const key = `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
      const other = seen.get(key);
      if (other) problems.push(`${association.id}: same homepage as ${other}`);
      seen.set(key, association.id);
    }
    expect(problems).toEqual([]);
  });
});

describe('the sample catalog', () => {
  it('loads with its provenance, its sources disabled and marked as the catalog’s', async () => {
    const catalog = await loadCatalog(SAMPLE_CATALOG_DIR);
    expect(catalog.clusters.map((c) => c.clusterId)).toEqual(['finance', 'health-science', 'information-technology']);
    expect(catalog.associations.find((a) => a.id === 'fixture-nurses-guild')).toMatchObject({
      acronym: 'FNG',
      membershipUrl: 'https://nurses-guild.example/join/',
      fields: ['health-science'],
    });
    expect(catalog.sources.map((s) => [s.id, s.enabled, s.fromCatalog])).toEqual([
      ['fixture-nurses-guild-events', false, true],
      ['fixture-computing-society-events', false, true],
    ]);
  });
});

describe('the catalog at start-up, when it cannot or should not load', () => {
  it('starts without it, saying why: CATALOG=off, no directory, or a bad catalog (nothing of it loaded)', async () => {
    const bad = sampleCatalogAt('http://127.0.0.1:1');
    writeFileSync(path.join(bad, 'stem.yaml'), 'provenance: x\nassociations:\n  - id: Bad Id\nsources: []\n');
    try {
      for (const [env, expected] of [
        [{ CATALOG: 'off', CATALOG_DIR: bad }, { status: 'off' }],
        [
          { CATALOG_DIR: path.join(bad, 'missing') },
          { status: 'skipped', reason: expect.stringMatching(/^no directory/) },
        ],
        [{ CATALOG_DIR: bad }, { status: 'failed', error: expect.objectContaining({ name: 'CatalogError' }) }],
      ] as const) {
        const t = await startTestApp(env);
        try {
          expect(await loadCatalogAtStart(t.app), JSON.stringify(env)).toMatchObject(expected);
          expect(t.app.store.countAssociations()).toBe(0);
          expect(t.app.store.listSources()).toEqual([]);
          expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
        } finally {
          await t.close();
        }
      }
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });
});

describe('the catalog in a running Fieldguide', () => {
  let site: CatalogSite;
  let catalogDir: string;
  let t: TestApp;
  const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/admin${url}`, headers: auth, ...(payload ? { payload } : {}) });
  const catalogSources = () => t.app.store.listSources().filter((s) => s.fromCatalog);

  beforeAll(async () => {
    site = await startCatalogSite({
      '/nurses/events.ics': {
        headers: { 'content-type': 'text/calendar' },
        body: upcomingCalendar('nurses', ['Fixture Nurses Guild Annual Conference', 'Nurse Manager Career Fair']),
      },
      '/computing/events.ics': {
        headers: { 'content-type': 'text/calendar' },
        body: upcomingCalendar('computing', ['Fixture Computing Society Software Summit']),
      },
    });
    catalogDir = sampleCatalogAt(site.origin);
    t = await startTestApp({
      RATE_LIMIT_MAX: '0',
      ADMIN_RATE_LIMIT_MAX: '0',
      ADMIN_TOKEN: TOKEN,
      CATALOG_DIR: catalogDir,
      CRAWL_PER_HOST_DELAY_MS: '50',
    });
  });
  afterAll(async () => {
    await t?.close();
    await site?.close();
    if (catalogDir) rmSync(catalogDir, { recursive: true, force: true });
  });

  it('loads at start-up: associations searchable by name and acronym, sources disabled, the demo still wanted', async () => {
    const outcome = await loadCatalogAtStart(t.app);
    expect(outcome).toMatchObject({
      status: 'loaded',
      associations: { inserted: 4, updated: 0, unchanged: 0 },
      sources: { inserted: 2 },
    });
    expect(catalogSources().map((s) => s.enabled)).toEqual([false, false]);
    expect(wantsDemoSites('auto', t.app.store.listSources())).toBe(true);
    await t.app.outbox.drainNow();
    const byAcronym = (await t.app.inject({ method: 'GET', url: '/api/associations?q=FNG' })).json();
    expect(byAcronym.hits[0]).toMatchObject({
      id: 'fixture-nurses-guild',
      acronym: 'FNG',
      gathering: { sources: 1, enabledSources: 0, crawled: false, eventsFound: 0 },
    });
    const noSource = (await t.app.inject({ method: 'GET', url: '/api/associations?q=accountants' })).json();
    expect(noSource.hits[0]).toMatchObject({ id: 'fixture-accountants-institute', gathering: { sources: 0 } });
    const page = (await t.app.inject({ method: 'GET', url: '/api/associations/fixture-nurses-guild' })).json();
    expect(page).toMatchObject({ upcomingEvents: [], gathering: { enabledSources: 0, crawled: false } });
  });

  it('changes nothing on a restart, and keeps what an operator or a crawl chose', async () => {
    expect(await loadCatalogAtStart(t.app)).toMatchObject({
      status: 'loaded',
      associations: { inserted: 0, updated: 0, unchanged: 4 },
      sources: { inserted: 0, updated: 0, unchanged: 2 },
    });
    const stamp = t.app.store.dataStamp();
    // What discovery learnt (a region, chapters) stays; the operator's enabling stays.
    const guild = t.app.store.getAssociation('fixture-nurses-guild');
    if (!guild) throw new Error('the guild was not loaded');
    t.app.store.upsertAssociation({ ...guild, region: 'MN', chapters: [{ name: 'Twin Cities chapter' }] });
    const source = t.app.store.getSource('fixture-computing-society-events') as Source;
    t.app.store.upsertSource({ ...source, enabled: true });
    expect(await loadCatalogAtStart(t.app)).toMatchObject({ status: 'loaded', sources: { unchanged: 2 } });
    expect(t.app.store.getAssociation('fixture-nurses-guild')).toMatchObject({
      region: 'MN',
      chapters: [{ name: 'Twin Cities chapter' }],
      acronym: 'FNG',
    });
    expect(t.app.store.getSource('fixture-computing-society-events')?.enabled).toBe(true);
    const onTheWeb = { ...source, url: 'https://computing-society.example/events', allowPrivateNetwork: false };
    expect(wantsDemoSites('auto', [{ ...onTheWeb, enabled: false }]), 'a disabled catalog source').toBe(true);
    expect(wantsDemoSites('auto', [{ ...onTheWeb, enabled: true }]), 'an enabled one ends the demo').toBe(false);
    expect(t.app.store.dataStamp()).not.toBe(stamp);
    const off = await admin('POST', '/catalog/sources', { associationId: 'fixture-computing-society', enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({
      changed: ['fixture-computing-society-events'],
      selected: ['fixture-computing-society-events'],
    });
  });

  it('refuses bad admin requests with a clear 400 or 404, changing nothing', async () => {
    const before = catalogSources();
    for (const [payload, status, message] of [
      [{ field: 'astrology', enabled: true }, 400, /unknown field "astrology"/],
      [{ associationId: 'no-such-association', enabled: true }, 404, /no association "no-such-association"/],
      [{ enabled: true }, 400, /either "field" or "associationId"/],
      [{ field: 'finance', associationId: 'fixture-nurses-guild', enabled: true }, 400, /either/],
      [{ field: 'finance' }, 400, /enabled/],
    ] as const) {
      const res = await admin('POST', '/catalog/sources', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().message).toMatch(message);
    }
    expect(catalogSources()).toEqual(before);
    const unauthorized = await t.app.inject({ method: 'GET', url: '/api/admin/catalog' });
    expect(unauthorized.statusCode).toBe(401);
  });

  it("enables a field's sources by name, crawls them from loopback, and follows the association's feed", async () => {
    const enabled = await admin('POST', '/catalog/sources', { field: 'health care', enabled: true });
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.json().changed).toEqual(['fixture-nurses-guild-events']);
    const overview = (await admin('GET', '/catalog')).json();
    expect(overview.fields.find((f: { id: string }) => f.id === 'health-science')).toMatchObject({
      sources: 1,
      enabledSources: 1,
    });
    expect(overview.fields.find((f: { id: string }) => f.id === 'information-technology')).toMatchObject({
      sources: 1,
      enabledSources: 0,
    });

    const started = await admin('POST', '/crawls', {});
    expect(started.statusCode, started.body).toBe(202);
    await t.app.crawls.idle();
    const run = (await admin('GET', `/crawls/${started.json().run.id}`)).json().run;
    expect(run.results['fixture-nurses-guild-events'], JSON.stringify(run.results)).toMatchObject({
      status: 'ok',
      events: 2,
    });
    expect(run.results['fixture-computing-society-events']).toBeUndefined();
    expect(site.hits.get('/computing/events.ics')).toBeUndefined();

    const page = (await t.app.inject({ method: 'GET', url: '/api/associations/fixture-nurses-guild' })).json();
    expect(page.upcomingEvents.map((e: { title: string }) => e.title)).toEqual([
      'Fixture Nurses Guild Annual Conference',
      'Nurse Manager Career Fair',
    ]);
    expect(page.gathering).toEqual({ sources: 1, enabledSources: 1, crawled: true, eventsFound: 2 });

    const feed = await t.app.inject({ method: 'GET', url: '/feeds/associations/fixture-nurses-guild.json' });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.json().title).toBe('Fieldguide — Fixture Nurses Guild events');
    expect(feed.json().items.map((i: { title: string }) => i.title)).toEqual([
      'Fixture Nurses Guild Annual Conference',
      'Nurse Manager Career Fair',
    ]);
    const ics = await t.app.inject({ method: 'GET', url: '/feeds/associations/fixture-nurses-guild.ics' });
    expect(ics.body).toContain('SUMMARY:Nurse Manager Career Fair');
    const otherFeed = await t.app.inject({ method: 'GET', url: '/feeds/associations/fixture-computing-society.json' });
    expect(otherFeed.json().items).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/feeds/associations/nope.rss' })).statusCode).toBe(404);

    const urls = (await t.app.inject({ method: 'GET', url: '/api/feeds?association=fixture-nurses-guild' })).json();
    expect(urls.rss).toMatch(/\/feeds\/associations\/fixture-nurses-guild\.rss$/);
    const search = (await t.app.inject({ method: 'GET', url: '/api/search?association=fixture-nurses-guild' })).json();
    expect(search.total).toBe(2);
    expect(search.query.association).toBe('fixture-nurses-guild');
    const embed = await t.app.inject({ method: 'GET', url: '/embed/events?association=fixture-nurses-guild' });
    expect(embed.statusCode, embed.body).toBe(200);
    expect(embed.body).toContain('Nurse Manager Career Fair');
    const bad = await t.app.inject({ method: 'GET', url: '/api/search?association=%3Cscript%3E' });
    expect(bad.statusCode).toBe(400);
  });
});
