import type { Association, Event, EventFormat, EventType } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import { type SampleCity, syntheticEvent } from './synthetic-event.js';

/** Cities of the seed: three within 50 miles of Minneapolis, Rochester (MN) and Duluth beyond it. */
export const SEED_CITIES = {
  minneapolis: {
    name: 'Minneapolis',
    region: 'MN',
    country: 'US',
    lat: 44.97997,
    lng: -93.26384,
    timeZone: 'America/Chicago',
  },
  stPaul: {
    name: 'Saint Paul',
    region: 'MN',
    country: 'US',
    lat: 44.94441,
    lng: -93.09327,
    timeZone: 'America/Chicago',
  },
  bloomington: {
    name: 'Bloomington',
    region: 'MN',
    country: 'US',
    lat: 44.8408,
    lng: -93.2983,
    timeZone: 'America/Chicago',
  },
  rochester: {
    name: 'Rochester',
    region: 'MN',
    country: 'US',
    lat: 44.02163,
    lng: -92.4699,
    timeZone: 'America/Chicago',
  },
  duluth: { name: 'Duluth', region: 'MN', country: 'US', lat: 46.78327, lng: -92.10658, timeZone: 'America/Chicago' },
  chicago: { name: 'Chicago', region: 'IL', country: 'US', lat: 41.85003, lng: -87.65005, timeZone: 'America/Chicago' },
  portlandOr: {
    name: 'Portland',
    region: 'OR',
    country: 'US',
    lat: 45.52345,
    lng: -122.67621,
    timeZone: 'America/Los_Angeles',
  },
  portlandMe: {
    name: 'Portland',
    region: 'ME',
    country: 'US',
    lat: 43.65737,
    lng: -70.2589,
    timeZone: 'America/New_York',
  },
  newYork: {
    name: 'New York',
    region: 'NY',
    country: 'US',
    lat: 40.71427,
    lng: -74.00597,
    timeZone: 'America/New_York',
  },
  austin: { name: 'Austin', region: 'TX', country: 'US', lat: 30.26715, lng: -97.74306, timeZone: 'America/Chicago' },
  toronto: { name: 'Toronto', region: 'ON', country: 'CA', lat: 43.70011, lng: -79.4163, timeZone: 'America/Toronto' },
  london: { name: 'London', region: 'England', country: 'GB', lat: 51.50853, lng: -0.12574, timeZone: 'Europe/London' },
} as const satisfies Record<string, SampleCity>;

type CityKey = keyof typeof SEED_CITIES;

interface Spec {
  id: string;
  title: string;
  type: EventType;
  fields: string[];
  pathways?: string[];
  /** A city, or `online`. */
  where: CityKey | 'online';
  /** Start, in days from now (negative: past). */
  inDays: number;
  hours?: number;
  cost?: 'free' | 'paid';
  hiring: number;
  associationId?: string;
  delisted?: boolean;
  format?: EventFormat;
  description?: string;
  tags?: string[];
}

const HS = 'health-science';
const IT = 'information-technology';
const FIN = 'finance';
const EDU = 'education-training';
const MFG = 'manufacturing';
const CON = 'architecture-construction';

