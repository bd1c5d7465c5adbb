// One node at scale: BENCH_EVENTS generated events (default 100,000; the goals are set for 1,000,000) through the
// product's own write, index and search paths, each next to its floor:
// (a) store write: events/s through the store's upsert, in transactions of STORE_BATCH events;
// (b) indexing: the server's own outbox drainer (from its start to an empty outbox) as a ratio of the same
//     documents sent directly to Meilisearch (DIRECT_BATCH a request, all enqueued at once, until the last task);
// (c) search: /api/search p50/p99 for plain, filtered, faceted and near queries, each next to the exact
//     Meilisearch requests the API made for it (recorded through a loopback proxy, then sent directly);
// (d) rebuild: a full reindex, timed, while one client keeps searching; its p99 against the normal p99;
// (e) memory: the peak resident memory (VmHWM) of the Meilisearch the bench started through the product's
//     runtime, with its default settings (and any MEILI_* settings in the environment), and the bench's own.
// The goals are the 1,000,000-event bar: at that size (or more) a missed goal makes the exit code 1. At smaller
// sizes every figure is still reported against its goal, marked informational (the rebuild limit scaled to the
// size), and only a broken run (an error, lost documents) fails. A section is appended to docs/benchmarks.md.
// The store is SQLite, or PostgreSQL at DATABASE_URL (BENCH_STORES=sqlite,postgres runs both, one after the other,
// and compares them); BENCH_REPLICAS=2 starts two Meilisearch replicas and two API server processes over the store
// instead of one in-process server, and reports how the drain and the searches spread over the replicas.
// Run: pnpm bench:scale (BENCH_EVENTS=20000 for a quick check; see docs/benchmarks.md for the full run's needs).
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  configuredReplicas,
  loadStorageConfig,
  type OpenedSearchIndex,
  openSearchIndex,
  reindex,
  type SearchIndex,
  type Store,
} from '@fieldguide/crawlers/storage';
import { buildApp, loadConfig } from '@fieldguide/server';
import { CLUSTERS, EVENT_TYPES, toSearchDocument } from '@fieldguide/shared';
import { type ServerProcess, startServerProcess } from '@fieldguide/tests/server-process';
import { Agent, request } from 'undici';
import { type BenchStore, prepareBenchStore, STORE_KINDS, type StoreKind } from './support/bench-store.js';
import { type BenchCorpus, generateCorpus, seededRandom } from './support/event-corpus.js';
import { type RecordedRequest, type RecordingProxy, startRecordingProxy } from './support/recording-proxy.js';
import { appendToBenchmarks, machineDescription, markdownTable, nowUtc, percentile } from './support/report.js';

/** The size the goals are set for. */
const GOAL_EVENTS = 1_000_000;
const GOALS = {
  /** Outbox drain rate over the direct rate, at least. */
  drainRatio: 0.7,
  /** /api/search p99 per kind of query, at most, in ms. */
  searchP99Ms: 50,
  /** Full reindex of GOAL_EVENTS events, at most, in seconds. */
  reindexSeconds: 600,
  /** Search p99 during a reindex over the normal p99, at most. */
  duringReindexFactor: 2,
};
const STORE_BATCH = 5000;
const DIRECT_BATCH = 10_000;
const KINDS = ['plain', 'filtered', 'faceted', 'near'] as const;
type Kind = (typeof KINDS)[number];
const QUERIES_PER_KIND = 50;
/** Measured passes over the queries, after one warm-up pass of each side. */
const ROUNDS = 5;
/** Longest wait for one Meilisearch task of the direct load. */
const TASK_TIMEOUT_MS = 30 * 60_000;

type App = Awaited<ReturnType<typeof buildApp>>;

interface Query {
  kind: Kind;
  /** The /api/search query string. */
  query: string;
}

/**
 * QUERIES_PER_KIND distinct queries of each kind, in a fixed order: `plain` is text only (words, typos, brands,
 * places; some sorted, some page 2); `filtered` sets one filter group to one value; `faceted` sets two or three
 * groups, several values each (each group costs a facet count of its own); `near` searches around a city.
 */
