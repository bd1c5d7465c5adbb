import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, openPage, VIEWPORTS } from './support/browser.js';
import { buildWebApp } from './support/build-web.js';
import { startE2eServer } from './support/server.js';
import { shootSharePreview } from './travel/share-preview.js';

// Writes PNGs of the main pages at desktop and phone width to docs/screenshots/, from a fresh build, against the
// real server filled by the demo crawl. Run: pnpm screenshots. Pass --full for whole-page shots (review only), and
// --only=<name>,<name> to write only those shots.

const OUT_DIR = path.resolve(import.meta.dirname, '../../docs/screenshots');
const fullPage = process.argv.includes('--full');
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

/** The token of the alert the alert pages show. */
const SHOT_TOKEN = 'screenshot-alert-token-0123456789abcdef';

interface Shot {
  name: string;
  path: string;
  /** A selector that is on screen once the page has its data. */
  ready: string;
  /** Runs after `ready`, before the shot. */
  prepare?: (page: import('playwright-core').Page) => Promise<void>;
}

async function main() {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'fieldguide-shots-web-'));
  await buildWebApp(webRoot);
  // Mail is configured so the app offers email alerts; the shots send none (no SMTP server needs to listen).
  const server = await startE2eServer({
    webRoot,
    data: 'demo',
    env: { SMTP_URL: 'smtp://127.0.0.1:2525', ALERTS_FROM: 'Fieldguide <alerts@fieldguide.example.org>' },
  });
  const browser = await launchBrowser();
  try {
    const api = async <T>(pathAndQuery: string) =>
      (await fetch(`${server.baseUrl}${pathAndQuery}`)).json() as Promise<T>;
    const top = await api<{ hits: { id: string }[] }>('/api/search?sort=hiring&limit=1');
    const eventId = top.hits[0]?.id;
    const assoc = await api<{ hits: { id: string }[] }>('/api/associations?limit=1');
    const associationId = assoc.hits[0]?.id;
    if (!eventId || !associationId) throw new Error('the demo crawl gave no event or association to show');
    const it = await api<{ hits: { id: string; series?: { moreDates: number } }[] }>(
      '/api/search?field=information-technology&limit=100',
    );
    const seriesEventId = it.hits.find((h) => (h.series?.moreDates ?? 0) > 0)?.id;
    if (!seriesEventId) throw new Error('the demo crawl gave no recurring series to show');
    // A confirmed alert for the unsubscribe page, and a pending one for the confirmation page (the store keeps a
    // confirmation token's SHA-256).
    const alert = {
      search: 'field=health-science&near=Chicago%2C+IL',
      frequency: 'weekly',
      origin: server.baseUrl,
      confirmExpiresMs: Date.now() + 3_600_000,
    } as const;
    const confirmHash = createHash('sha256').update(SHOT_TOKEN).digest('hex');
    server.app.store.saveAlertSignup({
      ...alert,
      email: 'nurse.student@example.edu',
      confirmHash: 'confirmed',
      unsubscribeToken: SHOT_TOKEN,
    });
    server.app.store.confirmAlert('confirmed', Date.now());
    server.app.store.saveAlertSignup({ ...alert, email: 'new@example.edu', confirmHash, unsubscribeToken: 'unused' });

    const shots: Shot[] = [
      { name: 'search', path: '/', ready: '.event-card' },
      { name: 'search-filtered', path: '/?q=career&hiring=0.5', ready: '.event-card' },
      { name: 'search-nurse-near-zip', path: '/?q=registered+nurse&near=60616', ready: '.event-card' },
      { name: 'event', path: `/events/${eventId}`, ready: '.event-page h1' },
      { name: 'event-series', path: `/events/${seriesEventId}`, ready: '.event-page h1' },
      { name: 'field', path: '/fields/information-technology', ready: '.field-page .event-card' },
      { name: 'associations', path: '/associations', ready: '.association-card' },
      { name: 'association', path: `/associations/${associationId}`, ready: '.association-page h1' },
      {
        name: 'subscribe',
        path: '/fields/health-science',
        ready: '.subscribe',
        prepare: async (page) => {
          // On a phone the panel comes after the events; the page's own link jumps to it.
          if ((page.viewportSize()?.width ?? 0) < 600) {
            await page.getByRole('link', { name: 'Subscribe to these events' }).click();
            await page.waitForURL(/#subscribe$/);
          }
        },
      },
      {
        name: 'search-map',
        path: '/?q=nurse&near=Chicago%2C+IL&radius=100mi&view=map',
        ready: '.map-marker',
        prepare: async (page) => {
          // A marker chosen, its events listed beside the map.
          await page.locator('.map-marker').first().click();
          await page.getByRole('button', { name: 'Show the events in view' }).waitFor();
          await page.mouse.move(0, 0);
          await page.locator('.view-toggle').evaluate((el) => el.scrollIntoView());
        },
      },
      {
        name: 'search-map-all',
        path: '/?view=map',
        ready: '.map-marker',
        prepare: async (page) => {
          await page.locator('.view-toggle').evaluate((el) => el.scrollIntoView());
        },
      },
      {
        name: 'search-month',
        path: '/?q=nurse&view=month',
        ready: '.month-grid',
        prepare: async (page) => {
          await page.locator('.month-grid a').first().waitFor();
          await page.locator('.view-toggle').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        },
      },
      {
        name: 'saved',
        path: '/?q=career',
        ready: '.event-card',
        prepare: async (page) => {
          for (const i of [0, 1, 2]) {
            const save = page.locator('.event-card').nth(i).getByRole('button', { name: /^Save/ });
            if ((await save.getAttribute('aria-pressed')) !== 'true') await save.click();
          }
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: /^Saved/ })
            .click();
          await page.locator('.saved-page .event-card__title a').nth(2).waitFor();
        },
      },
      {
        name: 'alert-signup',
        path: '/?field=health-science&near=Chicago%2C+IL',
        ready: '.subscribe-details',
        prepare: async (page) => {
          await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
          const email = page.locator('.email-alert').getByLabel('Email address');
          await email.fill('nurse.student@example.edu');
          await email.blur();
          await page.locator('.subscribe-details').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        },
      },
      { name: 'alert-confirm', path: `/alerts/confirm?token=${SHOT_TOKEN}`, ready: 'main h1' },
      { name: 'alert-unsubscribe', path: `/alerts/unsubscribe?token=${SHOT_TOKEN}`, ready: 'main h1' },
      { name: 'embed-builder', path: '/embed-builder', ready: '.embed-builder h1' },
      {
        name: 'admin',
        path: '/admin',
        ready: '.token-form',
        prepare: async (page) => {
          await page.getByLabel('Admin token').fill(server.adminToken);
          await page.getByRole('button', { name: 'Use token' }).click();
          await page.locator('table, .status--error').first().waitFor();
        },
      },
    ];

    mkdirSync(OUT_DIR, { recursive: true });
    for (const [size, viewport] of Object.entries(VIEWPORTS)) {
      const { page, close } = await openPage(browser, {
        viewport,
        allowedOrigins: [server.baseUrl],
        timezoneId: 'America/Chicago',
      });
      for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
        await page.goto(`${server.baseUrl}${shot.path}`);
        await page.locator(shot.ready).first().waitFor();
        await shot.prepare?.(page);
        const file = path.join(OUT_DIR, `${shot.name}-${size}.png`);
        await page.screenshot({ path: file, fullPage });
        console.log(path.relative(process.cwd(), file));
      }
      await close();
    }
    for (const file of await shootSharePreview(browser, server.baseUrl, eventId, OUT_DIR)) {
      console.log(path.relative(process.cwd(), file));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(webRoot, { recursive: true, force: true });
  }
}

await main();
