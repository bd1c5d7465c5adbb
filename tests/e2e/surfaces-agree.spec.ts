import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Event, formatEventCost, formatEventPlace, formatEventStatus, formatHiring } from '@fieldguide/shared';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlToShownText, parseJsonFeed, parseRss } from '../integration/feeds-spec-checks.js';
import { buildSeedEvents } from '../support/seed-events.js';
import { launchBrowser, openPage, type TestPage } from './support/browser.js';
import { buildWidget } from './support/build-widget.js';
import { type E2eServer, startE2eServer } from './support/server.js';
import { type StaticSite, startStaticSite } from './support/static-site.js';

// One hostile event, one hybrid and one online, each shown by the app (result card and event page), the script
// widget, the iframe embed page and the RSS and JSON feeds: every surface must say the same place, cost, status
// and hiring signal, in the words of shared/src/format.

const FIELD = 'finance';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** What a surface shows of an event; `null` where it shows nothing. */
interface Shown {
  place: string | null;
  cost: string | null;
  status: string | null;
  hiring: string | null;
}

function testEvents(): Event[] {
  const base = buildSeedEvents().find((e) => e.id === 'it-security-meetup');
  if (!base) throw new Error('the seed has no it-security-meetup');
  const day = 86_400_000;
  const at = (days: number, id: string, title: string): Event => {
    const start = Date.now() + days * day;
    const url = `https://events.example.org/${id}`;
    return {
      ...base,
      id,
      title,
      url,
      fields: [FIELD],
      pathways: [],
      start: new Date(start).toISOString(),
      end: new Date(start + 3 * 3_600_000).toISOString(),
      timeZone: 'America/Chicago',
      sources: [{ sourceId: 'seed', url, seenAt: base.firstSeen }],
    };
  };
  return [
    {
      ...at(1, 'hostile', HOSTILE),
      format: 'in-person',
      status: 'cancelled',
      venue: { name: HOSTILE, address: `1 ${HOSTILE} St`, city: ' Minneapolis ', region: 'MN', country: 'US' },
      // A reversed range, in cents.
      cost: { free: false, min: 300.5, max: 150, currency: 'USD' },
      hiring: { score: 0.8, reasons: [HOSTILE] },
    },
    {
      ...at(2, 'hybrid', 'Hybrid Finance Forum'),
      format: 'hybrid',
      status: 'postponed',
      venue: { name: 'RiverCentre', address: '175 W Kellogg Blvd', city: 'Saint Paul', region: 'MN', country: 'US' },
      cost: { free: false, min: 0, max: 300, currency: 'EUR' },
      hiring: { score: 0.6, reasons: ['Employers exhibit'] },
    },
    {
      ...at(3, 'online', 'Online Finance Meetup'),
      format: 'online',
      status: 'scheduled',
      venue: { name: 'Head Office', city: 'Chicago', region: 'IL', country: 'US' },
      cost: { free: true },
      hiring: { score: 0.2, reasons: [] },
    },
  ];
}