// Health Science texts never say "healthcare" or "health care": synonym tests rely on it.
const SPECS: readonly Spec[] = [
  {
    id: 'hs-nursing-fair-mpls',
    title: 'Twin Cities Nursing Career Fair',
    type: 'career-fair',
    fields: [HS],
    pathways: [`${HS}/therapeutic-services`],
    where: 'minneapolis',
    inDays: 10,
    cost: 'free',
    hiring: 0.95,
    associationId: 'mn-nurses',
    tags: ['nursing'],
  },
  {
    id: 'hs-clinical-summit-stpaul',
    title: 'Clinical Leadership Summit',
    type: 'conference',
    fields: [HS],
    where: 'stPaul',
    inDays: 25,
    cost: 'paid',
    hiring: 0.7,
    associationId: 'mn-nurses',
  },
  {
    id: 'hs-informatics-bloomington',
    title: 'Health Informatics Workshop',
    type: 'workshop',
    fields: [HS],
    pathways: [`${HS}/health-informatics`],
    where: 'bloomington',
    inDays: 40,
    cost: 'paid',
    hiring: 0.5,
  },
  {
    id: 'hs-mayo-research-rochester',
    title: 'Biomedical Research Symposium',
    type: 'seminar',
    fields: [HS],
    pathways: [`${HS}/biotechnology-research-development`],
    where: 'rochester',
    inDays: 15,
    cost: 'paid',
    hiring: 0.45,
  },
  {
    id: 'hs-rural-clinics-duluth',
    title: 'Rural Clinics Networking Night',
    type: 'networking',
    fields: [HS],
    where: 'duluth',
    inDays: 20,
    cost: 'free',
    hiring: 0.6,
  },
  {
    id: 'hs-nurse-educators-chicago',
    title: 'Midwest Nurse Educators Conference',
    type: 'conference',
    fields: [HS, EDU],
    where: 'chicago',
    inDays: 55,
    cost: 'paid',
    hiring: 0.55,
  },
  {
    id: 'hs-hospital-hiring-portland-or',
    title: 'Hospital Hiring Day',
    type: 'career-fair',
    fields: [HS],
    where: 'portlandOr',
    inDays: 30,
    cost: 'free',
    hiring: 0.9,
  },
  {
    id: 'hs-dental-portland-me',
    title: 'Dental Hygiene Seminar',
    type: 'seminar',
    fields: [HS],
    pathways: [`${HS}/therapeutic-services`],
    where: 'portlandMe',
    inDays: 35,
    hiring: 0.3,
  },
  {
    id: 'hs-telehealth-webinar',
    title: 'Telehealth Nursing Webinar',
    type: 'webinar',
    fields: [HS],
    where: 'online',
    inDays: 5,
    cost: 'free',
    hiring: 0.2,
  },
  {
    id: 'hs-past-nursing-expo',
    title: 'Nursing Expo (last year)',
    type: 'career-fair',
    fields: [HS],
    where: 'minneapolis',
    inDays: -60,
    cost: 'free',
    hiring: 0.9,
  },
  {
    id: 'hs-past-pharmacy-day',
    title: 'Pharmacy Technicians Day',
    type: 'workshop',
    fields: [HS],
    where: 'stPaul',
    inDays: -5,
    cost: 'paid',
    hiring: 0.4,
  },
  {
    id: 'hs-delisted-fair',
    title: 'Cancelled Nursing Job Fair',
    type: 'career-fair',
    fields: [HS],
    where: 'minneapolis',
    inDays: 12,
    cost: 'free',
    hiring: 0.9,
    delisted: true,
  },
  {
    id: 'it-devops-mpls',
    title: 'DevOps Days Minneapolis',
    type: 'conference',
    fields: [IT],
    pathways: [`${IT}/programming-software-development`],
    where: 'minneapolis',
    inDays: 18,
    cost: 'paid',
    hiring: 0.65,
    associationId: 'tc-tech',
  },
  {
    id: 'it-tech-fair-stpaul',
    title: 'Tech Career Fair',
    type: 'career-fair',
    fields: [IT],
    where: 'stPaul',
    inDays: 8,
    cost: 'free',
    hiring: 0.92,
    associationId: 'tc-tech',
  },
  {
    id: 'it-security-meetup',
    title: 'Cybersecurity Meetup',
    type: 'meetup',
    fields: [IT],
    pathways: [`${IT}/network-systems`],
    where: 'minneapolis',
    inDays: 3,
    cost: 'free',
    hiring: 0.35,
  },
  {
    id: 'it-cloud-chicago',
    title: 'Cloud Native Conference Chicago',
    type: 'conference',
    fields: [IT],
    where: 'chicago',
    inDays: 45,
    cost: 'paid',
    hiring: 0.6,
  },
  {
    id: 'it-web-portland',
    title: 'Web Developers Workshop',
    type: 'workshop',
    fields: [IT],
    pathways: [`${IT}/web-digital-communications`],
    where: 'portlandOr',
    inDays: 22,
    cost: 'paid',
    hiring: 0.4,
  },
  {
    id: 'it-ai-nyc',
    title: 'Applied AI Summit',
    type: 'conference',
    fields: [IT],
    where: 'newYork',
    inDays: 60,
    cost: 'paid',
    hiring: 0.7,
  },
  {
    id: 'it-online-python',
    title: 'Python Hiring Webinar',
    type: 'webinar',
    fields: [IT],
    where: 'online',
    inDays: 6,
    cost: 'free',
    hiring: 0.5,
  },
  {
    id: 'it-austin-hack',
    title: 'Austin Hack Night',
    type: 'meetup',
    fields: [IT],
    where: 'austin',
    inDays: 14,
    hiring: 0.25,
  },
  {
    id: 'it-toronto-devs',
    title: 'Toronto Developers Conference',
    type: 'conference',
    fields: [IT],
    where: 'toronto',
    inDays: 70,
    cost: 'paid',
    hiring: 0.55,
  },
  {
    id: 'it-london-data',
    title: 'London Data Engineering Day',
    type: 'conference',
    fields: [IT],
    where: 'london',
    inDays: 80,
    cost: 'paid',
    hiring: 0.5,
  },
  {
    id: 'it-past-hackathon',
    title: 'Winter Hackathon',
    type: 'meetup',
    fields: [IT],
    where: 'minneapolis',
    inDays: -30,
    cost: 'free',
    hiring: 0.3,
  },
  {
    id: 'fin-cpa-mpls',
    title: 'CPA Society Annual Meeting',
    type: 'association-meeting',
    fields: [FIN],
    pathways: [`${FIN}/accounting`],
    where: 'minneapolis',
    inDays: 28,
    cost: 'paid',
    hiring: 0.6,
    associationId: 'mn-cpa',
  },
  {
    id: 'fin-banking-fair-chicago',
    title: 'Banking Careers Fair',
    type: 'career-fair',
    fields: [FIN],
    pathways: [`${FIN}/banking-services`],
    where: 'chicago',
    inDays: 16,
    cost: 'free',
    hiring: 0.88,
  },
  {
    id: 'fin-investing-nyc',
    title: 'Securities Industry Forum',
    type: 'conference',
    fields: [FIN],
    pathways: [`${FIN}/securities-investments`],
    where: 'newYork',
    inDays: 33,
    cost: 'paid',
    hiring: 0.62,
  },
  {
    id: 'fin-insurance-webinar',
    title: 'Insurance Underwriting Webinar',
    type: 'webinar',
    fields: [FIN],
    pathways: [`${FIN}/insurance`],
    where: 'online',
    inDays: 9,
    cost: 'free',
    hiring: 0.2,
  },
  {
    id: 'fin-london-fintech',
    title: 'Fintech Week London',
    type: 'conference',
    fields: [FIN, IT],
    where: 'london',
    inDays: 50,
    cost: 'paid',
    hiring: 0.58,
  },
  {
    id: 'fin-tax-stpaul',
    title: 'Tax Season Prep Seminar',
    type: 'seminar',
    fields: [FIN],
    where: 'stPaul',
    inDays: 11,
    cost: 'paid',
    hiring: 0.3,
  },
  {
    id: 'fin-past-audit',
    title: 'Audit Practitioners Forum',
    type: 'seminar',
    fields: [FIN],
    where: 'chicago',
    inDays: -12,
    cost: 'paid',
    hiring: 0.4,
  },
  {
    id: 'edu-teacher-fair-mpls',
    title: 'Metro Teacher Job Fair',
    type: 'career-fair',
    fields: [EDU],
    pathways: [`${EDU}/teaching-training`],
    where: 'minneapolis',
    inDays: 21,
    cost: 'free',
    hiring: 0.9,
  },
  {
    id: 'edu-principals-austin',
    title: 'School Principals Institute',
    type: 'conference',
    fields: [EDU],
    where: 'austin',
    inDays: 42,
    cost: 'paid',
    hiring: 0.5,
  },
  {
    id: 'edu-online-tutors',
    title: 'Online Tutoring Meetup',
    type: 'meetup',
    fields: [EDU],
    where: 'online',
    inDays: 4,
    format: 'online',
    hiring: 0.15,
  },
  {
    id: 'mfg-expo-mpls',
    title: 'Upper Midwest Manufacturing Expo',
    type: 'conference',
    fields: [MFG],
    where: 'bloomington',
    inDays: 26,
    cost: 'paid',
    hiring: 0.75,
  },
  {
    id: 'mfg-welding-duluth',
    title: 'Welding Skills Workshop',
    type: 'workshop',
    fields: [MFG],
    where: 'duluth',
    inDays: 13,
    cost: 'free',
    hiring: 0.45,
  },
  {
    id: 'mfg-quality-toronto',
    title: 'Quality Assurance Forum',
    type: 'seminar',
    fields: [MFG],
    pathways: [`${MFG}/quality-assurance`],
    where: 'toronto',
    inDays: 38,
    cost: 'paid',
    hiring: 0.35,
  },
  {
    id: 'con-builders-portland-me',
    title: 'Builders Association Mixer',
    type: 'networking',
    fields: [CON],
    where: 'portlandMe',
    inDays: 17,
    cost: 'free',
    hiring: 0.55,
  },
  {
    id: 'con-architects-chicago',
    title: 'Architects Design Conference',
    type: 'conference',
    fields: [CON],
    where: 'chicago',
    inDays: 65,
    cost: 'paid',
    hiring: 0.45,
  },
  {
    id: 'con-hybrid-safety',
    title: 'Construction Safety Seminar',
    type: 'seminar',
    fields: [CON],
    where: 'stPaul',
    inDays: 19,
    format: 'hybrid',
    hiring: 0.3,
  },
  {
    id: 'gen-running-now',
    title: 'Career Week Open House',
    type: 'networking',
    fields: [EDU, HS],
    where: 'minneapolis',
    inDays: -1,
    hours: 24 * 4,
    cost: 'free',
    hiring: 0.8,
  },
];

