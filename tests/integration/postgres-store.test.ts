import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPostgresStore } from '@fieldguide/crawlers/storage';
import {
  startTestMeilisearch,
  startTestPostgres,
  type TestMeilisearch,
  type TestPostgres,
} from '@fieldguide/crawlers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

const ADMIN_TOKEN = 'a-token-of-sixteen-or-more';

let postgres: TestPostgres;
let meili: TestMeilisearch;
let dataDir: string;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  [postgres, meili] = await Promise.all([startTestPostgres(), startTestMeilisearch()]);
  dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-shared-store-'));
});

afterAll(async () => {
  for (const server of servers.splice(0)) await server.cleanup();
  await Promise.all([postgres?.stop(), meili?.stop()]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('servers sharing a PostgreSQL store and an external Meilisearch', () => {
  it('start side by side on one data directory, taking no lock, and answer from the same store', async () => {
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: postgres.url,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: meili.prefix,
      DEMO_SITES: 'off',
      ADMIN_TOKEN,
    };
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    expect(existsSync(path.join(dataDir, 'fieldguide.lock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'fieldguide.sqlite'))).toBe(false);

    const store = createPostgresStore({ url: postgres.url });
    try {
      store.upsertSource({
        id: 'shared-calendar',
        url: 'https://example.org/calendar.ics',
        kind: 'ics',
        name: 'Shared calendar',
        fields: ['health-science'],
        pathways: [],
        recrawlMinutes: 1440,
        enabled: false,
        allowPrivateNetwork: false,
        health: { eventsFound: 0, errorCount: 0 },
      });
    } finally {
      store.close();
    }
    for (const server of servers) {
      const health = await fetch(`${server.url}/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', store: { ok: true } });
      const res = await fetch(`${server.url}/api/admin/sources`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('shared-calendar');
    }
    for (const server of servers.splice(0)) expect(await server.stop()).toBe(0);
  });
});
