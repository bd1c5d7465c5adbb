// What a feed costs next to a search and a health check, on a corpus written to the SQLite store and indexed through
// the outbox drain, over real HTTP on loopback (keep-alive):
// 1. `GET /health` (the store's counts and Meilisearch's stats), the baseline of a 304;
// 2. `GET /api/search?field=…&limit=100` (100 hits), the baseline of a feed;
// 3. the field's `.ics` (200 events) as a subscribed calendar asks for it: from the cache (same data, same window);
// 4. the same feed rendered anew each time (a Host nobody asked for before: the first request after a crawl);
// 5. the same feed with a matching If-None-Match: a 304 known before anything is searched or rendered.
// Each path runs ROUNDS passes of REQUESTS requests after a warm-up, the paths in turn; the report gives the p50
// latency and the CPU time of this process per request (server and client; Meilisearch's own CPU not counted).
// Fails when a feed from the cache costs more than 4× the search, or a 304 more than 3× /health (p50 latency).
// Run: pnpm bench:feeds (BENCH_EVENTS=2000 for a quick try; only a full run is appended to the doc).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningMeilisearch, startMeilisearch } from '@fieldguide/crawlers/storage';
import { buildApp, loadConfig } from '@fieldguide/server';
import { CLUSTERS } from '@fieldguide/shared';
import { Agent, request } from 'undici';
import { generateCorpus } from './support/event-corpus.js';
import { loadCorpus } from './support/load-corpus.js';
import { appendToBenchmarks, machineDescription, markdownTable, nowUtc, percentile } from './support/report.js';

const FULL_CORPUS = 10_000;
const EVENTS = Number(process.env.BENCH_EVENTS ?? FULL_CORPUS);
const REQUESTS = 40;
const ROUNDS = 5;
const FEED_EVENTS = 200;
const MAX_FEED_RATIO = 4;
const MAX_NOT_MODIFIED_RATIO = 3;
const STORE_BATCH = 5000;

interface PathFigures {
  label: string;
  latencies: number[];
  cpuMs: number;
  requests: number;
}

type Call = (i: number) => Promise<{ status: number; body: string }>;

