import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { getJson, httpGet } from './support/http.js';
import { useBrowserSuite } from './support/suite.js';

// Places people type: a misspelt city, an ambiguous name, a ZIP code, a place that names nothing; on the search
// page: a notice, a choice, never an empty page. The embed builder's refusal is in embed-builder.spec.ts.

const suite = useBrowserSuite(
  () => ({ webRoot: inject('webRoot'), data: 'seed' }),
  (p) => expect(p.failedResponses, 'failed requests').toEqual([]),
);

async function open(path: string): Promise<Page> {
  const { page } = await suite.open();
  await page.goto(`${suite.server.baseUrl}${path}`);
  return page;
}

const cardTitles = (page: Page) => page.locator('.event-card__title').allTextContents();
const apiTitles = async (query: string) =>
  (await getJson<{ hits: { title: string }[] }>(`${suite.server.baseUrl}/api/search?${query}`)).hits.map(
    (h) => h.title,
  );
const notice = (page: Page) => page.locator('.place-notice');

describe('the search page with a place it has to interpret', () => {
  it('corrects a misspelt city, says so, and shows its events', async () => {
    const page = await open('/?near=Chicgo');
    await expect
      .poll(() => notice(page).textContent())
      .toBe('Showing results near Chicago, IL, US (you typed “Chicgo”).');
    const want = await apiTitles(`near=${encodeURIComponent('Chicago, IL')}`);
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => cardTitles(page)).toEqual(want);
    // A subscription follows the corrected place.
    await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
    const ics = new URL(await page.getByLabel(/^iCal/).inputValue());
    expect(ics.searchParams.get('near')).toBe('Chicago, IL, US');
    expect((await httpGet(ics.href)).status).toBe(200);
  });

  it('offers the namesakes of an ambiguous name, and keeps the one chosen in the URL', async () => {
    const page = await open('/?near=Springfield');
    const choice = notice(page).getByRole('button', { name: 'Springfield, IL, US' });
    await choice.waitFor();
    await choice.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('near')).toBe('Springfield, IL, US');
    await expect.poll(() => page.locator('.results__note').textContent()).toContain('Springfield, IL, US');
    await expect.poll(() => notice(page).count()).toBe(0);
    await page.reload();
    await expect.poll(() => page.locator('.results__note').textContent()).toContain('Springfield, IL, US');
  });

  it('never empties the page for a place that names nothing: events from everywhere and a notice', async () => {
    const page = await open('/?near=Qwzxv');
    await expect.poll(() => notice(page).textContent()).toContain('We could not find the place “Qwzxv”');
    expect(await page.locator('.near-filter__current').textContent()).toContain('Around Qwzxv (not found)');
    const everywhere = await apiTitles('');
    await expect.poll(() => cardTitles(page)).toEqual(everywhere);
    // A feed would refuse the unknown place: the subscription is to what the page shows.
    await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
    const ics = new URL(await page.getByLabel(/^iCal/).inputValue());
    expect(ics.searchParams.has('near')).toBe(false);
    expect((await httpGet(ics.href)).status).toBe(200);
    await notice(page).getByRole('button', { name: 'Clear the place' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('near')).toBe(false);
  });

  it('autocompletes the place box from the gazetteer and takes a ZIP code', async () => {
    const page = await open('/');
    const box = page.getByLabel('City or place');
    await box.fill('Chic');
    const options = page.locator(`datalist[id="${await box.getAttribute('list')}"] option`);
    await expect.poll(() => options.first().getAttribute('value')).toBe('Chicago, IL, US');
    await box.fill('60616');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await expect.poll(() => page.locator('.results__note').textContent()).toContain('60616, Chicago, IL, US');
    await expect.poll(() => cardTitles(page)).toEqual(await apiTitles('near=60616'));
  });
});
