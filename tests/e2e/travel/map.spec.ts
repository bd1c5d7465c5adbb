import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAxe } from '../support/axe.js';
import { VIEWPORTS } from '../support/browser.js';
import { getJson } from '../support/http.js';
import { useBrowserSuite } from '../support/suite.js';

// The map view of a search in real Chromium against the real server with the seeded events: every event of the
// search on the map, the online ones listed beside it, reachable by keyboard, drawn with nothing from the internet.

const suite = useBrowserSuite(
  () => ({ webRoot: inject('webRoot'), data: 'seed' }),
  (p) => expect(p.failedResponses, 'failed requests').toEqual([]),
);

interface ListHit {
  id: string;
  format: string;
  location: { lat: number; lng: number } | null;
}

/** Every event the list view shows for `query`, reading all its pages through the API. */
async function listAll(query: string): Promise<ListHit[]> {
  const hits: ListHit[] = [];
  for (let page = 1; ; page++) {
    const body = await getJson<{ hits: ListHit[]; totalPages: number }>(
      `${suite.server.baseUrl}/api/search?${query}${query ? '&' : ''}limit=100&page=${page}`,
    );
    hits.push(...body.hits);
    if (page >= body.totalPages) return hits;
  }
}

async function openMap(path: string, viewport: { width: number; height: number } = VIEWPORTS.desktop) {
  const opened = await suite.open({ viewport });
  const requests: string[] = [];
  opened.page.on('request', (request) => requests.push(request.url()));
  await opened.page.goto(`${suite.server.baseUrl}${path}`);
  await opened.page.locator('.map-marker').first().waitFor();
  return { page: opened.page, requests };
}

/** The markers on the map: their labels and the number of events each stands for. */
const markersOf = (page: Page) =>
  page
    .locator('.map-marker')
    .evaluateAll((buttons) =>
      buttons.map((b) => ({ label: b.getAttribute('aria-label') ?? '', count: Number(b.getAttribute('data-count')) })),
    );

const sum = (markers: { count: number }[]) => markers.reduce((n, m) => n + m.count, 0);

