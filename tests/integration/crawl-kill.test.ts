import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canonicalUrl, parseSourcesYaml, runCrawl } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { createIndex, createStore, drainOutbox, type SearchIndex, type Store } from '@fieldguide/crawlers/storage';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import type { Event } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFieldguide } from '../support/cli.js';
import { upcomingDocuments } from '../support/index-contents.js';

let demo: DemoSites;
let meili: TestMeilisearch;
let dir: string;
let sourcesFile: string;
let env: NodeJS.ProcessEnv;
const open: Store[] = [];

function crawlCli(): ChildProcess & { output: () => string } {
  const started = startFieldguide(['crawl', '--sources', sourcesFile], env);
  return Object.assign(started.child, { output: started.output });
}

const exited = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

/** Checks `condition` every 50 ms until it holds; fails after `timeoutMs`. */
async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const keyOf = (e: Event) => `${canonicalUrl(e.url)}|${e.start}`;
const sourceSet = (e: Event) => [...new Set(e.sources.map((s) => s.sourceId))].sort().join(',');

beforeAll(async () => {
  demo = await startDemoSites();
  meili = await startTestMeilisearch();
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-crawl-kill-'));
  sourcesFile = path.join(dir, 'sources.yaml');
  writeFileSync(sourcesFile, demo.sourcesYaml);
  env = {
    ...process.env,
    DATA_DIR: path.join(dir, 'data'),
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MEILI_INDEX_PREFIX: meili.prefix,
    CRAWL_PER_HOST_DELAY_MS: '100',
  };
});

afterAll(async () => {
  for (const store of open) store.close();
  await demo?.close();
  await meili?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a crawl killed with SIGKILL, then run again', () => {
  let reference: Event[];
  let resumed: Store;
  let firstOutput: string;

  beforeAll(async () => {
    const storeFile = path.join(dir, 'data', 'fieldguide.sqlite');
    const referenceStore = createStore({ path: path.join(dir, 'reference.sqlite') });
    open.push(referenceStore);
    const referenceCrawl = runCrawl({
      store: referenceStore,
      sources: parseSourcesYaml(demo.sourcesYaml).sources,
      fetcher: { perHostDelayMs: 20 },
    });

    const first = crawlCli();
    await until(() => existsSync(storeFile), 20_000, 'the store file');
    const watcher = createStore({ path: storeFile });
    open.push(watcher);
    await until(() => watcher.countEvents() > 0 || first.exitCode !== null, 60_000, 'the first events');
    expect(first.exitCode, first.output()).toBeNull();
    first.kill('SIGKILL');
    await exited(first);
    firstOutput = first.output();
    expect(watcher.countEvents()).toBeGreaterThan(0);
    watcher.close();
    open.splice(open.indexOf(watcher), 1);

    await referenceCrawl;
    reference = [...referenceStore.iterateEvents()];

    const second = crawlCli();
    expect(await exited(second), second.output()).toBe(0);
    resumed = createStore({ path: storeFile });
    open.push(resumed);
  }, 120_000);

  it('was killed mid-crawl: the first run did not finish', () => {
    expect(firstOutput).not.toMatch(/crawl run \d+ finished/);
  });

  it('marks the run left running as interrupted', () => {
    const runs = resumed.listCrawlRuns(10);
    expect(runs.map((r) => r.status)).toEqual(['finished', 'interrupted']);
    expect(runs[1]!.finishedAt).toBeDefined();
  });

  it('has no duplicate and loses nothing against an uninterrupted crawl', () => {
    const events = [...resumed.iterateEvents()];
    expect(new Set(events.map(keyOf)).size).toBe(events.length);
    expect(events).toHaveLength(reference.length);
    const single = reference.filter((e) => sourceSet(e).split(',').length === 1);
    const ids = new Set(events.map((e) => e.id));
    for (const event of single) expect(ids.has(event.id), event.title).toBe(true);
    // Merged events keep the id of whichever source came first, so they are compared by sources and start.
    const merged = (list: Event[]) =>
      list
        .filter((e) => sourceSet(e).includes(','))
        .map((e) => `${sourceSet(e)}|${e.start}`)
        .sort();
    expect(merged(events)).toEqual(merged(reference));
    expect(merged(events).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves the search index with exactly the store’s upcoming events after a drain', async () => {
    const index: SearchIndex = createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: meili.prefix });
    try {
      await drainOutbox(resumed, index);
      const hits = await index.searchEvents({ q: '', limit: 1000, attributesToRetrieve: ['id'] });
      const indexed = new Set(hits.hits.map((h) => String(h.id)));
      const stored = new Set(upcomingDocuments(resumed).keys());
      expect(indexed).toEqual(stored);
      expect(resumed.outboxSize()).toBe(0);
    } finally {
      await index.close();
    }
  });
});
