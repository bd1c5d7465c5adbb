import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { runAxe } from '../support/axe.js';
import { VIEWPORTS } from '../support/browser.js';
import { useBrowserSuite } from '../support/suite.js';

// Saved events, the month view and the date presets in real Chromium, against the real server with the seeded
// events, as a nursing student near Chicago would use them (the browser's zone is Chicago's).

const ZONE = 'America/Chicago';
const GONE_ID = 'gone-career-night';

const suite = useBrowserSuite(
  () => ({ webRoot: inject('webRoot'), data: 'seed' }),
  (p) => expect(p.failedResponses, 'failed requests').toEqual([]),
);

async function open(viewport: { width: number; height: number } = VIEWPORTS.desktop) {
  return suite.open({ viewport, timezoneId: ZONE });
}

/** Today in Chicago, `YYYY-MM-DD`. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
/** The first and last day of the month `offset` months after the one of `date`. */
function monthDays(date: string, offset = 0): { from: string; to: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 1 + offset, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(y, m + offset, 0)).toISOString().slice(0, 10);
  return { from, to };
}

const eventIdsIn = (page: Page, selector: string) =>
  page
    .locator(`${selector} a[href^="/events/"]`)
    .evaluateAll((links) =>
      links.map((a) => decodeURIComponent(String(a.getAttribute('href')).slice('/events/'.length))),
    );

const navSaved = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Saved/ });

describe('saved events', () => {
  it('saves two events from their cards, keeps them over a reload, lists and exports them', async () => {
    const { page, context } = await open();
    await page.goto(`${suite.server.baseUrl}/?q=nurse`);
    const cards = page.locator('.event-card');
    await cards.nth(1).waitFor();
    const picked: { id: string; title: string }[] = [];
    for (const i of [0, 1]) {
      const card = cards.nth(i);
      const title = (await card.locator('.event-card__title').textContent()) ?? '';
      const [id = ''] = await eventIdsIn(page, `.event-list > li:nth-child(${i + 1})`);
      const save = card.getByRole('button', { name: `Save “${title}”` });
      expect(await save.getAttribute('aria-pressed')).toBe('false');
      await save.click();
      expect(await save.getAttribute('aria-pressed')).toBe('true');
      picked.push({ id, title });
    }
    await expect.poll(() => navSaved(page).textContent()).toMatch(/Saved\s*2/);

    // Another tab of the same browser follows.
    const other = await context.newPage();
    await other.goto(`${suite.server.baseUrl}/saved`);
    await other.locator('.saved-page .event-card').nth(1).waitFor();
    await cards.nth(0).getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => other.locator('.saved-page .event-card').count()).toBe(1);
    await cards.nth(0).getByRole('button', { name: /^Save/ }).click();
    await expect.poll(() => other.locator('.saved-page .event-card').count()).toBe(2);
    await other.close();

    await page.reload();
    await cards.nth(1).waitFor();
    for (const i of [0, 1]) {
      expect(await cards.nth(i).getByRole('button', { name: /^Save/ }).getAttribute('aria-pressed')).toBe('true');
    }
    await navSaved(page).click();
    await page.getByRole('heading', { level: 1, name: 'Saved events' }).waitFor();
    await expect
      .poll(() => page.locator('.saved-page .event-card__title').allTextContents())
      .toEqual(expect.arrayContaining(picked.map((p) => p.title)));
    expect(await eventIdsIn(page, '.saved-page')).toHaveLength(2);

    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Export as \.ics/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('fieldguide-saved-events.ics');
    const text = readFileSync(String(await download.path()), 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const uids = calendar.getAllSubcomponents('vevent').map((e) => String(e.getFirstPropertyValue('uid')));
    expect(uids.map((uid) => uid.split('@')[0]).sort()).toEqual(picked.map((p) => p.id).sort());
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e).summary);
    expect(summaries.sort()).toEqual(picked.map((p) => p.title).sort());
  });

  it('shows a saved event that no longer exists as gone, with a way to remove it; ignores unreadable content', async () => {
    const { page } = await open();
    await page.goto(`${suite.server.baseUrl}/`);
    await page.evaluate(
      ([gone]) =>
        (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
          'fieldguide:saved-events',
          JSON.stringify({
            version: 1,
            events: [
              {
                id: gone,
                title: 'Nursing Career Night',
                start: '2026-01-10T00:00:00Z',
                savedAt: '2026-01-01T00:00:00Z',
              },
              { id: 'hs-nursing-fair-mpls', title: 'x', start: '', savedAt: '' },
              { id: '<script>', title: 'not an id' },
            ],
          }),
        ),
      [GONE_ID],
    );
    await page.goto(`${suite.server.baseUrl}/saved`);
    const gone = page.locator('.saved-gone');
    await gone.waitFor();
    expect(await gone.textContent()).toContain('no longer listed');
    await page.locator('.saved-page .event-card__title a').first().waitFor();
    expect(await page.locator('.saved-page .event-card').count()).toBe(2);
    await gone.getByRole('button', { name: 'Remove “Nursing Career Night” from saved events' }).click();
    await expect.poll(() => page.locator('.saved-gone').count()).toBe(0);
    expect(await navSaved(page).textContent()).toMatch(/Saved\s*1/);

    await page.evaluate(() =>
      (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(
        'fieldguide:saved-events',
        '{"version":99',
      ),
    );
    await page.reload();
    await page.getByText('You have not saved any events yet.').waitFor();
  });
});