const DEFAULT_DESCRIPTIONS: Record<string, string> = {
  [HS]: 'Meet hospital recruiters, clinic managers and nurse leaders. Bring your resume; clinical staff are hiring.',
  [IT]: 'Engineers, developers and hiring managers from local software companies talk cloud, data and security.',
  [FIN]: 'Accountants, bankers and investment professionals meet employers and recruiters from regional firms.',
  [EDU]: 'School districts and colleges meet teachers, counselors and administrators looking for their next role.',
  [MFG]: 'Plant managers and production engineers show equipment and meet skilled trades candidates.',
  [CON]: 'Contractors, architects and site managers meet apprentices, engineers and project managers.',
};

const DAY_MS = 86_400_000;

/** Rounded to the minute, so re-seeding with a slightly later `now` writes identical events. */
const at = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString();

function toEvent(spec: Spec, now: Date): Event {
  const startMs = now.getTime() + spec.inDays * DAY_MS;
  const city = spec.where === 'online' ? undefined : SEED_CITIES[spec.where];
  const event = syntheticEvent({
    id: spec.id,
    title: spec.title,
    description: spec.description ?? DEFAULT_DESCRIPTIONS[spec.fields[0] as string] ?? 'An event.',
    url: `https://events.example.org/${spec.id}`,
    type: spec.type,
    fields: spec.fields,
    pathways: spec.pathways ?? [],
    tags: spec.tags ?? [],
    start: at(startMs),
    end: at(startMs + (spec.hours ?? 8) * 3_600_000),
    city,
    format: spec.format ?? (city ? 'in-person' : 'online'),
    hiring: spec.hiring,
    sourceId: 'seed',
    seen: at(now.getTime() - DAY_MS),
    delisted: spec.delisted ?? false,
    ...(spec.cost === 'free' && { cost: { free: true } }),
    ...(spec.cost === 'paid' && { cost: { free: false, min: 150, currency: 'USD' } }),
  });
  if (spec.associationId) event.associationId = spec.associationId;
  return event;
}

