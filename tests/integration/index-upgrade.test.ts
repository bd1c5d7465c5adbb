import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { eventsIndexOutdated } from '@fieldguide/crawlers/storage';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import type { EventDocument } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAppOver } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';

// An install upgraded from a version whose event documents had no `geoCells`, `geoPoint`, `hiringFloor` nor `firstSeen`: the server finds them at start-up and
// rebuilds the index from the store, so searches near a place find those events again without a manual step.
const NEAR = '/api/search?near=44.98,-93.26&radius=80km&limit=1';

let meili: TestMeilisearch;
let dir: string;
let app: FastifyInstance | undefined;

beforeAll(async () => {
  meili = await startTestMeilisearch();
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-upgrade-'));
});

afterAll(async () => {
  await app?.close();
  await meili?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const build = () => buildAppOver(meili, path.join(dir, 'data'), { MEILI_INDEX_PREFIX: meili.prefix });
const nearTotal = async (server: FastifyInstance) => {
  const response = await server.inject({ method: 'GET', url: NEAR });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { total: number }).total;
};

describe('an index written by an older version', () => {
  it('is rebuilt at start-up, and searches near a place find its events again', async () => {
    const old = await build();
    await seedApp(old);
    const expected = await nearTotal(old);
    expect(expected).toBeGreaterThan(0);
    // What an older version wrote: the same documents without their grid cells, venue points and hiring floors.
    const { hits } = await old.searchIndex.searchEvents({ q: '', limit: 1000 });
    // Documents written before alert digests filtered on `firstSeen` are outdated too.
    const withoutFirstSeen = hits.map(({ firstSeen: _seen, ...doc }) => doc);
    await old.searchIndex.waitTask(
      await old.searchIndex.upsertDocuments('event', withoutFirstSeen as unknown as EventDocument[]),
    );
    expect(await eventsIndexOutdated(old.searchIndex)).toBe(true);
    const stripped = hits.map(({ geoCells: _cells, geoPoint: _point, hiringFloor: _floor, ...doc }) => doc);
    // Documents of an older contract: today's type requires what they lack.
    await old.searchIndex.waitTask(
      await old.searchIndex.upsertDocuments('event', stripped as unknown as EventDocument[]),
    );
    expect(await eventsIndexOutdated(old.searchIndex)).toBe(true);
    expect(await nearTotal(old)).toBe(0);
    await old.close();

    app = await build();
    const server = app;
    const deadline = Date.now() + 60_000;
    while ((await nearTotal(server)) !== expected) {
      if (Date.now() > deadline) throw new Error('the index was not rebuilt within 60 s');
      await setTimeout(50);
    }
    expect(await eventsIndexOutdated(server.searchIndex)).toBe(false);
  }, 120_000);
});
