import { parseSourcesYaml, runCrawl, syncSources } from '@fieldguide/crawlers';
import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import type { Event } from '@fieldguide/shared';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { parseAtom, parseIcal, parseJsonFeed, parseRss } from './feeds-spec-checks.js';

const HOST = 'fieldguide.test';

/**
 * Zones whose rules differ between Node 20's ICU time-zone data (2025c) and the newer data timezones-ical-library
 * writes VTIMEZONEs from (British Columbia's permanent UTC-7 from November 2026). The feed keeps the local wall time
 * with the TZID; a client applying the newer rules places it an hour from the instant computed with the older ones.
 */
const TZDATA_AHEAD_OF_NODE = new Set(['America/Vancouver']);

/** The UTC offset of `zone` at `instant` per this runtime's time-zone data, in seconds. */
function runtimeOffset(zone: string, instant: Date): number {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const [, sign, hh, mm] = /GMT(?:([+-])(\d{2}):(\d{2}))?/.exec(name ?? '') ?? [];
  return sign ? (sign === '-' ? -1 : 1) * (Number(hh) * 3600 + Number(mm) * 60) : 0;
}

/** The local wall time of an instant in a zone, per this runtime: `2027-01-17T10:00`. */
function wallTime(zone: string, instant: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Zones whose canonical id differs from the one stored (the iCalendar file names the canonical one). */
const canonicalZone = (zone: string) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;

describe('feeds of crawled demo data', () => {
  let t: TestApp;
  let demo: DemoSites;
  let fields: { id: string; count: number }[];

  beforeAll(async () => {
    demo = await startDemoSites();
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
    const file = parseSourcesYaml(demo.sourcesYaml);
    syncSources(t.app.store, file);
    await runCrawl({ store: t.app.store, fetcher: { perHostDelayMs: 20, retryBaseDelayMs: 10 } });
    await t.app.outbox.drainNow();
    const res = await t.app.inject({ method: 'GET', url: '/api/fields' });
    fields = (res.json() as { fields: { id: string; count: number }[] }).fields.filter((f) => f.count > 0);
    expect(fields.length).toBeGreaterThan(3);
  });
  afterAll(async () => {
    await t?.close();
    await demo?.close();
  });

  it('every field with events has valid feeds in every format, with the stored instants and zones', async () => {
    let checkedEvents = 0;
    for (const field of fields) {
      const get = (ext: string) =>
        t.app.inject({ method: 'GET', url: `/feeds/fields/${field.id}.${ext}`, headers: { host: HOST } });
      const ics = await get('ics');
      expect(ics.statusCode, ics.body).toBe(200);
      const { events } = parseIcal(ics.body);
      // `count` shows a recurring series once, as listings do; a feed has each of its dates.
      expect(events.length, field.id).toBeGreaterThanOrEqual(Math.min(field.count, 200));
      expect(events.length, field.id).toBeLessThanOrEqual(200);
      for (const vevent of events) {
        const id = String(vevent.getFirstPropertyValue('uid')).replace(`@${HOST}`, '');
        const stored = t.app.store.getEvent(id) as Event;
        expect(stored, id).toBeDefined();
        const parsed = new ICAL.Event(vevent);
        if (stored.allDay) {
          expect(parsed.startDate.isDate, id).toBe(true);
          const localDay = new Intl.DateTimeFormat('en-CA', { timeZone: stored.timeZone }).format(
            new Date(stored.start),
          );
          expect(parsed.startDate.toString(), id).toBe(localDay);
        } else {
          const instant = new Date(stored.start);
          // What a subscriber sees: the wall time in the event's zone.
          expect(parsed.startDate.toString().slice(0, 16), id).toBe(wallTime(stored.timeZone, instant));
          if (parsed.startDate.utcOffset() === runtimeOffset(stored.timeZone, instant)) {
            expect(parsed.startDate.toJSDate().getTime(), id).toBe(instant.getTime());
          } else {
            expect([...TZDATA_AHEAD_OF_NODE], `${id}: ${stored.timeZone} rules differ`).toContain(stored.timeZone);
          }
          const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
          if (canonicalZone(stored.timeZone) === 'UTC') expect(tzid).toBeUndefined();
          else expect(tzid, id).toBe(canonicalZone(stored.timeZone));
        }
        if (stored.status === 'cancelled') expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
        checkedEvents += 1;
      }
      const count = events.length;
      expect(parseRss((await get('rss')).body).items).toHaveLength(count);
      expect(parseAtom((await get('atom')).body).entries).toHaveLength(count);
      expect(parseJsonFeed((await get('json')).body).items).toHaveLength(count);
    }
    expect(checkedEvents).toBeGreaterThan(50);
  });
});
