import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { replicasOf } from '@fieldguide/crawlers/storage';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAppOver } from '../support/app.js';
import { expectIndexEqualsStore } from '../support/index-contents.js';
import { seedApp } from '../support/seed-events.js';

const MASTER_KEY = 'replicas-integration-master-key';

describe('the API over two Meilisearch replicas (MEILI_URLS)', () => {
  let replicas: TestMeilisearch[] = [];
  let dataDir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    replicas = await Promise.all([0, 1].map(() => startTestMeilisearch(process.env, { masterKey: MASTER_KEY })));
    dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-replicas-'));
    app = await buildAppOver({ url: replicas[0]!.url, masterKey: MASTER_KEY }, dataDir, {
      MEILI_URL: '',
      MEILI_URLS: replicas.map((replica) => replica.url).join(','),
      MEILI_INDEX_PREFIX: replicas[0]!.prefix,
      OUTBOX_DRAIN_INTERVAL_MS: '50',
    });
    await app.ready();
    await seedApp(app);
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('feeds both replicas and reports each in /health, by position only', async () => {
    for (const replica of replicasOf(app.searchIndex)) await expectIndexEqualsStore(app.store, replica);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      index: {
        ok: true,
        replicas: [
          { position: 1, ok: true, lag: 0 },
          { position: 2, ok: true, lag: 0 },
        ],
      },
    });
    for (const replica of replicas) expect(res.body).not.toContain(replica.url);
  });

  it('keeps answering searches and stays 200 (degraded) with one replica down', async () => {
    await replicas[1]!.stop();
    app.store.upsertEvent({ ...[...app.store.iterateEvents()][0]!, title: 'Written while a replica is down' });
    const first = replicasOf(app.searchIndex)[0]!;
    await vi.waitFor(() => expect(app.store.outboxCursor(first.replica)).toBe(app.store.lastOutboxSeq()), {
      timeout: 10_000,
      interval: 20,
    });

    for (let n = 0; n < 4; n++) {
      const search = await app.inject({ method: 'GET', url: '/api/search' });
      expect(search.statusCode, search.body).toBe(200);
      expect(search.json().total).toBeGreaterThan(0);
    }
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'degraded',
      index: {
        ok: true,
        events: (await first.stats()).event.numberOfDocuments,
        replicas: [
          { position: 1, ok: true, lag: 0 },
          { position: 2, ok: false, lag: 1 },
        ],
      },
    });

    await replicas[0]!.stop();
    expect((await app.inject({ method: 'GET', url: '/api/search' })).statusCode).toBe(503);
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
  });
});
