import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, type TestPage } from './support/browser.js';
import { getJson } from './support/http.js';
import { type E2eServer, startE2eServer } from './support/server.js';

// A recurring series in real Chromium against the real server, its store filled by crawling the demo sites: the
// field page shows the Denver meeting once with "and N more dates", and its page lists the series' dates.

interface Hit {
  id: string;
  title: string;
  series?: { id: string; moreDates: number };
}

const DENVER = 'Denver Chapter Monthly Meeting';
let server: E2eServer;
let browser: Browser;
const pages: TestPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startE2eServer({ webRoot: inject('webRoot'), data: 'demo' }),
    launchBrowser(),
  ]);
}, 180_000);

afterAll(async () => {
  for (const p of pages) {
    expect(p.errors, 'console errors').toEqual([]);
    expect(p.failedResponses, 'failed requests').toEqual([]);
  }
  await browser?.close();
  await server?.close();
});

describe('recurring series', () => {
  it('shows the Denver meeting once on the IT page with its other dates, and lists them on its page', async () => {
    const opened = await openPage(browser, { allowedOrigins: [server.baseUrl] });
    pages.push(opened);
    const { page } = opened;
    const ranked = await getJson<{ hits: Hit[] }>(
      `${server.baseUrl}/api/search?field=information-technology&sort=hiring&limit=12`,
    );
    const denver = ranked.hits.find((h) => h.title === DENVER);
    expect(denver?.series?.moreDates).toBeGreaterThan(1);
    const more = denver?.series?.moreDates ?? 0;

    await page.goto(`${server.baseUrl}/fields/information-technology`);
    const cards = page.locator('.event-card').filter({ hasText: DENVER });
    await expect.poll(() => cards.count()).toBe(1);
    await expect
      .poll(() => cards.locator('.event-card__when').textContent())
      .toMatch(new RegExp(`and ${more} more dates$`));

    await cards.getByRole('link', { name: DENVER }).click();
    const dates = page.locator('.series-dates li');
    await page.getByRole('heading', { name: 'All dates of this series' }).waitFor();
    await expect.poll(() => dates.count()).toBe(more + 1);
    expect(await page.locator('.series-dates [aria-current="page"]').textContent()).toContain('(this date)');
  });
});
