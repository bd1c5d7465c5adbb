import { type DemoSite, type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAxe } from './support/axe.js';
import { useBrowserSuite } from './support/suite.js';

// A visitor suggests a source in real Chromium: the page reads it at once and shows what it would gather; an
// editor then accepts it on the admin page. The suggested site is a demo site on loopback that the operator lets
// crawls reach (CRAWL_ALLOW_PRIVATE_ORIGINS); another one, not allowed, is refused.

let demo: DemoSites | undefined;
let allowed: DemoSite;
let other: DemoSite;

// Registered before the suite's own hooks, so the sites run before the server is configured with their origin.
beforeAll(async () => {
  demo = await startDemoSites();
  allowed = demo.sites.find((s) => s.id.includes('nursing')) as DemoSite;
  other = demo.sites.find((s) => s !== allowed) as DemoSite;
}, 60_000);

const suite = useBrowserSuite(
  () => ({
    webRoot: inject('webRoot'),
    data: 'empty',
    env: { CRAWL_ALLOW_PRIVATE_ORIGINS: allowed.origin, CRAWL_PER_HOST_DELAY_MS: '0' },
  }),
  // The admin page asks without a token on purpose; the other refusal is the site the operator did not allow.
  (p) =>
    expect(
      p.failedResponses.filter((r) => !r.includes('/api/admin/')).map((r) => r.replace(/http:\/\/[^/]+/, '')),
      'failed requests',
    ).toEqual(p.failedResponses.some((r) => r.includes('/api/suggestions')) ? ['400 POST /api/suggestions'] : []),
);

afterAll(async () => {
  await demo?.close();
});

describe('suggesting a source', () => {
  it('is reached from the footer, previews the events of the URL, and says a refused URL is not public', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}/associations`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Suggest a source' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Suggest a source');
    expect(new URL(page.url()).pathname).toBe('/suggest-source');

    // A loopback site the operator did not allow: a clear error, nothing previewed.
    await page.getByLabel('Address (URL)').fill(other.homeUrl);
    await page.getByRole('button', { name: 'Check and suggest' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('not a public web address');
    expect(await alert.textContent()).toContain('The suggestion was not saved');

    await page.getByLabel('Address (URL)').fill(allowed.homeUrl);
    await page.getByLabel('Career field (optional)').selectOption({ label: 'Health Science' });
    await page.getByLabel('Note for the editors (optional)').fill('Their job fair draws every hospital in town.');
    await page.getByRole('button', { name: 'Check and suggest' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 30_000 })
      .toContain('your suggestion is waiting for an editor');
    const preview = page.getByRole('region', { name: 'What Fieldguide would gather' });
    expect(await preview.textContent()).toContain('Great Lakes Nurses Association');
    const events = preview.locator('.suggestion-preview__events li');
    expect(await events.count()).toBeGreaterThan(0);
    expect(await events.count()).toBeLessThanOrEqual(5);
    expect(await preview.textContent()).toMatch(/\d+ upcoming events?/);
    expect(await page.getByRole('alert').count()).toBe(0);
    // The form, its labels and the preview pass axe-core (WCAG 2.1 A/AA) with no serious or critical violation.
    expect(await runAxe(page)).toEqual([]);
  });

  it('waits in the admin queue, where an editor accepts it and its source appears', async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.server.baseUrl}/admin`);
    await page.getByLabel('Admin token').fill(suite.server.adminToken);
    await page.getByRole('button', { name: 'Use token' }).click();
    const queue = page.locator('.suggestion');
    await expect.poll(() => queue.count()).toBe(1);
    expect(await queue.textContent()).toContain('Their job fair draws every hospital in town.');
    expect(await queue.textContent()).toContain('Great Lakes Nurses Association');
    await queue.getByRole('button', { name: 'Accept and add the source' }).click();
    await expect.poll(() => page.locator('.suggestion').count()).toBe(0);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr').textContent()).toContain('Great Lakes Nurses Association');
  });
});
