import { describe, expect, it } from 'vitest';
import { readFixture, readShared, sharedDataPresent } from './fixtures/shared-data.js';
import { extractMicrodata } from './microdata.js';

describe('extractMicrodata on the sample page', () => {
  const { events, warnings } = extractMicrodata(
    readFixture('sample-microdata.html'),
    'https://careers.example.edu/fairs/',
  );

  it('reads nested Place, PostalAddress, organizer and offers, with time/link/meta values', () => {
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      title: 'Spring Engineering & Technology Career Fair',
      description: 'Meet 120+ employers hiring for internships and full-time roles.',
      url: 'https://careers.example.edu/events/spring-career-fair-2027',
      start: '2027-02-18T10:00:00',
      end: '2027-02-18T15:00:00',
      attendanceMode: 'offline',
      venue: {
        name: 'Student Union Ballroom',
        address: '1 University Ave',
        city: 'Madison',
        region: 'WI',
        postalCode: '53706',
        country: 'US',
      },
      organizer: { name: 'Career Services Office', url: 'https://careers.example.edu/' },
      offers: [{ price: 0, currency: 'USD', isFree: true }],
      extractedBy: 'microdata',
    });
  });

  it('reads a cancelled all-day EducationEvent and warns about the undated one', () => {
    expect(events[1]).toMatchObject({
      title: 'Resume Review Drop-in',
      start: '2027-02-25',
      allDay: true,
      status: 'cancelled',
    });
    expect(warnings).toEqual(['microdata: Event "Undated teaser" skipped: no startDate']);
  });
});

describe('extractMicrodata on real pages (../shared/data/real-world/html)', () => {
  const read = (name: string) => readShared('real-world', 'html', name);

  it('reads the schema.org examples', () => {
    if (!sharedDataPresent('real-world microdata pages')) return;
    const game = extractMicrodata(read('extruct__schemaorg-example-Event.001.html'), 'https://schema.org/Event').events;
    expect(game).toEqual([
      {
        title: 'Miami Heat at Philadelphia 76ers - Game 3 (Home Game 1)',
        url: 'https://schema.org/nba-miami-philidelphia-game3.html',
        start: '2016-04-21T20:00:00',
        venue: { city: 'Philadelphia', region: 'PA' },
        offers: [{ lowPrice: 35 }],
        extractedBy: 'microdata',
      },
    ]);
    const theater = extractMicrodata(
      read('extruct__schemaorg-example-Event.008.html'),
      'https://schema.org/Event',
    ).events;
    expect(theater).toHaveLength(1);
    expect(theater[0]).toMatchObject({
      title: "Julius Caesar at Shakespeare's Globe",
      start: '2014-10-01T19:30:00',
      typeHint: 'TheaterEvent',
      venue: { name: "Shakespeare's Globe", address: 'London, UK' },
    });
  });

  it('trims padded itemprop names and takes an address given with an empty itemprop', () => {
    if (!sharedDataPresent('real-world microdata pages')) return;
    const { events } = extractMicrodata(
      read('any23__microdata-bad-properties.html'),
      'https://cambridgewi.com/events-calendar/',
    );
    expect(events).toHaveLength(5);
    expect(events[0]).toMatchObject({
      title: 'Midwest Fire Fest',
      start: '2018-07-29T09:00:00-07:00',
      end: '2018-07-29T17:00:00-07:00',
      venue: {
        name: 'Westside Park',
        address: '300 Water Street',
        city: 'Cambridge',
        region: 'WI',
        postalCode: '53523',
      },
    });
    expect(events[1]!.description).toBe('Cambridge Senior Meals are served at Noon every Tuesday and Friday');
  });

  it('reads the five EventON events whose JSON-LD twins are partly broken', () => {
    if (!sharedDataPresent('real-world microdata pages')) return;
    const { events } = extractMicrodata(read('any23__html-jsonld-commas.html'), 'http://golfavisen.dk/');
    expect(events).toHaveLength(5);
    expect(events.map((e) => e.start)).toEqual(Array(5).fill('2018-07-19'));
    expect(events[0]).toMatchObject({
      title: 'BARBASOL CHAMPIONSHIP',
      status: 'scheduled',
      url: 'https://www.pgatour.com/leaderboard.html?l=L2&',
    });
  });
});

describe('extractMicrodata with an eventSchedule', () => {
  it('expands a nested Schedule item whose weekday is a DayOfWeek link', () => {
    const page = `<div itemscope itemtype="https://schema.org/EducationEvent">
      <span itemprop="name">Interview Practice Hour</span>
      <div itemprop="eventSchedule" itemscope itemtype="https://schema.org/Schedule">
        <meta itemprop="repeatFrequency" content="P1W"><link itemprop="byDay" href="https://schema.org/Monday">
        <meta itemprop="startDate" content="2027-02-01"><meta itemprop="endDate" content="2027-02-22">
        <meta itemprop="startTime" content="12:00"><meta itemprop="endTime" content="13:00">
        <meta itemprop="scheduleTimezone" content="America/New_York">
      </div></div>`;
    const { events } = extractMicrodata(page, 'https://careers.example.edu/practice', {
      recurrence: { now: new Date('2027-01-15T00:00:00Z') },
    });
    expect(events.map((e) => [e.start, e.end, e.timeZone])).toEqual([
      ['2027-02-01T12:00:00', '2027-02-01T13:00:00', 'America/New_York'],
      ['2027-02-08T12:00:00', '2027-02-08T13:00:00', 'America/New_York'],
      ['2027-02-15T12:00:00', '2027-02-15T13:00:00', 'America/New_York'],
      ['2027-02-22T12:00:00', '2027-02-22T13:00:00', 'America/New_York'],
    ]);
    expect(new Set(events.map((e) => e.seriesKey)).size).toBe(1);
  });
});
