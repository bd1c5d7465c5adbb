import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractJsonLd, extractOrganizations, parseRobotsTxt, parseSitemap } from '@fieldguide/crawlers';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import type { Association } from '@fieldguide/shared';
import { load } from 'cheerio';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { testEvent } from '../embed/fixtures/test-app.js';

const PUBLIC_URL = 'https://fieldguide.example.org';
const HOSTILE = 'Nurses night </script><script>alert(1)</script><!-- & "quoted"';

/** What Vite builds: the generic title and description, the module script in the head, the root in the body. */
const INDEX_HTML = `<!doctype html>
<html lang="en-US">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="Generic description." />
    <title>Fieldguide — generic</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const guild: Association = {
  id: 'nurses-guild',
  name: 'Illinois Nurses Guild',
  acronym: 'ING',
  url: 'https://nurses.example.org/',
  description: 'Nurses of Illinois <b>meet</b> monthly.',
  fields: ['health-science'],
  pathways: [],
  scope: 'regional',
  country: 'US',
  region: 'IL',
  chapters: [],
  hiring: { score: 0.4, reasons: [] },
  firstSeen: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
};

const EVENTS = [
  testEvent('nursing-fair', 'Chicago Nursing Career Fair', 3, {
    fields: ['health-science'],
    type: 'career-fair',
    venue: {
      name: 'Navy Pier',
      address: '600 E Grand Ave',
      city: 'Chicago',
      region: 'IL',
      postalCode: '60611',
      country: 'US',
      lat: 41.89,
      lng: -87.6,
    },
    organizer: { name: 'Illinois Nurses Guild', url: 'https://nurses.example.org/' },
    cost: { free: true },
    associationId: 'nurses-guild',
  }),
  testEvent('hostile', HOSTILE, 4, { description: `${HOSTILE}\u2028-->` }),
  testEvent('webinar', 'Cloud Careers Webinar', 5, { format: 'online', venue: undefined, timeZone: 'UTC' }),
  testEvent('up-4', 'Upcoming four', 6),
  testEvent('up-5', 'Upcoming five', 7),
  testEvent('past', 'Last year', -30),
  testEvent('gone', 'Delisted one', 8, { delisted: true }),
  testEvent('hobby', 'Knitting circle', 9, { careerRelevant: false, relevanceReason: 'leisure' }),
];
const UPCOMING = ['hostile', 'nursing-fair', 'up-4', 'up-5', 'webinar'];

describe('pages that travel', () => {
  let meili: TestMeilisearch;
  let dir: string;
  const apps: FastifyInstance[] = [];
  let app: FastifyInstance;
  let fromRequest: FastifyInstance;

  async function start(env: Record<string, string>, sitemapMaxUrls?: number) {
    const dataDir = path.join(dir, `data-${apps.length}`);
    const config = loadConfig({
      DATA_DIR: dataDir,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: `${meili.prefix}${apps.length}_`,
      LOG_LEVEL: 'silent',
      ...env,
    });
    const started = await buildApp({
      config,
      logger: false,
      webRoot: path.join(dir, 'web'),
      widgetRoot: path.join(dir, 'widget'),
      ...(sitemapMaxUrls ? { sitemapMaxUrls } : {}),
    });
    await started.ready();
    apps.push(started);
    started.store.upsertEvents(EVENTS);
    started.store.upsertAssociation(guild);
    return started;
  }

  beforeAll(async () => {
    meili = await startTestMeilisearch();
    dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-pages-'));
    mkdirSync(path.join(dir, 'web'));
    writeFileSync(path.join(dir, 'web', 'index.html'), INDEX_HTML);
    app = await start({ PUBLIC_URL: `${PUBLIC_URL}/` }, 2);
    fromRequest = await start({});
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await meili?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const page = async (target: FastifyInstance, url: string, headers: Record<string, string> = {}) => {
    const res = await target.inject({ url, headers });
    return { res, $: load(res.body) };
  };

  describe('event pages', () => {
    it('carry the event’s title, description, canonical URL, OpenGraph and Twitter tags into the app’s HTML', async () => {
      const { res, $ } = await page(app, '/events/nursing-fair', { accept: '*/*' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect($('title')).toHaveLength(1);
      expect($('title').text()).toBe('Chicago Nursing Career Fair · Fieldguide');
      const description = $('meta[name="description"]');
      expect(description).toHaveLength(1);
      expect(description.attr('content')).toMatch(
        / · Navy Pier, Chicago, IL, US\. Engineers and hiring managers meet\.$/,
      );
      const canonical = `${PUBLIC_URL}/events/nursing-fair`;
      expect($('link[rel="canonical"]').attr('href')).toBe(canonical);
      const og = (p: string) => $(`meta[property="og:${p}"]`).attr('content');
      expect(og('title')).toBe('Chicago Nursing Career Fair');
      expect(og('site_name')).toBe('Fieldguide');
      expect(og('url')).toBe(canonical);
      expect(og('image')).toMatch(
        /^https:\/\/fieldguide\.example\.org\/share-images\/events\/nursing-fair\.png\?v=\w+$/,
      );
      expect(og('image:width')).toBe('1200');
      expect(og('image:height')).toBe('630');
      expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
      expect($('meta[name="robots"]')).toHaveLength(0);
      expect($('#root')).toHaveLength(1);
      expect($('script[type="module"]').attr('src')).toBe('/assets/index-abc.js');
    });

    it('hold a JSON-LD Event that the project’s own extractor reads back as the same event', async () => {
      const { res, $ } = await page(app, '/events/nursing-fair');
      const event = EVENTS[0]!;
      const { events, warnings } = extractJsonLd(res.body, 'https://elsewhere.example.com/');
      expect(warnings).toEqual([]);
      expect(events).toHaveLength(1);
      const read = events[0]!;
      expect(read.title).toBe(event.title);
      expect(Date.parse(read.start)).toBe(Date.parse(event.start));
      expect(Date.parse(read.end!)).toBe(Date.parse(event.end!));
      expect(read.start).toMatch(/[-+]\d\d:\d\d$/);
      expect(read.url).toBe(`${PUBLIC_URL}/events/nursing-fair`);
      expect(read.venue).toMatchObject({ name: 'Navy Pier', city: 'Chicago', region: 'IL', postalCode: '60611' });
      expect(read.organizer).toEqual({ name: 'Illinois Nurses Guild', url: 'https://nurses.example.org/' });
      expect(read.status).toBe('scheduled');
      expect(read.attendanceMode).toBe('offline');
      const node = JSON.parse($('script[type="application/ld+json"]').text());
      expect(node).toMatchObject({
        '@type': 'Event',
        sameAs: event.url,
        image: [expect.stringContaining('/share-images/events/nursing-fair.png')],
        offers: { '@type': 'Offer', price: 0 },
        location: { '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: '600 E Grand Ave' } },
      });
    });

    it('say an online event is online, at a VirtualLocation', async () => {
      const { $ } = await page(app, '/events/webinar');
      const node = JSON.parse($('script[type="application/ld+json"]').text());
      expect(node.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
      expect(node.location).toEqual({ '@type': 'VirtualLocation', url: 'https://events.example.org/webinar' });
    });

    it('escape a hostile title everywhere: no element is added, and the JSON-LD holds it exactly', async () => {
      const { res, $ } = await page(app, '/events/hostile');
      expect($('script')).toHaveLength(2);
      expect(res.body).not.toContain('<script>alert(1)');
      expect($('title').text()).toBe(`${HOSTILE} · Fieldguide`);
      expect($('meta[property="og:title"]').attr('content')).toBe(HOSTILE);
      const { events, warnings } = extractJsonLd(res.body, `${PUBLIC_URL}/events/hostile`);
      expect(warnings).toEqual([]);
      // The JSON holds the title exactly; the extractor, as for any page, reads the markup out of it.
      expect(JSON.parse($('script[type="application/ld+json"]').text()).name).toBe(HOSTILE);
      expect(events[0]?.title).toBe('Nurses night');
      expect(JSON.parse($('script[type="application/ld+json"]').text()).description).toBe(`${HOSTILE}\u2028-->`);
    });

    it('name the origin the request came to when PUBLIC_URL is unset, and say so with Vary', async () => {
      const { res, $ } = await page(fromRequest, '/events/up-4', { host: 'campus.example.edu:8080' });
      expect($('link[rel="canonical"]').attr('href')).toBe('http://campus.example.edu:8080/events/up-4');
      expect(res.headers.vary).toContain('Host');
    });

    it('answer 404 with the app’s HTML, kept out of search engines, for an unknown or malformed id', async () => {
      for (const url of ['/events/no-such-event', '/events/bad.id%20here']) {
        const { res, $ } = await page(app, url, { accept: 'text/html' });
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect($('title').text()).toBe('Not found · Fieldguide');
        expect($('meta[name="robots"]').attr('content')).toBe('noindex');
        expect($('#root')).toHaveLength(1);
        expect($('link[rel="canonical"]')).toHaveLength(0);
      }
    });

    it('keep a delisted event’s page but out of search engines', async () => {
      const { res, $ } = await page(app, '/events/gone');
      expect(res.statusCode).toBe(200);
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    });
  });

  describe('association and field pages', () => {
    it('describe an association as a schema.org Organization', async () => {
      const { res, $ } = await page(app, '/associations/nurses-guild');
      expect(res.statusCode).toBe(200);
      expect($('title').text()).toBe('Illinois Nurses Guild · Fieldguide');
      expect($('link[rel="canonical"]').attr('href')).toBe(`${PUBLIC_URL}/associations/nurses-guild`);
      expect($('meta[property="og:image"]').attr('content')).toBe(`${PUBLIC_URL}/share-images/fieldguide.png`);
      const { organizations } = extractOrganizations(res.body, `${PUBLIC_URL}/associations/nurses-guild`);
      expect(organizations).toEqual([expect.objectContaining({ name: 'Illinois Nurses Guild' })]);
      expect((await page(app, '/associations/nobody')).res.statusCode).toBe(404);
    });

    it('title a field’s and a pathway’s page as the app does, and answer 404 for one the taxonomy lacks', async () => {
      const cluster = await page(app, '/fields/health-science');
      expect(cluster.res.statusCode).toBe(200);
      expect(cluster.$('title').text()).toBe('Where health care hiring managers go · Fieldguide');
      expect(cluster.$('link[rel="canonical"]').attr('href')).toBe(`${PUBLIC_URL}/fields/health-science`);
      const pathway = await page(app, '/fields/health-science/therapeutic-services');
      expect(pathway.res.statusCode).toBe(200);
      expect(pathway.$('title').text()).toBe('Where Therapeutic Services hiring managers go · Fieldguide');
      for (const url of ['/fields/knitting', '/fields/health-science/knitting', '/fields/therapeutic-services']) {
        expect((await page(app, url)).res.statusCode, url).toBe(404);
      }
    });
  });

  describe('the search page and the directories', () => {
    it('carry their titles and the default preview, whatever the client accepts', async () => {
      for (const [url, title] of [
        ['/', 'Events where hiring managers go · Fieldguide'],
        ['/?q=nurse', 'Events where hiring managers go · Fieldguide'],
        ['/fields', 'Career fields · Fieldguide'],
        ['/associations', 'Professional associations · Fieldguide'],
      ] as const) {
        const { res, $ } = await page(app, url, { accept: '*/*' });
        expect(res.statusCode, url).toBe(200);
        expect($('title').text()).toBe(title);
        expect($('link[rel="canonical"]').attr('href')).toBe(`${PUBLIC_URL}${new URL(url, PUBLIC_URL).pathname}`);
        expect($('meta[property="og:image"]').attr('content')).toBe(`${PUBLIC_URL}/share-images/fieldguide.png`);
      }
    });

    it('leave the other app pages to the app, with its own title', async () => {
      const { res, $ } = await page(app, '/admin', { accept: 'text/html' });
      expect(res.statusCode).toBe(200);
      expect($('title').text()).toBe('Fieldguide — generic');
      expect((await page(app, '/index.html')).res.statusCode).toBe(200);
    });
  });

  describe('share images', () => {
    const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

    it('render a 1200×630 PNG per event, reused until the event changes', async () => {
      const { $ } = await page(app, '/events/nursing-fair');
      const imageUrl = new URL($('meta[property="og:image"]').attr('content')!);
      const res = await app.inject({ url: imageUrl.pathname + imageUrl.search });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      expect(size(res.rawPayload)).toEqual({ width: 1200, height: 630 });
      const again = await app.inject({ url: imageUrl.pathname, headers: { 'if-none-match': res.headers.etag! } });
      expect(again.statusCode).toBe(304);

      app.store.upsertEvent({ ...EVENTS[0]!, title: 'Chicago Nursing Career Fair (new date)' });
      const changed = await app.inject({ url: imageUrl.pathname, headers: { 'if-none-match': res.headers.etag! } });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(res.headers.etag);
      expect(changed.rawPayload.equals(res.rawPayload)).toBe(false);
      const { $: after } = await page(app, '/events/nursing-fair');
      expect(after('meta[property="og:image"]').attr('content')).not.toBe(imageUrl.href);
    });

    it('draw a title full of markup as text', async () => {
      const { $ } = await page(app, '/events/hostile');
      const res = await app.inject({ url: new URL($('meta[property="og:image"]').attr('content')!).pathname });
      expect(res.statusCode).toBe(200);
      expect(size(res.rawPayload)).toEqual({ width: 1200, height: 630 });
    });

    it('serve a default card, and a JSON 404 for an unknown event', async () => {
      const res = await app.inject({ url: '/share-images/fieldguide.png' });
      expect(res.statusCode).toBe(200);
      expect(size(res.rawPayload)).toEqual({ width: 1200, height: 630 });
      const missing = await app.inject({ url: '/share-images/events/nope.png' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'ERR_NOT_FOUND' });
    });
  });

  describe('robots.txt and sitemaps', () => {
    it('allow the public pages, keep crawlers out of the admin page and API, and name the sitemap', async () => {
      const res = await app.inject({ url: '/robots.txt' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      const rules = parseRobotsTxt(`${PUBLIC_URL}/robots.txt`, res.body, { userAgentToken: 'Googlebot' });
      for (const p of ['/', '/events/up-4', '/associations/nurses-guild', '/fields/health-science', '/sitemap.xml']) {
        expect(rules.isAllowed(`${PUBLIC_URL}${p}`), p).toBe(true);
      }
      for (const p of ['/admin', '/api/admin/sources']) expect(rules.isAllowed(`${PUBLIC_URL}${p}`), p).toBe(false);
      expect(rules.sitemaps).toEqual([`${PUBLIC_URL}/sitemap.xml`]);
    });

    it('index the upcoming events, associations and fields, split past the URL limit, with lastmod', async () => {
      const res = await app.inject({ url: '/sitemap.xml' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      const index = parseSitemap(res.body, `${PUBLIC_URL}/sitemap.xml`);
      expect(index.type).toBe('sitemapindex');
      const files = index.entries.map((e) => e.url);
      expect(files.filter((u) => u.includes('/sitemaps/events-'))).toEqual(
        [1, 2, 3].map((n) => `${PUBLIC_URL}/sitemaps/events-${n}.xml`),
      );
      expect(files).toContain(`${PUBLIC_URL}/sitemaps/associations-1.xml`);

      const listed = new Map<string, string | undefined>();
      for (const file of index.entries) {
        const part = await app.inject({ url: new URL(file.url).pathname });
        expect(part.statusCode).toBe(200);
        const urlset = parseSitemap(part.body, file.url);
        expect(urlset.type).toBe('urlset');
        expect(urlset.entries.length).toBeGreaterThan(0);
        expect(urlset.entries.length).toBeLessThanOrEqual(2);
        for (const entry of urlset.entries) listed.set(entry.url, entry.lastmod);
        const newest = urlset.entries
          .map((e) => e.lastmod ?? '')
          .sort()
          .at(-1);
        expect(file.lastmod ?? '').toBe(newest);
      }
      const eventUrls = [...listed.keys()].filter((u) => u.includes('/events/')).sort();
      expect(eventUrls).toEqual(UPCOMING.map((id) => `${PUBLIC_URL}/events/${id}`));
      expect(listed.get(`${PUBLIC_URL}/events/up-4`)).toBe(app.store.getEvent('up-4')?.updatedAt);
      expect(listed.get(`${PUBLIC_URL}/associations/nurses-guild`)).toBe(app.store.getAssociation(guild.id)?.updatedAt);
      expect(listed.has(`${PUBLIC_URL}/fields/health-science/therapeutic-services`)).toBe(true);
      expect(listed.has(`${PUBLIC_URL}/`)).toBe(true);
    });

    it('list every URL in one file per kind at the default limit, and answer 404 for a file that does not exist', async () => {
      const index = parseSitemap((await fromRequest.inject({ url: '/sitemap.xml' })).body, 'http://localhost/');
      expect(index.entries.map((e) => new URL(e.url).pathname)).toEqual([
        '/sitemaps/pages-1.xml',
        '/sitemaps/events-1.xml',
        '/sitemaps/associations-1.xml',
      ]);
      for (const url of ['/sitemaps/events-2.xml', '/sitemaps/events-0.xml', '/sitemaps/other-1.xml']) {
        expect((await fromRequest.inject({ url })).statusCode, url).toBe(404);
      }
    });
  });
});
