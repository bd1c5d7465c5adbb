import { describe, expect, it } from 'vitest';
import { normalizeDates } from '../normalize/normalize-dates.js';
import { readFixture, readShared, sharedDataPresent } from './fixtures/shared-data.js';
import { defaultHorizon, extractIcal } from './ical.js';

const URL = 'https://sample.example.org/calendar.ics';
const WIDE = { horizon: { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') } };

describe('extractIcal on the sample calendar (CRLF, folded lines)', () => {
  const { events, warnings } = extractIcal(readFixture('sample-calendar.ics'), URL, {
    now: new Date('2027-01-01T00:00:00Z'),
  });
  const titled = (t: string) => events.filter((e) => e.title === t);

  it('expands the weekly RRULE with its EXDATE and RECURRENCE-ID override, each with a stable uid', () => {
    const lunches = events.filter((e) => e.uid?.startsWith('chapter-lunch@'));
    expect(lunches.map((e) => e.start)).toEqual([
      '2027-01-05T12:00:00',
      '2027-01-12T12:00:00',
      '2027-01-26T12:00:00',
      '2027-02-02T12:00:00',
      '2027-02-09T12:00:00',
    ]);
    expect(lunches.map((e) => e.uid)).toContain('chapter-lunch@sample.example.org#20270126T120000');
    const cancelled = lunches.find((e) => e.start === '2027-01-26T12:00:00')!;
    expect(cancelled).toMatchObject({ title: 'Chapter Lunch & Learn (cancelled: ice storm)', status: 'cancelled' });
    expect(lunches[0]).toMatchObject({
      timeZone: 'America/Chicago',
      end: '2027-01-05T13:00:00',
      url: 'https://sample.example.org/events/lunch-and-learn',
      venue: { address: 'Riverside Library, 200 Main St, Springfield, IL 62701', lat: 39.799, lng: -89.644 },
      organizer: { name: 'Springfield Chapter' },
      keywords: ['Networking', 'Lunch'],
      description: 'Bring a colleague. We meet every Tuesday; this line is folded across two lines.',
    });
  });

  it('reads all-day (DTEND exclusive → last day), UTC + DURATION, Windows TZIDs and floating times', () => {
    expect(titled('Regional Conference 2027')[0]).toMatchObject({
      start: '2027-03-10',
      end: '2027-03-12',
      allDay: true,
    });
    expect(titled('Webinar: Salary Negotiation')[0]).toMatchObject({
      start: '2027-02-04T17:00:00Z',
      end: '2027-02-04T18:30:00Z',
      attendanceMode: 'online',
      virtualUrl: 'https://meet.sample.example.org/salary',
    });
    expect(titled('Board Meeting (Outlook export)')[0]).toMatchObject({
      start: '2027-03-01T09:00:00',
      timeZone: 'America/New_York',
    });
    // Floating times take the calendar's X-WR-TIMEZONE.
    expect(titled('Open House')[0]).toMatchObject({ start: '2027-04-15T18:00:00', timeZone: 'America/Chicago' });
  });

  it('drops private events and stray lines with warnings', () => {
    expect(titled('Staff only')).toEqual([]);
    expect(warnings).toEqual([
      'ical: 1 malformed or stray line(s) ignored',
      'ical: VEVENT private@sample.example.org skipped: CLASS:PRIVATE',
    ]);
  });

  it('expands only inside the horizon and caps occurrences per event', () => {
    const body = readFixture('sample-calendar.ics');
    const late = extractIcal(body, URL, {
      horizon: { from: new Date('2027-01-20T00:00:00Z'), to: new Date('2027-02-05T00:00:00Z') },
    });
    expect(late.events.filter((e) => e.uid?.startsWith('chapter-lunch@')).map((e) => e.start)).toEqual([
      '2027-01-26T12:00:00',
      '2027-02-02T12:00:00',
    ]);
    const capped = extractIcal(body, URL, { ...WIDE, maxOccurrences: 2 });
    expect(capped.events.filter((e) => e.uid?.startsWith('chapter-lunch@'))).toHaveLength(2);
    expect(capped.warnings).toContain(
      'ical: VEVENT chapter-lunch@sample.example.org: kept the first 2 occurrences in the horizon',
    );
  });

  it('defaults the horizon to a day ago … 18 months ahead', () => {
    const { from, to } = defaultHorizon(new Date('2027-01-10T00:00:00Z'));
    expect(from.toISOString()).toBe('2027-01-09T00:00:00.000Z');
    expect(to.toISOString()).toBe('2028-07-10T00:00:00.000Z');
  });

  it('never throws on garbage, and says so', () => {
    expect(extractIcal('', URL)).toEqual({ events: [], warnings: ['ical: no VCALENDAR found'] });
    const broken = extractIcal('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID="x:1\nSUMMARY:x\nEND:VEVENT', URL);
    expect(broken.events).toEqual([]);
    expect(broken.warnings.length).toBeGreaterThan(0);
  });
});

describe('extractIcal on real files (../shared/data/real-world/ics)', () => {
  const read = (name: string) => extractIcal(readShared('real-world', 'ics', name), URL, WIDE);

  it('Meetup: VTIMEZONE America/Phoenix, GEO, escaped commas', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const { events } = read('node-ical__meetup-timed-tz.ics');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      title: 'Phoenix Drupal User Group Monthly Meetup',
      start: '2011-11-09T19:00:00',
      timeZone: 'America/Phoenix',
      venue: {
        address: 'Open Source Project Tempe (1415 E University Dr. #103A, Tempe, AZ 85281)',
        lat: 33.56,
        lng: -111.9,
      },
      uid: 'event_nsmxnyppbfc@meetup.com',
    });
    expect(normalizeDates(events[0]!).dates?.start).toBe('2011-11-10T02:00:00Z');
  });

  it('Lanyrd: 8 conferences, a UTC start with a DATE end, and the "Next Year" event skipped', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const { events, warnings } = read('node-ical__multi-event-basic.ics');
    expect(events).toHaveLength(8);
    expect(events[0]).toMatchObject({
      title: 'Dyncon 2011',
      start: '2011-03-12T20:00:00Z',
      end: '2011-03-14T00:00:00',
    });
    expect(events[2]).toMatchObject({ title: 'JSConf US 2011', start: '2011-05-02', end: '2011-05-03', allDay: true });
    expect(warnings).toEqual([expect.stringContaining('VEVENT sdfkf09fsd0 skipped')]);
  });

  it('Outlook/Exchange: Windows zone ids and display names map to IANA; a broken line costs one event', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const owa = read('node-ical__Office-2012-owa.ics').events;
    expect(owa.find((e) => e.title === 'TEST Syd')).toMatchObject({
      start: '2020-10-28T13:30:00',
      timeZone: 'Australia/Sydney',
    });
    const test2 = owa.filter((e) => e.title === 'TEST2');
    expect(test2.length).toBeGreaterThan(50);
    expect(new Set(test2.map((e) => e.timeZone))).toEqual(new Set(['America/New_York']));
    const ms = read('node-ical__ms_timezones.ics');
    expect(ms.events.find((e) => e.title === 'test')).toMatchObject({
      start: '2020-09-10T09:00:00',
      timeZone: 'Europe/Berlin',
    });
    expect(ms.warnings.some((w) => w.includes('W. Europe Standard Time:20200609T090000'))).toBe(true);
    const either = ms.events.filter((e) => e.title === 'Not the actual summary either').map((e) => e.start);
    expect(either).toContain('2020-07-19T12:00:00');
    expect(either).toContain('2020-07-24T12:00:00');
    expect(either).not.toContain('2020-07-21T12:00:00');
    expect(either).not.toContain('2020-07-23T12:00:00');
    expect(ms.events.find((e) => e.title === 'Not the actual summary either')?.virtualUrl).toBe(
      'https://bluejeans.com/7999979999',
    );
  });

  it('Google: a RECURRENCE-ID override replaces one daily occurrence; UNTIL is read in the VTIMEZONE', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const { events } = read('node-ical__google-calendar-kiev-tz.ics');
    expect(events.map((e) => [e.title, e.start])).toEqual([
      ['repeated', '2016-08-25T14:00:00'],
      ['bla bla', '2016-08-26T14:00:00'],
      ['repeated', '2016-08-27T14:00:00'],
      ['repeated', '2016-08-28T14:00:00'],
    ]);
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
  });

  it('Apple: STATUS CANCELLED and TENTATIVE, UTC and TZID times', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const { events } = read('node-ical__tentative-apple-calendar.ics');
    expect(events.map((e) => [e.title, e.status ?? null])).toEqual([
      ['Tentative', 'scheduled'],
      ['Confirmed', 'scheduled'],
      ['Cancelled', 'cancelled'],
      ['No Status', null],
    ]);
    // Stored in UTC in a calendar whose X-WR-TIMEZONE is America/Vancouver: shown there.
    expect(events[0]).toMatchObject({
      start: '2022-07-04T23:00:00Z',
      timeZone: 'America/Vancouver',
      timeZoneSource: 'calendar',
    });
    expect(events[1]).toMatchObject({ start: '2022-07-05T09:00:00', timeZone: 'America/Vancouver' });
  });

  it('yearly all-day recurrence, all-day with TZID, and all-day without VALUE=DATE (Google 2005)', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const fete = read('node-ical__yearly-recurring-unicode.ics').events;
    expect(fete).toHaveLength(18);
    expect(fete[0]).toMatchObject({
      title: 'Fête Nationale - Férié',
      start: '2012-07-14',
      end: '2012-07-14',
      allDay: true,
    });
    expect(fete.at(-1)!.uid).toBe('FA9831E7-C238-4FEC-95E5-CD46BD466421#20290714');
    expect(read('node-ical__sabredav-school-holidays.ics').events[0]).toMatchObject({
      title: 'Sommerferien Sachsen',
      start: '2018-07-02',
      end: '2018-08-10',
      timeZone: 'Europe/Berlin',
      allDay: true,
    });
    const aus = extractIcal(readShared('real-world', 'ics', 'ical4j__google_aus_holidays.ics'), URL, {
      horizon: { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-12-31T00:00:00Z') },
    });
    expect(aus.events.find((e) => e.uid === 'mrlhppia4sm5ishfocsm9ser2o@google.com#20271225')).toMatchObject({
      title: 'Christmas',
      start: '2027-12-25',
      allDay: true,
    });
    expect(aus.warnings.filter((w) => w.endsWith('no SUMMARY'))).toHaveLength(2);
  });

  it('Last.fm: 33 floating-time concerts despite blank lines between components', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const { events, warnings } = read('ical4j__lastfm.ics');
    expect(events).toHaveLength(33);
    expect(warnings).toEqual([]);
    expect(events[0]).toMatchObject({
      title: 'Gerard van Maasakkers en de vaste mannen - Deze Jongen',
      start: '2010-02-10T20:30:00',
      venue: { address: 'Deventer Schouwburg, Netherlands' },
    });
    expect(events[0]!.timeZone).toBeUndefined();
  });

  it('custom zones without IANA names use the file VTIMEZONE offsets (Lotus "Eastern", Exchange "GMT +0100")', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    const lotus = read('ical4j__calconnect.ics').events;
    expect(lotus.map((e) => e.start)).toEqual([
      '2005-04-11T09:00:00-04:00',
      '2005-04-12T09:00:00-04:00',
      '2005-04-13T09:00:00-04:00',
      '2005-04-14T09:00:00-04:00',
      '2005-04-15T09:00:00-04:00',
    ]);
    expect(lotus[0]!.organizer).toEqual({ name: 'iCal Chair/CoffeeBean' });
    const standup = read('icalendar__issue_165_missing_event.ics').events;
    expect(standup).toHaveLength(14);
    expect(standup[0]!.start).toBe('2015-07-03T10:00:00+02:00');
  });

  it('reads the remaining producers', () => {
    if (!sharedDataPresent('real-world iCalendar files')) return;
    expect(read('ical4j__Session6.ics').events[0]).toMatchObject({
      title: 'Session #6: Signature distribution overview',
      start: '2007-03-14T17:00:00Z',
      descriptionHtml: expect.stringContaining('<HTML>'),
    });
    expect(read('ical4j__bhav23-1.ics').events[0]).toMatchObject({
      title: 'Australian Grand Prix',
      venue: { address: 'Melbourne', lat: -37.8373, lng: 144.9666 },
      keywords: ['Grand Prix'],
    });
    expect(read('ical4j__groupwise.ics').events[0]).toMatchObject({
      organizer: { name: 'Jane Doe' },
      start: '2008-12-17T07:30:00Z',
    });
    expect(read('icalendar__timezoned.ics').events[0]).toMatchObject({
      start: '2012-02-13T10:00:00',
      timeZone: 'Europe/Vienna',
    });
    const podio = read('icalendar__issue_350.ics');
    expect(podio.events[0]).toMatchObject({ title: 'Termin 4353 und"so"', venue: { address: 'online' } });
    expect(podio.warnings).toEqual(['ical: 1 malformed or stray line(s) ignored']);
    const daily = read('icalendar__x_location.ics');
    expect(daily.events).toHaveLength(100);
    expect(daily.events[0]).toMatchObject({ start: '2016-10-28T14:00:00', timeZone: 'Europe/Zurich' });
    expect(read('node-ical__test_with_multiple_tzids_in_vtimezone.ics').events[0]).toMatchObject({
      title: 'Possible Snow Makeup Day',
      start: '2024-06-27T00:00:00',
    });
    const expo = read('ical4j__1106817412.ics').events;
    expect(expo).toHaveLength(1);
    expect(expo[0]).toMatchObject({ start: '2005-03-25', end: '2005-09-25', allDay: true });
  });
});
