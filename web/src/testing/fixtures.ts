import type { EventDetail, EventHit, EventSearchResponse, FieldsResponse } from '@fieldguide/shared';

/** An event hit as `/api/search` returns it; override what a test needs. */
export function eventHit(overrides: Partial<EventHit> = {}): EventHit {
  const hit: EventHit = {
    id: 'tc-nursing-fair',
    title: 'Twin Cities Nursing Career Fair',
    description: 'Meet hospital recruiters and nurse leaders.',
    url: 'https://events.example.org/tc-nursing-fair',
    type: 'career-fair',
    format: 'in-person',
    status: 'scheduled',
    start: '2026-03-10T14:00:00.000Z',
    end: '2026-03-10T22:00:00.000Z',
    timeZone: 'America/Chicago',
    allDay: false,
    fields: ['health-science'],
    pathways: [],
    fieldNames: ['Health Science'],
    tags: [],
    venueName: 'Minneapolis Convention Center',
    city: 'Minneapolis',
    region: 'MN',
    country: 'US',
    location: { lat: 44.97, lng: -93.26 },
    organizer: null,
    associationId: null,
    costFree: true,
    costMin: null,
    costMax: null,
    costCurrency: null,
    hiring: 0.95,
    hiringReasons: ['Career fair or recruiting event'],
    highlights: { title: [[12, 19]], description: [], organizer: [], venueName: [], city: [] },
    ...overrides,
  };
  return hit;
}

/** A `/api/search` answer around the given hits. */
export function searchResponse(hits: EventHit[], overrides: Partial<EventSearchResponse> = {}): EventSearchResponse {
  return {
    hits,
    total: hits.length,
    page: 1,
    limit: 20,
    totalPages: hits.length > 0 ? 1 : 0,
    facets: {
      fields: { 'health-science': hits.length, 'information-technology': 3 },
      pathways: { 'health-science/therapeutic-services': 1 },
      type: { 'career-fair': hits.length, conference: 2 },
      format: { 'in-person': hits.length, online: 1 },
      country: {},
      region: {},
      costFree: { true: 1, false: 2 },
      hiring: { '0.25': 3, '0.5': 2, '0.75': 1 },
    },
    query: {
      q: '',
      fields: [],
      pathways: [],
      types: [],
      formats: [],
      from: '2026-03-01T00:00:00.000Z',
      radiusKm: 50,
      sort: 'date',
      page: 1,
      limit: 20,
    },
    ...overrides,
  };
}

/** A small `/api/fields` answer: two clusters. */
export const fieldsResponse: FieldsResponse = {
  total: 5,
  fields: [
    {
      id: 'health-science',
      name: 'Health Science',
      shortName: 'Health care',
      count: 4,
      pathways: [{ id: 'health-science/therapeutic-services', name: 'Therapeutic Services', count: 1 }],
    },
    { id: 'information-technology', name: 'Information Technology', shortName: 'IT', count: 3, pathways: [] },
  ],
};

/** An event as `/api/events/:id` returns it. */
export function eventDetail(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 'tc-nursing-fair',
    title: 'Twin Cities Nursing Career Fair',
    description: 'Meet hospital recruiters.\nBring your resume.',
    url: 'https://events.example.org/tc-nursing-fair',
    type: 'career-fair',
    fields: ['health-science'],
    pathways: [],
    tags: ['nursing'],
    start: '2026-03-10T14:00:00.000Z',
    end: '2026-03-10T22:00:00.000Z',
    timeZone: 'America/Chicago',
    allDay: false,
    format: 'in-person',
    venue: { name: 'Minneapolis Convention Center', city: 'Minneapolis', region: 'MN', country: 'US' },
    organizer: { name: 'Minnesota Nurse Leaders', url: 'https://assoc.example.org/mn-nurses' },
    associationId: 'mn-nurses',
    cost: { free: true },
    status: 'scheduled',
    hiring: { score: 0.95, reasons: ['Career fair or recruiting event'] },
    sources: [{ sourceId: 'seed', url: 'https://events.example.org/tc-nursing-fair', seenAt: '2026-03-01T12:00:00Z' }],
    delisted: false,
    firstSeen: '2026-03-01T12:00:00Z',
    lastSeen: '2026-03-01T12:00:00Z',
    updatedAt: '2026-03-01T12:00:00Z',
    related: [],
    seriesDates: [],
    ...overrides,
  };
}
