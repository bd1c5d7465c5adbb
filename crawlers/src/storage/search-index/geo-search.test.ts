import {
  distanceKm,
  EARTH_RADIUS_KM,
  type Event,
  type GeoPoint,
  normalizeSearchQuery,
  toSearchDocument,
} from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMeilisearch, type TestMeilisearch } from '../runtime/test-meilisearch.js';
import { findEvents, MAX_EDGE_POINTS, resolveNearFilter } from './event-search.js';
import { makeEvent } from './fixtures/index-fixtures.js';
import { createIndex, type SearchIndex } from './search-index.js';

// Searches near a point, through a real index, against distances worked out by brute force: every event within the
// radius found, none beyond it, nearest first. Centres include high latitudes and both sides of the antimeridian.
const CENTRES: readonly GeoPoint[] = [
  { lat: 41.88, lng: -87.63 },
  { lat: 69.65, lng: 18.96 },
  { lat: 52.1, lng: 179.85 },
  { lat: -17.8, lng: -179.9 },
  { lat: -54.8, lng: -68.3 },
  { lat: 0.01, lng: 0.01 },
];
const RADII_KM = [5, 25, 50, 120, 300, 500];
/** Far from every centre above: where two venues hold many events each. */
const VENUES_CENTRE: GeoPoint = { lat: 30.27, lng: -97.74 };
const VENUE_EVENTS = MAX_EDGE_POINTS + 200;
/** How far either side of a radius the events placed on its edge lie, in kilometres. */
const EDGE_KM = 0.05;
const now = new Date('2026-12-01T00:00:00Z');

/** A seeded generator, so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The point `km` from `from` on the initial bearing `bearing` (radians), on the sphere `distanceKm` uses. */
function destination(from: GeoPoint, km: number, bearing: number): GeoPoint {
  const d = km / EARTH_RADIUS_KM;
  const lat1 = (from.lat * Math.PI) / 180;
  const lng1 = (from.lng * Math.PI) / 180;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
  const lng2 =
    lng1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  const lng = ((((lng2 * 180) / Math.PI + 540) % 360) + 360) % 360;
  return { lat: (lat2 * 180) / Math.PI, lng: lng - 180 };
}

function placedEvents(): Event[] {
  const random = seeded(13);
  const points: GeoPoint[] = [];
  for (const centre of CENTRES) {
    for (let i = 0; i < 250; i++) points.push(destination(centre, random() * 650, random() * 2 * Math.PI));
    for (const radius of RADII_KM) {
      for (const km of [radius - EDGE_KM, radius - EDGE_KM, radius + EDGE_KM, radius + EDGE_KM]) {
        points.push(destination(centre, km, random() * 2 * Math.PI));
      }
    }
  }
  // Two busy venues just either side of 25 km from VENUES_CENTRE: more events on the circle's edge than the edge
  // read takes, but only two venues.
  for (const km of [25 - EDGE_KM, 25 + EDGE_KM]) {
    const venue = destination(VENUES_CENTRE, km, random() * 2 * Math.PI);
    for (let i = 0; i < VENUE_EVENTS; i++) points.push(venue);
  }
  return points.map((point, n) =>
    makeEvent(n, { venue: { name: 'Hall', city: 'Somewhere', country: 'US', lat: point.lat, lng: point.lng } }),
  );
}

let meili: TestMeilisearch;
let index: SearchIndex;
const events = placedEvents();

beforeAll(async () => {
  meili = await startTestMeilisearch();
  index = createIndex({ url: meili.url, masterKey: meili.masterKey, prefix: meili.prefix });
  await index.applySettings();
  await index.waitTask(await index.upsertDocuments('event', events.map(toSearchDocument)));
}, 120_000);

afterAll(async () => {
  await index?.close();
  await meili?.stop();
});

const near = (centre: GeoPoint, radiusKm: number) =>
  normalizeSearchQuery(
    { near: `${centre.lat},${centre.lng}`, radius: `${radiusKm}km`, sort: 'distance', limit: 100 },
    { now },
  );

