import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runAxe } from './support/axe.js';
import { VIEWPORTS } from './support/browser.js';
import { httpGet } from './support/http.js';
import { useBrowserSuite } from './support/suite.js';

// Accessibility and layout of the main pages in real Chromium, against the real server with the seeded events.

const suite = useBrowserSuite(() => ({ webRoot: inject('webRoot'), data: 'seed' }));

async function open(viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> {
  return (await suite.open({ viewport })).page;
}

/** Main pages with a selector that shows each has its data. */
const PAGES = [
  { name: 'search', path: '/?q=nurse', ready: '.event-card' },
  { name: 'filtered search', path: '/?field=health-science&hiring=0.5&near=Minneapolis%2C%20MN', ready: '.event-card' },
  { name: 'event', path: '/events/hs-nursing-fair-mpls', ready: '.event-page h1' },
  { name: 'field', path: '/fields/health-science', ready: '.field-page .event-card' },
  { name: 'associations', path: '/associations', ready: '.association-card' },
  { name: 'association', path: '/associations/mn-nurses', ready: '.association-page .event-card' },
] as const;

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const target of PAGES) {
    it(`finds no serious or critical violation on the ${target.name} page`, async () => {
      const page = await open();
      await page.goto(`${suite.server.baseUrl}${target.path}`);
      await page.locator(target.ready).first().waitFor();
      expect(await runAxe(page)).toEqual([]);
    });
  }

  it('finds none on the phone layout with the filters open, nor on the admin page', async () => {
    const page = await open(VIEWPORTS.phone);
    await page.goto(`${suite.server.baseUrl}/?q=nurse`);
    await page.locator('.event-card').first().waitFor();
    await page.getByRole('button', { name: /Show filters/ }).click();
    await page.getByRole('checkbox', { name: /^Hiring managers likely/ }).waitFor();
    expect(await runAxe(page)).toEqual([]);
    await page.goto(`${suite.server.baseUrl}/admin`);
    await page.getByLabel('Admin token').waitFor();
    expect(await runAxe(page)).toEqual([]);
  });

  it('catches a violation planted in the page, so a clean result means something', async () => {
    const page = await open();
    await page.goto(`${suite.server.baseUrl}/`);
    await page.locator('.event-card').first().waitFor();
    await page.evaluate(
      "document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=text id=planted>')",
    );
    expect((await runAxe(page)).map((v) => v.id)).toContain('label');
  });

  it('has a skip link to the main landmark and a visible focus ring', async () => {
    const page = await open();
    await page.goto(`${suite.server.baseUrl}/`);
    await page.locator('.event-card').first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    const outline = await skip.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    expect(await page.locator('header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('footer').count()).toBe(1);
  });
});

describe('phone layout (390 px)', () => {
  for (const target of PAGES) {
    it(`does not scroll sideways on the ${target.name} page`, async () => {
      const page = await open(VIEWPORTS.phone);
      await page.goto(`${suite.server.baseUrl}${target.path}`);
      await page.locator(target.ready).first().waitFor();
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    });
  }

  it('keeps the main navigation to one row, the embed builder linked from the footer', async () => {
    const page = await open(VIEWPORTS.phone);
    await page.goto(`${suite.server.baseUrl}/`);
    const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
    await links.first().waitFor();
    const tops = await links.evaluateAll((all) => all.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThanOrEqual(4);
    expect(new Set(tops).size).toBe(1);
    const embed = page.getByRole('contentinfo').getByRole('link', { name: 'Embed on your site' });
    expect(await embed.getAttribute('href')).toBe('/embed-builder');
  });

  it('keeps the filters behind a button', async () => {
    const page = await open(VIEWPORTS.phone);
    await page.goto(`${suite.server.baseUrl}/?cost=free`);
    await page.locator('.event-card').first().waitFor();
    const hiring = page.getByRole('checkbox', { name: /^Hiring managers likely/ });
    expect(await hiring.isVisible()).toBe(false);
    const toggle = page.getByRole('button', { name: 'Show filters (1)' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await hiring.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Hide filters' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('serving the app', () => {
  it('answers client-side routes with the app, unknown API paths with JSON', async () => {
    const page = await open();
    await page.goto(`${suite.server.baseUrl}/no/such/page`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page not found');
    const api = await httpGet(`${suite.server.baseUrl}/api/nope`, { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body)).toMatchObject({ code: 'ERR_ROUTE_NOT_FOUND' });
    const feeds = await httpGet(`${suite.server.baseUrl}/feeds/nope.ics`, { accept: 'text/html' });
    expect(feeds.status).toBe(404);
    expect(feeds.headers['content-type']).toMatch(/json/);
  });
});
