// What the search API adds over Meilisearch, on a corpus of 100,000 events written to the SQLite store and indexed
// through the outbox drain:
// 1. latency: each of 320 /api/search queries runs through the API over real HTTP and, in turn, as the exact
//    Meilisearch requests the API made for it (main + facet searches, same bodies, `undici.request`), so the
//    difference is the API's alone;
// 2. throughput: autocannon loads /api/search with the queries in turn;
// 3. outage: Meilisearch is SIGKILLed during a second load and started again; the API must answer 503 meanwhile,
//    recover by itself, and index what the store got during the outage.
// Fails when the p50 overhead reaches 2 ms, when the load saw anything but 200s (503s during the outage), or when
// the index does not match the store afterwards.
// Run: pnpm bench:search-api (BENCH_EVENTS=20000 for a quick try; only a full run is appended to the doc).
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type IndexSearchParams, type RunningMeilisearch, startMeilisearch } from '@fieldguide/crawlers/storage';
import { buildApp, loadConfig } from '@fieldguide/server';
import { CLUSTERS, type Event } from '@fieldguide/shared';
import { Agent, request } from 'undici';
import { describeStatuses, type LoadResult, runAutocannon } from './support/autocannon.js';
import { BENCH_CITIES, type BenchCorpus, generateCorpus, seededRandom } from './support/event-corpus.js';
import { loadCorpus } from './support/load-corpus.js';
import { appendToBenchmarks, machineDescription, markdownTable, nowUtc, percentile } from './support/report.js';

const FULL_CORPUS = 100_000;
const EVENTS = Number(process.env.BENCH_EVENTS ?? FULL_CORPUS);
const QUERIES = 320;
/**
 * Measured passes over the queries, after one warm-up pass through each side. Latencies spread over tens of ms, so
 * the p50 of a side needs thousands of samples to settle within a tenth of a millisecond.
 */
const ROUNDS = 8;
const MAX_OVERHEAD_MS = 2;
const LOAD_SECONDS = 10;
const LOAD_CONNECTIONS = 10;
const STORE_BATCH = 5000;
const DRAIN_BATCH = 10_000;
/** The outage: a load of OUTAGE_LOAD_SECONDS; Meilisearch is killed after KILL_AFTER_MS and down for DOWN_MS. */
const OUTAGE_LOAD_SECONDS = 12;
const KILL_AFTER_MS = 3000;
const DOWN_MS = 3000;
const OUTAGE_EVENTS = 500;
const RECOVERY_TIMEOUT_MS = 60_000;
/** About a search's time in Meilisearch: how long the process idles before each replayed request of the last row. */
const IDLE_MS = 8;

type App = Awaited<ReturnType<typeof buildApp>>;

/**
 * Realistic search page URLs: a field's words (some misspelt) mostly with that field's filter, brand names,
 * places, types, formats, `near` + radius, sorts, cost, hiring and page 2; distinct, in a fixed order.
 */
function makeQueries(corpus: BenchCorpus, count: number): string[] {
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const typo = (word: string) => {
    const at = 1 + Math.floor(random() * (word.length - 3));
    return random() < 0.5
      ? word.slice(0, at) + word.slice(at + 1)
      : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  };
  const brands = corpus.brands.map((b) => b.split(/\s+/)[0]!).filter((b) => /^[A-Za-z]{4,}$/.test(b));
  const places = ['Chicago, IL', 'Chicago, IL', 'Minneapolis, MN', 'Austin, TX', 'Seattle, WA', '41.88,-87.63'];
  const seen = new Set<string>();
  while (seen.size < count) {
    const cluster = pick(CLUSTERS);
    const words = cluster.keywords.filter((k) => /^[a-z][a-z ]{3,24}$/.test(k));
    const params = new URLSearchParams();
    const text = random();
    if (text < 0.35) params.set('q', pick(words));
    else if (text < 0.47) params.set('q', typo(pick(words.filter((w) => w.length >= 6 && !w.includes(' ')))));
    else if (text < 0.57) params.set('q', `${pick(words)} ${pick(['career fair', 'conference', 'workshop', 'jobs'])}`);
    else if (text < 0.65) params.set('q', pick(brands));
    else if (text < 0.7) params.set('q', pick(['chicago', 'minneapolis', 'austin', 'london', 'toronto']));
    const field = random();
    if (field < 0.25) params.append('field', cluster.id);
    else if (field < 0.35) params.append('field', pick(cluster.pathways).id);
    else if (field < 0.45) params.append('field', cluster.shortName);
    if (random() < 0.2) params.set('type', pick(['career-fair', 'conference', 'workshop', 'networking']));
    if (random() < 0.12) params.set('format', pick(['in-person', 'online', 'hybrid']));
    if (random() < 0.25) {
      params.set('near', pick(places));
      params.set('radius', pick(['50mi', '50mi', '25mi', '100km']));
    }
    if (random() < 0.08) params.set('cost', 'free');
    if (random() < 0.08) params.set('hiring', '0.7');
    const sort = random();
    if (sort < 0.15) params.set('sort', 'hiring');
    else if (sort < 0.25) params.set('sort', 'date');
    else if (sort < 0.3 && params.has('near')) params.set('sort', 'distance');
    if (random() < 0.15) params.set('page', '2');
    seen.add(params.toString());
  }
  return [...seen];
}

