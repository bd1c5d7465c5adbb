import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createIndex, type RunningMeilisearch, startMeilisearch } from '@fieldguide/crawlers/storage';
import type { Event } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildAppOver } from '../support/app.js';
import { expectIndexEqualsStore } from '../support/index-contents.js';
import { buildSeedEvents, seedApp } from '../support/seed-events.js';

// Meilisearch is SIGKILLed while clients keep searching over real HTTP, and the store keeps changing. The API
// must answer 503 (never a 500, a hang or a dropped connection), come back by itself once Meilisearch is started
// again on the same port, and the index must end up equal to the store.

const CONNECTIONS = 8;
/** Responses wanted in each phase before moving on. */
const PER_PHASE = 100;
/** Bounds of the load, whatever happens: requests per connection and total time. */
const MAX_REQUESTS_PER_CONNECTION = 20_000;
const MAX_LOAD_MS = 90_000;
const QUERIES = [
  'q=nursing',
  'field=health-science',
  'near=Minneapolis%2C%20MN&radius=50mi',
  '',
  'type=career-fair&sort=hiring',
  'q=conference&page=2&limit=5',
];

type Phase = 'up' | 'killing' | 'down' | 'restarting' | 'back';

interface Outcome {
  /** The phase when the request was sent. */
  phase: Phase;
  /** The phase when its answer (or error) came. */
  answeredIn: Phase;
  status?: number;
  code?: string;
  error?: string;
}

const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-kill-load-'));
const meiliDir = path.join(dir, 'meili');
let meili: RunningMeilisearch;
let app: FastifyInstance;
let base: string;
const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });

beforeAll(async () => {
  meili = await startMeilisearch({ dataDir: meiliDir, port: 0, maxIndexingMemory: '256MiB' });
  app = await buildAppOver(meili, path.join(dir, 'data'), { OUTBOX_DRAIN_INTERVAL_MS: '100' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  await seedApp(app);
});

afterAll(async () => {
  await agent.close();
  await app?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Upcoming events written while Meilisearch is down, with a word no seed event has. */
function eventsWrittenDuringOutage(): Event[] {
  return buildSeedEvents()
    .filter((event) => !event.delisted && Date.parse(event.start) > Date.now())
    .slice(0, 12)
    .map((event, i) => ({
      ...event,
      id: `outage-${i}`,
      title: `Zephyrine Outage Meetup ${i}`,
      url: `https://events.example.org/outage-${i}`,
      sources: [{ sourceId: 'seed', url: `https://events.example.org/outage-${i}`, seenAt: event.lastSeen }],
    }));
}

it('answers 503 while Meilisearch is killed under load, recovers without a restart, and loses nothing', async () => {
  let phase: Phase = 'up';
  let stop = false;
  const outcomes: Outcome[] = [];
  const count = (wanted: Phase) => outcomes.filter((o) => o.phase === wanted).length;
  const deadline = Date.now() + MAX_LOAD_MS;

  const connection = async (offset: number) => {
    for (let n = 0; n < MAX_REQUESTS_PER_CONNECTION && !stop && Date.now() < deadline; n++) {
      const sentIn = phase;
      const query = QUERIES[(offset + n) % QUERIES.length];
      try {
        const response = await request(`${base}/api/search?${query}`, { dispatcher: agent });
        const body = (await response.body.json()) as { code?: string };
        outcomes.push({
          phase: sentIn,
          answeredIn: phase,
          status: response.statusCode,
          ...(body.code ? { code: body.code } : {}),
        });
      } catch (error) {
        outcomes.push({ phase: sentIn, answeredIn: phase, error: String(error) });
      }
    }
  };
  const load = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => connection(i)));
  const waitFor = (wanted: Phase) =>
    vi.waitFor(() => expect(count(wanted)).toBeGreaterThanOrEqual(PER_PHASE), { timeout: 30_000, interval: 20 });

  try {
    await waitFor('up');

    phase = 'killing';
    meili.process.kill('SIGKILL');
    if (meili.process.exitCode === null && meili.process.signalCode === null) await once(meili.process, 'exit');
    phase = 'down';
    const written = eventsWrittenDuringOutage();
    app.store.upsertEvents(written);
    const changed = app.store.getEvent('it-devops-mpls')!;
    app.store.upsertEvent({ ...changed, title: 'DevOps Days Minneapolis (moved while down)' });
    expect(app.store.deleteEvent('fin-tax-stpaul')).toBe(true);
    await waitFor('down');
    // Nothing could be indexed meanwhile: the changes wait in the outbox.
    expect(app.store.outboxSize()).toBe(written.length + 2);

    phase = 'restarting';
    meili = await startMeilisearch({
      dataDir: meiliDir,
      port: Number(new URL(meili.url).port),
      maxIndexingMemory: '256MiB',
    });
    phase = 'back';
    await waitFor('back');
  } finally {
    stop = true;
    await load;
  }

  expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
  const statuses = (wanted: Phase) => [
    ...new Set(outcomes.filter((o) => o.phase === wanted && o.answeredIn === wanted).map((o) => o.status)),
  ];
  expect(statuses('up')).toEqual([200]);
  expect(statuses('down')).toEqual([503]);
  expect(new Set(outcomes.filter((o) => o.status === 503).map((o) => o.code))).toEqual(
    new Set(['ERR_INDEX_UNAVAILABLE']),
  );
  expect(statuses('back')).toEqual([200]);
  // Requests in flight at the kill or during the restart got one answer or the other, never anything else.
  for (const o of outcomes) expect([200, 503]).toContain(o.status);

  // The outbox drainer catches up by itself: the index equals the store again.
  await vi.waitFor(() => expect(app.store.outboxSize()).toBe(0), { timeout: 60_000, interval: 50 });
  const index = createIndex({ url: meili.url, masterKey: meili.masterKey });
  try {
    const documents = await expectIndexEqualsStore(app.store, index);
    expect(documents.get('it-devops-mpls')?.title).toBe('DevOps Days Minneapolis (moved while down)');
    expect(documents.has('fin-tax-stpaul')).toBe(false);
  } finally {
    await index.close();
  }
  const found = await request(`${base}/api/search?q=zephyrine&limit=50`, { dispatcher: agent });
  const body = (await found.body.json()) as { hits: { id: string; title: string; description: string }[] };
  expect(found.statusCode).toBe(200);
  const expected = new Map(eventsWrittenDuringOutage().map((e) => [e.id, e]));
  expect(body.hits.map((h) => h.id).sort()).toEqual([...expected.keys()].sort());
  for (const hit of body.hits) {
    expect(hit.title).toBe(expected.get(hit.id)?.title);
    expect(hit.description).toBe(expected.get(hit.id)?.description);
  }
});
