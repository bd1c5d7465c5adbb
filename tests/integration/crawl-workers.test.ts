import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CrawlWorker, startCrawlWorker } from '@fieldguide/crawlers';
import {
  type CrawlQueue,
  type CrawlQueueSettings,
  openConfiguredStore,
  openCrawlQueue,
  type Store,
  type WorkerSettings,
} from '@fieldguide/crawlers/storage';
import { startTestPostgres, type TestPostgres } from '@fieldguide/crawlers/testing';
import type { Source } from '@fieldguide/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestApp } from '../support/app.js';
import { startFieldguide } from '../support/cli.js';

const QUEUE: CrawlQueueSettings = {
  jobTimeoutMs: 2000,
  retryLimit: 3,
  retryDelayMs: 1000,
  keepDays: 1,
  maintenanceIntervalMs: 1000,
  pollIntervalMs: 500,
};
const WORKER: WorkerSettings = {
  queue: QUEUE,
  concurrency: 2,
  scheduleIntervalMs: 60_000,
  hostLeaseTimeoutMs: 3000,
  stopTimeoutMs: 5000,
};
/** The same settings as variables, for `fieldguide worker` processes. */
const WORKER_ENV = {
  CRAWL_JOB_TIMEOUT_MS: String(QUEUE.jobTimeoutMs),
  CRAWL_JOB_RETRY_DELAY_MS: String(QUEUE.retryDelayMs),
  CRAWL_SCHEDULE_INTERVAL_MS: '60000',
  CRAWL_TIMEOUT_MS: '2500',
  HOST_LEASE_TIMEOUT_MS: String(WORKER.hostLeaseTimeoutMs),
  WORKER_STOP_TIMEOUT_MS: String(WORKER.stopTimeoutMs),
  CRAWL_PER_HOST_DELAY_MS: '0',
};