async function main() {
  const dir = await mkdtemp(join(tmpdir(), 'fieldguide-bench-feeds-'));
  let meili: RunningMeilisearch | undefined;
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  const agent = new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 10_000 });
  try {
    const corpus = await generateCorpus({ count: EVENTS });
    meili = await startMeilisearch({ dataDir: join(dir, 'meilisearch') });
    const databasePath = join(dir, 'fieldguide.sqlite');
    const { stored } = await loadCorpus(corpus.events, databasePath, meili, {
      storeBatch: STORE_BATCH,
      drainBatch: STORE_BATCH,
    });
    console.log(`store: ${stored} events, indexed`);
    app = await buildApp({
      config: loadConfig({
        DATA_DIR: dir,
        DATABASE_PATH: databasePath,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
        LOG_LEVEL: 'silent',
        RATE_LIMIT_MAX: '0',
      }),
      logger: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the API is not listening on a TCP port');
    const base = `http://127.0.0.1:${address.port}`;

    const get = async (path: string, headers: Record<string, string> = {}) => {
      const response = await request(`${base}${path}`, { dispatcher: agent, headers });
      return { status: response.statusCode, body: await response.body.text(), etag: response.headers.etag };
    };
    const field = CLUSTERS[0]!.id;
    const feedPath = `/feeds/fields/${field}.ics`;
    const first = await get(feedPath);
    const items = first.body.split('BEGIN:VEVENT').length - 1;
    if (first.status !== 200 || items !== FEED_EVENTS) {
      throw new Error(`${feedPath}: ${first.status} with ${items} events, expected 200 with ${FEED_EVENTS}`);
    }
    // What a calendar holds: the ETag of its last 200 (it moves on when the 15-minute window does).
    let etag = String(first.etag);
    const search = await get(`/api/search?field=${field}&limit=100`);
    const hits = (JSON.parse(search.body) as { hits: unknown[] }).hits.length;
    if (search.status !== 200 || hits !== 100) throw new Error(`/api/search: ${search.status} with ${hits} hits`);

    const paths: { label: string; call: Call; expect: number }[] = [
      { label: '`GET /health`', call: () => get('/health'), expect: 200 },
      {
        label: `\`GET /api/search?field=…&limit=100\` (${hits} hits)`,
        call: () => get(`/api/search?field=${field}&limit=100`),
        expect: 200,
      },
      { label: `\`.ics\` of ${FEED_EVENTS} events, from the cache`, call: () => get(feedPath), expect: 200 },
      {
        label: `\`.ics\` of ${FEED_EVENTS} events, rendered anew`,
        // A Host not seen before is a new key: searched, read from the store and rendered, as after a crawl.
        call: (i) => get(feedPath, { host: `r${i}-${Math.random().toString(36).slice(2)}.bench.test` }),
        expect: 200,
      },
      {
        label: '`.ics`, `If-None-Match` → 304',
        call: async () => {
          const response = await get(feedPath, { 'if-none-match': etag });
          if (response.status === 200) etag = String(response.etag);
          return response.status === 200 ? get(feedPath, { 'if-none-match': etag }) : response;
        },
        expect: 304,
      },
    ];
    const figures: PathFigures[] = paths.map((p) => ({ label: p.label, latencies: [], cpuMs: 0, requests: 0 }));
    for (const path of paths) for (let i = 0; i < 5; i++) await path.call(i);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [p, path] of paths.entries()) {
        const figure = figures[p]!;
        const cpu = process.cpuUsage();
        for (let i = 0; i < REQUESTS; i++) {
          const started = performance.now();
          const response = await path.call(round * REQUESTS + i);
          figure.latencies.push(performance.now() - started);
          if (response.status !== path.expect) throw new Error(`${path.label}: ${response.status}, not ${path.expect}`);
        }
        const used = process.cpuUsage(cpu);
        figure.cpuMs += (used.user + used.system) / 1000;
        figure.requests += REQUESTS;
      }
    }

    const p50 = (f: PathFigures) =>
      percentile(
        f.latencies.toSorted((a, b) => a - b),
        50,
      );
    const p90 = (f: PathFigures) =>
      percentile(
        f.latencies.toSorted((a, b) => a - b),
        90,
      );
    const cpu = (f: PathFigures) => f.cpuMs / f.requests;
    const [health, searchFigure, cached, rendered, notModified] = figures as [
      PathFigures,
      PathFigures,
      PathFigures,
      PathFigures,
      PathFigures,
    ];
    const ms = (v: number) => v.toFixed(2);
    const ratio = (v: number) => `${v.toFixed(2)}×`;
    const table = markdownTable(
      ['path', 'p50 ms', 'p90 ms', 'CPU ms/request', 'p50 vs baseline'],
      figures.map((f, i) => [
        f.label,
        ms(p50(f)),
        ms(p90(f)),
        ms(cpu(f)),
        i < 2 ? '' : ratio(p50(f) / p50(i === 4 ? health : searchFigure)),
      ]),
    );
    const feedRatio = p50(cached) / p50(searchFigure);
    const renderRatio = p50(rendered) / p50(searchFigure);
    const notModifiedRatio = p50(notModified) / p50(health);
    const cpuFeedRatio = cpu(cached) / cpu(searchFigure);
    const cpuNotModifiedRatio = cpu(notModified) / cpu(health);
    const met = (value: number, limit: number) => (value <= limit ? 'met' : 'missed');
    const section = [
      `## Feeds — ${nowUtc()}`,
      '',
      `Machine: ${machineDescription()}. ${stored} events generated (seeded) and indexed through the outbox drain; ` +
        `the feed is \`${feedPath}\` (${FEED_EVENTS} events). Over HTTP on loopback with keep-alive, ${ROUNDS} ` +
        `rounds of ${REQUESTS} requests per path, the paths in turn, after a warm-up. CPU is this process's ` +
        "(server and client) per request; Meilisearch's own is not counted. Baselines: /api/search for the " +
        'feeds, /health for the 304.',
      '',
      ...table,
      '',
      `Feed from the cache vs a 100-hit search (p50): ${ratio(feedRatio)}, target ≤ ${MAX_FEED_RATIO}×: ` +
        `${met(feedRatio, MAX_FEED_RATIO)} (CPU ${ratio(cpuFeedRatio)}); rendered anew, as after each crawl: ` +
        `${ratio(renderRatio)}. 304 vs /health (p50): ${ratio(notModifiedRatio)}, target ≤ ` +
        `${MAX_NOT_MODIFIED_RATIO}×: ${met(notModifiedRatio, MAX_NOT_MODIFIED_RATIO)} (CPU ` +
        `${ratio(cpuNotModifiedRatio)}).`,
      '',
    ].join('\n');
    console.log(section);
    if (stored >= FULL_CORPUS) await appendToBenchmarks(section);
    else console.log(`not appended to docs/benchmarks.md: fewer than ${FULL_CORPUS} events`);
    if (feedRatio > MAX_FEED_RATIO || notModifiedRatio > MAX_NOT_MODIFIED_RATIO) {
      console.error('FAIL: a feed or a 304 costs more than its target');
      process.exitCode = 1;
    }
  } finally {
    await agent.close();
    await app?.close();
    await meili?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
