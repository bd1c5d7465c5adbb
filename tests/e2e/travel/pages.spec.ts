import { extractJsonLd, parseRobotsTxt, parseSitemap } from '@fieldguide/crawlers';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runAxe } from '../support/axe.js';
import { VIEWPORTS } from '../support/browser.js';
import { httpGet } from '../support/http.js';
import { useBrowserSuite } from '../support/suite.js';

// Pages that travel, in real Chromium against the real server with the seeded events: what a link preview or a
// search engine reads without running the app, the app on top of it, and the share button.

const suite = useBrowserSuite(() => ({ webRoot: inject('webRoot'), data: 'seed' }));

const EVENT_ID = 'hs-nursing-fair-mpls';
const EVENT_TITLE = 'Twin Cities Nursing Career Fair';
const eventPath = `/events/${EVENT_ID}`;

const meta = (page: Page, selector: string) => page.locator(selector).getAttribute('content');

describe('an event page read without JavaScript', () => {
  it('carries its title, description, OpenGraph tags, share image and JSON-LD in the HTML the server sends', async () => {
    const { page } = await suite.open({ javaScriptEnabled: false });
    const response = await page.goto(`${suite.server.baseUrl}${eventPath}`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe(`${EVENT_TITLE} · Fieldguide`);
    // Nothing ran: the app's root is empty, so all of this came from the server.
    expect(await page.locator('#root').innerHTML()).toBe('');
    expect(await meta(page, 'meta[property="og:title"]')).toBe(EVENT_TITLE);
    expect(await meta(page, 'meta[property="og:url"]')).toBe(`${suite.server.baseUrl}${eventPath}`);
    expect(await meta(page, 'meta[name="description"]')).toContain('Minneapolis');
    expect(await meta(page, 'meta[name="twitter:card"]')).toBe('summary_large_image');

    const imageUrl = await meta(page, 'meta[property="og:image"]');
    expect(imageUrl).toMatch(new RegExp(`/share-images/events/${EVENT_ID}\\.png\\?v=`));
    const image = await page.goto(imageUrl as string);
    expect(image?.status()).toBe(200);
    expect(image?.headers()['content-type']).toBe('image/png');

    await page.goto(`${suite.server.baseUrl}${eventPath}`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(jsonLd).toMatchObject({
      '@type': 'Event',
      name: EVENT_TITLE,
      url: `${suite.server.baseUrl}${eventPath}`,
      eventStatus: 'https://schema.org/EventScheduled',
      location: { '@type': 'Place', address: { addressLocality: 'Minneapolis' } },
      image: [imageUrl],
    });
    expect(jsonLd.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[56]:00$/);
  });

  it('holds a JSON-LD Event that the project’s own extractor reads back as the stored event', async () => {
    const stored = suite.server.app.store.getEvent(EVENT_ID);
    if (!stored) throw new Error(`the seed has no event ${EVENT_ID}`);
    const pageUrl = `${suite.server.baseUrl}${eventPath}`;
    const bare = await httpGet(pageUrl, { accept: 'text/html' });
    expect(bare.status).toBe(200);
    const { events, warnings } = extractJsonLd(bare.body, pageUrl);
    expect(warnings).toEqual([]);
    expect(events).toHaveLength(1);
    const [read] = events;
    expect(read?.title).toBe(stored.title);
    expect(Date.parse(read?.start ?? '')).toBe(Date.parse(stored.start));
    expect(read?.url).toBe(pageUrl);
    expect(read?.venue).toMatchObject({ city: stored.venue?.city, region: stored.venue?.region });
    expect(read?.venue?.city).toBe('Minneapolis');
  });

  it('answers 404 for an unknown event, and the app then shows its not-found page', async () => {
    const bare = await httpGet(`${suite.server.baseUrl}/events/no-such-event`, { accept: 'text/html' });
    expect(bare.status).toBe(404);
    expect(bare.body).toContain('<meta name="robots" content="noindex" />');
    const { page } = await suite.open();
    const response = await page.goto(`${suite.server.baseUrl}/events/no-such-event`);
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { name: 'Event not found' }).waitFor();
    expect(await page.title()).toBe('Not found · Fieldguide');
  });
});

describe('what a search engine reads first', () => {
  const SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

  /** A sitemap file as served: XML in the sitemaps.org namespace that the crawler's own parser reads cleanly. */
  async function readSitemap(url: string) {
    const res = await httpGet(url);
    expect(res.status, url).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.body.trimStart().startsWith('<?xml')).toBe(true);
    expect(res.body).toContain(SITEMAP_NS);
    const parsed = parseSitemap(res.body, url);
    expect(parsed.warnings, url).toEqual([]);
    return parsed;
  }

  it('robots.txt lets crawlers read the event page, keeps them out of the admin API, and names the sitemap', async () => {
    const { baseUrl } = suite.server;
    const res = await httpGet(`${baseUrl}/robots.txt`);
    expect(res.status).toBe(200);
    for (const userAgentToken of ['FieldguideBot', 'Googlebot']) {
      const rules = parseRobotsTxt(`${baseUrl}/robots.txt`, res.body, { userAgentToken });
      expect(rules.isAllowed(`${baseUrl}${eventPath}`), userAgentToken).toBe(true);
      expect(rules.isAllowed(`${baseUrl}/api/admin/sources`), userAgentToken).toBe(false);
      expect(rules.sitemaps).toEqual([`${baseUrl}/sitemap.xml`]);
    }
  });

  it('the sitemap index and every sitemap it lists are valid sitemaps, and list the event page', async () => {
    const { baseUrl } = suite.server;
    const index = await readSitemap(`${baseUrl}/sitemap.xml`);
    expect(index.type).toBe('sitemapindex');
    expect(index.entries.length).toBeGreaterThan(0);
    const listed: string[] = [];
    for (const file of index.entries) {
      expect(file.url.startsWith(`${baseUrl}/sitemaps/`), file.url).toBe(true);
      const urlset = await readSitemap(file.url);
      expect(urlset.type).toBe('urlset');
      listed.push(...urlset.entries.map((e) => e.url));
    }
    expect(listed).toContain(`${baseUrl}${eventPath}`);
    expect(listed.some((u) => u.includes('/api/'))).toBe(false);
  });
});

