import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runAxe } from './support/axe.js';
import { launchBrowser, openPage, type TestPage } from './support/browser.js';
import { buildWidget } from './support/build-widget.js';
import { getJson } from './support/http.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { type StaticSite, startStaticSite } from './support/static-site.js';

// A career center builds an embed on /embed-builder, copies the snippets and pastes them into its own page.

let server: E2eServer;
let site: StaticSite;
let browser: Browser;
let widgetDir: string;
const pages: TestPage[] = [];

beforeAll(async () => {
  widgetDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-widget-'));
  await buildWidget(widgetDir);
  [server, site, browser] = await Promise.all([
    startE2eServer({ webRoot: inject('webRoot'), widgetRoot: widgetDir, data: 'seed' }),
    startStaticSite('127.0.0.5'),
    launchBrowser(),
  ]);
}, 180_000);

afterAll(async () => {
  for (const p of pages) expect(p.errors, 'console errors').toEqual([]);
  await browser?.close();
  await site?.close();
  await server?.close();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
});

const titles = (scope: Locator | FrameLocator) => scope.locator('li a.title').allTextContents();

/** Clicks a copy button and returns what landed on the clipboard. */
async function copy(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name }).click();
  await page.getByRole('button', { name }).getByText('Copied').waitFor();
  return page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
}

