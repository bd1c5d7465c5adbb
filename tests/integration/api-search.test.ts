import type { Event, EventHit, PlaceResolution, PlacesResponse } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHitsMatchEcho, expectSearchResponseSchema } from '../support/api-invariants.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp, upcomingSeed } from '../support/seed-events.js';

interface SearchBody {
  hits: {
    id: string;
    title: string;
    description: string;
    fields: string[];
    pathways: string[];
    type: string;
    format: string;
    costFree: boolean | null;
    hiring: number;
    start: string;
    end: string | null;
    city: string | null;
    distanceKm?: number;
    highlights: Pick<EventHit['highlights'], 'title' | 'description'>;
  }[];
  total: number;
  page: number;
  limit: number;
  totalPages: number;
  facets: Record<string, Record<string, number>>;
  query: {
    q: string;
    fields: string[];
    pathways: string[];
    types: string[];
    formats: string[];
    from: string;
    to?: string;
    near?: { lat: number; lng: number; label?: string };
    place?: PlaceResolution;
    radiusKm: number;
    sort: string;
    page: number;
    limit: number;
  };
}

let t: TestApp;
let events: Event[];
let upcoming: Event[];
let now: Date;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  ({ events, now } = await seedApp(t.app));
  upcoming = upcomingSeed(events, now);
});
afterAll(async () => t?.close());

async function search(query: string): Promise<SearchBody> {
  const res = await t.app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json() as SearchBody;
  expectSearchResponseSchema(body);
  expectHitsMatchEcho(body, now);
  return body;
}

const ids = (body: SearchBody) => body.hits.map((h) => h.id).sort();
const idsOf = (list: readonly Event[]) => list.map((e) => e.id).sort();
const countBy = (list: readonly Event[], key: (e: Event) => readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const e of list) for (const k of key(e)) counts[k] = (counts[k] ?? 0) + 1;
  return counts;
};