const stats = (samples: readonly number[]) => {
  const sorted = samples.toSorted((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) };
};

interface LatencyFigures {
  api: ReturnType<typeof stats>;
  direct: ReturnType<typeof stats>;
  /** The API with Meilisearch's answers replayed from memory: its own work, back to back. */
  replayed: ReturnType<typeof stats>;
  /** The same, each request after IDLE_MS of idleness. */
  replayedAfterIdle: ReturnType<typeof stats>;
  /** Median of (API − direct) over the pairs, in ms. */
  pairedOverhead: number;
  samples: number;
  withHits: number;
  meiliRequests: number;
}

/**
 * Runs every query once through the API, recording the Meilisearch requests it makes and their answers (warm-up),
 * then once as those requests sent directly (warm-up), then ROUNDS times each, the two in turn; last, ROUNDS times
 * through the API with the recorded answers replayed instead of Meilisearch.
 */
async function measureLatency(
  app: App,
  base: string,
  meili: RunningMeilisearch,
  queries: readonly string[],
): Promise<LatencyFigures> {
  const apiAgent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  const meiliAgent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  const searchIndex = app.searchIndex;
  const searchEvents = searchIndex.searchEvents;
  try {
    const api = async (query: string) => {
      const response = await request(`${base}/api/search?${query}`, { dispatcher: apiAgent });
      const body = await response.body.json();
      if (response.statusCode !== 200) throw new Error(`/api/search?${query}: ${JSON.stringify(body)}`);
      return body as { total: number };
    };
    const searchUrl = `${meili.url}/indexes/${app.searchIndex.names.event}/search`;
    // The headers the official client sends (the `meilisearch` package's `HttpRequests`).
    const headers = {
      authorization: `Bearer ${meili.masterKey}`,
      'content-type': 'application/json',
      'x-meilisearch-client': 'Meilisearch JavaScript (bench)',
    };
    const direct = (bodies: readonly string[]) =>
      Promise.all(
        bodies.map(async (body) => {
          const response = await request(searchUrl, { method: 'POST', dispatcher: meiliAgent, headers, body });
          const json = await response.body.json();
          if (response.statusCode !== 200) throw new Error(`direct search: ${JSON.stringify(json)}`);
          return json;
        }),
      );

    const requestBodies: string[][] = [];
    const answers: string[][] = [];
    let withHits = 0;
    for (const query of queries) {
      const bodies: string[] = [];
      const texts: string[] = [];
      searchIndex.searchEvents = async (params: IndexSearchParams) => {
        // The body `Index.search(q, params)` of the official client posts.
        const slot = bodies.push(JSON.stringify({ q: params.q, ...params })) - 1;
        const answer = await searchEvents(params);
        texts[slot] = JSON.stringify(answer);
        return answer;
      };
      if ((await api(query)).total > 0) withHits++;
      requestBodies.push(bodies);
      answers.push(texts);
    }
    searchIndex.searchEvents = searchEvents;
    for (const bodies of requestBodies) await direct(bodies);

    const timings = { api: [] as number[], direct: [] as number[] };
    const differences: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, query] of queries.entries()) {
        const measure = async (side: 'api' | 'direct') => {
          const started = performance.now();
          await (side === 'api' ? api(query) : direct(requestBodies[i]!));
          const ms = performance.now() - started;
          timings[side].push(ms);
          return ms;
        };
        // Alternate who goes first, so neither side always meets a warm (or cold) Meilisearch cache.
        const apiFirst = (i + round) % 2 === 0;
        const first = await measure(apiFirst ? 'api' : 'direct');
        const second = await measure(apiFirst ? 'direct' : 'api');
        differences.push(apiFirst ? first - second : second - first);
      }
    }

    // The API's own work, back to back, then each time after the process idled as long as a search takes.
    const replayed: number[] = [];
    const replayedAfterIdle: number[] = [];
    for (const [samples, idleMs] of [
      [replayed, 0],
      [replayedAfterIdle, IDLE_MS],
    ] as const) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, query] of queries.entries()) {
          let next = 0;
          // Parsed anew each time, as the client parses Meilisearch's answer.
          searchIndex.searchEvents = async () => JSON.parse(answers[i]![next++]!);
          if (idleMs > 0) await sleep(idleMs);
          const started = performance.now();
          await api(query);
          samples.push(performance.now() - started);
        }
      }
    }
    return {
      api: stats(timings.api),
      direct: stats(timings.direct),
      replayed: stats(replayed),
      replayedAfterIdle: stats(replayedAfterIdle),
      pairedOverhead: stats(differences).p50,
      samples: timings.api.length,
      withHits,
      meiliRequests: requestBodies.reduce((sum, bodies) => sum + bodies.length, 0),
    };
  } finally {
    searchIndex.searchEvents = searchEvents;
    await apiAgent.close();
    await meiliAgent.close();
  }
}

