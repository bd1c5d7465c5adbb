// The whole multi-machine layout on one machine: one PostgreSQL (store, crawl queue, host leases), two Meilisearch
// replicas, two API servers and three crawl workers, crawling the demo sites and the hostile sites politely while a
// worker and a replica are killed, and searches are answered throughout.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { canonicalUrl, parseSourcesYaml, runCrawl } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import {
  type CrawlJobRecord,
  type CrawlQueue,
  createIndex,
  createPostgresStore,
  createStore,
  openCrawlQueue,
  type SearchIndex,
  type Store,
} from '@fieldguide/crawlers/storage';
import {
  type hostile,
  startTestMeilisearch,
  startTestPostgres,
  type TestMeilisearch,
  type TestPostgres,
} from '@fieldguide/crawlers/testing';
import type { Event, Source } from '@fieldguide/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CliProcess, startFieldguide } from '../support/cli.js';
import { type HostileSites, startHostileSites } from '../support/hostile-sites.js';
import { expectIndexEqualsStore } from '../support/index-contents.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

const ADMIN_TOKEN = 'cluster-test-admin-token-0123456789';
const MASTER_KEY = 'cluster-test-master-key-0123456789';
/** The politeness gap every worker keeps at every host. */
const DELAY_MS = 300;
/**
 * How much shorter than `DELAY_MS` two logged arrivals at one host may look. The demo sites log in this test's own
 * process, whose event loop may be busy (answers to parse, the store bridge) when a request arrives, so an arrival
 * can be stamped late — and the next one on time; the hostile sites log in a process of their own. Requests that
 * ignored each other's leases would arrive within a few milliseconds of each other, far below this.
 */
const CLOCK_TOLERANCE_MS = 60;
/**
 * A crawl job's lease: the time after which the job of a killed worker is retried (found by the queue's
 * maintenance, which runs every quarter of it). Its 90 % must fit the longest source on a machine busy with other
 * test files: the demo CPA site's robots.txt asks for a second between its dozen pages.
 */
const JOB_TIMEOUT_MS = 30_000;
const CRAWL_TIMEOUT_MS = 2000;
const WORKERS = 3;

/** Settings every process of the cluster shares. */
const CLUSTER_ENV = {
  CRAWL_JOB_TIMEOUT_MS: String(JOB_TIMEOUT_MS),
  CRAWL_JOB_RETRY_DELAY_MS: '1000',
  // Only the admin API queues crawls here, never a tick.
  CRAWL_SCHEDULE_INTERVAL_MS: '3600000',
  CRAWL_PER_HOST_DELAY_MS: String(DELAY_MS),
};

/** One answer of the search loop. */
interface Answer {
  server: number;
  path: string;
  /** 0 when no answer came (connection refused, timeout). */
  status: number;
  at: number;
  problem?: string;
}

/** A request a fixture site saw: which host, when (ms, one clock per site process), what. */
interface Arrival {
  host: string;
  at: number;
  what: string;
}

let postgres: TestPostgres;
let replicas: TestMeilisearch[] = [];
let demo: DemoSites;
let sites: HostileSites;
let dir: string;
let sql: pg.Client;
let queue: CrawlQueue;
const servers: ServerProcess[] = [];
const workers: CliProcess[] = [];
const indexes: SearchIndex[] = [];
const stores: Store[] = [];

/** What the run showed, for the checks below. */
let sourceIds: string[];
let jobs: CrawlJobRecord[];
const answers: Answer[] = [];
let killedWorker: { pid: number; runIds: number[] };
let replicaDown: { from: number; to: number };
let crawlWindow: { from: number; to: number };
let arrivals: Arrival[];
let events: Event[];
let storedSources: Source[];
let reference: Event[];
let durationMs: number;

const keyOf = (e: Event) => `${canonicalUrl(e.url)}|${e.start}`;
const sourceSet = (e: Event) => [...new Set(e.sources.map((s) => s.sourceId))].sort().join(',');
/**
 * What an event is, whichever worker stored it: its URL and start with its sources; an event merged from several
 * sources keeps the URL of whichever source came first, so it is its sources and start.
 */
const identityOf = (e: Event) =>
  sourceSet(e).includes(',') ? `${sourceSet(e)}|${e.start}` : `${keyOf(e)}|${sourceSet(e)}`;