/** Every page of a near search, in order. */
async function searchAll(centre: GeoPoint, radiusKm: number) {
  const hits = [];
  for (let page = 1; ; page++) {
    const query = { ...near(centre, radiusKm), page };
    const result = await findEvents(index, { query, near: centre, now, collapseSeries: false });
    hits.push(...result.hits);
    if (page >= result.totalPages) return { hits, total: result.total };
  }
}

describe('a search near a point', () => {
  it.each(CENTRES.flatMap((centre) => RADII_KM.map((radius) => [centre, radius] as const)))(
    'around %j within %d km finds exactly the events within the radius, nearest first',
    async (centre, radiusKm) => {
      const expected = events
        .filter((e) => distanceKm(centre, e.venue as GeoPoint) <= radiusKm)
        .map((e) => e.id)
        .sort();
      const { hits, total } = await searchAll(centre, radiusKm);
      expect(hits.map((h) => h.id).sort()).toEqual(expected);
      expect(total).toBe(expected.length);
      const distances = hits.map((h) => distanceKm(centre, h.location as GeoPoint));
      for (let i = 1; i < distances.length; i++) {
        expect(distances[i]).toBeGreaterThanOrEqual((distances[i - 1] as number) - 0.001);
      }
    },
  );

  it('filters on grid cells rather than distance for a radius the cells cover', async () => {
    for (const centre of CENTRES) {
      const filter = await resolveNearFilter(index, { query: near(centre, 50), near: centre, now });
      expect(filter).toContain('geoCells IN');
      expect(filter).not.toContain('_geoRadius');
    }
  });

  it('tests the edge once per venue: many events at a few venues still filter on cells, exactly', async () => {
    const filter = await resolveNearFilter(index, { query: near(VENUES_CENTRE, 25), near: VENUES_CENTRE, now });
    expect(filter).toContain('geoCells IN');
    expect(filter).toContain('NOT geoPoint IN');
    expect(filter).not.toContain('_geoRadius');
    const query = { ...near(VENUES_CENTRE, 25), limit: 1 };
    const { total } = await findEvents(index, { query, near: VENUES_CENTRE, now, collapseSeries: false });
    expect(total).toBe(VENUE_EVENTS);
  });

  it('sorts by distance venue by venue, soonest first within one, across pages, without a distance sort', async () => {
    const sorts: unknown[] = [];
    const watched: SearchIndex = {
      ...index,
      searchEvents: (params) => {
        sorts.push(params.sort);
        return index.searchEvents(params);
      },
      multiSearchEvents: (queries) => {
        sorts.push(...queries.map((q) => q.sort));
        return index.multiSearchEvents(queries);
      },
    };
    const hits = [];
    for (let page = 1; page <= 2 * Math.ceil(VENUE_EVENTS / 100); page++) {
      const query = { ...near(VENUES_CENTRE, 30), page };
      const result = await findEvents(watched, { query, near: VENUES_CENTRE, now, collapseSeries: false });
      expect(result.total).toBe(2 * VENUE_EVENTS);
      hits.push(...result.hits);
    }
    expect(new Set(hits.map((h) => h.id)).size).toBe(2 * VENUE_EVENTS);
    const km = hits.map((h) => distanceKm(VENUES_CENTRE, h.location as GeoPoint));
    expect(km.slice(0, VENUE_EVENTS).every((d) => d < 25)).toBe(true);
    expect(km.slice(VENUE_EVENTS).every((d) => d > 25)).toBe(true);
    const starts = hits.slice(0, VENUE_EVENTS).map((h) => h.start);
    expect(starts).toEqual(starts.toSorted());
    expect(sorts.flat().some((sort) => String(sort).startsWith('_geoPoint'))).toBe(false);
  });

  it('falls back to the distance filter for a circle over a pole, still exact', async () => {
    const arctic = { lat: 80, lng: 18.96 };
    const filter = await resolveNearFilter(index, { query: near(arctic, 1500), near: arctic, now });
    expect(filter).toContain('_geoRadius');
    const expected = events.filter((e) => distanceKm(arctic, e.venue as GeoPoint) <= 1500).length;
    expect(expected).toBeGreaterThan(100);
    expect((await searchAll(arctic, 1500)).total).toBe(expected);
  });
});
