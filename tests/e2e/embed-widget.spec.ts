import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Event } from '@fieldguide/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSeedEvents } from '../support/seed-events.js';
import { launchBrowser, openPage, type TestPage } from './support/browser.js';
import { buildWidget } from './support/build-widget.js';
import { getJson } from './support/http.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { type StaticSite, startStaticSite } from './support/static-site.js';

// A career center's page on another origin, with hostile global CSS, embeds two script widgets, one custom
// element and one iframe from the app; nothing leaks either way and nothing crawled runs.

const HOSTILE_TITLE = '<img src=x onerror=window.__pwned=1>';
const HOSTILE_CSS = `
* { color: rgb(255, 0, 0) !important; font-size: 40px !important; font-family: serif !important;
    line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important; }
body * { display: inline !important; }
a { color: rgb(0, 255, 0) !important; text-decoration: none !important; outline: none !important; }
li { display: none !important; }
ul { list-style: square !important; padding: 9px !important; }
div:empty { display: none !important; }
.fg, .title, .hiring, .more { font-weight: 900 !important; }
fieldguide-events { --fg-accent: rgb(128, 0, 128); }
`;

/** The career center's page; without `scripts` it is the same page without our script tags, to compare with. */
function hostPage(app: string, scripts: boolean): string {
  const only = (html: string) => (scripts ? html : '');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Career Center</title><style>${HOSTILE_CSS}</style></head>
<body>
<h1 id="heading">Career Center</h1>
<a id="first-link" href="#heading">Home</a>
<p class="fg title hiring" id="decoy">A paragraph that happens to use the widget's class names</p>
<ul id="host-list"><li id="host-item">Host item</li></ul>
<h2>Tech events</h2>
${only(`<script src="${app}/embed.js" data-field="information-technology" data-near="Minneapolis, MN" data-radius="50mi" data-limit="3" async></script>`)}
<h2>Finance events</h2>
<fieldguide-events id="finance" field="finance" limit="2" theme="dark"></fieldguide-events>
<h2>Career fairs</h2>
<section id="fairs-slot"></section>
${only(`<script src="${app}/embed.js" data-target="#fairs-slot" data-type="career-fair" data-limit="4" async></script>`)}
<h2>Health science</h2>
<iframe id="hs-frame" title="Health science events" src="${app}/embed/events?field=health-science&amp;limit=3" width="600" height="420" sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>
<p id="after">End of page</p>
</body></html>`;
}

interface Hit {
  title: string;
}

// The little of the DOM the in-page callbacks use: this project has no DOM types, and a callback runs in the page,
// so each one casts `globalThis` to this itself (types are erased before it is sent).
interface PageNode {
  textContent: string | null;
  shadowRoot: PageRoot | null;
  matches(selector: string): boolean;
  getRootNode(): unknown;
}
interface PageRoot {
  activeElement: PageNode | null;
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): Iterable<PageNode> & { length: number };
}
interface PageStyle {
  getPropertyValue(property: string): string;
  display: string;
  fontWeight: string;
  color: string;
  outlineStyle: string;
  outlineWidth: string;
}
interface PageWindow {
  document: PageRoot;
  getComputedStyle(node: PageNode): PageStyle;
  ShadowRoot: abstract new () => unknown;
  __pwned?: unknown;
  FieldguideEmbed: { render(target: string, options: Record<string, string>): boolean };
}

let server: E2eServer;
let site: StaticSite;
let browser: Browser;
let widgetDir: string;
const appRequests: { url: string; cookie?: string }[] = [];
const pages: TestPage[] = [];

/** A hostile copy of a seeded Minneapolis IT event, the soonest of its field so every IT list shows it. */
function hostileEvent(): Event {
  const base = buildSeedEvents().find((e) => e.id === 'it-security-meetup');
  if (!base) throw new Error('the seed has no it-security-meetup');
  const start = Date.now() + 86_400_000;
  const url = 'https://events.example.org/it-hostile';
  return {
    ...base,
    id: 'it-hostile',
    title: HOSTILE_TITLE,
    url,
    start: new Date(start).toISOString(),
    end: new Date(start + 3_600_000).toISOString(),
    sources: [{ sourceId: 'seed', url, seenAt: base.firstSeen }],
  };
}

beforeAll(async () => {
  widgetDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-widget-'));
  await buildWidget(widgetDir);
  [server, site, browser] = await Promise.all([
    startE2eServer({ webRoot: inject('webRoot'), widgetRoot: widgetDir, data: 'seed' }),
    startStaticSite('127.0.0.5'),
    launchBrowser(),
  ]);
  server.app.store.upsertEvents([hostileEvent()]);
  await server.app.outbox.drainNow();
  server.app.server.on('request', (req) => appRequests.push({ url: req.url ?? '', cookie: req.headers.cookie }));
  site.setPage('/', hostPage(server.baseUrl, true));
  site.setPage('/control', hostPage(server.baseUrl, false));
}, 180_000);

afterAll(async () => {
  for (const p of pages) expect(p.errors, 'console errors').toEqual([]);
  await browser?.close();
  await site?.close();
  await server?.close();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
});

const api = (query: string) => getJson<{ hits: Hit[] }>(`${server.baseUrl}/api/search?${query}`);
const titlesIn = (page: Page, selector: string) => page.locator(`${selector} li a.title`).allTextContents();

/** Computed styles of the host page's own elements, to compare with and without the embeds. */
const hostStyles = (page: Page) =>
  page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const props = [
      'color',
      'font-size',
      'font-family',
      'font-weight',
      'display',
      'padding',
      'background-color',
      'list-style-type',
      'outline-style',
      'letter-spacing',
      'line-height',
      'margin',
    ];
    return ['body', '#heading', '#first-link', '#decoy', '#host-list', '#host-item', '#after'].map((selector) => {
      const element = w.document.querySelector(selector);
      if (!element) return `${selector}: missing`;
      const style = w.getComputedStyle(element);
      return `${selector}: ${props.map((p) => `${p}=${style.getPropertyValue(p)}`).join('; ')}`;
    });
  });

describe('embedding on a career center page', () => {
  let page: Page;
  let controlKeys: string[];
  let controlStyles: string[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const opened = await openPage(browser, { allowedOrigins: [server.baseUrl, site.origin] });
    pages.push(opened);
    page = opened.page;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // A cookie the app's origin would receive on any credentialed request, even from another site.
    await opened.context.addCookies([
      { name: 'fg_probe', value: 'yes', url: server.baseUrl, sameSite: 'None', secure: true },
    ]);
    await page.goto(`${site.origin}/control`);
    controlKeys = await page.evaluate(() => Object.keys(globalThis));
    controlStyles = await hostStyles(page);
    await page.goto(`${site.origin}/`);
    await page.locator('#finance li a.title').first().waitFor();
    await page.locator('script[data-field] + [data-fieldguide-embed] li a.title').first().waitFor();
    await page.locator('#fairs-slot li a.title').first().waitFor();
    await page.frameLocator('#hs-frame').locator('li a.title').first().waitFor();
  }, 60_000);

  it('renders each embed with the right events, in order, and the right count', async () => {
    const it = await api('field=information-technology&near=Minneapolis%2C%20MN&radius=50mi&limit=3');
    expect(it.hits).toHaveLength(3);
    expect(it.hits[0]?.title).toBe(HOSTILE_TITLE);
    expect(await titlesIn(page, 'script[data-field] + [data-fieldguide-embed]')).toEqual(it.hits.map((h) => h.title));

    const finance = await api('field=finance&limit=2');
    expect(finance.hits).toHaveLength(2);
    expect(await titlesIn(page, '#finance')).toEqual(finance.hits.map((h) => h.title));

    const fairs = await api('type=career-fair&limit=4');
    expect(fairs.hits).toHaveLength(4);
    expect(await titlesIn(page, '#fairs-slot')).toEqual(fairs.hits.map((h) => h.title));

    const health = await api('field=health-science&limit=3&sort=date');
    const frame = page.frameLocator('#hs-frame');
    expect(await frame.locator('li a.title').allTextContents()).toEqual(health.hits.map((h) => h.title));

    const first = page.locator('script[data-field] + [data-fieldguide-embed] li').first();
    expect(await first.locator('a.title').getAttribute('target')).toBe('_blank');
    expect(await first.locator('a.title').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await first.locator('.where').textContent()).toBe('Minneapolis Convention Center, Minneapolis, MN, US');
    // The seed's events start on the minute; the list shows them in the event's zone (Chicago), not the viewer's (UTC).
    expect(await first.locator('.when').textContent()).toMatch(/C[DS]T$/);
    expect(await page.locator('#fairs-slot li .hiring').first().textContent()).toBe('Hiring managers very likely');
  });

  it('shows a hostile title as text and runs nothing', async () => {
    const link = page.locator('script[data-field] + [data-fieldguide-embed] li a.title').first();
    expect(await link.textContent()).toBe(HOSTILE_TITLE);
    expect(await page.evaluate(() => (globalThis as unknown as PageWindow).__pwned)).toBeUndefined();
    const images = await page.evaluate(() => {
      const { document } = globalThis as unknown as PageWindow;
      const roots: PageRoot[] = [document];
      for (const element of document.querySelectorAll('*')) if (element.shadowRoot) roots.push(element.shadowRoot);
      return roots.reduce((n, root) => n + root.querySelectorAll('img').length, 0);
    });
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('adds exactly one global', async () => {
    const keys = await page.evaluate(() => Object.keys(globalThis));
    expect(keys.filter((key) => !controlKeys.includes(key))).toEqual(['FieldguideEmbed']);
  });

  it('keeps the page’s CSS out of the widgets', async () => {
    const styles = await page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      const read = (host: PageNode | null, selector: string, props: string[]) => {
        const element = host?.shadowRoot?.querySelector(selector);
        if (!element) return 'missing';
        const style = w.getComputedStyle(element);
        return Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)]));
      };
      const script = w.document.querySelector('script[data-field] + [data-fieldguide-embed]');
      const finance = w.document.querySelector('#finance');
      const text = ['color', 'font-size', 'font-weight', 'letter-spacing', 'text-transform', 'line-height'];
      return {
        host: script ? w.getComputedStyle(script).display : 'missing',
        elementHost: finance ? w.getComputedStyle(finance).display : 'missing',
        link: read(script, 'li a.title', text),
        item: read(script, 'li', ['display']),
        list: read(script, 'ul', ['list-style-type', 'padding-left']),
        box: read(script, '.fg', ['font-family', 'background-color', 'font-size']),
        financeLink: read(finance, 'li a.title', ['color']),
        financeBox: read(finance, '.fg', ['background-color', 'color']),
      };
    });
    expect(styles).toEqual({
      host: 'block',
      elementHost: 'block',
      link: {
        color: 'rgb(11, 87, 208)',
        'font-size': '15.75px',
        'font-weight': '600',
        'letter-spacing': 'normal',
        'text-transform': 'none',
        'line-height': `${15.75 * 1.45}px`,
      },
      item: { display: 'block' },
      list: { 'list-style-type': 'none', 'padding-left': '0px' },
      box: {
        'font-family': expect.stringMatching(/^system-ui/),
        'background-color': 'rgb(255, 255, 255)',
        'font-size': '15px',
      },
      // The page themes a widget through custom properties, which do cross the shadow root.
      financeLink: { color: 'rgb(128, 0, 128)' },
      financeBox: { 'background-color': 'rgb(31, 31, 35)', color: 'rgb(236, 236, 241)' },
    });
  });

  it('keeps the widgets’ CSS out of the page', async () => {
    expect(await hostStyles(page)).toEqual(controlStyles);
    // The hostile rules do apply to the page's own elements, so the comparison above compares something.
    const own = await page.evaluate(() => {
      const w = globalThis as unknown as PageWindow;
      const style = (selector: string) => w.getComputedStyle(w.document.querySelector(selector) as PageNode);
      return [style('#decoy').fontWeight, style('#host-item').display, style('#first-link').color];
    });
    expect(own).toEqual(['900', 'none', 'rgb(0, 255, 0)']);
  });

  it('sends no cookies to the app', async () => {
    const widgetRequests = appRequests.filter((r) => /^\/(embed|api\/search)/.test(r.url));
    expect(widgetRequests.map((r) => r.url.split('?')[0])).toEqual(
      expect.arrayContaining(['/embed.js', '/api/search', '/embed/events']),
    );
    expect(widgetRequests.filter((r) => r.cookie !== undefined)).toEqual([]);
  });

  it('sends no cookies even from a page of the same site, where the browser would send them', async () => {
    // localhost:<port> and localhost:<other port> are two origins of one site: SameSite cookies go along unless
    // the request omits credentials, as the widget's fetch does.
    const local = await startStaticSite('127.0.0.1');
    try {
      const app = server.baseUrl.replace('127.0.0.1', 'localhost');
      const origin = local.origin.replace('127.0.0.1', 'localhost');
      local.setPage(
        '/',
        `<!doctype html><title>Same site</title><body><script src="${app}/embed.js" data-field="finance" data-limit="1"></script>`,
      );
      const opened = await openPage(browser, { allowedOrigins: [app, origin] });
      pages.push(opened);
      await opened.context.addCookies([{ name: 'fg_probe', value: 'yes', url: app }]);
      const from = appRequests.length;
      await opened.page.goto(`${origin}/`);
      await opened.page.locator('[data-fieldguide-embed] li a.title').waitFor();
      await opened.page.evaluate(async (url) => {
        await fetch(url, { credentials: 'include', mode: 'no-cors' });
      }, `${app}/embed.js?probe=credentialed`);
      const seen = appRequests.slice(from);
      expect(seen.find((r) => r.url === '/embed.js?probe=credentialed')?.cookie).toBe('fg_probe=yes');
      const searches = seen.filter((r) => r.url.startsWith('/api/search'));
      expect(searches).toHaveLength(1);
      expect(searches[0]?.cookie).toBeUndefined();
    } finally {
      await local.close();
    }
  });

  it('lets the keyboard reach the widget’s links, with a visible focus', async () => {
    await page.locator('#first-link').focus();
    const focused = async () =>
      page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        let active = w.document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        if (!active) return null;
        const style = w.getComputedStyle(active);
        return {
          text: active.textContent,
          inWidget: active.getRootNode() instanceof w.ShadowRoot,
          visible: active.matches(':focus-visible'),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
    let state = await focused();
    for (let presses = 0; presses < 5 && !state?.inWidget; presses++) {
      await page.keyboard.press('Tab');
      state = await focused();
    }
    expect(state).toEqual({ text: HOSTILE_TITLE, inWidget: true, visible: true, outline: 'solid 3px' });
    await page.keyboard.press('Tab');
    expect((await focused())?.inWidget).toBe(true);
  });
});

describe('mistakes in an embed', () => {
  it('are explained on the console with a hint, never thrown into the page', async () => {
    const app = server.baseUrl;
    site.setPage(
      '/mistakes',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mistakes</title></head><body>
<fieldguide-events id="unknown-field" field="basket-weaving"></fieldguide-events>
<fieldguide-events id="unknown-place" near="Qwzxv Nowhere"></fieldguide-events>
<script src="${app}/embed.js" data-field="finance" data-target="#missing"></script>
<script src="${app}/embed.js" data-field="finance" data-limit="lots" data-theme="neon"></script>
<div id="slot"></div>
</body></html>`,
    );
    // Not in `pages`: the browser itself logs the 400 answer as a failed resource load.
    const opened = await openPage(browser, { allowedOrigins: [app, site.origin] });
    const warnings: string[] = [];
    const thrown: string[] = [];
    opened.page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    opened.page.on('pageerror', (error) => thrown.push(error.message));
    try {
      const { page } = opened;
      await page.goto(`${site.origin}/mistakes`);
      await page.locator('#unknown-field .status').getByText('Events could not be loaded.').waitFor();
      await page.locator('#unknown-place .status').getByText('Events could not be loaded.').waitFor();
      const defaulted = page.locator('script[data-limit] + [data-fieldguide-embed] li');
      await expect.poll(() => defaulted.count()).toBe(5);
      expect(await page.locator('script[data-limit] + [data-fieldguide-embed] .fg').getAttribute('class')).toBe(
        'fg light',
      );

      const rendered = await page.evaluate(() => {
        const api = (globalThis as unknown as PageWindow).FieldguideEmbed;
        return [api.render('#nope', { field: 'finance' }), api.render('#slot', { field: 'finance', limit: '1' })];
      });
      expect(rendered).toEqual([false, true]);
      await expect.poll(() => page.locator('#slot li a.title').count()).toBe(1);

      expect(thrown).toEqual([]);
      expect(opened.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
      expect(warnings).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^\[fieldguide\] <fieldguide-events field="basket-weaving">: the events could not be loaded \(HTTP 400: parameter 'field' unknown field "basket-weaving"\)\. Hint: check the widget’s attributes/,
          ),
          expect.stringMatching(
            /^\[fieldguide\] <script data-field="finance">: no element matches "#missing"\. Hint: /,
          ),
          expect.stringMatching(/: near names no place we know: "Qwzxv Nowhere"\. Hint: use "City, ST"/),
          expect.stringMatching(/limit "lots" is not a whole number 1–50\. Hint: using 5\./),
          expect.stringMatching(/theme "neon" is unknown\. Hint: use "light" or "dark"\./),
          expect.stringMatching(/^\[fieldguide\] FieldguideEmbed\.render: no element matches "#nope"/),
        ]),
      );
      expect(warnings.every((w) => w.startsWith('[fieldguide] ') && w.includes(' Hint: '))).toBe(true);
    } finally {
      await opened.close();
    }
  });
});
