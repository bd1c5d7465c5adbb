import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SupervisedMeilisearch } from '@fieldguide/crawlers/storage';
import type { Event, HealthResponse } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { buildAppOverEmbedded } from '../support/app.js';
import { expectIndexEqualsStore, upcomingDocuments } from '../support/index-contents.js';
import { buildSeedEvents, seedApp } from '../support/seed-events.js';

// The server runs the bundled Meilisearch itself, as it does without MEILI_URL. Meilisearch is SIGKILLed three
// times in a row while clients keep searching over real HTTP and the store keeps changing. Meanwhile the API
// answers 503 with its JSON error (never a 500 or a dropped connection); the supervisor starts Meilisearch again
// and searches answer 200 within 5 s each time, with no restart of the server; the outbox then brings the index
// back to what the store holds, the events written during the outages included.

const CONNECTIONS = 6;
const KILLS = 3;
const RECOVERY_MS = 5000;
/** Bounds of the load, whatever happens: requests per connection and total time. */
const MAX_REQUESTS_PER_CONNECTION = 20_000;
const MAX_LOAD_MS = 90_000;
const QUERIES = [
  '/api/search?q=nursing',
  '/api/search?field=health-science',
  '/api/search?near=Minneapolis%2C%20MN&radius=50mi',
  '/api/search',
  '/api/suggest?q=nur',
  '/api/search?type=career-fair&sort=hiring',
];

interface Outcome {
  sentAt: number;
  answeredAt: number;
  status?: number;
  contentType?: string;
  body?: { statusCode?: number; code?: string; message?: string };
  error?: string;
}

const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-runtime-faults-'));
let app: FastifyInstance;
let meili: SupervisedMeilisearch;
let base: string;
const agent = new Agent({ keepAliveTimeout: 4000, keepAliveMaxTimeout: 4000 });