const vevent = (uid: string, title: string, day: string) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:${day}T150000Z\r\nSUMMARY:${title}\r\n` +
  'LOCATION:Chicago, IL\r\nEND:VEVENT\r\n';
const CALENDAR =
  'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n' +
  vevent('a@t', 'Nursing Career Fair', '20300410') +
  vevent('b@t', 'Nurse Recruiter Meetup', '20300411') +
  vevent('c@t', 'Health Informatics Hiring Day', '20300412') +
  'END:VCALENDAR\r\n';

/** How the calendar answers its nth request: at once, after a while, or never. */
type CalendarMode = (nth: number) => 'answer' | 'slow' | 'hang';

let postgres: TestPostgres;
let dir: string;
let storePath: string;
/** This test's own database: the store, the queue and the host leases. */
let databaseUrl: string;
let store: Store;
let server: Server;
let origin: string;
let calendarMode: CalendarMode;
let calendarRequests: number;
const children: ChildProcess[] = [];
const queues: CrawlQueue[] = [];
const workers: CrawlWorker[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  server = createServer((request, response) => {
    if (request.url !== '/cal.ics') {
      response.writeHead(404).end();
      return;
    }
    calendarRequests += 1;
    const mode = calendarMode(calendarRequests);
    if (mode === 'hang') return;
    setTimeout(
      () => response.writeHead(200, { 'content-type': 'text/calendar' }).end(CALENDAR),
      mode === 'slow' ? 1500 : 0,
    );
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await postgres?.stop();
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-workers-'));
  storePath = path.join(dir, 'store.sqlite');
  databaseUrl = await postgres.createDatabase();
  store = openConfiguredStore({ databasePath: storePath, databaseUrl });
  calendarMode = () => 'answer';
  calendarRequests = 0;
});

afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(workers.splice(0).map((w) => w.stop()));
  await Promise.all(queues.splice(0).map((q) => q.stop(1000)));
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function source(id: string, patch: Partial<Source> = {}): Source {
  return {
    id,
    url: `${origin}/cal.ics`,
    kind: 'ics',
    name: id,
    fields: ['health-science'],
    pathways: [],
    recrawlMinutes: 60,
    enabled: true,
    allowPrivateNetwork: true,
    health: { eventsFound: 0, errorCount: 0 },
    ...patch,
  };
}

async function queue(settings: Partial<CrawlQueueSettings> = {}): Promise<CrawlQueue> {
  const opened = await openCrawlQueue({ databaseUrl: databaseUrl, settings: { ...QUEUE, ...settings } });
  queues.push(opened);
  return opened;
}

async function worker(): Promise<CrawlWorker> {
  const started = await startCrawlWorker({
    store,
    databaseUrl: databaseUrl,
    settings: WORKER,
    fetcher: { perHostDelayMs: 0, totalTimeoutMs: 2500 },
  });
  workers.push(started);
  return started;
}

function workerProcess(
  env: Record<string, string | undefined>,
  command = 'worker',
): ChildProcess & { output: () => string } {
  const started = startFieldguide([command], {
    DATA_DIR: dir,
    DATABASE_PATH: storePath,
    DATABASE_URL: undefined,
    ...env,
  });
  children.push(started.child);
  return Object.assign(started.child, { output: started.output });
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('crawl workers on a PostgreSQL queue', () => {
  it('queue one job per due source however many tickers enqueue at once', async () => {
    store.upsertSource(source('due-1'));
    store.upsertSource(source('due-2'));
    store.upsertSource(source('due-3'));
    store.upsertSource(source('off', { enabled: false }));
    store.upsertSource(source('fresh'));
    store.updateSourceHealth('fresh', {
      lastCrawledAt: new Date().toISOString(),
      lastStatus: 'ok',
      eventsFound: 0,
      errorCount: 0,
    });
    const [a, b] = await Promise.all([queue(), queue()]);
    const results = await Promise.all([
      a.enqueueDue(store),
      b.enqueueDue(store),
      a.enqueueDue(store),
      b.enqueueDue(store),
    ]);
    const queued = results.flatMap((r) => r.queued).sort();
    expect(queued).toEqual(['due-1', 'due-2', 'due-3']);
    const jobs = await a.listJobs();
    expect(jobs.map((j) => j.sourceId).sort()).toEqual(['due-1', 'due-2', 'due-3']);
    expect(jobs.every((j) => j.state === 'created')).toBe(true);
    expect((await b.enqueue(['due-2', 'off'], { force: true })).queued).toEqual(['off']);
  });

  it('retry the job of a worker killed mid-crawl on another worker after its lease, storing the events once', async () => {
    store.upsertSource(source('cal'));
    calendarMode = (nth) => (nth === 1 ? 'hang' : 'answer');
    const q = await queue();
    expect((await q.enqueue(['cal'])).queued).toEqual(['cal']);
    const doomed = workerProcess({ DATABASE_URL: databaseUrl, ...WORKER_ENV });
    await vi.waitFor(() => expect(calendarRequests).toBe(1), { timeout: 20_000, interval: 50 });
    doomed.kill('SIGKILL');
    await exitOf(doomed);
    const [job] = await q.listJobs();
    expect(job?.state).toBe('active');

    await worker();
    await vi.waitFor(async () => expect((await q.listJobs())[0]?.state).toBe('completed'), {
      timeout: 15_000,
      interval: 100,
    });
    const [done] = await q.listJobs();
    expect(done?.id).toBe(job?.id);
    expect(done?.retryCount).toBe(1);
    expect(calendarRequests).toBe(2);
    expect(store.countEvents()).toBe(3);
    expect(store.listSourceRefs('cal')).toHaveLength(3);

    const jobs = workerProcess({ DATABASE_URL: databaseUrl }, 'jobs');
    expect(await exitOf(jobs)).toBe(0);
    expect(jobs.output()).toMatch(new RegExp(`${done?.id}\\s+cal\\s+completed\\s+1\\s`));
  });

  it('give the job back on SIGTERM: the worker exits 0 and another worker takes the job', async () => {
    store.upsertSource(source('cal'));
    calendarMode = (nth) => (nth === 1 ? 'slow' : 'answer');
    // A lease long enough that only the signal, never the job's timeout, stops the crawl.
    const q = await queue({ jobTimeoutMs: 60_000 });
    await q.enqueue(['cal'], { force: true });
    const stopping = workerProcess({ DATABASE_URL: databaseUrl, ...WORKER_ENV });
    await vi.waitFor(() => expect(calendarRequests).toBe(1), { timeout: 20_000, interval: 50 });
    const signalledAt = Date.now();
    stopping.kill('SIGTERM');
    expect(await exitOf(stopping)).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(WORKER.stopTimeoutMs + 2000);
    expect(stopping.output(), stopping.output()).toMatch(/given back/);
    const jobs = await q.listJobs();
    expect(jobs.map((j) => j.state).sort()).toEqual(['completed', 'created']);
    expect(jobs.find((j) => j.state === 'completed')?.output).toMatchObject({ givenBack: true });

    await worker();
    await vi.waitFor(async () => expect((await q.listJobs()).every((j) => j.state === 'completed')).toBe(true), {
      timeout: 10_000,
      interval: 100,
    });
    expect(calendarRequests).toBe(2);
    expect(store.countEvents()).toBe(3);
  });

  it('refuse to start without DATABASE_URL, or with a PostgreSQL it cannot reach, with exit code 1', async () => {
    const missing = workerProcess({});
    expect(await exitOf(missing)).toBe(1);
    expect(missing.output()).toMatch(/fieldguide worker needs DATABASE_URL/);

    const unreachable = workerProcess({ DATABASE_URL: 'postgres://fieldguide:secret@127.0.0.1:1/fieldguide' });
    expect(await exitOf(unreachable)).toBe(1);
    expect(unreachable.output()).toMatch(
      /the store at postgres:\/\/fieldguide:\*\*\*@127\.0\.0\.1:1\/fieldguide cannot be reached/,
    );
    expect(unreachable.output()).not.toContain('secret');
  });

  it("queue the admin API's crawls on a server with DATABASE_URL, and list the runs the workers record", async () => {
    store.upsertSource(source('cal'));
    store.upsertSource(source('later'));
    store.updateSourceHealth('later', {
      lastCrawledAt: new Date().toISOString(),
      lastStatus: 'ok',
      eventsFound: 0,
      errorCount: 0,
    });
    const token = 'test-admin-token-0123456789abcdef';
    const t = await startTestApp({
      ADMIN_TOKEN: token,
      ADMIN_RATE_LIMIT_MAX: '0',
      DATABASE_PATH: storePath,
      DATABASE_URL: databaseUrl,
    });
    try {
      const admin = (method: 'GET' | 'POST', url: string, payload?: object) =>
        t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
      const first = (await admin('POST', '/api/admin/crawls', { sourceIds: ['cal'] })).json();
      expect([...first.queued, ...first.alreadyQueued]).toEqual(['cal']);
      const again = await admin('POST', '/api/admin/crawls', { sourceIds: ['cal', 'later'], force: true });
      expect(again.statusCode).toBe(202);
      expect(again.json()).toEqual({ queued: ['later'], alreadyQueued: ['cal'] });
      const unknown = await admin('POST', '/api/admin/crawls', { sourceIds: ['nope'] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ code: 'ERR_BAD_PARAMETER' });

      const q = await queue();
      expect((await q.listJobs()).map((j) => j.sourceId).sort()).toEqual(['cal', 'later']);
      await worker();
      await vi.waitFor(async () => expect((await q.listJobs()).every((j) => j.state === 'completed')).toBe(true), {
        timeout: 15_000,
        interval: 100,
      });
      const runs = (await admin('GET', '/api/admin/crawls')).json().runs as { status: string; results: object }[];
      expect(runs).toHaveLength(2);
      expect(runs.flatMap((r) => Object.keys(r.results)).sort()).toEqual(['cal', 'later']);
      expect(runs.every((r) => r.status === 'finished')).toBe(true);
    } finally {
      await t.close();
    }
  });
});