function makeQueries(corpus: BenchCorpus): Query[] {
  const random = seededRandom(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 3));
    return word.slice(0, at) + word.slice(at + 1);
  };
  const words = CLUSTERS.flatMap((c) => c.keywords).filter((k) => /^[a-z][a-z ]{3,24}$/.test(k));
  const longWords = words.filter((w) => w.length >= 6 && !w.includes(' '));
  const brands = corpus.brands.map((b) => b.split(/\s+/)[0]!).filter((b) => /^[A-Za-z]{4,}$/.test(b));
  const fieldIds = CLUSTERS.flatMap((c) => [c.id, ...c.pathways.map((p) => p.id)]);
  const formats = ['in-person', 'online', 'hybrid'];
  const places = ['Chicago, IL', 'Minneapolis, MN', 'Austin, TX', 'Seattle, WA', 'Boston, MA', '41.88,-87.63'];
  const text = (params: URLSearchParams) => {
    const roll = random();
    if (roll < 0.5) params.set('q', pick(words));
    else if (roll < 0.7) params.set('q', typo(pick(longWords)));
    else if (roll < 0.85) params.set('q', pick(brands.length > 0 ? brands : words));
    else params.set('q', `${pick(words)} ${pick(['career fair', 'conference', 'workshop'])}`);
  };
  const maybe = (chance: number, then: () => void) => {
    if (random() < chance) then();
  };
  const build: Record<Kind, (params: URLSearchParams) => void> = {
    plain(params) {
      text(params);
      maybe(0.2, () => params.set('sort', pick(['date', 'hiring'])));
      maybe(0.15, () => params.set('page', '2'));
    },
    filtered(params) {
      maybe(0.5, () => text(params));
      const group = random();
      if (group < 0.4) params.set('field', pick(fieldIds));
      else if (group < 0.6) params.set('type', pick(EVENT_TYPES));
      else if (group < 0.8) params.set('format', pick(formats));
      else if (group < 0.9) params.set('cost', 'free');
      else params.set('hiring', '0.7');
      maybe(0.15, () => params.set('page', '2'));
    },
    faceted(params) {
      maybe(0.4, () => text(params));
      for (let i = 0; i < 2; i++) params.append('field', pick(fieldIds));
      for (let i = 0; i < 2; i++) params.append('type', pick(EVENT_TYPES));
      maybe(0.6, () => params.set('format', pick(formats)));
      maybe(0.3, () => params.set('cost', 'free'));
      maybe(0.15, () => params.set('page', '2'));
    },
    near(params) {
      maybe(0.4, () => text(params));
      params.set('near', pick(places));
      params.set('radius', pick(['25mi', '50mi', '50mi', '100km']));
      maybe(0.3, () => params.set('sort', 'distance'));
      maybe(0.2, () => params.set('type', pick(EVENT_TYPES)));
      maybe(0.15, () => params.set('page', '2'));
    },
  };
  const queries: Query[] = [];
  for (const kind of KINDS) {
    const seen = new Set<string>();
    for (let attempts = 0; seen.size < QUERIES_PER_KIND && attempts < QUERIES_PER_KIND * 100; attempts++) {
      const params = new URLSearchParams();
      build[kind](params);
      seen.add(params.toString());
    }
    queries.push(...[...seen].map((query) => ({ kind, query })));
  }
  return queries;
}

