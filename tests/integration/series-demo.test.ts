// Recurring series over what a fresh install shows: the bundled demo sites, crawled for real. Listings show a
// series once, at its next date, with "and N more dates"; feeds keep every occurrence.
import { formatMoreDates } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../e2e/support/server.js';

interface Hit {
  id: string;
  title: string;
  start: string;
  end: string | null;
  series?: { id: string; moreDates: number };
}
interface SearchBody {
  hits: Hit[];
  total: number;
  facets: { fields: Record<string, number> };
}

const IT = 'information-technology';
const DENVER = 'Denver Chapter Monthly Meeting';
const STUDY = 'Security+ Study Group';
let server: E2eServer;
const now = Date.now();

async function get(url: string) {
  const res = await server.app.inject({ method: 'GET', url, headers: { host: 'fieldguide.test' } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}
const search = async (query: string) => (await get(`/api/search?${query}`)).json() as SearchBody;

/** The stored, listed, upcoming occurrences of a title. */
const upcomingStored = (title: string) =>
  [...server.app.store.iterateEvents()]
    .filter((e) => e.title === title && !e.delisted && Date.parse(e.end ?? e.start) >= now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

beforeAll(async () => {
  server = await startE2eServer({ data: 'demo' });
}, 180_000);
afterAll(async () => server?.close());

describe('recurring series in the crawled demo', () => {
  it('gives every occurrence of an iCal RRULE one series id in the store', () => {
    for (const title of [DENVER, STUDY]) {
      const occurrences = upcomingStored(title);
      expect(occurrences.length, title).toBeGreaterThan(3);
      expect(new Set(occurrences.map((e) => e.seriesId)).size, title).toBe(1);
      expect(occurrences[0]?.seriesId).toMatch(/^se_/);
    }
  });

  it('lists the Denver meeting once under IT, at its next date, with the count of its other dates', async () => {
    const stored = upcomingStored(DENVER);
    for (const query of [`field=${IT}&limit=12`, `field=${IT}&limit=100`, `field=${IT}&limit=100&sort=hiring`]) {
      const body = await search(query);
      const denver = body.hits.filter((h) => h.title === DENVER);
      expect(denver, query).toHaveLength(1);
      expect(denver[0]?.id).toBe(stored[0]?.id);
      expect(denver[0]?.start).toBe(stored[0]?.start);
      expect(denver[0]?.series).toEqual({ id: stored[0]?.seriesId, moreDates: stored.length - 1 });
      expect(formatMoreDates(denver[0]?.series?.moreDates ?? 0)).toBe(`and ${stored.length - 1} more dates`);
      expect(
        body.hits.filter((h) => h.title === STUDY),
        query,
      ).toHaveLength(1);
      expect(new Set(body.hits.map((h) => h.id)).size).toBe(body.hits.length);
    }
    const text = await search(`q=${encodeURIComponent('chapter meeting')}&field=${IT}`);
    const hit = text.hits.find((h) => h.title === DENVER);
    expect(hit?.id).toBe(stored[0]?.id);
    expect(hit?.series?.moreDates).toBe(stored.length - 1);
  });

  it('counts a series once in the total, each date in the facets, and pages never repeat it', async () => {
    const body = await search(`field=${IT}&limit=100`);
    expect(body.total).toBe(body.hits.length);
    const otherDates = body.hits.reduce((sum, h) => sum + (h.series?.moreDates ?? 0), 0);
    expect(otherDates).toBeGreaterThan(5);
    expect(body.facets.fields[IT]).toBe(body.total + otherDates);
    const paged: Hit[] = [];
    for (let page = 1; page <= Math.ceil(body.total / 5); page++) {
      paged.push(...(await search(`field=${IT}&limit=5&page=${page}&sort=date`)).hits);
    }
    expect(paged).toHaveLength(body.total);
    expect(paged.filter((h) => h.title === DENVER)).toHaveLength(1);
    expect(new Set(paged.map((h) => h.id)).size).toBe(paged.length);
  });

  it('keeps every occurrence in the field feeds', async () => {
    const stored = upcomingStored(DENVER);
    const ics = (await get(`/feeds/fields/${IT}.ics`)).body;
    expect(ics.split(`SUMMARY:${DENVER}`).length - 1).toBe(stored.length);
    for (const e of stored) expect(ics).toContain(`UID:${e.id}@fieldguide.test`);
    const json = (await get(`/feeds/fields/${IT}.json`)).json() as { items: { title: string }[] };
    expect(json.items.filter((i) => i.title === DENVER)).toHaveLength(stored.length);
  });

  it('lists the series’ dates on the event page, and the embed shows the series once', async () => {
    const stored = upcomingStored(DENVER);
    const detail = (await get(`/api/events/${stored[1]?.id}`)).json() as {
      seriesDates: { id: string; start: string }[];
      related: Hit[];
    };
    const upcomingIds = stored.map((e) => e.id);
    expect(detail.seriesDates.map((d) => d.id)).toEqual(expect.arrayContaining(upcomingIds));
    const starts = detail.seriesDates.map((d) => Date.parse(d.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(detail.related.some((h) => h.title === DENVER)).toBe(false);

    const embed = (await get(`/embed/events?field=${IT}&limit=20`)).body;
    expect(embed.split(`>${DENVER}<`).length - 1).toBe(1);
    expect(embed).toContain(`and ${stored.length - 1} more dates`);
  });
});
