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