const stats = (samples: readonly number[]) => {
  const sorted = samples.toSorted((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0, n: sorted.length };
};
type Stats = ReturnType<typeof stats>;

/** Stops the watch started now: seconds elapsed. */
const stopwatch = () => {
  const started = performance.now();
  return () => (performance.now() - started) / 1000;
};

/** (a) Writes the corpus to the empty store through its upsert, STORE_BATCH events a transaction, and closes it. */
function writeStore(target: BenchStore, corpus: BenchCorpus): { seconds: number; rate: number } {
  const store = target.open();
  try {
    const elapsed = stopwatch();
    for (let i = 0; i < corpus.events.length; i += STORE_BATCH) {
      store.upsertEvents(corpus.events.slice(i, i + STORE_BATCH));
    }
    const seconds = elapsed();
    console.log(`(a) ${target.label}: ${count(corpus.events.length / seconds)} events/s (${seconds.toFixed(1)} s)`);
    return { seconds, rate: corpus.events.length / seconds };
  } finally {
    store.close();
  }
}

/**
 * (b) Starts the server over the store and times it until its own outbox drainer (started with the server, with
 * the server's settings) has emptied the outbox; the index must then hold every event.
 */
async function measureDrain(start: () => Promise<Api>): Promise<{ api: Api; drained: number; seconds: number }> {
  const elapsed = stopwatch();
  const api = await start();
  // Queued after the drain the server began at start-up: resolves once the outbox is empty.
  await api.app.outbox.drainNow();
  const seconds = elapsed();
  const { store, searchIndex } = api.app;
  const drained = (await searchIndex.stats()).event.numberOfDocuments;
  if (store.outboxSize() > 0 || drained !== store.countEvents()) {
    throw new Error(
      `the drain left ${store.outboxSize()} entries, ${drained} documents for ${store.countEvents()} events`,
    );
  }
  return { api, drained, seconds };
}

/**
 * (b) The floor: the same documents sent straight to a fresh index with the same settings, DIRECT_BATCH a request,
 * all enqueued at once, timed until the last task succeeded. Each batch is serialized just before it is sent, while
 * Meilisearch indexes the ones before it.
 */
async function measureDirect(store: Store, index: SearchIndex, meili: MeiliAccess) {
  const uid = `${index.names.event}_bench_direct`;
  await index.deleteIndex(uid);
  await index.prepareIndex('event', uid);
  try {
    const elapsed = stopwatch();
    const tasks: number[] = [];
    let sent = 0;
    let batch: unknown[] = [];
    const send = async () => {
      tasks.push(await meili.enqueueDocuments(uid, JSON.stringify(batch)));
      sent += batch.length;
      batch = [];
    };
    for (const event of store.iterateEvents()) {
      batch.push(toSearchDocument(event));
      if (batch.length === DIRECT_BATCH) await send();
    }
    if (batch.length > 0) await send();
    for (const task of tasks) await index.waitTask(task, { timeoutMs: TASK_TIMEOUT_MS });
    return { sent, seconds: elapsed() };
  } finally {
    await index.deleteIndex(uid);
  }
}

/** Plain HTTP to the API and to Meilisearch, on kept-alive connections. */
interface MeiliAccess {
  /** Sends a recorded request again; resolves once Meilisearch answered 200. */
  replay(recorded: RecordedRequest): Promise<void>;
  /** Posts a JSON array of documents to `uid` and returns the task's uid. */
  enqueueDocuments(uid: string, body: string): Promise<number>;
  version(): Promise<string>;
  close(): Promise<void>;
}

function meiliAccess(url: string, masterKey: string): MeiliAccess {
  const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  const headers = { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' };
  const call = async (method: 'GET' | 'POST', path: string, body?: string) => {
    const response = await request(`${url}${path}`, {
      method,
      headers,
      dispatcher: agent,
      ...(body !== undefined && { body }),
    });
    const json = await response.body.json();
    if (response.statusCode >= 300) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    return json as Record<string, unknown>;
  };
  return {
    async replay(recorded) {
      await call(recorded.method as 'POST', recorded.path, recorded.body);
    },
    async enqueueDocuments(uid, body) {
      return (await call('POST', `/indexes/${encodeURIComponent(uid)}/documents?primaryKey=id`, body))
        .taskUid as number;
    },
    async version() {
      return (await call('GET', '/version')).pkgVersion as string;
    },
    close: () => agent.close(),
  };
}

/** Calls `/api/search`; throws on anything but a 200. */
function apiClient(base: string) {
  const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  return {
    async search(query: string): Promise<{ total: number }> {
      const response = await request(`${base}/api/search?${query}`, { dispatcher: agent });
      const body = await response.body.json();
      if (response.statusCode !== 200) throw new Error(`/api/search?${query}: ${JSON.stringify(body)}`);
      return body as { total: number };
    },
    close: () => agent.close(),
  };
}

/** The server over the bench's store and Meilisearch (or the proxy in front of it), listening on loopback. */
async function startApi(dir: string, target: BenchStore, meiliUrl: string, masterKey: string) {
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dir,
    ...target.env,
    MEILI_URL: meiliUrl,
    MEILI_URLS: '',
    MEILI_MASTER_KEY: masterKey,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_MAX: '0',
    // The outbox is empty: the bench drains and rebuilds itself, timed.
    OUTBOX_DRAIN_INTERVAL_MS: '3600000',
  });
  const app = await buildApp({ config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
  return { app, base: `http://127.0.0.1:${address.port}` };
}
type Api = Awaited<ReturnType<typeof startApi>>;

/** Runs each query once through an API that reaches Meilisearch through `proxies`, recording what it sends. */
async function recordRequests(base: string, proxies: readonly RecordingProxy[], queries: readonly Query[]) {
  const api = apiClient(base);
  try {
    const recorded: RecordedRequest[][] = [];
    let withHits = 0;
    for (const { query } of queries) {
      for (const proxy of proxies) proxy.startRecording();
      const { total } = await api.search(query);
      recorded.push(proxies.flatMap((proxy) => proxy.stopRecording()));
      if (total > 0) withHits++;
    }
    return { recorded, withHits };
  } finally {
    await api.close();
  }
}

interface KindFigures {
  api: Stats;
  direct: Stats;
  /** Meilisearch requests per query, on average. */
  requestsPerQuery: number;
}

type SearchFigures = { byKind: Record<Kind, KindFigures>; all: Stats };

/**
 * (c) One warm-up pass of each side, then ROUNDS passes of every query through the API and as its recorded
 * requests sent directly (in parallel, as the API may), the two in turn, each going first half the time. With
 * several servers (`bases`) and replicas (`meilis`), query i of round r goes to server and replica (i + r) mod n.
 */
async function measureSearches(
  bases: readonly string[],
  meilis: readonly MeiliAccess[],
  queries: readonly Query[],
  recorded: readonly RecordedRequest[][],
): Promise<SearchFigures> {
  const apis = bases.map(apiClient);
  const target = (i: number, round: number) => (i + round) % apis.length;
  try {
    const direct = (i: number, at: number) => Promise.all(recorded[i]!.map((r) => meilis[at]!.replay(r)));
    for (let at = 0; at < apis.length; at++) {
      for (const [i, { query }] of queries.entries()) {
        await apis[at]!.search(query);
        await direct(i, at);
      }
    }
    const samples = Object.fromEntries(KINDS.map((kind) => [kind, { api: [] as number[], direct: [] as number[] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, { kind, query }] of queries.entries()) {
        const at = target(i, round);
        const measure = async (side: 'api' | 'direct') => {
          const started = performance.now();
          await (side === 'api' ? apis[at]!.search(query) : direct(i, at));
          samples[kind]![side].push(performance.now() - started);
        };
        const apiFirst = (i + round) % 2 === 0;
        await measure(apiFirst ? 'api' : 'direct');
        await measure(apiFirst ? 'direct' : 'api');
      }
    }
    const byKind = Object.fromEntries(
      KINDS.map((kind) => {
        const ofKind = queries.flatMap((q, i) => (q.kind === kind ? [recorded[i]!.length] : []));
        const figures: KindFigures = {
          api: stats(samples[kind]!.api),
          direct: stats(samples[kind]!.direct),
          requestsPerQuery: ofKind.reduce((a, b) => a + b, 0) / ofKind.length,
        };
        return [kind, figures];
      }),
    ) as Record<Kind, KindFigures>;
    return { byKind, all: stats(KINDS.flatMap((kind) => samples[kind]!.api)) };
  } finally {
    await Promise.all(apis.map((api) => api.close()));
  }
}

/** (d) Rebuilds the index as the server does while one client searches, query after query, until it is done. */
async function measureReindex(app: App, base: string, queries: readonly Query[]) {
  const api = apiClient(base);
  const during: number[] = [];
  let done = false;
  const searching = (async () => {
    for (let i = 0; !done; i = (i + 1) % queries.length) {
      const started = performance.now();
      await api.search(queries[i]!.query);
      during.push(performance.now() - started);
    }
  })();
  try {
    const elapsed = stopwatch();
    const rebuilt = await reindex(app.store, app.searchIndex).finally(() => {
      done = true;
    });
    const seconds = elapsed();
    await searching;
    if (rebuilt.rejected.length > 0 || rebuilt.events !== app.store.countEvents()) {
      throw new Error(`the rebuild indexed ${rebuilt.events} of ${app.store.countEvents()} events`);
    }
    return { seconds, during: stats(during) };
  } finally {
    done = true;
    await searching.catch(() => undefined);
    await api.close();
  }
}

/** (e) Peak resident memory of a process in bytes (`VmHWM`), or `undefined` when /proc does not say. */
async function peakMemory(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib === undefined ? undefined : Number(kib) * 1024;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Bytes allocated on disk to the files under `dir` (Meilisearch's are sparse: their sizes would overstate it). A file
 * or folder deleted while it is read (Meilisearch removing an index swapped out by a rebuild) counts 0.
 */
async function diskUsage(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    if (isMissing(error)) return [];
    throw error;
  });
  const sizes = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return diskUsage(path);
      if (!entry.isFile()) return 0;
      return stat(path).then(
        (s) => s.blocks * 512,
        (error: unknown) => {
          if (isMissing(error)) return 0;
          throw error;
        },
      );
    }),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;
const ms = (value: number) => value.toFixed(1);
const count = (value: number) => Math.round(value).toLocaleString('en-US');

const percent = (part: number, whole: number) => `${whole === 0 ? '0' : ((100 * part) / whole).toFixed(0)} %`;

interface Verdict {
  label: string;
  met: boolean;
}

/** What the environment asks of this run, checked before anything starts. */
interface BenchSettings {
  events: number;
  stores: StoreKind[];
  /** Meilisearch replicas and API server processes; 1: the embedded Meilisearch and an in-process server. */
  replicas: number;
  databaseUrl?: string;
  /** BENCH_RESET=1: the PostgreSQL database's tables may be dropped first. */
  reset: boolean;
}

/** @throws Error listing every bad BENCH_* variable. */
function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const problems: string[] = [];
  const events = Number(env.BENCH_EVENTS ?? 100_000);
  if (!Number.isInteger(events) || events < 1000) {
    problems.push(`BENCH_EVENTS must be a whole number of at least 1000 (got ${env.BENCH_EVENTS})`);
  }
  const replicas = Number(env.BENCH_REPLICAS || 1);
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > 8) {
    problems.push(`BENCH_REPLICAS must be a whole number from 1 to 8 (got ${env.BENCH_REPLICAS})`);
  }
  const named = (env.BENCH_STORES || (env.DATABASE_URL ? 'postgres' : 'sqlite')).split(',').map((s) => s.trim());
  const stores = [...new Set(named)].filter((name): name is StoreKind => STORE_KINDS.includes(name as StoreKind));
  if (stores.length !== new Set(named).size) {
    problems.push(
      `BENCH_STORES lists stores from ${STORE_KINDS.join(', ')}, comma-separated (got ${env.BENCH_STORES})`,
    );
  }
  if (stores.includes('postgres') && !env.DATABASE_URL) {
    problems.push('BENCH_STORES names postgres: set DATABASE_URL to an empty PostgreSQL database');
  }
  if (![undefined, '', '0', '1'].includes(env.BENCH_RESET)) {
    problems.push(`BENCH_RESET must be 1 or 0 (got ${env.BENCH_RESET})`);
  }
  if (problems.length > 0) throw new Error(`bad bench settings:\n  ${problems.join('\n  ')}`);
  return {
    events,
    stores,
    replicas,
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    reset: env.BENCH_RESET === '1',
  };
}

