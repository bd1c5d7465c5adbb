// Compares the cost of one search through our client, through a bare `undici.request`, and through the
// official client with default options (fetch), against the same Meilisearch. Fails when ours is more
// than 1.5x slower than the bare request at p50. Run: pnpm bench:meili-transport
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createIndex, type IndexSearchParams } from '@fieldguide/crawlers/storage';
import { startTestMeilisearch } from '@fieldguide/crawlers/testing';
import { type Event, toSearchDocument } from '@fieldguide/shared';
import { Meilisearch } from 'meilisearch';
import { Agent, request } from 'undici';
import { appendToBenchmarks, machineDescription, markdownTable, nowUtc, percentile } from './support/report.js';

const QUERIES = 600;
const WARMUP = 50;
const MAX_RATIO = 1.5;
const CONFERENCE_DATA = fileURLToPath(new URL('../../shared/data/conference-data/conferences/', import.meta.url));

interface Conference {
  name: string;
  url: string;
  startDate: string;
  endDate: string;
  city?: string;
  country?: string;
  online?: boolean;
}

async function loadEvents(): Promise<{ events: Event[]; origin: string }> {
  const exists = await stat(CONFERENCE_DATA).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const events: Event[] = [];
  if (exists) {
    for (const year of (await readdir(CONFERENCE_DATA)).filter((name) => /^\d{4}$/.test(name)).sort()) {
      for (const file of (await readdir(`${CONFERENCE_DATA}${year}`)).filter((name) => name.endsWith('.json'))) {
        const topic = file.replace(/\.json$/, '');
        const list = JSON.parse(await readFile(`${CONFERENCE_DATA}${year}/${file}`, 'utf8')) as Conference[];
        list.forEach((c, i) => {
          events.push(toEvent(`${year}-${topic}-${i}`, topic, c));
        });
      }
    }
    return { events, origin: `conference-data (${CONFERENCE_DATA})` };
  }
  const topics = ['javascript', 'python', 'devops', 'security', 'ux', 'data'];
  const cities = ['Berlin', 'Austin', 'London', 'Toronto', 'Warsaw'];
  for (let i = 0; i < 5000; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const topic = topics[i % topics.length]!;
    events.push(
      toEvent(`synthetic-${i}`, topic, {
        name: `${cities[i % cities.length]} ${topic} conference ${i}`,
        url: `https://example.org/${i}`,
        startDate: day,
        endDate: day,
        city: cities[i % cities.length],
        country: 'Somewhere',
        online: i % 4 === 0,
      }),
    );
  }
  return { events, origin: 'synthesized (conference-data not found)' };
}