describe('month view', () => {
  const filters = 'field=health-science';

  /** The ids the list shows for the search over these days (one page of at most 20). */
  async function listIds(page: Page, days: { from: string; to: string }): Promise<string[]> {
    await page.goto(`${suite.server.baseUrl}/?${filters}&from=${days.from}&to=${days.to}`);
    await page.locator('.event-card, .status--empty').first().waitFor();
    const count = await page.locator('.results__count').textContent();
    expect(Number.parseInt(count ?? '', 10) || 0).toBeLessThanOrEqual(20);
    return (await eventIdsIn(page, '.results')).sort();
  }

  const gridIds = async (page: Page) => [...new Set(await eventIdsIn(page, '.month-grid'))].sort();

  it('shows the same events as the list for the month, and moves month by month from the keyboard', async () => {
    const { page } = await open();
    const listed = await listIds(page, monthDays(today()));
    const listedNext = await listIds(page, monthDays(today(), 1));
    expect(listed.length + listedNext.length).toBeGreaterThan(0);

    await page.goto(`${suite.server.baseUrl}/?${filters}`);
    await page.locator('.event-card').first().waitFor();
    await page.getByRole('navigation', { name: 'Show results as' }).getByRole('link', { name: 'Month' }).click();
    await page.waitForURL(/view=month/);
    await page.getByRole('table', { name: /^Events in / }).waitFor();
    await expect.poll(() => gridIds(page)).toEqual(listed);
    const todayCell = page.locator('td[aria-current="date"]');
    expect(await todayCell.textContent()).toContain('Today');
    const headers = await page.locator('.month-grid th[scope="col"]').allTextContents();
    expect(headers).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

    const heading = await page.locator('#month-heading').textContent();
    await page.getByRole('button', { name: 'Next month', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/month=\d{4}-\d{2}/);
    await expect.poll(() => page.locator('#month-heading').textContent()).not.toBe(heading);
    await expect.poll(() => gridIds(page)).toEqual(listedNext);
    await page.getByRole('button', { name: 'Previous month', exact: true }).click();
    await expect.poll(() => page.locator('#month-heading').textContent()).toBe(heading);
    await expect.poll(() => gridIds(page)).toEqual(listed);
    await page.goBack();
    await expect.poll(() => page.locator('#month-heading').textContent()).not.toBe(heading);
  });
});

describe('date presets', () => {
  it('set the dates in the URL and the API query, and change the results', async () => {
    const { page } = await open();
    await page.goto(`${suite.server.baseUrl}/`);
    await page.locator('.event-card').first().waitFor();
    const totals: Record<string, number> = {};
    const cases = [
      ['Next 3 months', 'next-3-months'],
      ['Next 30 days', 'next-30-days'],
      ['This week', 'this-week'],
    ] as const;
    for (const [label, key] of cases) {
      const answered = page.waitForResponse((res) => {
        const url = new URL(res.url());
        return (
          url.pathname === '/api/search' &&
          (url.searchParams.get('from') ?? '').startsWith(`${today()}T00:00:00`) &&
          !url.searchParams.has('facets')
        );
      });
      await page.getByRole('button', { name: label }).click();
      const res = await answered;
      const url = new URL(res.url());
      const pageUrl = new URL(page.url());
      expect(pageUrl.searchParams.get('from')).toBe(today());
      // The API is asked for the viewer's days: to the end of the last one, in Chicago.
      const to = String(url.searchParams.get('to'));
      expect(to).toMatch(new RegExp(`^${pageUrl.searchParams.get('to')}T23:59:59\\.999-0[56]:00$`));
      expect(await page.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('true');
      const body = (await res.json()) as { total: number; hits: { start: string }[] };
      for (const hit of body.hits) expect(Date.parse(hit.start)).toBeLessThanOrEqual(Date.parse(to));
      totals[key] = body.total;
    }
    expect(totals['next-30-days']).toBeLessThan(totals['next-3-months'] ?? 0);
    expect(totals['this-week']).toBeLessThanOrEqual(totals['next-30-days'] ?? 0);
    // Pressing the chosen preset again clears the dates.
    await page.getByRole('button', { name: 'This week' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('to')).toBe(false);
  });
});

describe('accessibility of the saved page and the month view (axe-core)', () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    it(`finds no serious or critical violation on the ${size}`, async () => {
      const { page } = await open(viewport);
      await page.goto(`${suite.server.baseUrl}/?q=nurse`);
      await page.locator('.event-card').first().waitFor();
      await page.locator('.event-card').first().getByRole('button', { name: /^Save/ }).click();
      await page.goto(`${suite.server.baseUrl}/saved`);
      await page.locator('.saved-page .event-card__title a').first().waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.goto(`${suite.server.baseUrl}/?field=health-science&view=month`);
      await page.locator('.month-grid a').first().waitFor();
      expect(await runAxe(page)).toEqual([]);
      const sideways = await page.evaluate(() => {
        const root = (
          globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
        ).document.documentElement;
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
      });
      expect(sideways.scrollWidth).toBeLessThanOrEqual(sideways.clientWidth);
    });
  }
});
