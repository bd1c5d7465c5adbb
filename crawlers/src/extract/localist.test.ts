import { describe, expect, it } from 'vitest';
import { detectFormat, extractAny } from './detect.js';
import { readFixture } from './fixtures/shared-data.js';
import { extractLocalist, looksLikeLocalist } from './localist.js';

const API = 'https://calendar.example.edu/api/2/events?days=365&pp=100';

describe('extractLocalist on a page of the events API', () => {
  const { events, warnings, nextPageUrl } = extractLocalist(readFixture('sample-localist.json'), API);
  const titled = (t: string) => events.filter((e) => e.title === t);

  it('maps an event with its place, cost, tags and event type', () => {
    expect(titled('Engineering & Technology Career Fair')).toEqual([
      {
        title: 'Engineering & Technology Career Fair',
        description: 'Meet 150 employers hiring engineers and technologists.',
        descriptionHtml: '<p>Meet <strong>150 employers</strong> hiring engineers and technologists.</p>',
        url: 'https://calendar.example.edu/event/engineering_technology_career_fair',
        start: '2027-02-17T10:00:00-06:00',
        end: '2027-02-17T15:00:00-06:00',
        uid: 'localist:48213077#2027-02-17T10:00:00-06:00',
        venue: {
          name: 'Memorial Union Great Hall',
          address: '800 Langdon St',
          city: 'Madison',
          region: 'WI',
          postalCode: '53706',
          country: 'US',
          lat: 43.0762,
          lng: -89.3999,
        },
        attendanceMode: 'offline',
        offers: [{ price: 0, isFree: true }],
        keywords: ['career fair', 'engineering', 'Career Fair'],
        image: 'https://images.example.edu/photos/career-fair.jpg',
        extractedBy: 'localist',
      },
    ]);
  });

  it('gives each instance of a recurring event, one series, an all-day instance as a date', () => {
    const drop = titled('Resume Drop-in Hours');
    expect(drop.map((e) => [e.start, e.end, e.allDay])).toEqual([
      ['2027-02-01T13:00:00-06:00', '2027-02-01T15:00:00-06:00', undefined],
      ['2027-02-08T13:00:00-06:00', '2027-02-08T15:00:00-06:00', undefined],
      ['2027-02-15', undefined, true],
    ]);
    expect(new Set(drop.map((e) => e.seriesKey))).toEqual(new Set(['localist:48213102']));
    expect(drop[0]).toMatchObject({
      attendanceMode: 'mixed',
      virtualUrl: 'https://zoom.example.com/j/5551234',
      offers: [{ price: 5 }],
    });
  });

  it('keeps a cancelled online event as cancelled, with no series of one', () => {
    expect(titled('Alumni Networking Webinar')).toMatchObject([
      { status: 'cancelled', attendanceMode: 'online', start: '2027-03-03T18:00:00-06:00' },
    ]);
    expect(titled('Alumni Networking Webinar')[0]!.seriesKey).toBeUndefined();
  });

  it('skips events without a title or a readable date, saying which', () => {
    expect(events).toHaveLength(5);
    expect(warnings).toEqual([
      'localist: event 48213199 skipped: no title',
      'localist: "Date to be announced" skipped: no readable date',
    ]);
  });

  it('asks for the next page while the API has more', () => {
    expect(nextPageUrl).toBe('https://calendar.example.edu/api/2/events?days=365&pp=100&page=2');
    const last = JSON.stringify({ events: [], page: { current: 3, size: 0, total: 3 } });
    expect(extractLocalist(last, `${API}&page=3`)).toEqual({ events: [], warnings: [] });
  });
});

describe('Localist answers among other bodies', () => {
  it('is detected by its shape and read through extractAny', () => {
    const body = readFixture('sample-localist.json');
    expect(detectFormat(body, 'application/json', API)).toBe('localist');
    const result = extractAny(body, API);
    expect(result.format).toBe('localist');
    expect(result.events).toHaveLength(5);
    expect(result.nextPageUrl).toMatch(/page=2$/);
    expect(result.links).toEqual([{ url: result.nextPageUrl, kind: 'next-page' }]);
  });

  it('refuses what is not an events API answer, with a warning and without throwing', () => {
    expect(looksLikeLocalist({ events: [{ title: 'x' }], page: {} })).toBe(false);
    expect(looksLikeLocalist({ events: [] })).toBe(false);
    expect(extractLocalist('{"events": [', API)).toMatchObject({
      events: [],
      warnings: [expect.stringMatching(/^localist: not JSON/)],
    });
    expect(extractLocalist('{"events": {}}', API)).toEqual({
      events: [],
      warnings: ['localist: not an events API answer'],
    });
  });
});