/** What one store's run leaves for the comparison of stores. */
interface RunFigures {
  label: string;
  /** The 1-minute load average at the run's start. */
  loadAtStart: number;
  writeRate: number;
  /** Per replica, docs/s. */
  drainRates: number[];
  directRate: number;
  searches: SearchFigures;
  reindexSeconds?: number;
  storeBytes: number;
}

/** One store's run: its temp dir, the processes to kill if the bench is interrupted, the shared inputs. */
interface RunContext {
  settings: BenchSettings;
  target: BenchStore;
  dir: string;
  corpus: BenchCorpus;
  queries: readonly Query[];
  /** Empties the corpus once written, when no later run needs it. */
  lastRun: boolean;
  children: Set<ChildProcess>;
}

/** The Meilisearch a server starts when none is configured, with its data under `dataDir`: the product's runtime. */
async function startEmbeddedMeilisearch(ctx: RunContext, dataDir: string) {
  const opened = await openSearchIndex(
    loadStorageConfig({ ...process.env, DATA_DIR: dataDir, ...ctx.target.env, MEILI_URL: '', MEILI_URLS: '' }),
  );
  const embedded = opened.embedded;
  if (!embedded) throw new Error('no embedded Meilisearch was started');
  ctx.children.add(embedded.process);
  return { opened, embedded };
}

function writeCorpus(ctx: RunContext) {
  const write = writeStore(ctx.target, ctx.corpus);
  // Only the store needs the events from here on.
  if (ctx.lastRun) ctx.corpus.events.length = 0;
  return write;
}

function searchTable(searches: SearchFigures, queries: readonly Query[], status: (label: string) => string) {
  return markdownTable(
    ['(c) `/api/search`', 'queries', 'requests', 'API p50 ms', 'API p99 ms', 'direct p50', 'direct p99', 'status'],
    KINDS.map((kind) => {
      const { api, direct, requestsPerQuery } = searches.byKind[kind];
      return [
        kind,
        String(queries.filter((q) => q.kind === kind).length),
        requestsPerQuery.toFixed(1),
        ms(api.p50),
        ms(api.p99),
        ms(direct.p50),
        ms(direct.p99),
        status(`${kind} p99`),
      ];
    }),
  );
}