/** About 40 realistic events across fields, types, cities, past and upcoming, free and paid, relative to `now`. */
export function buildSeedEvents(now: Date = new Date()): Event[] {
  return SPECS.map((spec) => toEvent(spec, now));
}

/** Three associations, two of which have events in the seed. */
export function buildSeedAssociations(now: Date = new Date()): Association[] {
  const seen = at(now.getTime() - DAY_MS);
  const base = { chapters: [], firstSeen: seen, updatedAt: seen };
  return [
    {
      ...base,
      id: 'mn-nurses',
      name: 'Minnesota Organization of Nurse Leaders',
      url: 'https://assoc.example.org/mn-nurses',
      description: 'Nurse leaders across Minnesota hospitals and clinics; runs a job board.',
      fields: [HS],
      pathways: [`${HS}/therapeutic-services`],
      scope: 'regional',
      country: 'US',
      region: 'MN',
      jobBoardUrl: 'https://assoc.example.org/mn-nurses/jobs',
      meetingCadence: 'monthly',
      hiring: { score: 0.7, reasons: ['Job board'] },
    },
    {
      ...base,
      id: 'tc-tech',
      name: 'Twin Cities Tech Association',
      url: 'https://assoc.example.org/tc-tech',
      description: 'Software engineers and technology employers of the Twin Cities.',
      fields: [IT],
      pathways: [],
      scope: 'local',
      country: 'US',
      region: 'MN',
      hiring: { score: 0.5, reasons: [] },
    },
    {
      ...base,
      id: 'mn-cpa',
      name: 'Minnesota Society of CPAs',
      url: 'https://assoc.example.org/mn-cpa',
      description: 'Certified public accountants of Minnesota.',
      fields: [FIN],
      pathways: [`${FIN}/accounting`],
      scope: 'regional',
      country: 'US',
      region: 'MN',
      jobBoardUrl: 'https://assoc.example.org/mn-cpa/careers',
      hiring: { score: 0.6, reasons: ['Career center'] },
    },
    {
      ...base,
      id: 'natl-finance',
      name: 'National Finance Professionals',
      url: 'https://assoc.example.org/natl-finance',
      description: 'Bankers and analysts across the country.',
      fields: [FIN],
      pathways: [],
      scope: 'national',
      country: 'US',
      hiring: { score: 0.4, reasons: [] },
    },
  ];
}

/** Upcoming (still running at `now`), listed events of the seed: what a default search may return. */
export function upcomingSeed(events: readonly Event[], now: Date): Event[] {
  return events.filter((e) => !e.delisted && Date.parse(e.end ?? e.start) >= Math.floor(now.getTime() / 1000) * 1000);
}

/**
 * Writes the seed to the app's store and drains the outbox so Meilisearch holds it before the test asserts.
 * @throws Error when Meilisearch rejected a document.
 */
export async function seedApp(app: FastifyInstance, now: Date = new Date()) {
  const events = buildSeedEvents(now);
  const associations = buildSeedAssociations(now);
  app.store.upsertEvents(events);
  for (const association of associations) app.store.upsertAssociation(association);
  const drained = await app.outbox.drainNow();
  if (drained.rejected.length > 0) throw new Error(`Meilisearch rejected ${JSON.stringify(drained.rejected)}`);
  if (app.store.outboxSize() !== 0) await app.outbox.drainNow();
  return { events, associations, now };
}
