// A large, deterministic corpus of valid events for benchmarks: titles built from real conference names
// (conference-data, when present) and the field taxonomy's keywords, spread over fields, types, formats,
// real cities and the next 18 months.
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CLUSTERS, EVENT_TYPES, type Event, type EventFormat, type EventType } from '@fieldguide/shared';
import { type SampleCity, syntheticEvent } from '@fieldguide/tests/synthetic-event';

const CONFERENCE_DATA = fileURLToPath(new URL('../../../shared/data/conference-data/conferences/', import.meta.url));
const DAY_MS = 86_400_000;
/** How far ahead events start, in days (18 months). */
const HORIZON_DAYS = 548;

/** Cities of the corpus; five lie within 50 miles of Chicago, so `near=Chicago, IL` has work to do. */
export const BENCH_CITIES: readonly SampleCity[] = [
  { name: 'Chicago', region: 'IL', country: 'US', lat: 41.85003, lng: -87.65005, timeZone: 'America/Chicago' },
  { name: 'Evanston', region: 'IL', country: 'US', lat: 42.04114, lng: -87.69006, timeZone: 'America/Chicago' },
  { name: 'Naperville', region: 'IL', country: 'US', lat: 41.78586, lng: -88.14729, timeZone: 'America/Chicago' },
  { name: 'Schaumburg', region: 'IL', country: 'US', lat: 42.03336, lng: -88.08341, timeZone: 'America/Chicago' },
  { name: 'Gary', region: 'IN', country: 'US', lat: 41.59337, lng: -87.34643, timeZone: 'America/Chicago' },
  { name: 'Milwaukee', region: 'WI', country: 'US', lat: 43.0389, lng: -87.90647, timeZone: 'America/Chicago' },
  { name: 'Minneapolis', region: 'MN', country: 'US', lat: 44.97997, lng: -93.26384, timeZone: 'America/Chicago' },
  { name: 'Saint Paul', region: 'MN', country: 'US', lat: 44.94441, lng: -93.09327, timeZone: 'America/Chicago' },
  { name: 'Austin', region: 'TX', country: 'US', lat: 30.26715, lng: -97.74306, timeZone: 'America/Chicago' },
  { name: 'Dallas', region: 'TX', country: 'US', lat: 32.78306, lng: -96.80667, timeZone: 'America/Chicago' },
  { name: 'Houston', region: 'TX', country: 'US', lat: 29.76328, lng: -95.36327, timeZone: 'America/Chicago' },
  { name: 'New York', region: 'NY', country: 'US', lat: 40.71427, lng: -74.00597, timeZone: 'America/New_York' },
  { name: 'Boston', region: 'MA', country: 'US', lat: 42.35843, lng: -71.05977, timeZone: 'America/New_York' },
  { name: 'Philadelphia', region: 'PA', country: 'US', lat: 39.95233, lng: -75.16379, timeZone: 'America/New_York' },
  { name: 'Washington', region: 'DC', country: 'US', lat: 38.89511, lng: -77.03637, timeZone: 'America/New_York' },
  { name: 'Atlanta', region: 'GA', country: 'US', lat: 33.749, lng: -84.38798, timeZone: 'America/New_York' },
  { name: 'Miami', region: 'FL', country: 'US', lat: 25.77427, lng: -80.19366, timeZone: 'America/New_York' },
  { name: 'Denver', region: 'CO', country: 'US', lat: 39.73915, lng: -104.9847, timeZone: 'America/Denver' },
  { name: 'Phoenix', region: 'AZ', country: 'US', lat: 33.44838, lng: -112.07404, timeZone: 'America/Phoenix' },
  { name: 'Seattle', region: 'WA', country: 'US', lat: 47.60621, lng: -122.33207, timeZone: 'America/Los_Angeles' },
  { name: 'Portland', region: 'OR', country: 'US', lat: 45.52345, lng: -122.67621, timeZone: 'America/Los_Angeles' },
  {
    name: 'San Francisco',
    region: 'CA',
    country: 'US',
    lat: 37.77493,
    lng: -122.41942,
    timeZone: 'America/Los_Angeles',
  },
  { name: 'Los Angeles', region: 'CA', country: 'US', lat: 34.05223, lng: -118.24368, timeZone: 'America/Los_Angeles' },
  { name: 'Toronto', region: 'ON', country: 'CA', lat: 43.70011, lng: -79.4163, timeZone: 'America/Toronto' },
  { name: 'Vancouver', region: 'BC', country: 'CA', lat: 49.24966, lng: -123.11934, timeZone: 'America/Vancouver' },
  { name: 'London', region: 'England', country: 'GB', lat: 51.50853, lng: -0.12574, timeZone: 'Europe/London' },
  { name: 'Dublin', region: 'Leinster', country: 'IE', lat: 53.33306, lng: -6.24889, timeZone: 'Europe/Dublin' },
  { name: 'Berlin', region: 'Berlin', country: 'DE', lat: 52.52437, lng: 13.41053, timeZone: 'Europe/Berlin' },
  { name: 'Paris', region: 'Île-de-France', country: 'FR', lat: 48.85341, lng: 2.3488, timeZone: 'Europe/Paris' },
  {
    name: 'Amsterdam',
    region: 'North Holland',
    country: 'NL',
    lat: 52.37403,
    lng: 4.88969,
    timeZone: 'Europe/Amsterdam',
  },
  { name: 'Warsaw', region: 'Masovia', country: 'PL', lat: 52.22977, lng: 21.01178, timeZone: 'Europe/Warsaw' },
  { name: 'Sydney', region: 'NSW', country: 'AU', lat: -33.86785, lng: 151.20732, timeZone: 'Australia/Sydney' },
];

