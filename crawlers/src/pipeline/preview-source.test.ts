import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../core/fetcher.js';
import { type HostileServer, html, startHostileServer, text } from '../core/testing/hostile-server.js';
import { previewSource } from './preview-source.js';

const NOW = new Date('2026-03-07T12:00:00Z');

/** An iCalendar file with one event per start (UTC, one hour long). */
function calendar(starts: string[]): string {
  const events = starts.map(
    (start, i) =>
      `BEGIN:VEVENT\r\nUID:ev-${i}@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:${start}\r\n` +
      `DURATION:PT1H\r\nSUMMARY:Regional nursing career fair ${i}\r\nLOCATION:Chicago, IL\r\nEND:VEVENT\r\n`,
  );
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n${events.join('')}END:VCALENDAR\r\n`;
}

const page = (title: string, body = '') =>
  html(`<!DOCTYPE html><html><head><title>${title}</title></head><body>${body}</body></html>`);
const ics = (body: string) => text(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });

let site: HostileServer;
let fetcher: Fetcher;

beforeAll(async () => {
  site = await startHostileServer({
    routes: {
      '/': page('Lakeshore Nurses Association', '<a href="/calendar.ics">Our calendar</a>'),
      '/calendar.ics': ics(
        calendar([
          '20260301T150000Z',
          '20260420T150000Z',
          '20260310T150000Z',
          '20260315T150000Z',
          '20260501T150000Z',
          '20260401T150000Z',
          '20260601T150000Z',
        ]),
      ),
      '/plain': page('A page about nothing'),
      '/broken': page('Broken calendar', '<a href="/missing.ics">Calendar</a>'),
      '/past': page('Past events', '<a href="/old.ics">Calendar</a>'),
      '/old.ics': ics(calendar(['20250101T150000Z', '20250201T150000Z'])),
      '/intranet': page('Intranet', '<a href="http://localhost:9/calendar.ics">Calendar</a>'),
    },
  });
  fetcher = createFetcher({ perHostDelayMs: 0, maxRetries: 0, allowPrivateOrigins: [site.origin] });
});

afterAll(async () => {
  await fetcher?.close();
  await site?.close();
});

describe('previewSource', () => {
  it('shows the kind, the sources, the association and the soonest upcoming events, the past ones left out', async () => {
    const { preview } = await previewSource(site.url('/'), { fetcher, now: () => NOW });
    expect(preview.kind).toBe('ics');
    expect(preview.sources).toEqual([{ url: site.url('/calendar.ics'), kind: 'ics', reason: 'iCalendar link' }]);
    expect(preview.association).toMatchObject({ name: 'Lakeshore Nurses Association', url: site.url('/') });
    expect(preview.association?.fields).toContain('health-science');
    expect(preview.eventCount).toBe(6);
    expect(preview.events.map((e) => e.start)).toEqual([
      '2026-03-10T15:00:00Z',
      '2026-03-15T15:00:00Z',
      '2026-04-01T15:00:00Z',
      '2026-04-20T15:00:00Z',
      '2026-05-01T15:00:00Z',
    ]);
    expect(preview.events[0]).toMatchObject({
      title: 'Regional nursing career fair 2',
      place: expect.stringContaining('Chicago'),
      allDay: false,
    });
    expect(preview.nothingFound).toBeNull();
  });

  it('says why nothing was found: no source on the page, a source that cannot be read, only past events', async () => {
    const plain = await previewSource(site.url('/plain'), { fetcher, now: () => NOW });
    expect(plain.preview).toMatchObject({ kind: null, sources: [], eventCount: 0, events: [] });
    expect(plain.preview.nothingFound).toMatch(/links no calendar, feed or events page/);

    const broken = await previewSource(site.url('/broken'), { fetcher, now: () => NOW });
    expect(broken.preview.kind).toBe('ics');
    expect(broken.preview.nothingFound).toMatch(/could not be read: .*missing\.ics/);
    expect(broken.preview.warnings[0]).toMatch(/missing\.ics/);

    const intranet = await previewSource(site.url('/intranet'), { fetcher, now: () => NOW });
    expect(intranet.preview.nothingFound).toBe(
      'what the page links to could not be read: http://localhost:9/calendar.ics: not a public web address',
    );
    // The address a private name resolves to is never shown.
    expect(JSON.stringify(intranet.preview.warnings)).not.toMatch(/127\.0\.0\.1|::1/);

    const past = await previewSource(site.url('/past'), { fetcher, now: () => NOW });
    expect(past.preview.eventCount).toBe(0);
    expect(past.preview.nothingFound).toBe('the 2 event(s) found are all over');
  });

  it('reads nothing past the page once its signal has stopped it', async () => {
    const before = site.log.length;
    const aborted = new AbortController();
    aborted.abort();
    const { preview } = await previewSource(site.url('/'), { fetcher, now: () => NOW, signal: aborted.signal });
    expect(preview.eventCount).toBe(0);
    // The home page was read (discovery); the calendar was not, once stopped.
    expect(site.log.slice(before).map((entry) => entry.path)).not.toContain('/calendar.ics');
  });
});
