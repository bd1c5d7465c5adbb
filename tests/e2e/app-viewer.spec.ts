import { formatEventWhen } from '@fieldguide/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import type { OpenPageOptions, TestPage } from './support/browser.js';
import { getJson, httpGet, squash } from './support/http.js';
import { useBrowserSuite } from './support/suite.js';

// What a viewer sees depends on where they are and what their browser speaks; the app recovers from a lost
// connection and a slow answer by itself; a subscription keeps looking ahead; the back link keeps the search.

interface Hit {
  id: string;
  title: string;
  start: string;
  end: string | null;
  timeZone: string;
  allDay: boolean;
  format: 'in-person' | 'online' | 'hybrid';
}
interface SearchAnswer {
  hits: Hit[];
  total: number;
}

const suite = useBrowserSuite(() => ({ webRoot: inject('webRoot'), data: 'seed' }));

const open = (options: Partial<OpenPageOptions> = {}): Promise<TestPage> => suite.open(options);

const api = <T>(pathAndQuery: string) => getJson<T>(`${suite.server.baseUrl}${pathAndQuery}`);
const cardTitles = (page: Page) => page.locator('.event-card__title').allTextContents();
/** Node's and Chromium's ICU differ in the spaces they put around times; compare the words. */
const words = (text: string | null) => (text ?? '').replace(/\s+/g, ' ');
const cardWhen = async (page: Page, title: string) =>
  words(await page.locator('.event-card', { hasText: title }).locator('.event-card__when time').textContent());
const countHeading = (page: Page) => page.locator('#results-heading').textContent();