const TYPE_NOUNS: Record<EventType, readonly string[]> = {
  conference: ['Conference', 'Summit', 'Forum', 'Congress', 'Symposium'],
  seminar: ['Seminar', 'Lecture Series', 'Briefing'],
  workshop: ['Workshop', 'Bootcamp', 'Masterclass', 'Hands-on Lab'],
  'association-meeting': ['Chapter Meeting', 'Annual Meeting', 'Member Assembly'],
  'career-fair': ['Career Fair', 'Job Fair', 'Hiring Event', 'Recruiting Day'],
  networking: ['Networking Night', 'Mixer', 'Breakfast Meetup'],
  meetup: ['Meetup', 'User Group', 'Community Night'],
  webinar: ['Webinar', 'Live Online Session', 'Virtual Panel'],
  other: ['Open House', 'Awards Night', 'Expo'],
};

/** Conference names as brands; synthetic ones when conference-data is missing. */
const SYNTHETIC_BRANDS = ['Northwind', 'Bluebird', 'Summit Ridge', 'Lakeside', 'Riverbend', 'Keystone', 'Harbor'];

/** A seeded PRNG (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const capitalize = (text: string) => text.replace(/(^|\s)\S/g, (c) => c.toUpperCase());

/** Conference names of conference-data (deduplicated), or `undefined` when it is not there. */
export async function conferenceNames(): Promise<string[] | undefined> {
  const exists = await stat(CONFERENCE_DATA).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!exists) return undefined;
  const names = new Set<string>();
  for (const year of (await readdir(CONFERENCE_DATA)).filter((name) => /^\d{4}$/.test(name)).sort()) {
    for (const file of (await readdir(`${CONFERENCE_DATA}${year}`)).filter((name) => name.endsWith('.json')).sort()) {
      const list = JSON.parse(await readFile(`${CONFERENCE_DATA}${year}/${file}`, 'utf8')) as { name?: unknown }[];
      for (const c of list) if (typeof c.name === 'string' && c.name.trim()) names.add(c.name.trim().slice(0, 80));
    }
  }
  return [...names];
}