describe('an event page with JavaScript', () => {
  it('renders the app on top, and the title follows navigation to another event', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}${eventPath}`);
    await page.getByRole('heading', { level: 1, name: EVENT_TITLE }).waitFor();
    expect(await page.title()).toBe(`${EVENT_TITLE} · Fieldguide`);
    const related = page.locator('.related .event-card a').first();
    const relatedTitle = (await related.textContent())?.trim() ?? '';
    expect(relatedTitle).not.toBe('');
    await related.click();
    await page.getByRole('heading', { level: 1, name: relatedTitle }).waitFor();
    await expect.poll(() => page.title()).toBe(`${relatedTitle} · Fieldguide`);
  });

  it('copies the page’s link with the share button where the browser has no share sheet', async () => {
    const { page } = await suite.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${suite.server.baseUrl}${eventPath}`);
    expect(await page.evaluate('typeof navigator.share')).toBe('undefined');
    const button = page.getByRole('button', { name: 'Copy link to this event' });
    await button.click();
    await button.getByText('✓ Copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${suite.server.baseUrl}${eventPath}`);
  });

  it('opens the share sheet where the browser has one, and copies the link when it cannot open', async () => {
    const { page, context } = await suite.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    // A browser with the Web Share API (a phone): what the page hands it is recorded; the second call fails.
    await context.addInitScript(`
      window.__shared = [];
      navigator.share = async (data) => {
        window.__shared.push(data);
        if (window.__shared.length > 1) throw new DOMException('no share target', 'NotAllowedError');
      };
    `);
    await page.goto(`${suite.server.baseUrl}${eventPath}`);
    const button = page.getByRole('button', { name: 'Share this event' });
    await button.click();
    await expect.poll(() => page.evaluate('window.__shared.length')).toBe(1);
    const [shared] = (await page.evaluate('window.__shared')) as { title: string; text: string; url: string }[];
    expect(shared).toMatchObject({ title: EVENT_TITLE, url: `${suite.server.baseUrl}${eventPath}` });
    expect(shared?.text).toContain('Minneapolis');
    await button.click();
    await button.getByText('✓ Copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(`${suite.server.baseUrl}${eventPath}`);
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`has no serious or critical axe violation on the ${name} layout`, async () => {
      const { page } = await suite.open({ viewport });
      await page.goto(`${suite.server.baseUrl}${eventPath}`);
      await page.getByRole('button', { name: 'Copy link to this event' }).waitFor();
      await page.locator('.related .event-card').first().waitFor();
      expect(await runAxe(page)).toEqual([]);
    });
  }
});

describe('an association page', () => {
  it('carries its Organization JSON-LD and a share button', async () => {
    const { page } = await suite.open({ permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(`${suite.server.baseUrl}/associations/mn-nurses`);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(jsonLd).toMatchObject({
      '@type': 'Organization',
      mainEntityOfPage: `${suite.server.baseUrl}/associations/mn-nurses`,
    });
    const button = page.getByRole('button', { name: 'Copy link to this association' });
    await button.click();
    await button.getByText('✓ Copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(
      `${suite.server.baseUrl}/associations/mn-nurses`,
    );
  });
});
