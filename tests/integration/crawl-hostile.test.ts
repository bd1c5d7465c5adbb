import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  type CrawlProgress,
  type CrawlSummary,
  createStore,
  hostile,
  runCrawl,
  type SourceCrawlResult,
  type Store,
} from '@fieldguide/crawlers';
import type { Source } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DELAY_MS = 100;
const NOW = new Date('2026-03-07T12:00:00Z');

const page = (jsonLd: string) =>
  `<!doctype html><html><head><title>x</title><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`;
const eventLd = (name: string) =>
  JSON.stringify({ '@context': 'https://schema.org', '@type': 'Event', name, startDate: '2026-04-02T18:00:00-05:00' });
const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n${body}END:VCALENDAR\r\n`;
const vevent = (uid: string, summary: string) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260410T150000Z\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;

let a: hostile.HostileServer;
let b: hostile.HostileServer;
let dir: string;
let store: Store;
let summary: CrawlSummary;
const progress: CrawlProgress[] = [];

function source(id: string, url: string, kind: Source['kind'], allowPrivateNetwork = true): Source {
  return {
    id,
    url,
    kind,
    fields: [],
    pathways: [],
    recrawlMinutes: 1440,
    enabled: true,
    allowPrivateNetwork,
    health: { eventsFound: 0, errorCount: 0 },
  };
}

const result = (id: string): SourceCrawlResult => {
  const found = summary.sources.find((s) => s.sourceId === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

beforeAll(async () => {
  a = await hostile.startHostileServer({
    hostname: '127.0.0.20',
    routes: {
      '/robots.txt': hostile.text('User-agent: *\nDisallow: /private/\n'),
      '/private/events.html': hostile.html(page(eventLd('Board retreat'))),
      '/busy.ics': hostile.sequence(
        hostile.text('slow down', { status: 429, headers: { 'retry-after': '1' } }),
        hostile.text(ics(vevent('busy@x', 'Patient Calendar Event')), { headers: { 'content-type': 'text/calendar' } }),
      ),
      '/huge.html': hostile.hugeBody({ totalBytes: 50_000_000 }),
      '/loop-a': hostile.redirect('/loop-b'),
      '/loop-b': hostile.redirect('/loop-a'),
      '/latin1.html': hostile.html(
        Buffer.from(page(eventLd('Café Culture Night — “Hospitality”')), 'utf8'),
        'text/html; charset=iso-8859-1',
      ),
    },
  });
  b = await hostile.startHostileServer({
    hostname: '127.0.0.21',
    routes: {
      '/slow.html': hostile.slowDrip({ intervalMs: 100, totalBytes: 1000 }),
      '/broken-ld.html': hostile.html(page('{"@type": "Event", "name": "Unclosed", "startDate": [[[')),
      '/messy.ics': hostile.text(
        ics(
          `${vevent('ok@x', 'Readable Workshop')}this line is not iCalendar\r\nBEGIN:VEVENT\r\nUID:nodate@x\r\nSUMMARY:No Date\r\nEND:VEVENT\r\n`,
        ),
        { headers: { 'content-type': 'text/calendar' } },
      ),
      '/garbage.ics': hostile.text('BEGIN:VCALENDAR\r\n%%% not a calendar at all %%%\r\n', {
        headers: { 'content-type': 'text/calendar' },
      }),
      // Escaped as JSON-LD in HTML must be, so the markup reaches the title rather than ending the script block.
      '/script.html': hostile.html(
        page(eventLd('<script>alert(1)</script>Evening <img src=x onerror=alert(2)> Mixer').replace(/</g, '\\u003c')),
      ),
    },
  });
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-crawl-hostile-'));
  store = createStore({ path: path.join(dir, 'store.sqlite') });
  summary = await runCrawl({
    store,
    now: () => NOW,
    sources: [
      source('robots', a.url('/private/events.html'), 'html'),
      source('busy', a.url('/busy.ics'), 'ics'),
      source('huge', a.url('/huge.html'), 'html'),
      source('loop', a.url('/loop-a'), 'html'),
      source('charset', a.url('/latin1.html'), 'html'),
      source('slow', b.url('/slow.html'), 'html'),
      source('broken-ld', b.url('/broken-ld.html'), 'html'),
      source('messy-ics', b.url('/messy.ics'), 'ics'),
      source('garbage-ics', b.url('/garbage.ics'), 'ics'),
      source('script', b.url('/script.html'), 'html'),
      source('metadata', 'http://169.254.169.254/latest/meta-data/', 'auto', false),
    ],
    fetcher: { perHostDelayMs: DELAY_MS, maxRetries: 1, retryBaseDelayMs: 50, totalTimeoutMs: 1000 },
    onProgress: (p) => progress.push(p),
  });
}, 60_000);

afterAll(async () => {
  store?.close();
  await Promise.all([a?.close(), b?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('crawling hostile sites', () => {
  it('finishes the run, and records every source’s outcome on the run and on the source', () => {
    expect(summary.run.status).toBe('finished');
    expect(Object.keys(summary.run.results).sort()).toEqual(summary.sources.map((s) => s.sourceId).sort());
    for (const s of summary.sources) {
      const health = store.getSource(s.sourceId)?.health;
      expect(health?.lastStatus, s.sourceId).toBe(s.status);
      if (s.status === 'failed') expect(health?.lastError, s.sourceId).toBeTruthy();
    }
  });

  it('records each failure with its reason', () => {
    expect(result('robots')).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/FETCH_BLOCKED_ROBOTS/)],
    });
    expect(result('huge')).toMatchObject({ status: 'failed', errors: [expect.stringMatching(/FETCH_TOO_LARGE/)] });
    expect(result('loop')).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/FETCH_TOO_MANY_REDIRECTS/)],
    });
    expect(result('slow')).toMatchObject({ status: 'failed', errors: [expect.stringMatching(/FETCH_TIMEOUT/)] });
    expect(result('metadata')).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/FETCH_PRIVATE_ADDRESS/)],
    });
    expect(result('broken-ld')).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/no events could be read: .*JSON/i)],
    });
    expect(result('garbage-ics')).toMatchObject({
      status: 'failed',
      errors: [expect.stringMatching(/no events could be read/)],
    });
    expect(store.getSource('metadata')?.health.lastError).toMatch(/169\.254\.169\.254/);
  });

  it('keeps what can be read from malformed, mis-encoded or hostile documents', () => {
    expect(result('messy-ics')).toMatchObject({ status: 'ok', events: 1 });
    expect(result('messy-ics').warnings.join('\n')).toMatch(/ical/i);
    expect(result('charset')).toMatchObject({ status: 'ok', events: 1 });
    expect(result('script')).toMatchObject({ status: 'ok', events: 1 });
    const titles = [...store.iterateEvents()].map((e) => e.title);
    expect(titles).toContain('Readable Workshop');
    const mixer = titles.find((t) => t.includes('Mixer'));
    expect(mixer).toBeDefined();
    expect(mixer).not.toMatch(/[<>]/);
    expect(titles.some((t) => t.startsWith('Caf'))).toBe(true);
  });

  it('waits out a 429 with Retry-After, logging the retry once, and then reads the calendar', () => {
    expect(result('busy')).toMatchObject({ status: 'ok', events: 1 });
    const retries = progress.filter((p) => p.type === 'retry' && p.url.endsWith('/busy.ics'));
    expect(retries).toHaveLength(1);
    const [limited, retried] = a.requests('/busy.ics');
    expect(limited?.status).toBe(429);
    expect(retried!.startedAt - limited!.endedAt!).toBeGreaterThanOrEqual(950);
  });

  it('never fetched the disallowed page nor more than a capped part of the 50 MB body', () => {
    expect(a.requests('/private/events.html')).toEqual([]);
    const huge = a.requests('/huge.html');
    expect(huge).toHaveLength(1);
    expect(huge[0]!.bytesSent).toBeLessThan(20_000_000);
  });

  it('was polite: no host saw two requests at once, or one sooner than its delay after the last', () => {
    expect(a.log.length).toBeGreaterThan(5);
    expect(b.log.length).toBeGreaterThan(5);
    // The server notices a connection the client dropped (the capped body) a fraction of a millisecond late.
    const tolerance = 2;
    expect(hostile.politenessViolations(a.log, DELAY_MS - tolerance)).toEqual([]);
    expect(hostile.politenessViolations(b.log, DELAY_MS - tolerance)).toEqual([]);
  });
});