/** The hostile sources: robots.txt, a 429 with Retry-After, a redirect loop, a charset, a slow drip, bad data. */
function hostileSources(a: HostileSites['a'], b: HostileSites['b']): Record<string, unknown>[] {
  const sourceOf = (id: string, url: string, kind: Source['kind']) => ({ id, url, kind, allowPrivateNetwork: true });
  return [
    sourceOf('hostile-robots', a.url('/private/events.html'), 'html'),
    sourceOf('hostile-busy', a.url('/busy.ics'), 'ics'),
    sourceOf('hostile-loop', a.url('/loop-a'), 'html'),
    sourceOf('hostile-charset', a.url('/latin1.html'), 'html'),
    sourceOf('hostile-slow', b.url('/slow.html'), 'html'),
    sourceOf('hostile-broken-ld', b.url('/broken-ld.html'), 'html'),
    sourceOf('hostile-messy-ics', b.url('/messy.ics'), 'ics'),
    sourceOf('hostile-trap-ics', b.url('/trap.ics'), 'ics'),
    sourceOf('hostile-garbage-ics', b.url('/garbage.ics'), 'ics'),
    sourceOf('hostile-script', b.url('/script.html'), 'html'),
  ];
}

/** The demo's sources as the admin API takes them (an `auto` one is discovered by the server on the way in). */
function demoSources(): Record<string, unknown>[] {
  return parseSourcesYaml(demo.sourcesYaml).sources.map((s) => ({
    id: s.id,
    url: s.url,
    kind: s.kind,
    name: s.name,
    fields: s.fields,
    recrawlMinutes: s.recrawlMinutes,
    allowPrivateNetwork: true,
  }));
}