function logSearches(searches: SearchFigures) {
  for (const kind of KINDS) {
    const { api, direct } = searches.byKind[kind];
    console.log(
      `(c) ${kind}: API p50 ${ms(api.p50)} p99 ${ms(api.p99)} ms; direct ${ms(direct.p50)}/${ms(direct.p99)}`,
    );
  }
}

/** The heading and the first sentences every section of a run shares. */
function sectionIntro(ctx: RunContext, title: string, loadAtStart: number, meiliVersion: string) {
  const atGoalSize = ctx.settings.events >= GOAL_EVENTS;
  return [
    `## ${title}: ${count(ctx.settings.events)} events on ${ctx.target.label} — ${nowUtc()}` +
      `${atGoalSize ? '' : ' (small-size check)'}`,
    '',
    `Machine: ${machineDescription()}, ${gib(totalmem())} RAM (load average ${loadAtStart.toFixed(2)} at the ` +
      `start${loadAtStart >= 1 ? ': the cores are shared' : ''}), Meilisearch ${meiliVersion} started by the product's runtime with its default ` +
      `settings. Store: ${ctx.target.description}, opened as the server opens it. \`pnpm bench:scale\` with ` +
      `BENCH_EVENTS=${ctx.settings.events} BENCH_STORES=${ctx.settings.stores.join(',')}` +
      `${ctx.settings.replicas > 1 ? ` BENCH_REPLICAS=${ctx.settings.replicas}` : ''}: generated events ` +
      `(seeded, ${ctx.corpus.origin.replace(/ \(.*\)$/, '')}) written to the store ${STORE_BATCH} a transaction`,
  ].join('\n');
}

function goalsNote(atGoalSize: boolean) {
  return atGoalSize
    ? 'The goals are the 1 M bar; a missed one makes the run exit with code 1.'
    : `Goals are set for ${count(GOAL_EVENTS)} events: at this size they are informational (the reindex limit ` +
        'scaled linearly to the size, the others as they are) and do not fail the run.';
}

/** Fails the run on a missed goal at the goal size; reports the misses otherwise. */
/** Prints a run's tables, appends its section to docs/benchmarks.md, then settles its verdicts. */
async function publishSection(
  intro: string,
  run: { figures: string[]; searchRows: string[]; verdicts: readonly Verdict[]; atGoalSize: boolean },
): Promise<void> {
  const { figures, searchRows, verdicts, atGoalSize } = run;
  console.log(figures.join('\n'));
  console.log(searchRows.join('\n'));
  await appendToBenchmarks([intro, '', ...figures, '', ...searchRows, '', goalsNote(atGoalSize), ''].join('\n'));
  settle(verdicts, atGoalSize);
}

function settle(verdicts: readonly Verdict[], atGoalSize: boolean) {
  const missed = verdicts.filter((v) => !v.met).map((v) => v.label);
  if (missed.length > 0 && atGoalSize) {
    console.error(`FAIL: missed ${missed.join(', ')}`);
    process.exitCode = 1;
  } else if (missed.length > 0) {
    console.log(`off the 1 M goals at this size (informational): ${missed.join(', ')}`);
  }
}

const statusOf = (verdicts: readonly Verdict[], atGoalSize: boolean) => (label: string) => {
  const met = verdicts.find((v) => v.label === label)!.met;
  return `${met ? 'met' : 'missed'}${atGoalSize ? '' : ' (informational)'}`;
};

const searchVerdicts = (searches: SearchFigures): Verdict[] =>
  KINDS.map((kind) => ({ label: `${kind} p99`, met: searches.byKind[kind].api.p99 <= GOALS.searchP99Ms }));

