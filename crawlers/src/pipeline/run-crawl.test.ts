import { createHash } from 'node:crypto';
import type { Source } from '@fieldguide/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HostileServer, html, startHostileServer, text } from '../core/testing/hostile-server.js';
import { UnknownSourceError } from '../storage/store/errors.js';
import { makeSource, tempStorePath } from '../storage/store/fixtures/sample-data.js';
import { createStore } from '../storage/store/store.js';
import type { Store } from '../storage/store/store.types.js';
import { runCrawl } from './run-crawl.js';

const NOW = new Date('2026-03-07T12:00:00Z');
const FETCHER = { perHostDelayMs: 0, maxRetries: 0, retryBaseDelayMs: 1 };

function vevent(uid: string, summary: string, day: string): string {
  return `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:${day}T150000Z\r\nSUMMARY:${summary}\r\nLOCATION:Chicago, IL\r\nEND:VEVENT\r\n`;
}
const calendar = (events: string[]) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${events.join('')}END:VCALENDAR\r\n`;

function eventPage(title: string, day: string): string {
  const ld = { '@context': 'https://schema.org', '@type': 'Event', name: title, startDate: `${day}T09:00:00-05:00` };
  return `<!doctype html><html><head><title>${title}</title><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><h1>${title}</h1></body></html>`;
}

// One page in every HTML format the extractors read besides JSON-LD's single events: a weekly schedule, RDFa, an
// h-event and a classic hCalendar vevent.
const SCHEDULE = {
  '@context': 'https://schema.org',
  '@type': 'Event',
  '@id': '#skills-lab',
  name: 'Nursing Skills Lab',
  location: { '@type': 'Place', name: 'Rush University', address: '600 S Paulina St, Chicago, IL' },
  eventSchedule: {
    '@type': 'Schedule',
    repeatFrequency: 'P1W',
    byDay: 'https://schema.org/Thursday',
    startDate: '2026-03-12',
    endDate: '2026-04-02',
    startTime: '17:00',
    endTime: '19:00',
    scheduleTimezone: 'America/Chicago',
  },
};
const FORMATS_PAGE = `<!doctype html><html><head><title>Formats</title>
<script type="application/ld+json">${JSON.stringify(SCHEDULE)}</script></head><body>
<div vocab="https://schema.org/" typeof="ConferenceEvent"><span property="name">Midwest Nurse Leaders Conference</span>
  <meta property="startDate" content="2026-05-14T08:00:00-05:00"></div>
<article class="h-event"><h2 class="p-name">Charge Nurse Workshop</h2>
  <time class="dt-start" datetime="2026-05-20T13:00:00-05:00">May 20</time></article>
<div class="vevent"><span class="summary">Hospital Hiring Day</span><abbr class="dtstart" title="2026-06-02T10:00:00-05:00">June 2</abbr></div>
</body></html>`;

const localistEvent = (id: number, title: string, start: string) => ({
  event: {
    id,
    title,
    localist_url: `https://calendar.example.edu/event/${id}`,
    location_name: 'Student Union',
    geo: { city: 'Chicago', state: 'IL', country: 'US' },
    event_instances: [{ event_instance: { id: id * 10, start, all_day: false } }],
  },
});

let server: HostileServer;
let temp: ReturnType<typeof tempStorePath>;
let store: Store;
let ics: string;
let bStatus: number;

