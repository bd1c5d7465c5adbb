import type { Event } from '@fieldguide/shared';

/** Text that breaks naive feed writers: markup, CDATA ends, entities, line breaks, iCalendar separators. */
export const HOSTILE_TEXT = 'Hack & <script>alert("x")</script> ]]> one ]]> two; a, b \\ c\nsecond line &amp; café 🎉';

/** A valid stored event for feed tests; `overrides` replace fields. */
export function testEvent(overrides: Partial<Event> = {}): Event {
  const seen = '2027-01-10T12:00:00.000Z';
  return {
    id: 'ev-test',
    title: 'Test Conference',
    description: 'A conference for testers.',
    url: 'https://events.example.org/test',
    type: 'conference',
    fields: ['information-technology'],
    pathways: [],
    tags: [],
    start: '2027-03-12T14:00:00.000Z',
    end: '2027-03-12T22:00:00.000Z',
    timeZone: 'America/Chicago',
    allDay: false,
    format: 'in-person',
    status: 'scheduled',
    hiring: { score: 0.5, reasons: [] },
    sources: [{ sourceId: 'test', url: 'https://events.example.org/test', seenAt: seen }],
    delisted: false,
    firstSeen: seen,
    lastSeen: seen,
    updatedAt: seen,
    venue: { name: 'Convention Center', city: 'Minneapolis', region: 'MN', country: 'US', lat: 44.98, lng: -93.26 },
    ...overrides,
  };
}