export interface BenchCorpus {
  events: Event[];
  /** Where the names came from, for the report. */
  origin: string;
  /** Every field keyword used in titles, for queries. */
  keywords: string[];
  /** Brand names used in titles, for queries. */
  brands: string[];
}

export interface CorpusOptions {
  count: number;
  seed?: number;
  /** Events start between one day and 18 months after this instant; default now. */
  now?: Date;
}

/**
 * `count` valid events: field `i mod 16` of the taxonomy (one of its pathways, half the time), a title from a
 * conference name, a field keyword and a type noun, a real city (or online), cost, hiring score and dates.
 */
export async function generateCorpus(options: CorpusOptions): Promise<BenchCorpus> {
  const random = seededRandom(options.seed ?? 20_261_125);
  const names = await conferenceNames();
  const brands = (names ?? SYNTHETIC_BRANDS).map((name) => name.replace(/\s+\d{4}$/, ''));
  const origin = names ? 'conference-data names' : 'synthetic vocabulary (conference-data not found)';
  // Whole hours from the start of today (UTC), so two runs on the same day write the same events.
  const day0 = Math.floor((options.now ?? new Date()).getTime() / DAY_MS) * DAY_MS;
  const seen = new Date(day0).toISOString();
  const keywords = new Set<string>();
  const events: Event[] = [];
  for (let i = 0; i < options.count; i++) {
    const cluster = CLUSTERS[i % CLUSTERS.length]!;
    const pathway = random() < 0.5 ? pick(random, cluster.pathways) : undefined;
    const vocabulary = pathway ? [...pathway.keywords, ...cluster.keywords] : cluster.keywords;
    const keyword = pick(random, vocabulary);
    const other = pick(random, vocabulary);
    keywords.add(keyword);
    const type = pick(random, EVENT_TYPES);
    const brand = pick(random, brands);
    const roll = random();
    const format: EventFormat = type === 'webinar' || roll < 0.12 ? 'online' : roll < 0.22 ? 'hybrid' : 'in-person';
    const city = format === 'online' ? undefined : pick(random, BENCH_CITIES);
    const startMs = day0 + DAY_MS + Math.floor(random() * HORIZON_DAYS * 24) * 3_600_000;
    const hours = type === 'conference' ? 8 + 24 * Math.floor(random() * 3) : 1 + Math.floor(random() * 4);
    const hiringBase =
      type === 'career-fair' ? 0.8 : type === 'networking' || type === 'association-meeting' ? 0.5 : 0.2;
    const hiring = Math.round(Math.min(1, hiringBase + random() * 0.3) * 100) / 100;
    const id = `bench-${String(i).padStart(6, '0')}`;
    const url = `https://events.example.org/${cluster.id}/${id}`;
    const title = `${brand} ${capitalize(keyword)} ${pick(random, TYPE_NOUNS[type])}`;
    const where = city ? ` in ${city.name}` : ' online';
    const description =
      `${title}${where}: ${keyword} and ${other} for people in ${pathway?.name ?? cluster.name}. ` +
      `Talks, panels and an exhibitor hall; ${type === 'career-fair' ? 'employers and recruiters are hiring' : 'managers and practitioners meet'}. ` +
      `Part of the ${brand} series.`;
    const cost = random();
    events.push(
      syntheticEvent({
        id,
        title: title.slice(0, 500),
        description,
        url,
        type,
        fields: [cluster.id],
        pathways: pathway ? [pathway.id] : [],
        tags: [keyword.slice(0, 80)],
        start: new Date(startMs).toISOString(),
        end: new Date(startMs + hours * 3_600_000).toISOString(),
        city,
        format,
        hiring,
        sourceId: 'bench',
        seen,
        ...(cost < 0.3 && { cost: { free: true } }),
        ...(cost >= 0.3 &&
          cost < 0.8 && { cost: { free: false, min: 25 + Math.floor(random() * 40) * 25, currency: 'USD' } }),
      }),
    );
  }
  return { events, origin, keywords: [...keywords], brands };
}