describe('GET /api/search defaults', () => {
  it('lists upcoming, listed events only, soonest first, including one still running', async () => {
    const body = await search('limit=100');
    expect(ids(body)).toEqual(idsOf(upcoming));
    expect(body.total).toBe(upcoming.length);
    expect(ids(body)).toContain('gen-running-now');
    expect(ids(body)).not.toContain('hs-past-nursing-expo');
    expect(ids(body)).not.toContain('hs-delisted-fair');
    const starts = body.hits.map((h) => Date.parse(h.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(body.query).toMatchObject({ q: '', sort: 'date', page: 1, limit: 100, radiusKm: 50 });
    expect(Math.abs(Date.parse(body.query.from) - now.getTime())).toBeLessThan(60_000);
  });

  it('never shows ended events, even when from is in the past', async () => {
    const body = await search('from=2000-01-01&limit=100');
    expect(ids(body)).toEqual(idsOf(upcoming));
  });

  it('keeps events starting by `to`', async () => {
    const to = new Date(now.getTime() + 12 * 86_400_000).toISOString().slice(0, 10);
    const body = await search(`to=${to}&limit=100`);
    const endOfDay = Date.parse(`${to}T23:59:59.999Z`);
    expect(ids(body)).toEqual(idsOf(upcoming.filter((e) => Date.parse(e.start) <= endOfDay)));
    expect(body.total).toBeGreaterThan(3);
  });
});

describe('GET /api/search filters', () => {
  it('filters by field name, cluster id and pathway id', async () => {
    const health = idsOf(upcoming.filter((e) => e.fields.includes('health-science')));
    expect(ids(await search('field=healthcare&limit=100'))).toEqual(health);
    expect(ids(await search('field=health-science&limit=100'))).toEqual(health);
    const informatics = await search('field=health-science/health-informatics');
    expect(ids(informatics)).toEqual(['hs-informatics-bloomington']);
    expect(informatics.query.pathways).toEqual(['health-science/health-informatics']);
  });

  it('ORs repeated fields and types, ANDs different filters', async () => {
    const body = await search('field=finance&field=information-technology&type=career-fair&type=webinar&limit=100');
    const expected = upcoming.filter(
      (e) =>
        (e.fields.includes('finance') || e.fields.includes('information-technology')) &&
        ['career-fair', 'webinar'].includes(e.type),
    );
    expect(ids(body)).toEqual(idsOf(expected));
    expect(body.query.fields.sort()).toEqual(['finance', 'information-technology']);
  });

  it('filters by format, cost and minimum hiring score', async () => {
    expect(ids(await search('format=online&limit=100'))).toEqual(idsOf(upcoming.filter((e) => e.format === 'online')));
    expect(ids(await search('cost=free&limit=100'))).toEqual(idsOf(upcoming.filter((e) => e.cost?.free === true)));
    expect(ids(await search('cost=paid&limit=100'))).toEqual(idsOf(upcoming.filter((e) => e.cost?.free === false)));
    expect(ids(await search('hiring=0.8&limit=100'))).toEqual(idsOf(upcoming.filter((e) => e.hiring.score >= 0.8)));
  });
});

describe('GET /api/search facets', () => {
  it('counts every filter over the whole result without filters', async () => {
    const { facets } = await search('limit=1');
    expect(facets.fields).toEqual(countBy(upcoming, (e) => e.fields));
    expect(facets.type).toEqual(countBy(upcoming, (e) => [e.type]));
    expect(facets.format).toEqual(countBy(upcoming, (e) => [e.format]));
    expect(facets.country).toEqual(countBy(upcoming, (e) => (e.venue?.country ? [e.venue.country] : [])));
    expect(facets.costFree).toEqual({
      true: upcoming.filter((e) => e.cost?.free === true).length,
      false: upcoming.filter((e) => e.cost?.free === false).length,
    });
    expect(facets.hiring?.['0.75']).toBe(upcoming.filter((e) => e.hiring.score >= 0.75).length);
  });

  it('counts a set filter without itself (disjunctive) and the others with it', async () => {
    const body = await search('type=career-fair&field=health-science');
    const health = upcoming.filter((e) => e.fields.includes('health-science'));
    const fairs = upcoming.filter((e) => e.type === 'career-fair');
    expect(body.facets.type).toEqual(countBy(health, (e) => [e.type]));
    expect(body.facets.fields).toEqual(countBy(fairs, (e) => e.fields));
    const both = health.filter((e) => e.type === 'career-fair');
    expect(body.facets.format).toEqual(countBy(both, (e) => [e.format]));
    expect(body.total).toBe(both.length);
  });

  it('leaves the counts out with facets=false (a further page), with the same hits and total', async () => {
    const counted = await search('type=career-fair&field=health-science&limit=1&page=2');
    const uncounted = await search('type=career-fair&field=health-science&limit=1&page=2&facets=false');
    expect(uncounted.hits.map((h) => h.id)).toEqual(counted.hits.map((h) => h.id));
    expect(uncounted.total).toBe(counted.total);
    expect(Object.values(counted.facets.type ?? {}).some((n) => n > 0)).toBe(true);
    expect(uncounted.facets.type).toEqual({});
    expect(uncounted.facets.fields).toEqual({});
  });

  it('refuses a facets value that is not a boolean', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/search?facets=maybe' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'ERR_BAD_PARAMETER' });
    expect(response.body).toContain('facets');
  });
});

describe('GET /api/search near a place', () => {
  const metro = ['Minneapolis', 'Saint Paul', 'Bloomington'];

  it('resolves "Minneapolis, MN" offline and keeps what lies within 50 miles', async () => {
    const body = await search(`near=${encodeURIComponent('Minneapolis, MN')}&radius=50mi&limit=100`);
    expect(body.query.near).toMatchObject({ label: 'Minneapolis, MN, US' });
    expect(body.query.near?.lat).toBeCloseTo(44.98, 1);
    expect(body.query.radiusKm).toBeCloseTo(80.47, 1);
    expect(ids(body)).toEqual(idsOf(upcoming.filter((e) => metro.includes(e.venue?.city ?? ''))));
    expect(body.hits.every((h) => (h.distanceKm as number) < 30)).toBe(true);
  });

  it('widens with the radius and sorts by distance', async () => {
    const body = await search('near=44.98,-93.26&radius=150km&sort=distance&limit=100');
    expect(body.hits.map((h) => h.city)).toContain('Rochester');
    expect(body.hits.map((h) => h.city)).not.toContain('Duluth');
    const distances = body.hits.map((h) => h.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.at(-1)).toBeGreaterThan(100);
  });

  it('tells Portland, OR from Portland, ME', async () => {
    const oregon = await search(`near=${encodeURIComponent('Portland, OR')}`);
    const maine = await search(`near=${encodeURIComponent('Portland, Maine')}`);
    expect(ids(oregon)).toEqual(idsOf(upcoming.filter((e) => e.venue?.region === 'OR')));
    expect(ids(maine)).toEqual(idsOf(upcoming.filter((e) => e.venue?.region === 'ME')));
    expect(oregon.total).toBeGreaterThan(0);
    expect(maine.total).toBeGreaterThan(0);
  });

  it('finds London, UK, not London, ON', async () => {
    const body = await search(`near=${encodeURIComponent('London, UK')}`);
    expect(body.hits.map((h) => h.city)).toEqual(['London', 'London']);
    expect(body.query.near?.label).toBe('London, ENG, GB');
  });
});

describe('GET /api/search with a place it has to interpret (200 and a notice, never an empty page)', () => {
  const chicago = () => upcoming.filter((e) => e.venue?.city === 'Chicago');

  it('corrects a misspelt city and says so', async () => {
    const body = await search(`near=Chicgo&radius=50mi&limit=100`);
    expect(body.query.place).toEqual({ input: 'Chicgo', kind: 'corrected', resolved: 'Chicago, IL, US' });
    expect(body.query.near?.label).toBe('Chicago, IL, US');
    expect(ids(body)).toEqual(idsOf(chicago()));
    expect(body.total).toBeGreaterThan(0);
  });

  it('reads a US ZIP code as its point', async () => {
    const body = await search('near=60616&radius=50mi&limit=100&sort=distance');
    expect(body.query.place).toMatchObject({ kind: 'postal-code', resolved: '60616, Chicago, IL, US' });
    expect(ids(body)).toEqual(idsOf(chicago()));
  });

  it('searches everywhere when the place names nothing, and says it was not found', async () => {
    const everywhere = await search('limit=100');
    for (const near of ['Qwzxv Nowhere', '_geoRadius(0, 0, 1)', 'SW1A 1AA']) {
      const body = await search(`near=${encodeURIComponent(near)}&sort=distance&limit=100`);
      expect(body.query.place).toMatchObject({ input: near, kind: 'not-found' });
      expect(body.query.place?.resolved).toBeUndefined();
      expect(body.query.near).toBeUndefined();
      expect(ids(body)).toEqual(ids(everywhere));
    }
    const uk = await search(`near=SW1A`);
    expect(uk.query.place?.hint).toMatch(/UK postcodes are not covered/);
  });

  it('offers the namesakes of an ambiguous name, and a chosen one resolves exactly', async () => {
    const body = await search('near=Springfield');
    const offered = [body.query.place?.resolved, ...(body.query.place?.alternatives ?? []).map((a) => a.label)];
    expect(offered).toEqual(expect.arrayContaining(['Springfield, IL, US', 'Springfield, MA, US']));
    const chosen = await search(`near=${encodeURIComponent('Springfield, IL, US')}`);
    expect(chosen.query.place).toEqual({
      input: 'Springfield, IL, US',
      kind: 'exact',
      resolved: 'Springfield, IL, US',
    });
    expect(chosen.query.near?.lat).toBeCloseTo(39.8, 1);
  });
});

describe('GET /api/places', () => {
  const places = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/places?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PlacesResponse;
  };

  it('autocompletes city names, most populous first, and tells how the text reads', async () => {
    const body = await places('q=Chic&limit=3');
    expect(body.places).toHaveLength(3);
    expect(body.places[0]).toMatchObject({ label: 'Chicago, IL, US', name: 'Chicago', region: 'IL', country: 'US' });
    expect(body.resolution).toMatchObject({ input: 'Chic', kind: 'not-found' });
    expect((await places('q=Chicgo')).resolution).toMatchObject({ kind: 'corrected', resolved: 'Chicago, IL, US' });
    expect((await places('q=M5V')).places[0]?.label).toBe('M5V, Downtown Toronto, ON, CA');
    expect(await places('q=')).toEqual({ q: '', places: [] });
  });

  it('is rate limited like the other routes', async () => {
    const limited = await startTestApp({ RATE_LIMIT_MAX: '2' });
    try {
      const codes = [];
      for (let i = 0; i < 3; i++) codes.push((await limited.app.inject({ url: '/api/places?q=Chi' })).statusCode);
      expect(codes).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('GET /api/search text, sorting and paging', () => {
  it('expands field synonyms: "healthcare" finds Health Science events that never say it', async () => {
    const body = await search('q=healthcare&limit=100');
    expect(body.total).toBeGreaterThanOrEqual(5);
    for (const hit of body.hits) {
      expect(hit.fields).toContain('health-science');
      expect(`${hit.title} ${hit.description}`.toLowerCase()).not.toMatch(/health ?care/);
    }
    expect(body.query.sort).toBe('relevance');
  });

  it('tolerates typos and marks the matched words', async () => {
    const body = await search('q=nursng');
    expect(ids(body)).toContain('hs-nursing-fair-mpls');
    const fuzzy = body.hits.find((h) => h.id === 'hs-nursing-fair-mpls');
    const [[from, to] = [0, 0]] = fuzzy?.highlights.title ?? [];
    expect(from).toBe('Twin Cities '.length);
    expect(fuzzy?.title.slice(from, to)).toMatch(/^Nursin/);
    const exact = (await search('q=nursing')).hits.find((h) => h.id === 'hs-nursing-fair-mpls');
    expect(exact?.highlights.title).toEqual([[12, 19]]);
    expect(exact?.title).toBe('Twin Cities Nursing Career Fair');
  });

  it('sorts by hiring signal, strongest first', async () => {
    const scores = (await search('sort=hiring&limit=100')).hits.map((h) => h.hiring);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBe(0.95);
  });

  it('pages through every result exactly once', async () => {
    const first = await search('limit=7');
    expect(first.totalPages).toBe(Math.ceil(upcoming.length / 7));
    const seen: string[] = [...first.hits.map((h) => h.id)];
    for (let page = 2; page <= first.totalPages; page++) {
      const body = await search(`limit=7&page=${page}`);
      expect(body.page).toBe(page);
      seen.push(...body.hits.map((h) => h.id));
    }
    expect(seen.sort()).toEqual(idsOf(upcoming));
    const beyond = await search(`limit=7&page=${first.totalPages + 1}`);
    expect(beyond.hits).toEqual([]);
  });

  it('answers with CORS and cache headers for any origin', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/search?limit=1',
      headers: { origin: 'https://careers.example.edu' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/search',
      headers: { origin: 'https://careers.example.edu', 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toBe('GET, HEAD');
  });
});