/** One node: the embedded Meilisearch and the server in this process, over the store. */
async function runSingle(ctx: RunContext): Promise<RunFigures> {
  const { dir, target, queries } = ctx;
  const events = ctx.settings.events;
  const atGoalSize = events >= GOAL_EVENTS;
  // Where openSearchIndex keeps the embedded Meilisearch's data.
  const meiliDir = join(dir, 'meilisearch');
  const loadAtStart = loadavg()[0]!;
  let opened: OpenedSearchIndex | undefined;
  let meili: MeiliAccess | undefined;
  let proxy: RecordingProxy | undefined;
  const apps: App[] = [];
  try {
    const write = writeCorpus(ctx);
    const started = await startEmbeddedMeilisearch(ctx, dir);
    opened = started.opened;
    const { embedded } = started;
    meili = meiliAccess(embedded.url, embedded.masterKey);
    const meiliVersion = await meili.version();

    // Settings first, as the server's start-up does, so the drain's time is the documents' alone.
    await opened.index.applySettings();
    const drain = await measureDrain(() => startApi(dir, target, embedded.url, embedded.masterKey));
    const { app, base } = drain.api;
    apps.push(app);
    const directLoad = await measureDirect(app.store, opened.index, meili);
    const drainRate = drain.drained / drain.seconds;
    const directRate = directLoad.sent / directLoad.seconds;
    const drainRatio = drainRate / directRate;
    console.log(`(b) drain ${count(drainRate)} docs/s, direct ${count(directRate)} docs/s: ${drainRatio.toFixed(2)}`);

    proxy = await startRecordingProxy(embedded.url);
    const startTime = stopwatch();
    const recording = await startApi(dir, target, proxy.url, embedded.masterKey);
    // The drain's time includes one such start.
    const serverStartSeconds = startTime();
    apps.push(recording.app);
    const { recorded, withHits } = await recordRequests(recording.base, [proxy], queries);
    await recording.app.close();
    apps.pop();
    await proxy.close();
    proxy = undefined;

    const searches = await measureSearches([base], [meili], queries, recorded);
    logSearches(searches);

    const rebuild = await measureReindex(app, base, queries);
    console.log(`(d) reindex ${rebuild.seconds.toFixed(1)} s; search p99 during it ${ms(rebuild.during.p99)} ms`);
    const peak = await peakMemory(embedded.process.pid);
    const restarts = embedded.status().restarts;
    // The API, the store and the corpus live in this process: what the machine needs beside Meilisearch.
    const benchPeak = process.resourceUsage().maxRSS * 1024;
    const meiliBytes = await diskUsage(meiliDir);
    const storeBytes = await target.bytes();
    console.log(`(e) Meilisearch peak memory ${peak === undefined ? 'unknown' : gib(peak)}`);

    const reindexLimit = GOALS.reindexSeconds * Math.min(1, events / GOAL_EVENTS);
    const verdicts: Verdict[] = [
      { label: 'drain ratio', met: drainRatio >= GOALS.drainRatio },
      ...searchVerdicts(searches),
      { label: 'reindex time', met: rebuild.seconds <= reindexLimit },
      {
        label: 'p99 during reindex',
        met: rebuild.during.p99 <= GOALS.duringReindexFactor * searches.all.p99,
      },
    ];
    const status = statusOf(verdicts, atGoalSize);

    const figures = markdownTable(
      ['figure', 'measured', 'floor or baseline', 'goal', 'status'],
      [
        ['(a) store write', `${count(write.rate)} events/s`, '—', 'reported', '—'],
        [
          '(b) outbox drain',
          `${count(drainRate)} docs/s`,
          `${count(directRate)} docs/s direct`,
          `ratio ≥ ${GOALS.drainRatio}`,
          `${drainRatio.toFixed(2)}: ${status('drain ratio')}`,
        ],
        [
          '(d) full reindex',
          `${rebuild.seconds.toFixed(1)} s`,
          '—',
          `≤ ${reindexLimit.toFixed(0)} s${atGoalSize ? '' : ` (${GOALS.reindexSeconds} s at 1 M, scaled)`}`,
          status('reindex time'),
        ],
        [
          '(d) search p99 during reindex',
          `${ms(rebuild.during.p99)} ms (max ${ms(rebuild.during.max)}, ${rebuild.during.n} searches)`,
          `${ms(searches.all.p99)} ms normal p99`,
          `≤ ${GOALS.duringReindexFactor}× normal`,
          `${(rebuild.during.p99 / searches.all.p99).toFixed(2)}×: ${status('p99 during reindex')}`,
        ],
        [
          '(e) Meilisearch peak memory (VmHWM)',
          peak === undefined ? 'unknown' : gib(peak),
          `${gib(totalmem())} RAM`,
          'reported',
          restarts > 0 ? `${restarts} restarts: last process only` : '—',
        ],
        ['(e) bench process peak memory', gib(benchPeak), '—', 'reported', '—'],
        ['(e) disk: store, Meilisearch', `${gib(storeBytes)}, ${gib(meiliBytes)}`, '—', 'reported', '—'],
      ],
    );
    const searchRows = searchTable(searches, queries, status);
    await publishSection(
      sectionIntro(ctx, 'Scale', loadAtStart, meiliVersion) +
        ", indexed by the server's own outbox drainer (timed from the " +
        `server's start to an empty outbox; a start alone took ${serverStartSeconds.toFixed(1)} s), then ` +
        `the same documents sent directly (${DIRECT_BATCH} a request, all enqueued at once) to a fresh index with ` +
        `the same settings. ${queries.length} queries (${withHits} with hits), ${QUERIES_PER_KIND} of each kind, ` +
        `${ROUNDS} measured rounds through the API and as the Meilisearch requests it made sent directly, in turn.`,
      { figures, searchRows, verdicts, atGoalSize },
    );
    return {
      label: target.label,
      loadAtStart,
      writeRate: write.rate,
      drainRates: [drainRate],
      directRate,
      searches,
      reindexSeconds: rebuild.seconds,
      storeBytes,
    };
  } finally {
    for (const app of apps.reverse()) await app.close();
    await proxy?.close();
    await meili?.close();
    await opened?.close();
  }
}

/**
 * Polls the replicas' outbox cursors until each has applied the last entry written: seconds from `elapsed`'s start
 * for each. Fails when a server exits or the deadline passes.
 */
async function waitForCursors(
  store: Store,
  replicas: readonly string[],
  servers: readonly ServerProcess[],
  elapsed: () => number,
) {
  const last = store.lastOutboxSeq();
  const reached: (number | undefined)[] = replicas.map(() => undefined);
  const deadline = Date.now() + TASK_TIMEOUT_MS;
  while (reached.some((seconds) => seconds === undefined)) {
    for (const [i, replica] of replicas.entries()) {
      if (reached[i] === undefined && store.outboxCursor(replica) >= last) reached[i] = elapsed();
    }
    const exited = servers.find((server) => server.child.exitCode !== null);
    if (exited) throw new Error(`an API server exited during the drain:\n${exited.output()}`);
    if (Date.now() > deadline) throw new Error(`the replicas' cursors did not reach ${last} in time`);
    await sleep(50);
  }
  return reached as number[];
}

