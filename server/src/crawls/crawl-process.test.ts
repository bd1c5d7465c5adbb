import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CrawlProgress } from '@fieldguide/crawlers';
import { createPostgresStore, createStore, type Store } from '@fieldguide/crawlers/storage';
import { hostile, startTestPostgres, type TestPostgres } from '@fieldguide/crawlers/testing';
import type { Source } from '@fieldguide/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCrawlInChild } from './crawl-process.js';

const FETCHER = { perHostDelayMs: 0, maxRetries: 0 };
const ICS = { headers: { 'content-type': 'text/calendar; charset=utf-8' } };
const IN_A_MONTH = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');

const calendar = (...titles: string[]) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${titles
    .map(
      (title, i) =>
        `BEGIN:VEVENT\r\nUID:${i}@test\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:${IN_A_MONTH}T150000Z\r\n` +
        `SUMMARY:${title}\r\nLOCATION:Chicago, IL\r\nEND:VEVENT\r\n`,
    )
    .join('')}END:VCALENDAR\r\n`;

let dir: string;
let databasePath: string;
let store: Store;
let site: hostile.HostileServer;
/** Resolves the slow page's answer. */
let release: () => void;

const source = (id: string, url: string): Source => ({
  id,
  url,
  kind: 'ics',
  name: id,
  fields: [],
  pathways: [],
  recrawlMinutes: 1440,
  enabled: true,
  allowPrivateNetwork: true,
  health: { eventsFound: 0, errorCount: 0 },
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-crawl-child-'));
  databasePath = path.join(dir, 'fieldguide.sqlite');
  store = createStore({ path: databasePath });
  const slow = new Promise<void>((resolve) => {
    release = resolve;
  });
  site = await hostile.startHostileServer({
    routes: {
      '/cal.ics': hostile.text(calendar('Nursing Career Fair', 'Data Engineering Meetup'), ICS),
      '/slow.ics': async (req, res, entry) => {
        await slow;
        hostile.text(calendar('Late Workshop'), ICS)(req, res, entry);
      },
    },
  });
});

afterEach(async () => {
  release();
  store.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runCrawlInChild', () => {
  it("crawls the store's sources in another process and reports every step", async () => {
    store.upsertSource(source('cal', site.url('/cal.ics')));
    const progress: CrawlProgress[] = [];
    await runCrawlInChild({
      store: { databasePath },
      force: true,
      fetcher: FETCHER,
      signal: new AbortController().signal,
      onProgress: (step) => progress.push(step),
    });
    expect(progress.map((p) => p.type)).toEqual([
      'run-started',
      'source-started',
      'page',
      'source-finished',
      'run-finished',
    ]);
    const started = progress[0] as Extract<CrawlProgress, { type: 'run-started' }>;
    expect(store.getCrawlRun(started.runId)).toMatchObject({
      status: 'finished',
      results: { cal: { status: 'ok', events: 2 } },
    });
    expect([...store.iterateEvents()].map((e) => e.title).sort()).toEqual([
      'Data Engineering Meetup',
      'Nursing Career Fair',
    ]);
    // What the crawl wrote waits in the outbox for this process's drainer.
    expect(store.outboxSize()).toBeGreaterThanOrEqual(2);
  });

  it('stops when aborted: the page in flight finishes and the run ends interrupted', async () => {
    store.upsertSource(source('slow', site.url('/slow.ics')));
    store.upsertSource(source('cal', site.url('/cal.ics')));
    const abort = new AbortController();
    let runId = 0;
    const crawl = runCrawlInChild({
      store: { databasePath },
      force: true,
      fetcher: { ...FETCHER, maxConcurrency: 1 },
      signal: abort.signal,
      onProgress: (step) => {
        if (step.type === 'run-started') runId = step.runId;
        if (step.type === 'source-started' && step.sourceId === 'slow') {
          abort.abort();
          release();
        }
      },
    });
    await crawl;
    expect(store.getCrawlRun(runId)?.status).toBe('interrupted');
  });

  it('rejects with the reason when the crawl cannot run at all', async () => {
    const crawl = runCrawlInChild({
      store: { databasePath },
      sourceIds: ['nope'],
      force: true,
      fetcher: FETCHER,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    await expect(crawl).rejects.toThrow(/nope/);
  });
});

describe('runCrawlInChild on a PostgreSQL store', () => {
  let postgres: TestPostgres;
  let shared: Store;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    shared = createPostgresStore({ url: postgres.url });
  });

  afterAll(async () => {
    shared?.close();
    await postgres?.stop();
  });

  it('writes what the crawl found to the database the request names', async () => {
    shared.upsertSource(source('cal', site.url('/cal.ics')));
    let runId = 0;
    await runCrawlInChild({
      store: { databasePath, databaseUrl: postgres.url },
      force: true,
      fetcher: FETCHER,
      signal: new AbortController().signal,
      onProgress: (step) => {
        if (step.type === 'run-started') runId = step.runId;
      },
    });
    expect(shared.getCrawlRun(runId)).toMatchObject({
      status: 'finished',
      results: { cal: { status: 'ok', events: 2 } },
    });
    expect(shared.countEvents()).toBe(2);
    expect(shared.readOutbox(10).map((entry) => entry.op)).toEqual(['upsert', 'upsert']);
    // Nothing went to the SQLite file the server would otherwise use.
    expect(store.countEvents()).toBe(0);
  });
});
