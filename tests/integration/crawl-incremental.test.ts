import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSourcesYaml, runCrawl } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { createStore, type Store } from '@fieldguide/crawlers/storage';
import type { Source } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = new Date('2026-03-07T12:00:00Z');
const hoursLater = (h: number) => () => new Date(NOW.getTime() + h * 3_600_000);
const SOURCE_IDS = ['demo-agriculture-ics', 'demo-nursing-events', 'demo-builders-wp'];
const SITES = new Set(['agriculture', 'nursing', 'builders']);

let content: string;
let port: number;
let demo: DemoSites;
let dir: string;
let store: Store;
let sources: Source[];

/** A port free on 127.0.0.1 now; every demo site listens on it on its own loopback address. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port: found } = server.address() as { port: number };
      server.close(() => resolve(found));
    });
  });
}

const crawl = (now: () => Date) =>
  runCrawl({ store, sources, force: true, now, fetcher: { perHostDelayMs: 10, retryBaseDelayMs: 10 } });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-crawl-incremental-'));
  content = path.join(dir, 'demo-sites');
  cpSync(path.join(ROOT, 'crawlers/demo-sites'), content, { recursive: true });
  port = await freePort();
  demo = await startDemoSites({ now: NOW, contentDir: content, port });
  store = createStore({ path: path.join(dir, 'store.sqlite') });
  sources = parseSourcesYaml(demo.sourcesYaml).sources.filter((s) => SOURCE_IDS.includes(s.id));
});

afterAll(async () => {
  store?.close();
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('re-crawling', () => {
  it('sends conditional requests the second time and takes 304s as everything still there', async () => {
    const first = await crawl(() => NOW);
    const counts = Object.fromEntries(first.sources.map((s) => [s.sourceId, s.events]));
    const before = demo.accessLog.length;
    const stored = store.countEvents();

    const second = await crawl(hoursLater(1));
    const requests = demo.accessLog.slice(before).filter((e) => SITES.has(e.siteId) && e.url !== '/robots.txt');
    expect(requests.length).toBeGreaterThan(5);
    for (const request of requests) {
      expect(request.ifNoneMatch ?? request.ifModifiedSince, request.url).toBeDefined();
      expect(request.status, request.url).toBe(304);
    }
    for (const result of second.sources) {
      expect(result, result.sourceId).toMatchObject({
        status: 'ok',
        events: counts[result.sourceId],
        inserted: 0,
        updated: 0,
        delisted: 0,
      });
      expect(result.notModified).toBe(result.pages);
    }
    expect(store.countEvents()).toBe(stored);
    expect([...store.iterateEvents()].every((e) => !e.delisted && e.lastSeen === hoursLater(1)().toISOString())).toBe(
      true,
    );
  });

  it('marks an event the source no longer publishes delisted, and only that one', async () => {
    const file = path.join(content, 'agriculture/events/calendar.ics');
    const ics = readFileSync(file, 'utf8');
    const block = /BEGIN:VEVENT\n(?:(?!END:VEVENT)[\s\S])*?SUMMARY:Soil Health Workshop\n[\s\S]*?END:VEVENT\n/.exec(
      ics,
    );
    expect(block).not.toBeNull();
    writeFileSync(file, ics.replace(block![0], ''));
    await demo.close();
    demo = await startDemoSites({ now: NOW, contentDir: content, port });

    const third = await crawl(hoursLater(2));
    const agriculture = third.sources.find((s) => s.sourceId === 'demo-agriculture-ics')!;
    expect(agriculture).toMatchObject({ status: 'ok', delisted: 1, notModified: 0 });
    const events = [...store.iterateEvents()];
    expect(events.filter((e) => e.delisted).map((e) => e.title)).toEqual(['Soil Health Workshop']);
    for (const other of third.sources.filter((s) => s.sourceId !== 'demo-agriculture-ics')) {
      expect(other).toMatchObject({ status: 'ok', delisted: 0 });
      expect(other.notModified).toBeGreaterThan(0);
    }
  });
});