interface OutageFigures {
  load: LoadResult;
  /** From the restart resolving to the API's first 200, in ms. */
  recoveryMs: number;
  /** From the restart resolving to an empty outbox, in ms. */
  caughtUpMs: number;
  written: number;
  stored: number;
  indexed: number;
}

/**
 * Kills Meilisearch (SIGKILL) during a load, writes events to the store while it is down, starts it again on the
 * same port and data, and waits for the API and the outbox to recover on their own.
 */
async function outageUnderLoad(
  app: App,
  base: string,
  meili: RunningMeilisearch,
  dataDir: string,
  paths: readonly string[],
  corpus: BenchCorpus,
): Promise<{ figures: OutageFigures; meili: RunningMeilisearch }> {
  const load = runAutocannon({ base, paths, connections: LOAD_CONNECTIONS, seconds: OUTAGE_LOAD_SECONDS });
  await sleep(KILL_AFTER_MS);
  meili.process.kill('SIGKILL');
  if (meili.process.exitCode === null && meili.process.signalCode === null) await once(meili.process, 'exit');
  const written = corpus.events.slice(0, OUTAGE_EVENTS).map((event): Event => {
    const url = `${event.url}-outage`;
    return {
      ...event,
      id: `outage-${event.id}`,
      title: `${event.title} (added during the outage)`,
      url,
      sources: [{ sourceId: 'bench', url, seenAt: event.lastSeen }],
    };
  });
  app.store.upsertEvents(written);
  await sleep(DOWN_MS);
  const restarted = await startMeilisearch({ dataDir, port: Number(new URL(meili.url).port) });
  try {
    return { figures: await recovery(app, base, load, written.length), meili: restarted };
  } catch (error) {
    await restarted.stop();
    throw error;
  }
}

