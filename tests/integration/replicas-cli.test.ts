import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createIndex, createStore, type Store } from '@fieldguide/crawlers/storage';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFieldguide } from '../support/cli.js';
import { expectIndexEqualsStore } from '../support/index-contents.js';
import { buildSeedAssociations, buildSeedEvents } from '../support/seed-events.js';

const MASTER_KEY = 'replicas-cli-master-key';

describe('fieldguide reindex, replicas and replicas forget over MEILI_URLS', () => {
  let replicas: TestMeilisearch[] = [];
  let dir: string;
  let store: Store;
  let env: Record<string, string>;
  const cursorName = (url: string) => `${url}#${replicas[0]!.prefix}`;

  beforeAll(async () => {
    replicas = await Promise.all([0, 1].map(() => startTestMeilisearch(process.env, { masterKey: MASTER_KEY })));
    dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-replicas-cli-'));
    mkdirSync(path.join(dir, 'data'));
    env = {
      DATA_DIR: path.join(dir, 'data'),
      MEILI_URL: '',
      MEILI_URLS: replicas.map((replica) => replica.url).join(','),
      MEILI_MASTER_KEY: MASTER_KEY,
      MEILI_INDEX_PREFIX: replicas[0]!.prefix,
    };
    store = createStore({ path: path.join(dir, 'data', 'fieldguide.sqlite') });
    store.upsertEvents(buildSeedEvents());
    for (const association of buildSeedAssociations()) store.upsertAssociation(association);
  });

  afterAll(async () => {
    store?.close();
    await Promise.all(replicas.map((replica) => replica.stop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds every replica and sets each cursor to the last change', async () => {
    const run = await runFieldguide(['reindex'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/into each of 2 replicas/);
    for (const replica of replicas) {
      const index = createIndex({ url: replica.url, masterKey: MASTER_KEY, prefix: replicas[0]!.prefix });
      try {
        await expectIndexEqualsStore(store, index);
      } finally {
        await index.close();
      }
      expect(store.outboxCursor(cursorName(replica.url))).toBe(store.lastOutboxSeq());
    }
    expect(store.outboxSize()).toBe(0);
  });

  it('lists each cursor with its lag, and forgets a replica no longer configured, by its URL in any spelling', async () => {
    const behind = store.lastOutboxSeq();
    store.upsertEvent({ ...buildSeedEvents()[0]!, title: 'Changed after the rebuild' });
    store.setOutboxCursor(cursorName('http://retired:7700'), behind);

    const listed = await runFieldguide(['replicas'], env);
    expect(listed.code, listed.stderr).toBe(0);
    for (const replica of replicas)
      expect(listed.stdout).toContain(`${cursorName(replica.url)}  cursor ${behind}  lag 1`);
    expect(listed.stdout).toMatch(/http:\/\/retired:7700#\S+ {2}cursor \d+ {2}lag 1 {2}\(not configured here/);

    const configured = await runFieldguide(['replicas', 'forget', replicas[0]!.url], env);
    expect(configured.code).toBe(1);
    expect(configured.stderr).toContain('is still configured');
    const unknown = await runFieldguide(['replicas', 'forget', 'http://nowhere:7700'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('has an outbox cursor');

    const forgot = await runFieldguide(['replicas', 'forget', 'HTTP://Retired:7700/'], env);
    expect(forgot.code, forgot.stderr).toBe(0);
    expect(store.listOutboxCursors().map((cursor) => cursor.replica)).toEqual(
      replicas.map((replica) => cursorName(replica.url)).sort(),
    );
  });

  it('refuses MEILI_URLS beside MEILI_URL, and a bad URL, naming them', async () => {
    const run = await runFieldguide(['replicas'], { ...env, MEILI_URL: replicas[0]!.url, MEILI_URLS: 'ftp://x,' });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('set either MEILI_URLS or MEILI_URL, not both');
    expect(run.stderr).toContain('MEILI_URLS: not an http(s) URL: "ftp://x"');
  });
});