beforeEach(async () => {
  ics = calendar([
    vevent('a@t', 'Chapter Meeting', '20260410'),
    vevent('b@t', 'Career Fair', '20260411'),
    vevent('c@t', 'Book Club', '20260412'),
  ]);
  bStatus = 200;
  server = await startHostileServer({
    routes: {
      '/cal.ics': (req, res) => {
        const etag = `"${createHash('sha1').update(ics).digest('hex')}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', etag }).end(ics);
      },
      '/events/': html('<html><body><a href="/events/a">Summit</a> <a href="/events/b">Expo</a></body></html>'),
      '/events/a': html(eventPage('Nursing Summit', '2026-04-20')),
      '/formats': html(FORMATS_PAGE),
      '/careers': html(`<html><body><h1>Career Services</h1><div id="localist-widget-42" class="localist-widget"></div>
        <script defer src="/widget/view?schools=example&days=31&container=localist-widget-42"></script></body></html>`),
      '/api/2/events': (req, res, entry) => {
        const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page') ?? 1);
        const title = page === 1 ? 'Accounting Career Fair' : 'Mock Interview Night';
        const api = {
          events: [localistEvent(page, title, `2026-04-0${page}T10:00:00-05:00`)],
          page: { current: page, total: 2 },
        };
        text(JSON.stringify(api), { headers: { 'content-type': 'application/json' } })(req, res, entry);
      },
      '/events/b': (req, res, entry) =>
        bStatus === 200
          ? html(eventPage('Nursing Expo', '2026-04-21'))(req, res, entry)
          : void res.writeHead(bStatus).end(),
    },
  });
  temp = tempStorePath();
  store = createStore({ path: temp.path });
});
afterEach(async () => {
  store.close();
  temp.cleanup();
  await server.close();
});

const source = (patch: Partial<Source>): Source =>
  makeSource({ url: server.url('/cal.ics'), kind: 'ics', allowPrivateNetwork: true, fields: [], ...patch });

describe('runCrawl', () => {
  it('delists an event its source stopped publishing, and counts a 304 as everything still there', async () => {
    const cal = source({ id: 'cal' });
    const first = await runCrawl({ store, sources: [cal], fetcher: FETCHER, now: () => NOW });
    expect(first.sources[0]).toMatchObject({ status: 'ok', events: 3, inserted: 3 });
    expect(first.run.status).toBe('finished');
    expect(first.run.results.cal).toEqual({ status: 'ok', events: 3, errors: [] });

    ics = calendar([vevent('a@t', 'Chapter Meeting', '20260410'), vevent('b@t', 'Career Fair', '20260411')]);
    const hourLater = new Date(NOW.getTime() + 3_600_000);
    const second = await runCrawl({ store, sourceIds: ['cal'], force: true, fetcher: FETCHER, now: () => hourLater });
    expect(second.sources[0]).toMatchObject({ status: 'ok', events: 2, delisted: 1 });
    const byTitle = new Map([...store.iterateEvents()].map((e) => [e.title, e]));
    expect(byTitle.get('Book Club')?.delisted).toBe(true);
    expect(byTitle.get('Career Fair')?.delisted).toBe(false);

    const twoHoursLater = new Date(NOW.getTime() + 7_200_000);
    const third = await runCrawl({
      store,
      sourceIds: ['cal'],
      force: true,
      fetcher: FETCHER,
      now: () => twoHoursLater,
    });
    expect(third.sources[0]).toMatchObject({ status: 'ok', events: 2, notModified: 1, delisted: 0, inserted: 0 });
    expect(server.requests('/cal.ics').at(-1)).toMatchObject({ status: 304 });
    expect(server.requests('/cal.ics').at(-1)?.headers['if-none-match']).toMatch(/^"/);
    expect(store.getSource('cal')?.health).toMatchObject({ lastStatus: 'ok', eventsFound: 2, errorCount: 0 });
  });

  it('follows a listing, and delists nothing after a crawl with an error', async () => {
    const listing = source({ id: 'listing', url: server.url('/events/'), kind: 'listing' });
    const first = await runCrawl({ store, sources: [listing], fetcher: FETCHER, now: () => NOW });
    expect(first.sources[0]).toMatchObject({ status: 'ok', events: 2, pages: 3 });

    bStatus = 500;
    const second = await runCrawl({ store, sourceIds: ['listing'], force: true, fetcher: FETCHER, now: () => NOW });
    expect(second.sources[0]).toMatchObject({ status: 'partial', delisted: 0 });
    expect(second.sources[0]?.errors[0]).toMatch(/\/events\/b: FETCH_HTTP_STATUS: .* answered 500/);
    expect([...store.iterateEvents()].every((e) => !e.delisted)).toBe(true);
    expect(store.getSource('listing')?.health).toMatchObject({ lastStatus: 'partial', errorCount: 1 });
    expect(store.getSource('listing')?.health.lastError).toMatch(/answered 500/);
  });

  it('stores the events of RDFa, microformats and a schema.org schedule, the occurrences as one series', async () => {
    const page = source({ id: 'formats', url: server.url('/formats'), kind: 'html' });
    const result = await runCrawl({ store, sources: [page], fetcher: FETCHER, now: () => NOW });
    expect(result.sources[0]).toMatchObject({ status: 'ok', events: 7 });
    const events = [...store.iterateEvents()].sort((a, b) => a.start.localeCompare(b.start));
    expect(events.map((e) => [e.title, e.start])).toEqual([
      ['Nursing Skills Lab', '2026-03-12T22:00:00Z'],
      ['Nursing Skills Lab', '2026-03-19T22:00:00Z'],
      ['Nursing Skills Lab', '2026-03-26T22:00:00Z'],
      ['Nursing Skills Lab', '2026-04-02T22:00:00Z'],
      ['Midwest Nurse Leaders Conference', '2026-05-14T13:00:00Z'],
      ['Charge Nurse Workshop', '2026-05-20T18:00:00Z'],
      ['Hospital Hiring Day', '2026-06-02T15:00:00Z'],
    ]);
    const lab = events.filter((e) => e.title === 'Nursing Skills Lab');
    expect(new Set(lab.map((e) => e.seriesId)).size).toBe(1);
    expect(lab[0]!.seriesId).toMatch(/^se_/);
    expect(new Set(lab.map((e) => e.id)).size).toBe(4);
    expect(lab[0]).toMatchObject({ timeZone: 'America/Chicago', end: '2026-03-13T00:00:00Z' });
    expect(events.find((e) => e.title === 'Midwest Nurse Leaders Conference')?.type).toBe('conference');
  });

  it("follows a page's Localist widget to the calendar's events API, page by page", async () => {
    const careers = source({ id: 'careers', url: server.url('/careers'), kind: 'auto' });
    const result = await runCrawl({ store, sources: [careers], fetcher: FETCHER, now: () => NOW });
    expect(result.sources[0]).toMatchObject({ status: 'ok', events: 2 });
    expect(server.requests('/api/2/events').map((r) => new URL(r.path, 'http://x').search)).toEqual([
      '?days=365&pp=100',
      '?days=365&pp=100&page=2',
    ]);
    const events = [...store.iterateEvents()].sort((a, b) => a.start.localeCompare(b.start));
    expect(events.map((e) => [e.title, e.start, e.venue?.city])).toEqual([
      ['Accounting Career Fair', '2026-04-01T15:00:00Z', 'Chicago'],
      ['Mock Interview Night', '2026-04-02T15:00:00Z', 'Chicago'],
    ]);
  });

  it('leaves a source whose crawl was stopped midway as due as it was, so the next crawl reads it whole', async () => {
    const listing = source({ id: 'listing', url: server.url('/events/'), kind: 'listing', recrawlMinutes: 60 });
    const stop = new AbortController();
    const first = await runCrawl({
      store,
      sources: [listing],
      fetcher: FETCHER,
      now: () => NOW,
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.type === 'page') stop.abort();
      },
    });
    expect(first.run.status).toBe('interrupted');
    expect(first.sources[0]).toMatchObject({ status: 'partial', pages: 1 });
    expect(store.getSource('listing')?.health).toMatchObject({ lastStatus: 'partial' });
    expect(store.getSource('listing')?.health.lastCrawledAt).toBeUndefined();

    const minuteLater = new Date(NOW.getTime() + 60_000);
    const second = await runCrawl({ store, fetcher: FETCHER, now: () => minuteLater });
    expect(second.sources[0]).toMatchObject({ status: 'ok', events: 2, pages: 3 });
    expect(store.getSource('listing')?.health.lastCrawledAt).toBe(minuteLater.toISOString());
  });

  it('skips sources that are not due unless forced, and refuses an unknown source id', async () => {
    const cal = source({ id: 'cal', recrawlMinutes: 60 });
    await runCrawl({ store, sources: [cal], fetcher: FETCHER, now: () => NOW });
    const requests = server.requests('/cal.ics').length;
    const later = new Date(NOW.getTime() + 30 * 60_000);
    const again = await runCrawl({ store, fetcher: FETCHER, now: () => later });
    expect(again.sources[0]).toMatchObject({ status: 'skipped', skipReason: expect.stringMatching(/^not due until/) });
    expect(server.requests('/cal.ics')).toHaveLength(requests);
    await expect(runCrawl({ store, sourceIds: ['nope'], fetcher: FETCHER })).rejects.toBeInstanceOf(UnknownSourceError);
  });
});