describe('the map view of a search', () => {
  it.each([
    ['every upcoming event', ''],
    ['a nursing student near Chicago', 'q=nurse&near=Chicago%2C%20IL&radius=100mi'],
    ['a field, anywhere', 'field=information-technology'],
  ])('places every event of the list that has a place, and counts the online ones beside it: %s', async (_n, query) => {
    const list = await listAll(query);
    const placed = list.filter((h) => h.location !== null).length;
    const online = list.filter((h) => h.location === null && h.format === 'online').length;
    expect(placed).toBeGreaterThan(0);
    const { page } = await openMap(`/?${query}${query ? '&' : ''}view=map`);
    await expect.poll(async () => sum(await markersOf(page)), { timeout: 10_000 }).toBe(placed);
    await expect
      .poll(() => page.locator('#map-heading').textContent())
      .toBe(`${placed} ${placed === 1 ? 'event' : 'events'} on the map`);
    const summary = page.locator('.map-unplaced summary');
    if (online > 0)
      expect(await summary.textContent()).toContain(`Online: ${online} ${online === 1 ? 'event' : 'events'}`);
    else expect(await summary.count()).toBe(0);
  });

  it('switches between the list and the map with the URL, loading the map only when it is opened', async () => {
    const opened = await suite.open();
    const scripts: string[] = [];
    opened.page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const { page } = opened;
    await page.goto(`${suite.server.baseUrl}/?q=nurse`);
    await page.locator('.event-card').first().waitFor();
    const listScripts = scripts.length;
    expect(
      scripts.some((s) => /leaflet|map-view|basemap/.test(s)),
      scripts.join(' '),
    ).toBe(false);
    await page.getByRole('navigation', { name: 'Show results as' }).getByRole('link', { name: 'Map' }).click();
    await page.locator('.map-marker').first().waitFor();
    expect(new URL(page.url()).search).toBe('?q=nurse&view=map');
    const mapScripts = scripts.slice(listScripts);
    for (const part of [/leaflet/, /map-view/, /basemap/]) {
      expect(
        mapScripts.some((s) => part.test(s)),
        `${part} in ${mapScripts.join(' ')}`,
      ).toBe(true);
    }
    await page.goBack();
    await page.locator('.event-card').first().waitFor();
    expect(await page.locator('.map-marker').count()).toBe(0);
  });

  it("reaches the markers with Tab, and Enter lists the chosen marker's events beside the map", async () => {
    const { page } = await openMap('/?view=map');
    let focused: { marker: boolean; label: string } = { marker: false, label: '' };
    for (let i = 0; i < 60 && !focused.marker; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        return { marker: el?.classList.contains('map-marker') ?? false, label: el?.getAttribute('aria-label') ?? '' };
      });
    }
    expect(focused.marker, 'Tab reached a marker').toBe(true);
    const count = Number(await page.locator('.map-marker:focus').getAttribute('data-count'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.map-selection__heading').textContent()).toBe(focused.label);
    expect(await page.locator('.map-marker:focus').getAttribute('aria-pressed')).toBe('true');
    const items = page.locator('.map-results__side > .map-list > .map-list__item');
    expect(await items.count()).toBe(count);
    // Fitted to every event, the map shows clusters: a chosen one offers to zoom in on its events.
    const cluster = page.locator('.map-marker--cluster').first();
    const clusterCount = Number(await cluster.getAttribute('data-count'));
    await cluster.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(clusterCount);
    const before = await markersOf(page);
    await page.getByRole('button', { name: 'Zoom in on these' }).click();
    await expect.poll(async () => JSON.stringify(await markersOf(page))).not.toBe(JSON.stringify(before));
    expect(await items.count(), 'the chosen events stay listed').toBe(clusterCount);
    await page.getByRole('button', { name: 'Show the events in view' }).click();
    await expect.poll(() => page.locator('.map-selection__heading').textContent()).toMatch(/ in view$/);
  });

  it('highlights the marker of the event a pointer or the focus is on in the list', async () => {
    const { page } = await openMap('/?near=Minneapolis%2C%20MN&radius=50mi&view=map');
    const item = page.locator('.map-results__side > .map-list > .map-list__item').first();
    await item.hover();
    await expect.poll(() => page.locator('.map-marker--highlighted').count()).toBe(1);
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('.map-marker--highlighted').count()).toBe(0);
    await item.getByRole('link').focus();
    await expect.poll(() => page.locator('.map-marker--highlighted').count()).toBe(1);
  });

  it('draws its basemap and markers with no request leaving this server', async () => {
    const { page, requests } = await openMap('/?q=nurse&near=Chicago%2C%20IL&radius=100mi&view=map');
    // The country and state shapes in view (shapes out of view are drawn as an empty "M0 0").
    const drawnShapes = () =>
      page
        .locator('.leaflet-overlay-pane path')
        .evaluateAll((paths) => paths.filter((p) => (p.getAttribute('d') ?? '').length > 20).length);
    await expect.poll(drawnShapes).toBeGreaterThan(3);
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    const away = requests.filter((url) => !url.startsWith(`${suite.server.baseUrl}/`) && !url.startsWith('data:'));
    expect(away).toEqual([]);
    expect(requests.some((url) => new URL(url).pathname === '/api/search/points')).toBe(true);
  });

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    it(`finds no serious or critical accessibility violation on the ${name}, and does not scroll sideways`, async () => {
      const { page } = await openMap('/?view=map', viewport);
      await page.locator('.map-unplaced summary').click();
      expect(await runAxe(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

/** A one-pixel PNG, what the loopback tile server answers for every tile. */
const TILE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the map with MAP_TILE_URL set', () => {
  let tileServer: Server | undefined;
  let tileOrigin = '';
  const tileRequests: string[] = [];
  beforeAll(async () => {
    tileServer = createServer((request, response) => {
      tileRequests.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png', 'cross-origin-resource-policy': 'cross-origin' });
      response.end(TILE_PNG);
    });
    await new Promise<void>((resolve) => tileServer?.listen(0, '127.0.0.1', resolve));
    tileOrigin = `http://127.0.0.1:${(tileServer.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => tileServer?.close(resolve));
  });
  const tiled = useBrowserSuite(
    () => ({
      webRoot: inject('webRoot'),
      data: 'seed',
      env: { MAP_TILE_URL: `${tileOrigin}/tiles/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: 'Test tiles <b>co.</b>' },
    }),
    (p) => expect(p.failedResponses, 'failed requests').toEqual([]),
  );

  it('draws the tiles over the basemap, credits them as plain text, and the page allows their host', async () => {
    const { page } = await tiled.open({ allowedOrigins: [tiled.server.baseUrl, tileOrigin] });
    await page.goto(`${tiled.server.baseUrl}/?near=Chicago%2C%20IL&radius=100mi&view=map`);
    await page.locator('.map-marker').first().waitFor();
    await expect.poll(() => page.locator('img.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(
      tileRequests.every((url) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url)),
      tileRequests.join(' '),
    ).toBe(true);
    const attribution = page.locator('.leaflet-control-attribution');
    expect(await attribution.textContent()).toContain('Test tiles <b>co.</b>');
    expect(await attribution.locator('b').count()).toBe(0);
  });
});
