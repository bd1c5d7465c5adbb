import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/shared-data.js';
import { extractWordpressEvents } from './wordpress-events.js';

const URL = 'https://asla-chapter.example.org/wp-json/tribe/events/v1/events';

describe('extractWordpressEvents', () => {
  const result = extractWordpressEvents(readFixture('sample-tribe-events.json'), URL);

  it('reads a timed event from its UTC fields, with venue, organizer, cost range, terms and image', () => {
    expect(result.events[0]).toMatchObject({
      title: 'Landscape Architecture Expo & Job Fair 2027',
      url: 'https://asla-chapter.example.org/event/landscape-architecture-expo-2027/',
      start: '2027-03-09T16:00:00Z',
      end: '2027-03-10T01:00:00Z',
      timeZone: 'America/Los_Angeles',
      uid: 'asla-chapter.example.org?id=4187',
      venue: {
        name: 'Oakland Marriott City Center',
        address: '1001 Broadway',
        city: 'Oakland',
        region: 'CA',
        postalCode: '94607',
        country: 'United States',
        lat: 37.8027,
        lng: -122.2727,
      },
      organizer: { name: 'Northern California Chapter', url: 'https://asla-chapter.example.org/' },
      offers: [{ lowPrice: 45, highPrice: 120, currency: 'USD' }],
      keywords: ['Expo', 'Careers'],
      image: 'https://asla-chapter.example.org/wp-content/uploads/2026/11/expo.jpg',
      description: 'Exhibitors, CEU sessions and a job fair.\n\nLunch included.',
      extractedBy: 'wordpress-events',
    });
  });

  it('keeps all-day events as local dates, reads "Free", skips hidden events, maps UTC-7 to a zone', () => {
    expect(result.events.map((e) => e.title)).toEqual([
      'Landscape Architecture Expo & Job Fair 2027',
      'Student Design Day',
      'Webinar: Licensure Q&A',
    ]);
    expect(result.events[1]).toMatchObject({
      start: '2027-04-17',
      end: '2027-04-18',
      allDay: true,
      offers: [{ price: 0, isFree: true }],
    });
    expect(result.events[1]!.venue).toBeUndefined();
    expect(result.events[2]).toMatchObject({ start: '2027-05-06T19:00:00Z', timeZone: 'Etc/GMT+7' });
  });

  it('returns the next page and the total', () => {
    expect(result.nextPageUrl).toBe(
      'https://asla-chapter.example.org/wp-json/tribe/events/v1/events?page=2&per_page=4&start_date=2027-01-01',
    );
    expect(result.total).toBe(11);
    expect(result.warnings).toEqual([]);
  });

  it('explains API errors and bad bodies instead of throwing', () => {
    expect(extractWordpressEvents('{"code":"rest_no_route","message":"No route"}', URL).warnings).toEqual([
      'wordpress-events: no "events" array (API error rest_no_route)',
    ]);
    expect(extractWordpressEvents('<html>', URL).warnings[0]).toMatch(/^wordpress-events: not JSON/);
    expect(extractWordpressEvents('{"events":[{"title":"x"},{"start_date":"2027-01-01"},7]}', URL).warnings).toEqual([
      'wordpress-events: "x" skipped: no readable start date',
      'wordpress-events: event ? skipped: no title',
    ]);
  });
});
