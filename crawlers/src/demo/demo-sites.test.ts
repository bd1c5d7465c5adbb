import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CLUSTERS, SOURCE_KINDS } from '@fieldguide/shared';
import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type DemoSite, type DemoSites, startDemoSites } from './demo-sites.js';
import { DEFAULT_DEMO_CONTENT_DIR, readSiteConfigs } from './site-content.js';

// A Saturday, the day before US daylight saving time starts: offsets change inside the demo's date range.
const NOW = new Date('2026-03-07T12:00:00Z');
let demo: DemoSites;

beforeAll(async () => {
  demo = await startDemoSites({ now: NOW });
});
afterAll(async () => {
  await demo?.close();
});

const site = (id: string): DemoSite => {
  const found = demo.sites.find((s) => s.id === id);
  if (!found) throw new Error(`no demo site ${id}`);
  return found;
};

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await request(url, { headers });
  const body = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, headers: res.headers, body, text: body.toString('utf8') };
}

async function filesOf(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await filesOf(path.join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

describe('startDemoSites', () => {
  it('serves every site on its own loopback host', () => {
    expect(demo.sites.length).toBeGreaterThanOrEqual(12);
    const hosts = demo.sites.map((s) => new URL(s.origin).hostname);
    expect(new Set(hosts).size).toBe(demo.sites.length);
    for (const s of demo.sites) {
      expect(s.origin).toMatch(/^http:\/\/127\.\d+\.\d+\.\d+:\d+$/);
      expect(s.homeUrl).toBe(`${s.origin}/`);
    }
  });

  it('answers a different site on each origin, and logs which one answered', async () => {
    const [a, b] = [site('nursing'), site('cyber')];
    const [homeA, homeB] = await Promise.all([get(a.homeUrl), get(b.homeUrl)]);
    expect(homeA.text).toContain('Great Lakes Nurses Association');
    expect(homeB.text).toContain('Front Range Cyber');
    expect(homeA.text).not.toContain('Front Range Cyber');
    expect((await get(`${b.origin}/career-center/`)).status).toBe(404);
    const logged = demo.accessLog.filter((e) => e.url === '/' && (e.siteId === 'nursing' || e.siteId === 'cyber'));
    expect(new Set(logged.map((e) => e.siteId))).toEqual(new Set(['nursing', 'cyber']));
  });

  it('gives every site a home page, a robots.txt and the sample-site notice', async () => {
    for (const s of demo.sites) {
      const home = await get(s.homeUrl);
      expect(home.status, s.id).toBe(200);
      expect(home.headers['content-type'], s.id).toMatch(/^text\/html/);
      const text = s.id === 'hospitality' ? iconv.decode(home.body, 'windows-1252') : home.text;
      expect(text, s.id).toContain('Sample site bundled with Fieldguide — fictional organization');
      const $ = cheerio.load(text);
      const ld = $('script[type="application/ld+json"]')
        .toArray()
        .map((el) => JSON.stringify(JSON.parse($(el).text())));
      expect(
        ld.some((json) => json.includes('"Organization"')),
        `${s.id} has Organization JSON-LD`,
      ).toBe(true);
      const robots = await get(`${s.origin}/robots.txt`);
      expect(robots.status, s.id).toBe(200);
      expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(robots.text, s.id).toMatch(/^User-agent: \*/m);
    }
  });

  it('serves what the home pages advertise, with the advertised content type', async () => {
    const seen = new Set<string>();
    for (const s of demo.sites) {
      const home = await get(s.homeUrl);
      const $ = cheerio.load(s.id === 'hospitality' ? iconv.decode(home.body, 'windows-1252') : home.text);
      for (const el of $('link[rel="alternate"][type]').toArray()) {
        const type = $(el).attr('type')!;
        const res = await get(new URL($(el).attr('href')!, s.homeUrl).href);
        expect(res.status, `${s.id} ${type}`).toBe(200);
        expect(res.headers['content-type'], `${s.id} ${type}`).toBe(`${type}; charset=utf-8`);
        seen.add(type);
      }
      const api = $('link[rel="https://api.w.org/"]').attr('href');
      if (api) {
        const res = await get(`${api}tribe/events/v1/events`);
        expect(res.status, s.id).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=UTF-8');
        seen.add('wordpress');
      }
      for (const el of $('a[href^="webcal:"]').toArray()) {
        const res = await get(
          $(el)
            .attr('href')!
            .replace(/^webcal:/, 'http:'),
        );
        expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
        seen.add('webcal');
      }
    }
    expect([...seen].sort()).toEqual(
      ['application/atom+xml', 'application/rss+xml', 'text/calendar', 'webcal', 'wordpress'].sort(),
    );
  });

  it('resolves every placeholder in every file of every site', async () => {
    const configs = await readSiteConfigs(DEFAULT_DEMO_CONTENT_DIR);
    let count = 0;
    for (const config of configs) {
      const origin = site(config.id).origin;
      for (const rel of await filesOf(path.join(DEFAULT_DEMO_CONTENT_DIR, config.dir))) {
        const url = `${origin}${rel}`;
        const res = await get(url);
        expect(res.status, url).toBe(200);
        expect(res.body.includes('{{'), url).toBe(false);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(200);
    expect(demo.sourcesYaml).not.toContain('{{');
  });

  it('keeps dates relative to the pinned now, in each event’s zone', async () => {
    const page = await get(`${site('nursing').origin}/events/nursing-leadership-summit/`);
    expect(page.text).toContain('"startDate": "2026-04-21T08:00:00-05:00"');
    expect(page.text).toContain('GLNA Nursing Leadership Summit 2026');
    const past = await get(`${site('nursing').origin}/events/winter-pediatric-nursing-symposium/`);
    expect(past.text).toContain('"startDate": "2026-02-15T08:00:00-06:00"');
    const ics = await get(`${site('cyber').origin}/calendar.ics`);
    expect(ics.text).toContain('DTSTART;TZID=America/New_York:20260328T190000\r\n');
    expect(ics.text).toContain('DTSTART:20260401T173000\r\n');
    expect(ics.text).not.toMatch(/[^\r]\n/);
  });

  it('includes the statuses, formats and traps the crawler must handle', async () => {
    const eventhub = site('eventhub').origin;
    const postponed = await get(`${eventhub}/e/salt-lake-devops-days-5521/`);
    expect(postponed.text).toContain('https://schema.org/EventPostponed');
    const hostile = await get(`${eventhub}/e/design-systems-night-3310/`);
    expect(hostile.text).toContain('Design Systems Night \\u003cimg src=x onerror=alert(1)\\u003e');
    expect(hostile.text).toContain('<h1>Design Systems Night &lt;img src=x onerror=alert(1)&gt;</h1>');
    const cancelled = await get(`${site('nursing').origin}/events/night-shift-wellness-retreat/`);
    expect(cancelled.text).toContain('https://schema.org/EventCancelled');
    const ics = await get(`${site('cyber').origin}/calendar.ics`);
    expect(ics.text).toContain('STATUS:CANCELLED');
    expect(ics.text).toContain('RRULE:FREQ=MONTHLY;COUNT=12');
    expect(ics.text).toContain('DTSTART;VALUE=DATE:');

    const robots = await get(`${site('cpa').origin}/robots.txt`);
    expect(robots.text).toMatch(/^Crawl-delay: 1$/m);
    expect(robots.text).toMatch(/^Disallow: \/members\/$/m);
    const listing = await get(`${site('cpa').origin}/cpe/seminars/`);
    expect(listing.text).toContain('href="/members/board-retreat.html"');

    const list = JSON.parse((await get(`${eventhub}/api/conferences.json`)).text) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThanOrEqual(10);
    for (const item of list) {
      expect(Object.keys(item)).toEqual(expect.arrayContaining(['name', 'url', 'startDate', 'endDate', 'online']));
      expect(item.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('serves one site in windows-1252, declared only in the page', async () => {
    const res = await get(`${site('hospitality').origin}/whats-on.html`);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.body.includes(Buffer.from([0x92]))).toBe(true);
    const text = iconv.decode(res.body, 'windows-1252');
    expect(text).toContain('<meta charset="windows-1252">');
    expect(text).toContain('Café Culture Meetup');
    expect(text).toContain('What’s On');
  });

  it('paginates the WordPress events API like The Events Calendar', async () => {
    const base = `${site('builders').origin}/wp-json/tribe/events/v1/events`;
    let url: string | undefined = base;
    const ids: number[] = [];
    let pages = 0;
    let first: { total: number; total_pages: number } | undefined;
    while (url) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.text).toContain('\\/wp-json\\/');
      const body = JSON.parse(res.text) as {
        events: { id: number; utc_start_date: string; venue: unknown }[];
        total: number;
        total_pages: number;
        next_rest_url?: string;
      };
      first ??= body;
      expect(res.headers['x-tec-total']).toBe(String(body.total));
      ids.push(...body.events.map((e) => e.id));
      pages += 1;
      url = body.next_rest_url;
    }
    expect(first!.total_pages).toBe(3);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(first!.total);
    expect(new Set(ids).size).toBe(ids.length);

    const withPast = JSON.parse((await get(`${base}?start_date=2026-01-01&per_page=50`)).text) as { total: number };
    expect(withPast.total).toBe(first!.total + 2);
    const beyond = await get(`${base}?page=9`);
    expect(beyond.status).toBe(404);
    expect(JSON.parse(beyond.text)).toMatchObject({ code: 'event-archive-page-not-found', data: { status: 404 } });
    expect((await get(`${base}?page=zero`)).status).toBe(400);

    const hostile = JSON.parse((await get(`${base}/4112`)).text) as { description: string };
    expect(hostile.description).toContain('<script>');
  });

  it('answers conditional requests with 304 and compresses when asked', async () => {
    const url = `${site('cyber').origin}/calendar.ics`;
    const first = await get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const since = await get(url, { 'if-modified-since': first.headers['last-modified'] as string });
    expect(since.status).toBe(304);
    const zipped = await get(url, { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.body).equals(first.body)).toBe(true);
    expect((await get(url, { 'accept-encoding': 'gzip', 'if-none-match': zipped.headers.etag as string })).status).toBe(
      304,
    );
    expect((await get(url, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('logs every request with its time, status and validators', async () => {
    const before = Date.now();
    const url = `${site('teachers').origin}/events.atom?probe=1`;
    await get(url, { 'user-agent': 'FieldguideTest/1.0', 'if-none-match': '"x"' });
    const entry = demo.accessLog.findLast((e) => e.url === '/events.atom?probe=1');
    expect(entry).toMatchObject({ siteId: 'teachers', method: 'GET', status: 200, userAgent: 'FieldguideTest/1.0' });
    expect(entry!.ifNoneMatch).toBe('"x"');
    expect(entry!.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(entry!.bytes).toBeGreaterThan(0);
  });

  it('describes its sources with real origins, valid kinds and fields', () => {
    const doc = parseYaml(demo.sourcesYaml) as {
      associations: { id: string; fields: string[] }[];
      sources: {
        id: string;
        url: string;
        kind: string;
        fields: string[];
        associationId?: string;
        allowPrivateNetwork: boolean;
      }[];
    };
    const origins = new Set(demo.sites.map((s) => s.origin));
    const clusterIds = new Set(CLUSTERS.map((c) => c.id));
    const associations = new Set(doc.associations.map((a) => a.id));
    expect(new Set(doc.associations.flatMap((a) => a.fields)).size).toBeGreaterThanOrEqual(8);
    for (const source of doc.sources) {
      expect(origins.has(new URL(source.url).origin), source.id).toBe(true);
      expect(SOURCE_KINDS).toContain(source.kind);
      expect(source.allowPrivateNetwork).toBe(true);
      for (const field of source.fields) expect(clusterIds.has(field), `${source.id}: ${field}`).toBe(true);
      if (source.associationId) expect(associations.has(source.associationId), source.id).toBe(true);
    }
    const kinds = new Set(doc.sources.map((s) => s.kind));
    expect([...kinds].sort()).toEqual([...SOURCE_KINDS].sort());
  });

  it('redirects a folder without its slash and refuses unknown methods and paths', async () => {
    const origin = site('nursing').origin;
    const folder = await request(`${origin}/events`);
    await folder.body.dump();
    expect(folder.statusCode).toBe(301);
    expect(folder.headers.location).toBe('/events/');
    expect((await get(`${origin}/no-such-page`)).status).toBe(404);
    expect((await get(`${origin}/events/..%2f..%2fsites.yaml`)).status).toBe(404);
    const post = await request(`${origin}/`, { method: 'POST', body: 'x' });
    await post.body.dump();
    expect(post.statusCode).toBe(405);
    expect((await get(`${site('builders').origin}/_tribe-events.json`)).status).toBe(404);
  });
});

describe('startDemoSites on a host that is not an IPv4 loopback address', () => {
  it('puts every site on its own port of that host', async () => {
    const shared = await startDemoSites({ now: NOW, host: 'localhost' });
    try {
      const urls = shared.sites.map((s) => new URL(s.origin));
      expect(new Set(urls.map((u) => u.hostname)).size).toBe(1);
      expect(new Set(urls.map((u) => u.port)).size).toBe(shared.sites.length);
      const home = await get(shared.sites.find((s) => s.id === 'cyber')!.homeUrl);
      expect(home.text).toContain('Front Range Cyber');
      expect(shared.sourcesYaml).toContain(`url: "${shared.sites.find((s) => s.id === 'cyber')!.origin}/"`);
    } finally {
      await shared.close();
    }
  });
});
