// The search API over what a fresh install shows: the bundled demo sites, crawled for real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../e2e/support/server.js';

interface Hit {
  id: string;
  title: string;
  description: string;
  start: string;
  end: string | null;
  fields: string[];
  allFields?: boolean;
  city: string | null;
  distanceKm?: number;
}
interface SearchBody {
  hits: Hit[];
  total: number;
  facets: { fields: Record<string, number>; type: Record<string, number> };
}

let server: E2eServer;
const now = Date.now();

async function search(query: string): Promise<SearchBody> {
  const res = await server.app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchBody;
}

beforeAll(async () => {
  server = await startE2eServer({ data: 'demo' });
}, 180_000);
afterAll(async () => server?.close());

describe('search over the crawled demo sites', () => {
  it('lists only upcoming events by default, though the store holds past ones too', async () => {
    const past = [...server.app.store.iterateEvents()].filter((e) => Date.parse(e.end ?? e.start) < now);
    expect(past.length).toBeGreaterThan(0);
    const all = await search('limit=100');
    expect(all.total).toBeGreaterThan(100);
    for (const hit of all.hits) expect(Date.parse(hit.end ?? hit.start)).toBeGreaterThanOrEqual(now - 60_000);
    const pastIds = new Set(past.map((e) => e.id));
    expect(all.hits.filter((h) => pastIds.has(h.id))).toEqual([]);
  });

  it('finds Health Science events for "healthcare", including ones whose text never says it', async () => {
    const body = await search('q=healthcare&limit=100');
    expect(body.total).toBeGreaterThan(3);
    for (const hit of body.hits) expect(hit.fields).toContain('health-science');
    const saysIt = (h: Hit) => /health\s?care/i.test(`${h.title} ${h.description}`);
    expect(body.hits.some((h) => !saysIt(h))).toBe(true);
  });

  it('forgives a typo: "nursng" finds the nursing events', async () => {
    const body = await search('q=nursng');
    expect(body.hits.some((h) => /nurs/i.test(h.title))).toBe(true);
  });

  it('filters by field, with facet counts that agree with the total', async () => {
    const body = await search('field=information-technology&limit=100');
    expect(body.total).toBeGreaterThan(5);
    // A field filter lists the field's own events and the events open to all fields.
    for (const hit of body.hits) expect(hit.allFields || hit.fields.includes('information-technology')).toBe(true);
    // The facet counts every date of a recurring series, the total each series once.
    expect(body.facets.fields['information-technology']).toBeGreaterThanOrEqual(body.total);
    const byName = await search('field=IT&limit=100');
    expect(byName.total).toBe(body.total);
  });

  it('finds events near a place by name, nearest first', async () => {
    const body = await search(`near=${encodeURIComponent('Chicago, IL')}&radius=50mi&sort=distance&limit=50`);
    expect(body.total).toBeGreaterThan(0);
    const distances = body.hits.map((h) => h.distanceKm ?? Number.POSITIVE_INFINITY);
    for (const d of distances) expect(d).toBeLessThanOrEqual(80.5);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('sorts by date and pages without overlap', async () => {
    const first = await search('sort=date&limit=10&page=1');
    const second = await search('sort=date&limit=10&page=2');
    const starts = [...first.hits, ...second.hits].map((h) => Date.parse(h.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const ids = new Set(first.hits.map((h) => h.id));
    expect(second.hits.some((h) => ids.has(h.id))).toBe(false);
  });

  it('ranks career fairs high for "hiring managers likely"', async () => {
    const body = await search('hiring=0.5&limit=100');
    expect(body.total).toBeGreaterThan(0);
    expect(body.facets.type['career-fair'] ?? 0).toBeGreaterThan(0);
  });
});