/** Waits for the API's first 200 and for an empty outbox, timing both from now. */
async function recovery(app: App, base: string, load: Promise<LoadResult>, written: number): Promise<OutageFigures> {
  const backAt = performance.now();
  const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  let recoveryMs: number | undefined;
  try {
    while (recoveryMs === undefined) {
      const response = await request(`${base}/api/search?q=nursing`, { dispatcher: agent });
      await response.body.text();
      if (response.statusCode === 200) recoveryMs = performance.now() - backAt;
      else if (performance.now() - backAt > RECOVERY_TIMEOUT_MS) throw new Error('the API did not recover');
      else await sleep(5);
    }
  } finally {
    await agent.close();
  }
  const result = await load;
  while (app.store.outboxSize() > 0) {
    if (performance.now() - backAt > RECOVERY_TIMEOUT_MS) throw new Error('the outbox did not drain');
    await sleep(50);
  }
  const caughtUpMs = performance.now() - backAt;
  const indexed = (await app.searchIndex.stats()).event.numberOfDocuments;
  return { load: result, recoveryMs, caughtUpMs, written, stored: app.store.countEvents(), indexed };
}

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'fieldguide-bench-search-'));
  const meiliDir = join(dir, 'meilisearch');
  let meili: RunningMeilisearch | undefined;
  let app: App | undefined;
  try {
    let lapStart = performance.now();
    const lap = () => {
      const seconds = (performance.now() - lapStart) / 1000;
      lapStart = performance.now();
      return `${seconds.toFixed(1)} s`;
    };
    const corpus = await generateCorpus({ count: EVENTS });
    console.log(`corpus: ${corpus.events.length} events from ${corpus.origin} (${lap()})`);
    meili = await startMeilisearch({ dataDir: meiliDir });
    const databasePath = join(dir, 'fieldguide.sqlite');
    const loaded = await loadCorpus(corpus.events, databasePath, meili, {
      storeBatch: STORE_BATCH,
      drainBatch: DRAIN_BATCH,
    });
    console.log(`store: ${loaded.stored} events; index: ${loaded.indexed} documents via the outbox (${lap()})`);

    const config = loadConfig({
      DATA_DIR: dir,
      DATABASE_PATH: databasePath,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '0',
    });
    app = await buildApp({ config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
    const base = `http://127.0.0.1:${address.port}`;
    const meiliVersion = await meiliVersionOf(meili);

    const queries = makeQueries(corpus, QUERIES);
    const latency = await measureLatency(app, base, meili, queries);
    console.log(`latency: ${queries.length} queries, ${latency.samples} samples per side (${lap()})`);
    const paths = queries.map((q) => `/api/search?${q}`);
    const load = await runAutocannon({ base, paths, connections: LOAD_CONNECTIONS, seconds: LOAD_SECONDS });
    console.log(`load: ${load.requests.total} requests (${lap()})`);
    const outage = await outageUnderLoad(app, base, meili, meiliDir, paths, corpus);
    meili = outage.meili;
    const { figures } = outage;
    console.log(`outage: ${figures.load.requests.total} requests (${lap()})`);

    const overhead = latency.api.p50 - latency.direct.p50;
    const loadFailures = load.errors + load.timeouts + load.non2xx;
    const outageStatuses = Object.keys(figures.load.statusCodeStats);
    const outageFailures =
      figures.load.errors +
      figures.load.timeouts +
      outageStatuses.filter((code) => code !== '200' && code !== '503').length +
      (figures.indexed === figures.stored && figures.stored === loaded.stored + figures.written ? 0 : 1);

    const ms = (value: number) => value.toFixed(2);
    const latencyTable = markdownTable(
      ['path', 'p50 ms', 'p90 ms', 'p99 ms'],
      [
        ['`GET /api/search` over HTTP (keep-alive)', ms(latency.api.p50), ms(latency.api.p90), ms(latency.api.p99)],
        [
          'same Meilisearch requests, `undici.request`',
          ms(latency.direct.p50),
          ms(latency.direct.p90),
          ms(latency.direct.p99),
        ],
        [
          '`GET /api/search`, answers replayed from memory',
          ms(latency.replayed.p50),
          ms(latency.replayed.p90),
          ms(latency.replayed.p99),
        ],
        [
          `the same, each after ${IDLE_MS} ms idle`,
          ms(latency.replayedAfterIdle.p50),
          ms(latency.replayedAfterIdle.p90),
          ms(latency.replayedAfterIdle.p99),
        ],
      ],
    );
    const loadRow = (label: string, result: LoadResult) => [
      label,
      result.requests.average.toFixed(0),
      String(result.latency.p50),
      String(result.latency.p99),
      String(result.non2xx),
      String(result.errors),
      String(result.timeouts),
    ];
    const loadTable = markdownTable(
      ['autocannon, 10 connections', 'requests/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'timeouts'],
      [
        loadRow(`${LOAD_SECONDS} s, queries in turn`, load),
        loadRow(`${OUTAGE_LOAD_SECONDS} s, Meilisearch killed at ${KILL_AFTER_MS / 1000} s`, figures.load),
      ],
    );
    const section = [
      `## Search API over Meilisearch — ${nowUtc()}`,
      '',
      `Machine: ${machineDescription()}, Meilisearch ${meiliVersion}. ${corpus.events.length} events generated ` +
        `(seeded) from ${corpus.origin.replace(/ \(.*\)$/, '')}, the field taxonomy's keywords and ` +
        `${BENCH_CITIES.length} real cities, written to the SQLite store and indexed through the outbox drain. ` +
        `${queries.length} distinct /api/search queries (${latency.withHits} with hits; words with typos, fields, ` +
        `types, formats, near + radius, sorts, page 2) make ${latency.meiliRequests} Meilisearch requests (main + ` +
        `facet searches); each query ran ${ROUNDS} times through the API over HTTP and as those exact requests ` +
        'sent directly, in turn, after a warm-up pass of each.',
      '',
      ...latencyTable,
      '',
      `API overhead at p50: ${ms(overhead)} ms, target under ${MAX_OVERHEAD_MS} ms: ` +
        `${overhead < MAX_OVERHEAD_MS ? 'met' : 'missed'}; median of the per-query differences: ` +
        `${ms(latency.pairedOverhead)} ms. The last two rows are the API's own work: the same queries with ` +
        "Meilisearch's recorded answers handed back from memory (parsed anew), back to back, then each after the " +
        `process idled ${IDLE_MS} ms, as it does while Meilisearch searches.`,
      '',
      ...loadTable,
      '',
      `Statuses: ${describeStatuses(load)} under load; ${describeStatuses(figures.load)} with the outage. ` +
        `Meilisearch was SIGKILLed, down ${DOWN_MS / 1000} s while ${figures.written} events were written to the ` +
        'store, then started again on the same port and data; the API answered 200 again ' +
        `${figures.recoveryMs.toFixed(0)} ms after that, without a restart, and the outbox was drained ` +
        `${(figures.caughtUpMs / 1000).toFixed(1)} s after it (the drainer backs off while Meilisearch is down): ` +
        `${figures.indexed} documents for ${figures.stored} events in the store.`,
      '',
    ].join('\n');

    console.log(latencyTable.join('\n'));
    console.log(`API overhead at p50: ${ms(overhead)} ms; median paired difference: ${ms(latency.pairedOverhead)} ms`);
    console.log(loadTable.join('\n'));
    console.log(section.split('\n').at(-2));
    if (corpus.events.length >= FULL_CORPUS) await appendToBenchmarks(section);
    else console.log(`not appended to docs/benchmarks.md: fewer than ${FULL_CORPUS} events`);
    if (overhead >= MAX_OVERHEAD_MS) {
      console.error(`FAIL: the API adds ${ms(overhead)} ms at p50 (limit ${MAX_OVERHEAD_MS} ms)`);
      process.exitCode = 1;
    }
    if (loadFailures > 0) {
      console.error(`FAIL: under load, ${load.non2xx} non-2xx, ${load.errors} errors, ${load.timeouts} timeouts`);
      process.exitCode = 1;
    }
    if (outageFailures > 0) {
      console.error('FAIL: the outage saw errors, timeouts or statuses other than 200/503, or the index lost events');
      process.exitCode = 1;
    }
  } finally {
    await app?.close();
    await meili?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function meiliVersionOf(meili: RunningMeilisearch): Promise<string> {
  const agent = new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 });
  try {
    const response = await request(`${meili.url}/version`, {
      dispatcher: agent,
      headers: { authorization: `Bearer ${meili.masterKey}` },
    });
    return ((await response.body.json()) as { pkgVersion: string }).pkgVersion;
  } finally {
    await agent.close();
  }
}

await main();