describe('time zones and locale', () => {
  it('shows online events in the viewer’s zone and in-person ones in theirs, in English in a German browser', async () => {
    const { page } = await open({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const body = await api<SearchAnswer>('/api/search?field=information-technology&limit=50');
    const online = body.hits.find((h) => h.title === 'Python Hiring Webinar');
    const inPerson = body.hits.find((h) => h.format === 'in-person' && h.timeZone === 'America/Chicago');
    if (!online || !inPerson) throw new Error('the seed has an online and a Central in-person IT event');
    await page.goto(`${suite.server.baseUrl}/?field=information-technology`);
    await page.locator('.event-card').first().waitFor();

    const onlineWhen = await cardWhen(page, online.title);
    expect(onlineWhen).toBe(words(formatEventWhen(online, { locale: 'en-US', viewerTimeZone: 'Europe/Berlin' })));
    expect(onlineWhen).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{4}, .* GMT\+[12]$/);
    const inPersonWhen = await cardWhen(page, inPerson.title);
    expect(inPersonWhen).toBe(words(formatEventWhen(inPerson, { locale: 'en-US' })));
    expect(inPersonWhen).toMatch(/C[DS]T$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    // Nothing on the page turns German: no German weekday or month abbreviations.
    expect(squash((await page.locator('.results').textContent()) ?? '')).not.toMatch(
      /\b(Mo|Di|Mi|Do|Fr|Sa|So)\.,|\bDez\b/,
    );

    // A German viewer measures in kilometres.
    await page.goto(`${suite.server.baseUrl}/?near=Minneapolis%2C%20MN`);
    expect(await page.getByLabel('Within').inputValue()).toBe('50km');
    await expect.poll(() => page.locator('.results__note').textContent()).toMatch(/^Within 50 km of Minneapolis/);
  });

  it('in a US browser, offers miles, defaults to 30 mi, and shows the radius chosen', async () => {
    const { page } = await open({ locale: 'en-US', timezoneId: 'America/Chicago' });
    const first = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/search');
    await page.goto(`${suite.server.baseUrl}/?near=Minneapolis%2C%20MN`);
    expect(new URL((await first).url()).searchParams.get('radius')).toBe('30mi');
    expect(await page.getByLabel('Within').inputValue()).toBe('30mi');
    await expect.poll(() => page.locator('.results__note').textContent()).toMatch(/^Within 30 mi of Minneapolis/);

    await page.getByLabel('Within').selectOption('50mi');
    await expect.poll(() => page.locator('.results__note').textContent()).toMatch(/^Within 50 mi of Minneapolis/);
    expect(new URL(page.url()).searchParams.get('radius')).toBe('50mi');
    const distances = await page.locator('.event-card__distance').allTextContents();
    expect(distances.length).toBeGreaterThan(0);
    for (const d of distances) expect(d).toMatch(/ mi away$/);
  });
});

describe('subscriptions', () => {
  it('subscribe to a dated search gives a rolling window, fixed dates only on request', async () => {
    const { page } = await open();
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${suite.server.baseUrl}/?q=nurse&from=${day(0)}&to=${day(90)}`);
    await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
    const ics = new URL(await page.getByLabel(/^iCal/).inputValue());
    expect(ics.pathname).toBe('/feeds/search.ics');
    expect(Object.fromEntries(ics.searchParams)).toEqual({ q: 'nurse', within: '91d' });
    expect(squash((await page.getByTestId('subscribe-window').textContent()) ?? '')).toMatch(
      /always lists events in the next 91 days.*never runs dry/,
    );
    const feed = await httpGet(ics.href);
    expect(feed.status, feed.body).toBe(200);
    expect(feed.body).toContain('BEGIN:VCALENDAR');

    await page.getByLabel(/Keep this search’s fixed dates/).check();
    const fixed = new URL(await page.getByLabel(/^iCal/).inputValue());
    expect(fixed.searchParams.get('from')).toBe(day(0));
    expect(fixed.searchParams.get('to')).toBe(day(90));
    expect(fixed.searchParams.has('within')).toBe(false);
    expect(await page.getByTestId('subscribe-window').textContent()).toMatch(/empty after them/);
  });

  it('subscribe to an undated search follows upcoming events, with no dates at all', async () => {
    const { page } = await open();
    await page.goto(`${suite.server.baseUrl}/?q=nurse`);
    await page.locator('summary', { hasText: 'Subscribe to this search' }).click();
    const ics = new URL(await page.getByLabel(/^iCal/).inputValue());
    expect([...ics.searchParams.keys()]).toEqual(['q']);
    expect(await page.getByLabel(/Keep this search’s fixed dates/).count()).toBe(0);
  });
});

describe('the app’s rough edges', () => {
  it('“back” on an event page returns to the search it came from', async () => {
    const { page } = await open();
    await page.goto(`${suite.server.baseUrl}/?q=nurse&type=career-fair`);
    const titles = await (async () => {
      await page.locator('.event-card').first().waitFor();
      return cardTitles(page);
    })();
    await page.locator('.event-card__title a').first().click();
    await page.getByRole('heading', { level: 1, name: titles[0] }).waitFor();
    await page.getByRole('link', { name: '← Back to results' }).click();
    await expect.poll(() => page.url()).toBe(`${suite.server.baseUrl}/?q=nurse&type=career-fair`);
    await expect.poll(() => cardTitles(page)).toEqual(titles);

    // Opened directly, the page has no search to return to.
    await page.goto(`${suite.server.baseUrl}/events/${encodeURIComponent('it-online-python')}`);
    expect(await page.getByRole('link', { name: '← All events' }).getAttribute('href')).toBe('/');
  });

  it('says so when offline, and refreshes the results by itself when back', async () => {
    const { page, context } = await open();
    await page.goto(`${suite.server.baseUrl}/?q=career`);
    await page.locator('.event-card').first().waitFor();
    await context.setOffline(true);
    await page.getByRole('checkbox', { name: /^Hiring managers likely/ }).check();
    await page.getByText('You’re offline — results will refresh when you’re back.').first().waitFor();
    expect(await page.locator('.event-card').count()).toBe(0);

    const want = await api<SearchAnswer>('/api/search?q=career&hiring=0.5');
    await context.setOffline(false);
    await expect.poll(() => cardTitles(page), { timeout: 15_000 }).toEqual(want.hits.map((h) => h.title));
    await expect.poll(() => countHeading(page)).toBe(`${want.total} upcoming event${want.total === 1 ? '' : 's'}`);
    expect(await page.getByText(/You’re offline/).count()).toBe(0);
    expect(await page.locator('.results__list--stale').count()).toBe(0);
  });

  it('never shows an older query’s results under a newer one while its answer is slow', async () => {
    const { page } = await open();
    await page.goto(`${suite.server.baseUrl}/?q=career`);
    await page.locator('.event-card').first().waitFor();
    const before = await cardTitles(page);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/search?**', async (route) => {
      if (new URL(route.request().url()).searchParams.get('type') === 'career-fair') await held;
      await route.fallback();
    });
    await page.getByRole('checkbox', { name: /^Career fair/ }).check();
    await expect.poll(() => countHeading(page)).toBe('Searching…');
    expect(await page.locator('.event-card').count()).toBe(0);
    await page.getByText('Still searching — this is taking longer than usual…').waitFor();

    const want = await api<SearchAnswer>('/api/search?q=career&type=career-fair');
    expect(want.hits.map((h) => h.title)).not.toEqual(before);
    release();
    await expect.poll(() => cardTitles(page)).toEqual(want.hits.map((h) => h.title));
    await expect.poll(() => countHeading(page)).toBe(`${want.total} upcoming event${want.total === 1 ? '' : 's'}`);
  });
});
