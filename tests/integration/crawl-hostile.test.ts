import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CrawlProgress, type CrawlSummary, runCrawl, type SourceCrawlResult } from '@fieldguide/crawlers';
import { createStore, type Store } from '@fieldguide/crawlers/storage';
import { hostile } from '@fieldguide/crawlers/testing';
import type { Source } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileSites, startHostileSites } from '../support/hostile-sites.js';

const DELAY_MS = 100;
const NOW = new Date('2026-03-07T12:00:00Z');

let sites: HostileSites;
let logs: { a: hostile.RequestLogEntry[]; b: hostile.RequestLogEntry[] };
const requests = (log: readonly hostile.RequestLogEntry[], pathname: string) =>
  log.filter((entry) => entry.path.split('?')[0] === pathname);
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
  sites = await startHostileSites();
  const { a, b } = sites;
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
      source('trap-ics', b.url('/trap.ics'), 'ics'),
      source('script', b.url('/script.html'), 'html'),
      source('metadata', 'http://169.254.169.254/latest/meta-data/', 'auto', false),
    ],
    fetcher: { perHostDelayMs: DELAY_MS, maxRetries: 1, retryBaseDelayMs: 50, totalTimeoutMs: 1000 },
    onProgress: (p) => progress.push(p),
  });
  logs = await sites.logs();
}, 60_000);

afterAll(async () => {
  store?.close();
  await sites?.close();
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

  it('reads a calendar built to stall its reader within its time budget, keeping its good events', () => {
    expect(result('trap-ics').status).toBe('ok');
    const titles = [...store.iterateEvents()].map((e) => e.title);
    expect(titles).toContain('Trap-proof Career Fair');
    expect(titles).toContain('Forever Expo');
    expect(result('trap-ics').warnings.join('\n')).toMatch(/DURATION line\(s\) longer than/);
    expect(result('trap-ics').warnings.join('\n')).toMatch(/VEVENT never@x: stopped expanding \(out of time\)/);
  });

  it('waits out a 429 with Retry-After, logging the retry once, and then reads the calendar', () => {
    expect(result('busy')).toMatchObject({ status: 'ok', events: 1 });
    const retries = progress.filter((p) => p.type === 'retry' && p.url.endsWith('/busy.ics'));
    expect(retries).toHaveLength(1);
    const [limited, retried] = requests(logs.a, '/busy.ics');
    expect(limited?.status).toBe(429);
    expect(retried!.startedAt - limited!.endedAt!).toBeGreaterThanOrEqual(950);
  });

  it('never fetched the disallowed page nor more than a capped part of the 50 MB body', () => {
    expect(requests(logs.a, '/private/events.html')).toEqual([]);
    const huge = requests(logs.a, '/huge.html');
    expect(huge).toHaveLength(1);
    expect(huge[0]!.bytesSent).toBeLessThan(20_000_000);
  });

  it('was polite: no host saw two requests at once, or one sooner than its delay after the last', () => {
    expect(logs.a.length).toBeGreaterThan(5);
    expect(logs.b.length).toBeGreaterThan(5);
    // 2 ms for timers, which may fire that much early against the server's clock. A server notices a connection
    // the client dropped (the capped body, the timed-out drip) only when its own process gets to it: on a busy
    // 2-core machine that has been up to ~7 ms after the client let go, so gaps after a hang-up get 10 ms more.
    const tolerance = 2;
    const options = { hangUpSlackMs: 10 };
    expect(hostile.politenessViolations(logs.a, DELAY_MS - tolerance, options)).toEqual([]);
    expect(hostile.politenessViolations(logs.b, DELAY_MS - tolerance, options)).toEqual([]);
  });
});