function toEvent(id: string, topic: string, c: Conference): Event {
  const place = [c.city, c.country].filter(Boolean).join(', ');
  return {
    id: id.replace(/[^A-Za-z0-9_-]/g, '_'),
    title: c.name,
    description: `${c.name}: a ${topic} conference${place ? ` in ${place}` : ''}.`,
    url: c.url,
    type: 'conference',
    fields: ['information-technology'],
    pathways: [],
    tags: [topic],
    start: `${c.startDate}T09:00:00Z`,
    end: `${c.endDate}T17:00:00Z`,
    timeZone: 'UTC',
    allDay: true,
    format: c.online ? 'online' : 'in-person',
    ...(c.city ? { venue: { city: c.city, ...(c.country ? { region: c.country } : {}) } } : {}),
    status: 'scheduled',
    hiring: { score: (id.length % 10) / 10, reasons: [] },
    sources: [{ sourceId: 'bench', url: c.url, seenAt: '2026-01-01T00:00:00Z' }],
    delisted: false,
    firstSeen: '2026-01-01T00:00:00Z',
    lastSeen: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

/** The same mix of full-text, filters, facets, sorting and paging for every client. */
function makeQueries(events: readonly Event[]): IndexSearchParams[] {
  const words = ['javascript', 'conf', 'summit', 'python', 'javscript', 'security', 'data', 'london', 'devops', ''];
  const tags = [...new Set(events.map((e) => e.tags[0]!))];
  const regions = [...new Set(events.map((e) => e.venue?.region).filter((r): r is string => !!r))].slice(0, 20);
  const epoch2020 = Date.UTC(2020, 0, 1) / 1000;
  return Array.from({ length: QUERIES + WARMUP }, (_, i) => {
    const query: IndexSearchParams = { q: words[i % words.length]!, hitsPerPage: 20, page: 1 + (i % 3) };
    const filters: string[] = [];
    if (i % 2 === 0) filters.push(`tags = "${tags[i % tags.length]}"`);
    if (i % 3 === 0) filters.push(`start > ${epoch2020}`);
    if (i % 5 === 0 && regions.length > 0) filters.push(`region = "${regions[i % regions.length]}"`);
    if (i % 7 === 0) filters.push('format = "online"');
    if (filters.length > 0) query.filter = filters.join(' AND ');
    if (i % 2 === 1) query.facets = ['tags', 'format', 'region'];
    if (i % 4 === 1) query.sort = ['start:asc'];
    if (i % 6 === 0) query.attributesToHighlight = ['title'];
    return query;
  });
}

async function main() {
  const meili = await startTestMeilisearch();
  const index = createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: meili.prefix });
  const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });
  try {
    const { events, origin } = await loadEvents();
    await index.applySettings();
    for (let i = 0; i < events.length; i += 1000) {
      await index.waitTask(await index.upsertDocuments('event', events.slice(i, i + 1000).map(toSearchDocument)));
    }
    const official = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
    const version = (await official.getVersion()).pkgVersion as string;
    const uid = index.names.event;
    const searchUrl = `${meili.url}/indexes/${uid}/search`;
    const headers = { authorization: `Bearer ${meili.masterKey}`, 'content-type': 'application/json' };

    const clients: Record<string, (query: IndexSearchParams) => Promise<unknown>> = {
      ours: (query) => index.searchEvents(query),
      direct: async ({ q, ...rest }) => {
        const response = await request(searchUrl, {
          method: 'POST',
          dispatcher: agent,
          headers,
          body: JSON.stringify({ q, ...rest }),
        });
        const body = await response.body.json();
        if (response.statusCode !== 200) throw new Error(`direct search failed: ${JSON.stringify(body)}`);
        return body;
      },
      official: ({ q, ...rest }) => official.index(uid).search(q, rest),
    };
    const names = Object.keys(clients);
    const timings: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    const queries = makeQueries(events);
    for (const [i, query] of queries.entries()) {
      // Rotate who goes first, so no client always runs on a warm (or cold) Meilisearch cache.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const started = performance.now();
        await clients[name]!(query);
        if (i >= WARMUP) timings[name]!.push(performance.now() - started);
      }
    }

    const stats = Object.fromEntries(
      names.map((name) => {
        const sorted = timings[name]!.toSorted((a, b) => a - b);
        return [name, { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99) }];
      }),
    );
    const ratio = stats.ours!.p50 / stats.direct!.p50;
    const labels: Record<string, string> = {
      ours: 'ours (`createIndex`, undici httpClient)',
      direct: '`undici.request`, same body',
      official: 'official client, default options (fetch)',
    };
    const fmt = (ms: number) => ms.toFixed(2);
    const rows = names.map((n) => [labels[n]!, fmt(stats[n]!.p50), fmt(stats[n]!.p90), fmt(stats[n]!.p99)]);
    const table = markdownTable(['client', 'p50 ms', 'p90 ms', 'p99 ms'], rows);
    const section = [
      `## Meilisearch transport — ${nowUtc()}`,
      '',
      `Machine: ${machineDescription()}, Meilisearch ${version}. ` +
        `${events.length} events from ${origin.replace(/ \(.*\)$/, '')}; ${QUERIES} queries (after ${WARMUP} warm-up), ` +
        'each run through the three clients in turn.',
      '',
      ...table,
      '',
      `ours / direct at p50: ${ratio.toFixed(2)}× (limit ${MAX_RATIO}×).`,
      '',
    ].join('\n');

    console.log(`events: ${events.length}, from ${origin}`);
    console.log(table.join('\n'));
    console.log(`ours/direct p50 ratio: ${ratio.toFixed(2)} (limit ${MAX_RATIO})`);
    await appendToBenchmarks(section);
    if (ratio > MAX_RATIO) {
      console.error(`FAIL: our client's p50 is ${ratio.toFixed(2)}× the bare request's (limit ${MAX_RATIO}×)`);
      process.exitCode = 1;
    }
  } finally {
    await agent.close();
    await index.close();
    await meili.stop();
  }
}

await main();