async function admin(server: ServerProcess, method: 'GET' | 'POST', route: string, body?: object) {
  const res = await fetch(`${server.url}/api/admin${route}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Asks both servers for searches and their health, in turn, until stopped; records every answer. */
function startSearchLoop(): { stop(): Promise<void> } {
  let running = true;
  const paths = ['/api/search?q=career', '/health'];
  const loop = (async () => {
    for (let n = 0; running; n++) {
      const server = n % servers.length;
      const route = paths[Math.floor(n / servers.length) % paths.length]!;
      const at = Date.now();
      try {
        const res = await fetch(`${servers[server]!.url}${route}`, { signal: AbortSignal.timeout(10_000) });
        const body = await res.text();
        answers.push({ server, path: route, status: res.status, at, ...(res.ok ? {} : { problem: body }) });
      } catch (error) {
        answers.push({ server, path: route, status: 0, at, problem: String(error) });
      }
      // A steady pace of requests, not a wait for anything.
      await pause(40);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
    },
  };
}

/**
 * Checks `condition` every 50 ms until it holds; fails naming `what` after `timeoutMs`, with what `state` says of
 * the cluster then.
 */
async function until<T>(
  what: string,
  timeoutMs: number,
  condition: () => Promise<T | undefined>,
  state?: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      const seen = state ? `; then: ${await state().catch((error: unknown) => String(error))}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen}`);
    }
    await pause(50);
  }
}

/** The crawl runs still running, by the pid of the process running them. */
async function runningRuns(): Promise<{ id: number; pid: number }[]> {
  const { rows } = await sql.query<{ id: string; pid: number }>(
    "SELECT id, pid FROM crawl_runs WHERE status = 'running' ORDER BY id",
  );
  return rows.map((r) => ({ id: Number(r.id), pid: r.pid }));
}

/** The outbox's highest entry, and each replica's cursor (entries it applied), by replica name. */
async function outboxState(): Promise<{ written: number; cursors: Map<string, number> }> {
  const written = await sql.query<{ seq: string }>('SELECT seq FROM outbox_written');
  const cursors = await sql.query<{ replica: string; cursor: string }>('SELECT replica, cursor FROM outbox_replicas');
  return {
    written: Number(written.rows[0]?.seq ?? 0),
    cursors: new Map(cursors.rows.map((r) => [r.replica, Number(r.cursor)])),
  };
}

/** Every request the demo and hostile sites saw in `window`, each with its host. */
async function arrivalsIn(window: { from: number; to: number }): Promise<Arrival[]> {
  const logs = await sites.logs();
  const hostileArrivals = (log: hostile.RequestLogEntry[]) =>
    log.map((entry) => ({ host: entry.localAddress, at: entry.startedAtEpochMs, what: entry.path }));
  const all = [
    ...demo.accessLog.map((entry) => ({ host: entry.siteId, at: entry.at.getTime(), what: entry.url })),
    ...hostileArrivals(logs.a),
    ...hostileArrivals(logs.b),
  ];
  return all.filter((arrival) => arrival.at >= window.from && arrival.at <= window.to);
}

function startWorker(): CliProcess {
  const worker = startFieldguide(['worker'], {
    ...CLUSTER_ENV,
    // A killed worker's host lease lapses soon: it must only outlast one request.
    CRAWL_TIMEOUT_MS: String(CRAWL_TIMEOUT_MS),
    HOST_LEASE_TIMEOUT_MS: String(CRAWL_TIMEOUT_MS + 1000),
    DATABASE_URL: postgres.url,
    DATA_DIR: path.join(dir, `worker-${workers.length}`),
    WORKER_CONCURRENCY: '2',
    WORKER_STOP_TIMEOUT_MS: '3000',
    MEILI_URL: undefined,
    MEILI_URLS: undefined,
  });
  workers.push(worker);
  return worker;
}

const alive = (child: CliProcess | ServerProcess) => child.child.exitCode === null && child.child.signalCode === null;

beforeAll(async () => {
  const started = Date.now();
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-cluster-'));
  // Always two embedded replicas this test can kill, whatever MEILI_URL the environment names.
  const embedded = { ...process.env, MEILI_URL: undefined };
  [postgres, demo, sites, ...replicas] = await Promise.all([
    startTestPostgres(),
    startDemoSites(),
    startHostileSites(),
    startTestMeilisearch(embedded, { masterKey: MASTER_KEY }),
    startTestMeilisearch(embedded, { masterKey: MASTER_KEY }),
  ]);
  const prefix = replicas[0]!.prefix;
  sql = new pg.Client({ connectionString: postgres.url });
  await sql.connect();

  const serverEnv = {
    ...CLUSTER_ENV,
    DATABASE_URL: postgres.url,
    MEILI_URLS: replicas.map((r) => r.url).join(','),
    MEILI_MASTER_KEY: MASTER_KEY,
    MEILI_INDEX_PREFIX: prefix,
    ADMIN_TOKEN,
    ADMIN_RATE_LIMIT_MAX: '0',
    RATE_LIMIT_MAX: '0',
    DEMO_SITES: 'off',
    CATALOG: 'off',
    OUTBOX_DRAIN_INTERVAL_MS: '200',
  };
  servers.push(...(await Promise.all([startServerProcess(serverEnv), startServerProcess(serverEnv)])));
  indexes.push(...replicas.map((r) => createIndex({ url: r.url, masterKey: MASTER_KEY, prefix })));
  queue = await openCrawlQueue({ databaseUrl: postgres.url });

  // The sources go in through one server's admin API.
  const toAdd = [...demoSources(), ...hostileSources(sites.a, sites.b)];
  for (const body of toAdd) {
    const added = await admin(servers[0]!, 'POST', '/sources', body);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  sourceIds = toAdd.map((s) => String(s.id));

  const searches = startSearchLoop();
  crawlWindow = { from: Date.now(), to: Number.POSITIVE_INFINITY };
  const queued = await admin(servers[1]!, 'POST', '/crawls', { sourceIds });
  expect(queued.status, JSON.stringify(queued.body)).toBe(202);
  expect(queued.body).toEqual({ queued: sourceIds, alreadyQueued: [] });
  // Started once the jobs wait, so their first tick of due sources finds them all queued.
  for (let n = 0; n < WORKERS; n++) startWorker();

  // A worker with a crawl under way is killed outright.
  const workerPids = new Set(workers.map((w) => w.child.pid));
  const victim = await until('a worker with a crawl running', 30_000, async () =>
    (await runningRuns()).find((run) => workerPids.has(run.pid)),
  );
  const doomed = workers.find((w) => w.child.pid === victim.pid)!;
  doomed.child.kill('SIGKILL');
  await doomed.exited;
  killedWorker = {
    pid: victim.pid,
    runIds: (await runningRuns()).filter((run) => run.pid === victim.pid).map((run) => run.id),
  };

  // A replica is killed once the drain feeds it, and comes back once the other has applied writes made meanwhile.
  const [a, b] = indexes as [SearchIndex, SearchIndex];
  await until('the second replica to apply the first entries', 30_000, async () =>
    (await outboxState()).cursors.get(b.replica)! > 0 ? true : undefined,
  );
  await replicas[1]!.kill();
  const downAt = Date.now();
  const written = (await outboxState()).written;
  const searchesSince = (from: number) => answers.filter((x) => x.at >= from && x.path.startsWith('/api/search'));
  await until(
    'the other replica to apply entries written, and searches, while the second was down',
    30_000,
    async () =>
      (await outboxState()).cursors.get(a.replica)! > written && searchesSince(downAt).length >= 4 ? true : undefined,
  );
  await replicas[1]!.restart();
  replicaDown = { from: downAt, to: Date.now() };

  jobs = await until(
    'every crawl job to end',
    150_000,
    async () => {
      const now = await queue.listJobs(1000);
      return now.length === sourceIds.length && now.every((j) => j.state === 'completed' || j.state === 'failed')
        ? now
        : undefined;
    },
    async () => {
      const listed = (await queue.listJobs(1000)).map(
        (j) => `${j.sourceId} ${j.state} (retries ${j.retryCount}, ${JSON.stringify(j.output ?? null)})`,
      );
      const said = workers.map((w, i) => `worker ${i}:\n${w.output().slice(-1500)}`);
      return `${listed.join('; ')}\n${said.join('\n')}`;
    },
  );
  crawlWindow.to = Date.now();

  const store = createPostgresStore({ url: postgres.url });
  stores.push(store);
  // Both replicas end equal to the store, while the search loop still runs.
  for (const index of indexes) {
    await vi.waitFor(() => expectIndexEqualsStore(store, index), { timeout: 30_000, interval: 200 });
  }
  await searches.stop();
  arrivals = await arrivalsIn(crawlWindow);
  events = [...store.iterateEvents()];
  storedSources = store.listSources();

  // The reference: one process crawls the same sources, as stored, into a SQLite store of its own.
  const referenceStore = createStore({ path: path.join(dir, 'reference.sqlite') });
  stores.push(referenceStore);
  await runCrawl({
    store: referenceStore,
    sources: storedSources.map((s) => ({ ...s, health: { eventsFound: 0, errorCount: 0 } })),
    force: true,
    fetcher: { perHostDelayMs: 20, totalTimeoutMs: CRAWL_TIMEOUT_MS },
  });
  reference = [...referenceStore.iterateEvents()];
  durationMs = Date.now() - started;
  console.info(`cluster run up to the checks: ${durationMs} ms, ${events.length} events, ${answers.length} answers`);
}, 240_000);

afterAll(async () => {
  await Promise.allSettled(
    workers.filter(alive).map((w) => {
      w.child.kill('SIGTERM');
      return w.exited;
    }),
  );
  await Promise.allSettled(servers.filter(alive).map((s) => s.stop()));
  for (const server of servers) server.cleanup();
  for (const store of stores) store.close();
  await Promise.allSettled([
    ...indexes.map((index) => index.close()),
    queue?.stop(1000),
    sql?.end(),
    demo?.close(),
    sites?.close(),
  ]);
  await Promise.allSettled(replicas.map((r) => r.stop()));
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the cluster: two API servers, three crawl workers, two replicas, one PostgreSQL', () => {
  it('crawls every source through the queue, the killed worker’s jobs retried by the others after the lease', async () => {
    expect(jobs.map((j) => j.sourceId).sort()).toEqual([...sourceIds].sort());
    expect(jobs.filter((j) => j.state !== 'completed')).toEqual([]);
    const retried = jobs.filter((j) => j.retryCount > 0);
    expect(retried.length).toBeGreaterThanOrEqual(1);
    // Every source was read whole once since its job was queued: a crawl stopped midway (a killed worker, a lease
    // run out) does not stamp it, so its retry crawls it rather than skipping it as not due.
    const unread = storedSources.filter((s) => !(Date.parse(s.health.lastCrawledAt ?? '') >= crawlWindow.from));
    expect(unread.map((s) => `${s.id}: ${s.health.lastCrawledAt}`)).toEqual([]);
    // The killed worker's runs were left running; a store opened on this host marked them interrupted.
    const { rows } = await sql.query<{ id: string; status: string; pid: number }>(
      'SELECT id, status, pid FROM crawl_runs',
    );
    const killedRuns = rows.filter((r) => r.pid === killedWorker.pid);
    expect(killedRuns.map((r) => Number(r.id)).sort()).toEqual([...killedWorker.runIds].sort());
    expect(killedRuns.every((r) => r.status === 'interrupted')).toBe(true);
    // Each retried job was taken again once its lease had run out, and ended in a run of another worker.
    for (const job of retried) {
      expect(Date.parse(job.startedOn ?? '') - Date.parse(job.createdOn)).toBeGreaterThanOrEqual(JOB_TIMEOUT_MS);
      const runId = (job.output as { runId?: number } | undefined)?.runId;
      const run = rows.find((r) => Number(r.id) === runId);
      expect(run?.pid, `job ${job.id} ${job.sourceId}`).toBeDefined();
      expect(run?.pid).not.toBe(killedWorker.pid);
    }
  });

  it('had more than one worker crawl, each logging its jobs', () => {
    const crawled = workers.filter((w) => /job \S+ \S+.*: /.test(w.output()));
    expect(crawled.length, workers.map((w) => w.output()).join('\n---\n')).toBeGreaterThanOrEqual(2);
  });

  it('kept the politeness gap at every host across the workers', () => {
    const byHost = new Map<string, Arrival[]>();
    for (const arrival of arrivals) byHost.set(arrival.host, [...(byHost.get(arrival.host) ?? []), arrival]);
    expect(byHost.size).toBeGreaterThanOrEqual(10);
    const tooClose: string[] = [];
    let closest = Number.POSITIVE_INFINITY;
    for (const [host, list] of byHost) {
      list.sort((x, y) => x.at - y.at);
      for (let n = 1; n < list.length; n++) {
        const gap = list[n]!.at - list[n - 1]!.at;
        closest = Math.min(closest, gap);
        if (gap < DELAY_MS - CLOCK_TOLERANCE_MS)
          tooClose.push(`${host}: ${list[n - 1]!.what} → ${list[n]!.what}, ${gap} ms`);
      }
    }
    expect(tooClose).toEqual([]);
    console.info(
      `${arrivals.length} requests at ${byHost.size} hosts; the closest two at one host: ${closest} ms apart`,
    );
  });

  it('lost no event and stored none twice, against one uninterrupted crawl of the same sources', () => {
    expect(reference.length).toBeGreaterThan(20);
    expect(new Set(events.map(keyOf)).size).toBe(events.length);
    expect(events.map(identityOf).sort()).toEqual(reference.map(identityOf).sort());
    expect(events.filter((e) => sourceSet(e).includes(',')).length).toBeGreaterThanOrEqual(2);
  });

  it('answered every search and health check with 200 from one replica or the other, one replica down or not', () => {
    const failed = answers.filter((answer) => answer.status !== 200);
    // What the servers logged of it (a store or index error), to tell why.
    const logged = servers.flatMap((s, i) =>
      s
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50)/.test(line))
        .map((line) => `server ${i}: ${line.slice(0, 600)}`),
    );
    expect(failed, logged.join('\n')).toEqual([]);
    const duringOutage = answers.filter((a) => a.at >= replicaDown.from && a.at <= replicaDown.to);
    expect(duringOutage.filter((a) => a.path.startsWith('/api/search')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(answers.map((a) => a.server)).size).toBe(2);
  });

  it('stops every process of the cluster cleanly', async () => {
    const running = workers.filter(alive);
    expect(running).toHaveLength(WORKERS - 1);
    for (const worker of running) worker.child.kill('SIGTERM');
    expect(await Promise.all(running.map((w) => w.exited))).toEqual(running.map(() => 0));
    expect(await Promise.all(servers.map((s) => s.stop()))).toEqual([0, 0]);
  });
});