beforeAll(async () => {
  app = await buildAppOverEmbedded(path.join(dir, 'data'), { OUTBOX_DRAIN_INTERVAL_MS: '100' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  if (!app.embeddedMeilisearch) throw new Error('the app did not start the bundled Meilisearch');
  meili = app.embeddedMeilisearch;
  await seedApp(app);
});

afterAll(async () => {
  await agent.close();
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Upcoming events written while Meilisearch is down, with a word no seed event has. */
function eventsWrittenDuringOutage(round: number): Event[] {
  return buildSeedEvents()
    .filter((event) => !event.delisted && Date.parse(event.start) > Date.now())
    .slice(0, 5)
    .map((event, i) => {
      const url = `https://events.example.org/outage-${round}-${i}`;
      return {
        ...event,
        id: `outage-${round}-${i}`,
        title: `Zephyrine Outage Meetup ${round}.${i}`,
        url,
        sources: [{ sourceId: 'seed', url, seenAt: event.lastSeen }],
      };
    });
}

async function health(): Promise<{ status: number; body: HealthResponse }> {
  const response = await app.inject({ method: 'GET', url: '/health' });
  return { status: response.statusCode, body: response.json() };
}

it('answers 503 while Meilisearch is killed three times, is back within 5 s each time by itself, and loses nothing', async () => {
  const serverPid = process.pid;
  const serverPort = (app.server.address() as { port: number }).port;
  const meiliUrl = meili.url;
  let stop = false;
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + MAX_LOAD_MS;

  const connection = async (offset: number) => {
    for (let n = 0; n < MAX_REQUESTS_PER_CONNECTION && !stop && Date.now() < deadline; n++) {
      const sentAt = Date.now();
      try {
        const response = await request(`${base}${QUERIES[(offset + n) % QUERIES.length]}`, { dispatcher: agent });
        const contentType = String(response.headers['content-type'] ?? '');
        const body = (await response.body.json()) as Outcome['body'];
        outcomes.push({ sentAt, answeredAt: Date.now(), status: response.statusCode, contentType, body });
      } catch (error) {
        outcomes.push({ sentAt, answeredAt: Date.now(), error: String(error) });
      }
    }
  };
  const answeredOk = (after: number) => outcomes.some((o) => o.sentAt >= after && o.status === 200);
  const load = Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => connection(i)));

  const kills: { at: number; backAt: number; down: HealthResponse }[] = [];
  try {
    await vi.waitFor(() => expect(answeredOk(0)).toBe(true), { timeout: 30_000, interval: 20 });
    for (let round = 1; round <= KILLS; round++) {
      // Changes on their way to Meilisearch when it dies: a drain may be sending them, or waiting for their task.
      app.store.upsertEvents(eventsWrittenDuringOutage(round).slice(0, 2));
      const draining = app.outbox.drainNow().catch(() => undefined);
      const child = meili.process;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      const at = Date.now();
      // And changes written while it is down.
      app.store.upsertEvents(eventsWrittenDuringOutage(round).slice(2));
      if (round === 2) {
        const changed = app.store.getEvent('it-devops-mpls')!;
        app.store.upsertEvent({ ...changed, title: 'DevOps Days Minneapolis (moved while down)' });
        expect(app.store.deleteEvent('fin-tax-stpaul')).toBe(true);
      }
      const down = await health();
      expect(down.status).toBe(503);
      await draining;

      await vi.waitFor(() => expect(answeredOk(at)).toBe(true), { timeout: RECOVERY_MS * 2, interval: 10 });
      const backAt = outcomes.find((o) => o.sentAt >= at && o.status === 200)!.answeredAt;
      // Meilisearch can answer a search a moment before its supervisor has seen it healthy.
      await meili.ready();
      kills.push({ at, backAt, down: down.body });
    }
  } finally {
    stop = true;
    await load;
  }

  for (const [i, { at, backAt, down }] of kills.entries()) {
    expect(backAt - at, `round ${i + 1}: back after ${backAt - at} ms`).toBeLessThan(RECOVERY_MS);
    expect(down.index.embedded).toMatchObject({ state: 'restarting', restarts: i, lastExit: { signal: 'SIGKILL' } });
    const meanwhile = outcomes.filter((o) => o.sentAt >= at && o.answeredAt < backAt && o.status !== 200);
    expect(meanwhile.length, `round ${i + 1}: 503s while Meilisearch was down`).toBeGreaterThan(0);
  }
  expect(outcomes.filter((o) => o.error !== undefined)).toEqual([]);
  for (const o of outcomes) expect([200, 503]).toContain(o.status);
  for (const o of outcomes.filter((o) => o.status === 503)) {
    expect(o.contentType).toMatch(/^application\/json/);
    expect(o.body).toEqual({ statusCode: 503, code: 'ERR_INDEX_UNAVAILABLE', message: expect.any(String) });
  }

  // The same server throughout, and Meilisearch back where the index client looks for it.
  expect(process.pid).toBe(serverPid);
  expect((app.server.address() as { port: number }).port).toBe(serverPort);
  expect(meili.url).toBe(meiliUrl);
  const up = await health();
  expect(up.status).toBe(200);
  expect(up.body.index.embedded).toMatchObject({ state: 'running', restarts: KILLS, lastExit: { signal: 'SIGKILL' } });

  // The outbox drainer catches up: the index equals the store again.
  await vi.waitFor(() => expect(app.store.outboxSize()).toBe(0), { timeout: 30_000, interval: 50 });
  const documents = await expectIndexEqualsStore(app.store, app.searchIndex);
  expect(documents.get('it-devops-mpls')?.title).toBe('DevOps Days Minneapolis (moved while down)');
  expect(documents.has('fin-tax-stpaul')).toBe(false);
  const written = Array.from({ length: KILLS }, (_, i) => eventsWrittenDuringOutage(i + 1)).flat();
  const found = await request(`${base}/api/search?q=zephyrine&limit=50`, { dispatcher: agent });
  const body = (await found.body.json()) as { hits: { id: string }[] };
  expect(found.statusCode).toBe(200);
  expect(body.hits.map((h) => h.id).sort()).toEqual(written.map((e) => e.id).sort());
});

it('rebuilds the indexes from the store when Meilisearch comes back without its data', async () => {
  const before = meili.status().restarts;
  const child = meili.process;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
  // Removed before the restart's pause is over (it has grown to seconds after the kills above).
  rmSync(path.join(dir, 'data', 'meilisearch', 'data.ms'), { recursive: true, force: true });
  await meili.ready();
  expect(meili.status().restarts).toBe(before + 1);

  await vi.waitFor(
    async () => {
      const stats = await app.searchIndex.stats();
      expect(stats.event.numberOfDocuments).toBe(upcomingDocuments(app.store).size);
      expect(stats.association.numberOfDocuments).toBe(app.store.countAssociations());
    },
    { timeout: 30_000, interval: 100 },
  );
  await expectIndexEqualsStore(app.store, app.searchIndex);
  const found = await request(`${base}/api/search?q=zephyrine&limit=50`, { dispatcher: agent });
  expect(found.statusCode).toBe(200);
  expect(((await found.body.json()) as { total: number }).total).toBe(KILLS * 5);
});

it('stops its Meilisearch for good when the server closes', async () => {
  const child = meili.process;
  const port = Number(new URL(meili.url).port);
  await app.close();
  expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
  expect(meili.status().state).toBe('stopped');
  const refused = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
  expect(refused).toBe(true);
});