/**
 * Several nodes: `replicas` Meilisearch instances started by the product's runtime (one master key), each behind a
 * counting proxy, and as many API server processes over the same store listing them all in `MEILI_URLS`. The
 * servers' own drainers feed the replicas; the searches alternate between the servers. The rebuild (d) is left out:
 * the running servers' drainers hold the replicas' claims, and a rebuild runs where they do.
 */
async function runReplicated(ctx: RunContext): Promise<RunFigures> {
  const { dir, target, queries, settings } = ctx;
  const atGoalSize = settings.events >= GOAL_EVENTS;
  const loadAtStart = loadavg()[0]!;
  const replicas: { opened: OpenedSearchIndex; pid: number | undefined; dataDir: string }[] = [];
  const meilis: MeiliAccess[] = [];
  const proxies: RecordingProxy[] = [];
  const servers: ServerProcess[] = [];
  let store: Store | undefined;
  try {
    const write = writeCorpus(ctx);
    const masterKey = randomBytes(24).toString('hex');
    for (let i = 1; i <= settings.replicas; i++) {
      const dataDir = join(dir, `replica-${i}`);
      // Every replica has the same master key; the runtime reads it from here rather than generate one.
      await mkdir(join(dataDir, 'meilisearch'), { recursive: true });
      await writeFile(join(dataDir, 'meilisearch', 'master-key'), masterKey);
      const { opened, embedded } = await startEmbeddedMeilisearch(ctx, dataDir);
      replicas.push({ opened, pid: embedded.process.pid, dataDir });
      meilis.push(meiliAccess(embedded.url, masterKey));
      await opened.index.applySettings();
      proxies.push(await startRecordingProxy(embedded.url));
    }
    const meiliVersion = await meilis[0]!.version();
    const serverEnv = {
      ...target.env,
      MEILI_URL: '',
      MEILI_URLS: proxies.map((proxy) => proxy.url).join(','),
      MEILI_MASTER_KEY: masterKey,
      RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'warn',
      // The bench's events alone, as in the in-process server: no demo crawl, no catalog.
      DEMO_SITES: 'off',
      CATALOG: 'off',
    };
    const names = configuredReplicas(loadStorageConfig({ ...process.env, ...serverEnv }));
    store = target.open();

    // All at once, as a deployment's servers come up: each applies the settings to every replica before draining.
    const elapsed = stopwatch();
    const starting = Array.from({ length: settings.replicas }, async (_, i) => {
      const dataDir = join(dir, `server-${i + 1}`);
      await mkdir(dataDir, { recursive: true });
      const server = await startServerProcess({ ...serverEnv, DATA_DIR: dataDir });
      ctx.children.add(server.child);
      return server;
    });
    const started = await Promise.allSettled(starting);
    for (const outcome of started) if (outcome.status === 'fulfilled') servers.push(outcome.value);
    const failed = started.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
    // The drain's time includes this start: the drainers begin before the servers listen.
    const serversUpSeconds = elapsed();
    const drainSeconds = await waitForCursors(store, names, servers, elapsed);
    const events = store.countEvents();
    for (const [i, { opened }] of replicas.entries()) {
      const documents = (await opened.index.stats()).event.numberOfDocuments;
      if (documents !== events) throw new Error(`replica ${i + 1} holds ${documents} documents for ${events} events`);
    }
    const drainRates = drainSeconds.map((seconds) => events / seconds);
    const directLoad = await measureDirect(store, replicas[0]!.opened.index, meilis[0]!);
    const directRate = directLoad.sent / directLoad.seconds;
    console.log(`(b) drain ${drainRates.map(count).join(', ')} docs/s; direct ${count(directRate)} docs/s`);

    const bases = servers.map((server) => server.url.replace('//localhost', '//127.0.0.1'));
    const { recorded, withHits } = await recordRequests(bases[0]!, proxies, queries);
    const before = proxies.map((proxy) => proxy.searches());
    const searches = await measureSearches(bases, meilis, queries, recorded);
    const share = proxies.map((proxy, i) => proxy.searches() - before[i]!);
    const totalShare = share.reduce((a, b) => a + b, 0);
    logSearches(searches);
    console.log(`(c) Meilisearch requests per replica: ${share.join(', ')}`);

    const meiliPeaks = await Promise.all(replicas.map(({ pid }) => peakMemory(pid)));
    const serverPeaks = await Promise.all(servers.map((server) => peakMemory(server.child.pid)));
    const storeBytes = await target.bytes();

    const verdicts: Verdict[] = [
      ...drainRates.map((rate, i) => ({ label: `drain ratio ${i + 1}`, met: rate / directRate >= GOALS.drainRatio })),
      ...searchVerdicts(searches),
    ];
    const status = statusOf(verdicts, atGoalSize);
    const memory = (peak: number | undefined) => (peak === undefined ? 'unknown' : gib(peak));
    const figures = markdownTable(
      ['figure', 'measured', 'floor or baseline', 'goal', 'status'],
      [
        ['(a) store write', `${count(write.rate)} events/s`, '—', 'reported', '—'],
        ...drainRates.map((rate, i) => [
          `(b) outbox drain, replica ${i + 1}`,
          `${count(rate)} docs/s (${drainSeconds[i]!.toFixed(1)} s, servers up at ${serversUpSeconds.toFixed(1)} s)`,
          `${count(directRate)} docs/s direct`,
          `ratio ≥ ${GOALS.drainRatio}`,
          `${(rate / directRate).toFixed(2)}: ${status(`drain ratio ${i + 1}`)}`,
        ]),
        ...share.map((requests, i) => [
          `(c) Meilisearch requests, replica ${i + 1}`,
          `${requests} (${percent(requests, totalShare)})`,
          `${totalShare} in all`,
          'spread',
          '—',
        ]),
        ...meiliPeaks.map((peak, i) => [
          `(e) Meilisearch ${i + 1} peak memory (VmHWM)`,
          memory(peak),
          `${gib(totalmem())} RAM`,
          'reported',
          '—',
        ]),
        ...serverPeaks.map((peak, i) => [`(e) API server ${i + 1} peak memory`, memory(peak), '—', 'reported', '—']),
        [
          '(e) disk: store, Meilisearch replicas',
          `${gib(storeBytes)}, ${(await Promise.all(replicas.map(({ dataDir }) => diskUsage(dataDir)))).map(gib).join(' + ')}`,
          '—',
          'reported',
          '—',
        ],
      ],
    );
    const searchRows = searchTable(searches, queries, status);
    await publishSection(
      sectionIntro(ctx, `Scale with ${settings.replicas} replicas`, loadAtStart, meiliVersion) +
        `; ${settings.replicas} Meilisearch replicas (each behind a loopback proxy that counts the requests) and ` +
        `${settings.replicas} API server processes (\`server/src/server.ts\`, \`MEILI_URLS\` listing every ` +
        "replica), whose own drainers fed the replicas, each timed from the servers' start until its outbox " +
        `cursor reached the last entry; then the same documents sent directly (${DIRECT_BATCH} a request) to a ` +
        `fresh index on replica 1. ${queries.length} queries (${withHits} with hits), ${QUERIES_PER_KIND} of each ` +
        `kind, ${ROUNDS} measured rounds, query after query alternating between the servers (and the direct ` +
        'requests between the replicas); the API side goes through the counting proxy, the direct side does not. ' +
        'No rebuild (d): the running servers hold the replicas, and a rebuild runs where their drainers do.',
      { figures, searchRows, verdicts, atGoalSize },
    );
    return { label: target.label, loadAtStart, writeRate: write.rate, drainRates, directRate, searches, storeBytes };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    store?.close();
    for (const proxy of proxies) await proxy.close();
    for (const meili of meilis) await meili.close();
    for (const { opened } of replicas) await opened.close();
  }
}