describe('the embed builder', () => {
  it('finds no serious or critical accessibility violation, previews included', async () => {
    const opened = await openPage(browser, { allowedOrigins: [server.baseUrl] });
    pages.push(opened);
    const { page } = opened;
    await page.goto(`${server.baseUrl}/embed-builder`);
    await page.getByRole('heading', { level: 1, name: 'Show a field’s events on your site' }).waitFor();
    await page.locator('fieldguide-events').first().waitFor();
    expect(await runAxe(page)).toEqual([]);
  });

  it('builds an embed whose copied snippets render the same events on a career center page', async () => {
    const opened = await openPage(browser, {
      allowedOrigins: [server.baseUrl, site.origin],
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    pages.push(opened);
    const { page } = opened;
    await page.goto(`${server.baseUrl}/embed-builder`);
    await page.getByRole('heading', { level: 1, name: 'Show a field’s events on your site' }).waitFor();

    await page.getByLabel('Career field').selectOption('information-technology');
    await page.getByLabel('Near').fill('Minneapolis, MN');
    await page.getByLabel('Within').selectOption('50mi');
    await page.getByLabel('Number of events').fill('2');
    await page.getByRole('radio', { name: 'Dark' }).check();

    const expected = await getJson<{ hits: { title: string }[] }>(
      `${server.baseUrl}/api/search?field=information-technology&near=Minneapolis%2C%20MN&radius=50mi&limit=2`,
    );
    const want = expected.hits.map((h) => h.title);
    expect(want).toHaveLength(2);

    // Both previews are the real thing: the widget from /embed.js and the server-rendered iframe page.
    const widget = page.locator('fieldguide-events');
    const frame = page.frameLocator('iframe[title="Preview of the iframe embed"]');
    await expect.poll(() => titles(widget)).toEqual(want);
    await expect.poll(() => titles(frame)).toEqual(want);
    expect(await widget.locator('.fg').getAttribute('class')).toBe('fg dark');

    const script = await copy(page, 'Copy the script tag');
    expect(script).toBe(
      `<script src="${server.baseUrl}/embed.js" data-field="information-technology" data-near="Minneapolis, MN" ` +
        'data-radius="50mi" data-limit="2" data-theme="dark" async></script>',
    );
    const iframe = await copy(page, 'Copy the iframe');
    expect(iframe).toContain(`src="${server.baseUrl}/embed/events?field=information-technology&amp;near=Minneapolis`);

    site.setPage(
      '/events',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Career Center events</title></head>
<body><h1>Upcoming tech events</h1>${script}<h2>Also as an iframe</h2>${iframe}</body></html>`,
    );
    const host = await openPage(browser, { allowedOrigins: [server.baseUrl, site.origin] });
    pages.push(host);
    await host.page.goto(`${site.origin}/events`);
    const pasted = host.page.locator('[data-fieldguide-embed]');
    await expect.poll(() => titles(pasted)).toEqual(want);
    expect(await pasted.locator('.fg').getAttribute('class')).toBe('fg dark');
    await expect.poll(() => titles(host.page.frameLocator('iframe[title="Upcoming events"]'))).toEqual(want);
  });

  it('offers no snippet for a place it cannot resolve, and the corrected place for a misspelt one', async () => {
    const opened = await openPage(browser, { allowedOrigins: [server.baseUrl] });
    pages.push(opened);
    const { page } = opened;
    await page.goto(`${server.baseUrl}/embed-builder`);
    const near = page.getByLabel('Near');
    await near.fill('Qwzxv');
    await expect.poll(() => page.locator('.embed-builder__withheld').count()).toBe(2);
    await expect.poll(() => page.getByText('“Qwzxv” is not a place we know').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Copy/ }).count()).toBe(0);

    await near.fill('Chicgo');
    const code = page.getByRole('textbox', { name: 'Script tag (recommended): HTML to paste' });
    await expect.poll(() => code.inputValue()).toContain('data-near="Chicago, IL, US"');
    await expect.poll(() => page.getByRole('button', { name: /^Copy/ }).count()).toBe(2);
  });
});

describe('the embed builder’s options and the iframe’s size', () => {
  it('offers keywords, format and hiring floor with their limits, and both embeds honour them', async () => {
    const opened = await openPage(browser, {
      allowedOrigins: [server.baseUrl],
      permissions: ['clipboard-read', 'clipboard-write'],
      timezoneId: 'America/Chicago',
    });
    pages.push(opened);
    const { page } = opened;
    await page.goto(`${server.baseUrl}/embed-builder`);
    await page.getByRole('heading', { level: 1, name: 'Show a field’s events on your site' }).waitFor();
    await page.getByText('1 to 50; upcoming events only, soonest first.').waitFor();
    await page.getByText(/up to 200 characters/).waitFor();

    await page.getByLabel('Keywords').fill('webinar');
    await page.getByLabel('Format').selectOption('online');
    await page.getByLabel('Hiring signal').selectOption('0.5');
    const want = (
      await getJson<{ hits: { title: string }[] }>(
        `${server.baseUrl}/api/search?q=webinar&format=online&hiring=0.5&limit=5&sort=date`,
      )
    ).hits.map((h) => h.title);
    expect(want.length).toBeGreaterThan(0);
    await expect.poll(() => titles(page.locator('fieldguide-events'))).toEqual(want);
    await expect.poll(() => titles(page.frameLocator('iframe[title="Preview of the iframe embed"]'))).toEqual(want);

    const script = await copy(page, 'Copy the script tag');
    expect(script).toContain('data-q="webinar" data-format="online" data-hiring="0.5" data-limit="5"');
    const iframe = await copy(page, 'Copy the iframe');
    expect(iframe).toContain(
      'q=webinar&amp;format=online&amp;hiring=0.5&amp;limit=5&amp;theme=light&amp;tz=America%2FChicago&amp;height=auto"',
    );
    expect(iframe).toContain(`<script src="${server.baseUrl}/embed.js" async></script>`);
  });

  it('sizes a pasted iframe to its content through /embed.js, and ignores messages from elsewhere', async () => {
    const src = `${server.baseUrl}/embed/events?field=information-technology&limit=3&height=auto`;
    const frame = `<iframe src="${src.replaceAll('&', '&amp;')}" title="Upcoming events" width="100%" height="440" style="border:0" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>`;
    site.setPage(
      '/sized',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sized</title></head>
<body>${frame}<script src="${server.baseUrl}/embed.js" async></script></body></html>`,
    );
    site.setPage(
      '/fixed',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fixed</title></head><body>${frame}</body></html>`,
    );
    const host = await openPage(browser, { allowedOrigins: [server.baseUrl, site.origin] });
    pages.push(host);
    const { page } = host;
    const frameHeight = () =>
      page.locator('iframe').evaluate((el) => (el as unknown as { clientHeight: number }).clientHeight);
    const contentHeight = async () => {
      const inner = page.frames().find((f) => f.url().startsWith(`${server.baseUrl}/embed/events`));
      if (!inner) return -1;
      return inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    };

    await page.goto(`${site.origin}/sized`);
    await page.frameLocator('iframe').locator('li a.title').first().waitFor();
    await expect.poll(async () => (await frameHeight()) === (await contentHeight())).toBe(true);
    const sized = await frameHeight();
    expect(sized).not.toBe(440);
    expect(sized).toBeGreaterThan(100);

    // The host page's own message (its origin is not the server's) changes nothing.
    await page.evaluate(() =>
      window.postMessage({ namespace: 'fieldguide:embed', version: 1, type: 'resize', height: 5 }, '*'),
    );
    await page.waitForTimeout(200);
    expect(await frameHeight()).toBe(sized);

    // Without the script the frame keeps the snippet's fixed height.
    await page.goto(`${site.origin}/fixed`);
    await page.frameLocator('iframe').locator('li a.title').first().waitFor();
    await page.waitForTimeout(300);
    expect(await frameHeight()).toBe(440);
  });
});
