import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CrawlSummary, parseSourcesYaml, runCrawl, syncSources } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import { createStore, type Store } from '@fieldguide/crawlers/storage';
import { EventSchema, findIssues } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Pinned, so every count below is the demo content's (dates, recurrences, past events) and not today's.
const NOW = new Date('2026-03-07T12:00:00Z');

/** Distinct events each demo source publishes on NOW (a duplicate of another source's event counts for both). */
const EXPECTED_EVENTS: Record<string, number> = {
  'demo-agriculture-ics': 10,
  'demo-builders-wp': 24,
  'demo-careers-ics': 15,
  'demo-cpa-seminars': 10,
  'demo-cyber-home': 30,
  'demo-eventhub-conferences': 12,
  'demo-eventhub-sitemap': 15,
  'demo-hospitality-whats-on': 8,
  'demo-logistics-rss': 10,
  'demo-manufacturing-sitemap': 10,
  'demo-marketing-home': 8,
  'demo-nursing-events': 12,
  'demo-paralegal-calendar': 8,
  'demo-publicadmin-home': 8,
  'demo-teachers-atom': 10,
};

let demo: DemoSites;
let dir: string;
let store: Store;
let summary: CrawlSummary;

beforeAll(async () => {
  demo = await startDemoSites({ now: NOW });
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-crawl-demo-'));
  store = createStore({ path: path.join(dir, 'store.sqlite') });
  syncSources(store, parseSourcesYaml(demo.sourcesYaml, { now: NOW }));
  summary = await runCrawl({
    store,
    now: () => NOW,
    fetcher: { perHostDelayMs: 20, retryBaseDelayMs: 10 },
  });
});

afterAll(async () => {
  store?.close();
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const events = () => [...store.iterateEvents()];

describe('crawling the demo sites end to end', () => {
  it('finishes the run with every source ok and the expected events per source', () => {
    expect(summary.run.status).toBe('finished');
    const bySource = Object.fromEntries(summary.sources.map((s) => [s.sourceId, s.events]));
    expect(bySource).toEqual(EXPECTED_EVENTS);
    for (const result of summary.sources) {
      expect(result.errors, result.sourceId).toEqual([]);
      expect(result.status, result.sourceId).toBe('ok');
      expect(store.getSource(result.sourceId)?.health).toMatchObject({
        lastStatus: 'ok',
        eventsFound: EXPECTED_EVENTS[result.sourceId],
        errorCount: 0,
      });
      expect(summary.run.results[result.sourceId]).toEqual({ status: 'ok', events: result.events, errors: [] });
    }
  });

  it('stores only schema-valid events, one per real event', () => {
    const all = events();
    const sum = Object.values(EXPECTED_EVENTS).reduce((a, b) => a + b, 0);
    // Three planted duplicates (the nursing summit on three sites, the cyber summit on two) fold into two events.
    expect(all).toHaveLength(sum - 3);
    for (const event of all) expect(findIssues(EventSchema, event), event.title).toEqual([]);
  });

  it('merges the planted duplicates into one event that keeps every source', () => {
    const summit = events().filter((e) => /nursing leadership summit/i.test(e.title));
    expect(summit).toHaveLength(1);
    expect(new Set(summit[0]!.sources.map((s) => s.sourceId))).toEqual(
      new Set(['demo-nursing-events', 'demo-eventhub-sitemap', 'demo-careers-ics']),
    );
    const cyber = events().filter((e) => /front range cyber summit/i.test(e.title));
    expect(cyber).toHaveLength(1);
    expect(new Set(cyber[0]!.sources.map((s) => s.sourceId))).toEqual(
      new Set(['demo-cyber-home', 'demo-eventhub-conferences']),
    );
    // The calendar's times win over the conference list's dates.
    expect(cyber[0]).toMatchObject({ allDay: false, timeZone: 'America/Denver' });
  });

  it('never fetches what robots.txt disallows, the private board retreat included', () => {
    const cpa = demo.sites.find((s) => s.id === 'cpa')!;
    const cpaRequests = demo.accessLog.filter((e) => e.siteId === 'cpa');
    expect(cpaRequests.some((e) => e.url === '/robots.txt')).toBe(true);
    expect(cpaRequests.filter((e) => e.url.startsWith('/members/'))).toEqual([]);
    expect(events().some((e) => /board retreat/i.test(e.title) || e.url.startsWith(`${cpa.origin}/members/`))).toBe(
      false,
    );
  });

  it('keeps statuses: cancelled, postponed and rescheduled events say so', () => {
    const status = (pattern: RegExp) => events().find((e) => pattern.test(e.title))?.status;
    expect(status(/night shift wellness retreat/i)).toBe('cancelled');
    expect(status(/capture the flag night/i)).toBe('cancelled');
    expect(status(/salt lake devops days/i)).toBe('postponed');
    expect(status(/manchester branch agm/i)).toBe('rescheduled');
  });

  it('stores hostile titles and descriptions as plain text', () => {
    for (const event of events()) {
      expect(event.title, event.url).not.toMatch(/<\s*\/?\s*[a-z]/i);
      expect(event.description, event.url).not.toMatch(/<\s*(script|img|iframe)\b/i);
    }
    expect(events().find((e) => e.url.includes('/e/design-systems-night-3310/'))?.title).toMatch(
      /^Design Systems Night/,
    );
  });

  it('identifies itself and stays polite: every request carries the crawler’s User-Agent', () => {
    expect(demo.accessLog.length).toBeGreaterThan(100);
    for (const entry of demo.accessLog) expect(entry.userAgent).toMatch(/^FieldguideBot\//);
  });
});