/** Both stores side by side, when one invocation ran both. */
function comparisonSection(runs: readonly RunFigures[], settings: BenchSettings): string {
  const column = (pick: (run: RunFigures) => string) => runs.map(pick);
  const rows: string[][] = [
    ['load average at the start', ...column((run) => run.loadAtStart.toFixed(2))],
    ['(a) store write, events/s', ...column((run) => count(run.writeRate))],
    ['(b) outbox drain, docs/s', ...column((run) => run.drainRates.map(count).join(', '))],
    ['(b) direct load (floor), docs/s', ...column((run) => count(run.directRate))],
    [
      '(b) drain over direct',
      ...column((run) => run.drainRates.map((r) => (r / run.directRate).toFixed(2)).join(', ')),
    ],
    ...KINDS.map((kind) => [
      `(c) ${kind} API p50 / p99 ms`,
      ...column((run) => `${ms(run.searches.byKind[kind].api.p50)} / ${ms(run.searches.byKind[kind].api.p99)}`),
    ]),
    [
      '(d) full reindex, s',
      ...column((run) => (run.reindexSeconds === undefined ? '—' : run.reindexSeconds.toFixed(1))),
    ],
    ['(e) store on disk', ...column((run) => gib(run.storeBytes))],
  ];
  return [
    `## Scale: ${runs.map((run) => run.label).join(' and ')} compared, ${count(settings.events)} events — ${nowUtc()}`,
    '',
    `The runs above from this invocation (BENCH_STORES=${settings.stores.join(',')}` +
      `${settings.replicas > 1 ? `, BENCH_REPLICAS=${settings.replicas}` : ''}), one after the other on the same ` +
      'corpus and machine.',
    '',
    ...markdownTable(['figure', ...runs.map((run) => run.label)], rows),
    '',
  ].join('\n');
}

async function main() {
  const settings = readSettings(process.env);
  const dir = await mkdtemp(join(tmpdir(), 'fieldguide-bench-scale-'));
  const children = new Set<ChildProcess>();
  // Interrupted (a full run takes long): no Meilisearch, server nor gigabytes of data left behind.
  const interrupted = (signal: NodeJS.Signals) => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    // Every store is checked before the first is written: a database that is not empty stops the bench at once.
    const targets: BenchStore[] = [];
    for (const kind of settings.stores) {
      await mkdir(join(dir, kind));
      targets.push(await prepareBenchStore(kind, join(dir, kind), settings));
    }
    const corpus = await generateCorpus({ count: settings.events });
    const queries = makeQueries(corpus);
    console.log(`corpus: ${corpus.events.length} events from ${corpus.origin}`);
    const runs: RunFigures[] = [];
    for (const [i, target] of targets.entries()) {
      const ctx: RunContext = {
        settings,
        target,
        dir: join(dir, target.kind),
        corpus,
        queries,
        lastRun: i === targets.length - 1,
        children,
      };
      try {
        runs.push(await (settings.replicas > 1 ? runReplicated(ctx) : runSingle(ctx)));
      } finally {
        await target.dispose();
      }
    }
    if (runs.length > 1) await appendToBenchmarks(comparisonSection(runs, settings));
  } finally {
    await rm(dir, { recursive: true, force: true });
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

await main();