let server: E2eServer;
let site: StaticSite;
let browser: Browser;
let widgetDir: string;
let events: Event[];
const pages: TestPage[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  widgetDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-widget-'));
  await buildWidget(widgetDir);
  [server, site, browser] = await Promise.all([
    startE2eServer({ webRoot: inject('webRoot'), widgetRoot: widgetDir, data: 'empty' }),
    startStaticSite('127.0.0.6'),
    launchBrowser(),
  ]);
  events = testEvents();
  server.app.store.upsertEvents(events);
  while (server.app.store.outboxSize() > 0) await server.app.outbox.drainNow();
  site.setPage(
    '/',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<section id="slot"></section>
<script src="${server.baseUrl}/embed.js" data-target="#slot" data-field="${FIELD}" data-limit="10" async></script>
</body></html>`,
  );
}, 180_000);

afterAll(async () => {
  for (const p of pages) expect(p.errors, 'console errors').toEqual([]);
  expect(dialogs, 'no script from the data ran').toEqual([]);
  await browser?.close();
  await site?.close();
  await server?.close();
  if (widgetDir) rmSync(widgetDir, { recursive: true, force: true });
});

async function open(url: string, allowedOrigins: string[] = [server.baseUrl]): Promise<Page> {
  const test = await openPage(browser, { allowedOrigins, timezoneId: 'America/Chicago' });
  pages.push(test);
  test.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await test.page.goto(url);
  return test.page;
}

/** The text of the first match inside `scope`, or `null` when there is none. */
async function textIn(scope: Locator, selector: string): Promise<string | null> {
  const found = scope.locator(selector);
  return (await found.count()) > 0 ? await found.first().textContent() : null;
}

/** Each listed event's shown facts, by title. */
async function listed(
  page: Page,
  item: string,
  selectors: { title: string } & Record<keyof Shown, string>,
): Promise<Map<string, Shown>> {
  await page.locator(item).first().waitFor();
  const out = new Map<string, Shown>();
  for (const li of await page.locator(item).all()) {
    out.set((await textIn(li, selectors.title)) ?? '', {
      place: await textIn(li, selectors.place),
      cost: await textIn(li, selectors.cost),
      status: await textIn(li, selectors.status),
      hiring: await textIn(li, selectors.hiring),
    });
  }
  return out;
}

/** Where the widget and the iframe page (one markup) show each fact of an item. */
const EMBED_ITEM = { title: '.title', place: '.where', cost: '.cost', status: '.event-status', hiring: '.hiring' };

/** What the shared functions say a list shows; `showLow` for the pages that show a weak signal too. */
function expected(event: Event, showLow = false): Shown {
  return {
    place: formatEventPlace(event),
    cost: formatEventCost(event, 'en-US') ?? null,
    status: formatEventStatus(event) ?? null,
    hiring: formatHiring(event, { showLow }) ?? null,
  };
}

/** The facts of a feed item's plain text ("Where: …", "Cost: …"). */
function fromPlainText(text: string): Shown {
  const fact = (name: string) =>
    text
      .split('\n')
      .find((line) => line.startsWith(`${name}: `))
      ?.slice(name.length + 2);
  const hiring = fact('Hiring signal');
  return {
    place: fact('Where') ?? null,
    cost: fact('Cost') ?? null,
    status: fact('Status') ?? null,
    hiring: hiring ? hiring.replace(/ \(\d+%\)(: .*)?$/, '') : null,
  };
}

const byTitle = (title: string) => {
  const event = events.find((e) => e.title === title);
  if (!event) throw new Error(`no test event is titled ${title}`);
  return event;
};

describe('every surface shows an event the same way', () => {
  it('the shared wording is what we decided', () => {
    const [hostile, hybrid, online] = events as [Event, Event, Event];
    expect(expected(hostile)).toEqual({
      place: `${HOSTILE}, Minneapolis, MN, US`,
      cost: '$150–$300.50',
      status: 'Cancelled',
      hiring: 'Hiring managers very likely',
    });
    expect(expected(hybrid)).toEqual({
      place: 'RiverCentre, Saint Paul, MN, US · also online',
      cost: 'Up to €300',
      status: 'Postponed',
      hiring: 'Hiring managers likely',
    });
    expect(expected(online)).toEqual({ place: 'Online', cost: 'Free', status: null, hiring: null });
  });

  it('the app’s result cards', async () => {
    const page = await open(`${server.baseUrl}/?field=${FIELD}`);
    const cards = await listed(page, '.event-card', {
      title: '.event-card__title',
      place: '.event-card__where',
      cost: '.event-card__cost',
      status: '.tag--status',
      hiring: '.hiring__label',
    });
    expect(cards.size).toBe(events.length);
    for (const [title, shown] of cards) expect(shown, title).toEqual(expected(byTitle(title)));
  });

  it('the app’s event pages', async () => {
    for (const event of events) {
      const page = await open(`${server.baseUrl}/events/${event.id}`);
      await page.locator('.event-page h1').waitFor();
      expect(await page.locator('.event-page h1').textContent()).toBe(event.title);
      const shown = await page.evaluate(() => {
        interface El {
          textContent: string | null;
          nextElementSibling: El | null;
          firstChild: El | null;
        }
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document;
        const dd = (term: string) => [...doc.querySelectorAll('.facts dt')].find((dt) => dt.textContent === term);
        const where = dd('Where')?.nextElementSibling;
        const cost = dd('Cost')?.nextElementSibling;
        const one = (selector: string) => [...doc.querySelectorAll(selector)][0]?.textContent ?? null;
        return {
          // The street address follows the place on its own line.
          place: where?.firstChild?.textContent ?? null,
          cost: cost?.textContent ?? null,
          status: one('.notice strong'),
          hiring: one('.hiring__label'),
        };
      });
      const want = expected(event, true);
      expect(shown, event.id).toEqual({ ...want, status: want.status?.toLowerCase() ?? null });
    }
  });

  it('the script widget on another site', async () => {
    const page = await open(`${site.origin}/`, [server.baseUrl, site.origin]);
    const items = await listed(page, '#slot li', EMBED_ITEM);
    expect(items.size).toBe(events.length);
    for (const [title, shown] of items) expect(shown, title).toEqual(expected(byTitle(title)));
  });

  it('the iframe embed page', async () => {
    const page = await open(`${server.baseUrl}/embed/events?field=${FIELD}&limit=10`);
    const items = await listed(page, 'li', EMBED_ITEM);
    expect(items.size).toBe(events.length);
    for (const [title, shown] of items) expect(shown, title).toEqual(expected(byTitle(title)));
  });

  it('the JSON and RSS feeds', async () => {
    const get = async (ext: string) => (await fetch(`${server.baseUrl}/feeds/fields/${FIELD}.${ext}`)).text();
    const json = parseJsonFeed(await get('json'));
    expect(json.items).toHaveLength(events.length);
    for (const item of json.items) {
      const event = byTitle(item.title);
      expect(fromPlainText(item.content_text), `json ${event.id}`).toEqual(expected(event, true));
    }
    const rss = parseRss(await get('rss'));
    expect(rss.items).toHaveLength(events.length);
    for (const item of rss.items) {
      // A `<` that would open a tag is escaped inside the title's CDATA; readers that read titles as HTML show `<`.
      const event = byTitle(item.title.replaceAll('&lt;', '<'));
      expect(fromPlainText(htmlToShownText(item.description)), `rss ${event.id}`).toEqual(expected(event, true));
    }
  });
});
