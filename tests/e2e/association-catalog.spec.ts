import { loadCatalogAtStart } from '@fieldguide/server';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SAMPLE_CATALOG_DIR } from '../support/catalog-site.js';
import { httpGet } from './support/http.js';
import { useBrowserSuite } from './support/suite.js';

// A fresh install knows the catalog's associations before any of their events is crawled: the page says so
// honestly, and already offers the feeds and the embed that will carry them.

const suite = useBrowserSuite(() => ({
  webRoot: inject('webRoot'),
  data: 'empty',
  env: { CATALOG_DIR: SAMPLE_CATALOG_DIR },
}));

beforeAll(async () => {
  const outcome = await loadCatalogAtStart(suite.server.app);
  if (outcome.status !== 'loaded') throw new Error(`the sample catalog did not load: ${outcome.status}`);
  await suite.server.app.outbox.drainNow();
});

describe('an association of the catalog, not crawled yet', () => {
  it('says its events are not gathered yet and whether its source is enabled, instead of an empty list', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}/associations/fixture-nurses-guild`);
    await page.getByRole('heading', { level: 1, name: /Fixture Nurses Guild/ }).waitFor();
    expect(await page.getByTestId('gathering-note').textContent()).toBe(
      'Not yet crawled: its events source is known but not enabled on this Fieldguide.',
    );
    expect(await page.getByRole('link', { name: 'https://nurses-guild.example/join/' }).count()).toBe(1);

    await page.goto(`${suite.server.baseUrl}/associations/fixture-accountants-institute`);
    await page.getByRole('heading', { level: 1, name: /Fixture Institute of Accountants/ }).waitFor();
    expect(await page.getByTestId('gathering-note').textContent()).toMatch(
      /^Not yet crawled: Fieldguide knows no events page or calendar of this association yet/,
    );
  });

  it('is found in the directory by its acronym, with the same note', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}/associations?q=FNG`);
    const card = page.locator('.association-card', { hasText: 'Fixture Nurses Guild' });
    await card.waitFor();
    expect(await card.getByTestId('gathering-note').textContent()).toMatch(/^Not yet crawled/);
  });

  it('offers working feed links and an embed snippet for following the association', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}/associations/fixture-nurses-guild`);
    const open = page.getByRole('link', { name: 'Open in my calendar app' });
    await open.waitFor();
    const webcal = await open.getAttribute('href');
    expect(webcal).toBe(
      `${suite.server.baseUrl.replace('http://', 'webcal://')}/feeds/associations/fixture-nurses-guild.ics`,
    );
    const feedInputs = await page
      .locator('.subscribe input[type="url"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(feedInputs).toContain(`${suite.server.baseUrl}/feeds/associations/fixture-nurses-guild.rss`);
    for (const url of feedInputs.filter((u) => u.startsWith('http'))) {
      const res = await httpGet(url);
      expect(res.status, url).toBe(200);
    }
    const snippets = await page
      .locator('textarea')
      .evaluateAll((areas) => areas.map((area) => (area as HTMLTextAreaElement).value));
    expect(snippets.some((s) => s.includes('data-association="fixture-nurses-guild"'))).toBe(true);
    const iframe = snippets.find((s) => s.startsWith('<iframe'));
    const src = iframe?.match(/src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    expect(src).toContain('association=fixture-nurses-guild');
    expect((await httpGet(src as string)).status).toBe(200);
  });
});

describe('the admin page’s catalog section', () => {
  it("enables a field's catalog sources with one click, and shows the new count", async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}/admin`);
    await page.getByLabel('Admin token').fill(suite.server.adminToken);
    await page.getByRole('button', { name: 'Use token' }).click();
    const row = page.locator('tr[data-catalog-field="health-science"]');
    await expect.poll(() => row.locator('td').first().textContent()).toBe('0 of 1');
    expect(suite.server.app.store.getSource('fixture-nurses-guild-events')?.enabled).toBe(false);

    await row.getByRole('button', { name: 'Enable the Health Science sources' }).click();
    await expect.poll(() => row.locator('td').first().textContent()).toBe('1 of 1');
    expect(suite.server.app.store.getSource('fixture-nurses-guild-events')?.enabled).toBe(true);
    expect(suite.server.app.store.getSource('fixture-computing-society-events')?.enabled).toBe(false);

    await row.getByRole('button', { name: 'Disable the Health Science sources' }).click();
    await expect.poll(() => row.locator('td').first().textContent()).toBe('0 of 1');
    expect(suite.server.app.store.getSource('fixture-nurses-guild-events')?.enabled).toBe(false);
  });
});
