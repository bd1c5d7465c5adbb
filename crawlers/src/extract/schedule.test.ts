import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/shared-data.js';
import { extractJsonLd } from './json-ld.js';
import { expandSchedule, parseDayRules, parseFrequency, parseLocalTime, type ScheduleWindow } from './schedule.js';
import { NodeReader, type SchemaNode } from './schema-org.js';

const PAGE = 'https://capa.example.org/meetings';
const recurrence = { now: new Date('2027-01-01T00:00:00Z') };
const WINDOW = { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-12-31T00:00:00Z'), maxOccurrences: 100 };

function expand(schedule: SchemaNode, window: Omit<ScheduleWindow, 'budget'> = WINDOW) {
  const budget = { days: 100_000, occurrences: 5_000 };
  return expandSchedule(new NodeReader([schedule]), schedule, {}, { ...window, budget });
}

describe('eventSchedule on the sample page', () => {
  const { events, warnings } = extractJsonLd(readFixture('sample-schedule.html'), PAGE, { recurrence });
  const titled = (t: string) => events.filter((e) => e.title === t);

  it('expands a weekly Tuesday schedule between its bounds, in its zone, without the excepted date', () => {
    const study = titled('Paralegal Certification Study Group');
    expect(study.map((e) => e.start.slice(0, 10))).toEqual([
      '2027-01-05',
      '2027-01-12',
      '2027-01-19',
      '2027-01-26',
      '2027-02-02',
      '2027-02-09',
      '2027-02-23',
      '2027-03-02',
      '2027-03-09',
      '2027-03-16',
      '2027-03-23',
      '2027-03-30',
    ]);
    expect(study[0]).toMatchObject({
      start: '2027-01-05T18:30:00',
      end: '2027-01-05T20:00:00',
      timeZone: 'America/Chicago',
      uid: 'https://capa.example.org/meetings#study-group#2027-01-05T18:30:00',
      seriesKey: 'https://capa.example.org/meetings#study-group',
      url: 'https://capa.example.org/meetings/study-group',
      venue: { name: 'Harold Washington Library', address: '400 S State St, Chicago, IL' },
      extractedBy: 'json-ld',
    });
    expect(new Set(study.map((e) => e.seriesKey)).size).toBe(1);
  });

  it('gives an event with no startDate of its own the first Friday of each month, repeatCount times', () => {
    const breakfast = titled('Monthly Networking Breakfast');
    expect(breakfast.map((e) => [e.start, e.end])).toEqual([
      ['2027-01-01T07:30:00', '2027-01-01T09:00:00'],
      ['2027-02-05T07:30:00', '2027-02-05T09:00:00'],
      ['2027-03-05T07:30:00', '2027-03-05T09:00:00'],
      ['2027-04-02T07:30:00', '2027-04-02T09:00:00'],
    ]);
    expect(breakfast[0]).toMatchObject({ typeHint: 'BusinessEvent', timeZone: 'America/Chicago' });
  });

  it("takes the time, offset and length of the event's own dates when the schedule has none", () => {
    expect(titled('Quarterly Ethics CLE').map((e) => [e.start, e.end])).toEqual([
      ['2027-01-20T12:00:00-06:00', '2027-01-20T13:00:00-06:00'],
      ['2027-04-20T12:00:00-06:00', '2027-04-20T13:00:00-06:00'],
      ['2027-07-20T12:00:00-06:00', '2027-07-20T13:00:00-06:00'],
      ['2027-10-20T12:00:00-06:00', '2027-10-20T13:00:00-06:00'],
    ]);
  });

  it('accepts ConferenceEvent as a full URL and the pending Hackathon type', () => {
    expect(titled('Midwest Legal Technology Conference')).toMatchObject([
      { start: '2027-10-14T09:00:00-05:00', typeHint: 'ConferenceEvent' },
    ]);
    expect(titled('Access to Justice Hackathon')).toMatchObject([{ start: '2027-11-06', typeHint: 'Hackathon' }]);
  });

  it('bounds an unbounded daily schedule from 1900 to the window and the occurrence cap, with warnings', () => {
    const daily = titled('Daily Docket Watch');
    expect(daily).toHaveLength(100);
    expect(daily[0]!.start).toBe('2026-12-31T08:00:00');
    expect(warnings).toEqual([
      'json-ld: Event "Open Office Hours": eventSchedule skipped: unreadable repeatFrequency "every now and then"',
      'json-ld: Event "Open Office Hours" skipped: no startDate',
      'json-ld: Event "Daily Docket Watch": eventSchedule: kept the first 100 occurrences',
    ]);
  });
});

describe('expandSchedule', () => {
  it('reads fortnightly schedules on two weekdays from the first week on', () => {
    const { occurrences } = expand({
      repeatFrequency: 'P2W',
      byDay: ['https://schema.org/Monday', 'schema:Wednesday'],
      startDate: '2027-03-01',
      endDate: '2027-03-31',
    });
    expect(occurrences.map((o) => o.start)).toEqual([
      '2027-03-01',
      '2027-03-03',
      '2027-03-15',
      '2027-03-17',
      '2027-03-29',
      '2027-03-31',
    ]);
    expect(occurrences[0]).toEqual({ start: '2027-03-01', allDay: true });
  });

  it('reads the last Thursday of a month (iCal -1TH) and the last day of a month (byMonthDay -1)', () => {
    const lastThursday = expand({ repeatFrequency: 'P1M', byDay: '-1TH', startDate: '2027-01-01', repeatCount: 3 });
    expect(lastThursday.occurrences.map((o) => o.start)).toEqual(['2027-01-28', '2027-02-25', '2027-03-25']);
    const lastDay = expand({ repeatFrequency: 'Monthly', byMonthDay: -1, startDate: '2027-01-01', repeatCount: 3 });
    expect(lastDay.occurrences.map((o) => o.start)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
  });

  it('reads a yearly schedule limited to some months, and an overnight end time', () => {
    const { occurrences } = expand(
      {
        repeatFrequency: 'P1Y',
        byMonth: [3, 9],
        byMonthDay: 10,
        startDate: '2027-01-01',
        startTime: '22:00',
        endTime: '02:00',
      },
      { ...WINDOW, to: new Date('2028-12-31T00:00:00Z') },
    );
    expect(occurrences.map((o) => [o.start, o.end])).toEqual([
      ['2027-03-10T22:00:00', '2027-03-11T02:00:00'],
      ['2027-09-10T22:00:00', '2027-09-11T02:00:00'],
      ['2028-03-10T22:00:00', '2028-03-11T02:00:00'],
      ['2028-09-10T22:00:00', '2028-09-11T02:00:00'],
    ]);
  });

  it('keeps an offset given with the start time, and warns about an unknown zone', () => {
    const { occurrences, warnings } = expand({
      byDay: 'Thursday',
      startDate: '2027-01-07',
      repeatCount: 1,
      startTime: '17:00:00-05:00',
      scheduleTimezone: 'Mars/Olympus_Mons',
    });
    expect(occurrences).toEqual([{ start: '2027-01-07T17:00:00-05:00' }]);
    expect(warnings).toEqual(['eventSchedule: unknown scheduleTimezone "Mars/Olympus_Mons" ignored']);
  });

  it('walks a bounded number of days however long ago a counted schedule began', () => {
    const started = performance.now();
    const { occurrences, warnings } = expand({ repeatFrequency: 'P1D', startDate: '1000-01-01', repeatCount: 100_000 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(occurrences).toEqual([]);
    expect(warnings).toEqual(['eventSchedule: stopped after 20000 days']);
  });

  it('says why a schedule without a frequency or weekday, or without a day to start from, gives nothing', () => {
    expect(expand({ startDate: '2027-01-01' })).toEqual({
      occurrences: [],
      warnings: ['eventSchedule skipped: no repeatFrequency nor byDay'],
    });
    expect(expand({ repeatFrequency: 'P1W', startTime: '18:00' })).toEqual({
      occurrences: [],
      warnings: ['eventSchedule skipped: no startDate nor day of the week or month'],
    });
    expect(expand({ repeatFrequency: 'P1D', startTime: '08:00', endDate: '2027-01-03' }).occurrences).toEqual([
      { start: '2027-01-01T08:00:00' },
      { start: '2027-01-02T08:00:00' },
      { start: '2027-01-03T08:00:00' },
    ]);
  });
});

describe('a page of many schedules', () => {
  it('spends one budget for the whole page: the first schedules expand, the rest are cut short with a warning', () => {
    const graph = Array.from({ length: 1000 }, (_, i) => ({
      '@type': 'Event',
      name: `Drop-in Hours ${i}`,
      eventSchedule: {
        '@type': 'Schedule',
        repeatFrequency: 'P1D',
        byMonthDay: Array.from({ length: 100 }, (_, d) => (d % 31) + 1),
        exceptDate: Array.from({ length: 100 }, () => 'the Tuesday after next'),
        startTime: '09:00',
      },
    }));
    const page = `<script type="application/ld+json">${JSON.stringify({ '@graph': graph })}</script>`;
    const started = performance.now();
    const { events, warnings } = extractJsonLd(page, PAGE, { recurrence });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(events).toHaveLength(5000);
    expect(events[0]).toMatchObject({ title: 'Drop-in Hours 0', start: '2026-12-31T09:00:00' });
    expect(warnings).toContain(
      `json-ld: Event "Drop-in Hours 999": eventSchedule: not expanded further: the page's schedules used up their budget`,
    );
  });
});

describe('schedule values', () => {
  it('reads frequencies as ISO 8601 durations and words; refuses others', () => {
    expect(parseFrequency('P1W')).toEqual({ unit: 'week', interval: 1 });
    expect(parseFrequency('p3m')).toEqual({ unit: 'month', interval: 3 });
    expect(parseFrequency('Fortnightly')).toEqual({ unit: 'week', interval: 2 });
    expect(parseFrequency('P0D')).toBeUndefined();
    expect(parseFrequency('P999999999999999999W')).toBeUndefined();
    expect(parseFrequency('PT1H')).toBeUndefined();
  });

  it('reads weekdays as schema.org DayOfWeek URLs, names, iCal codes and JSON-LD references', () => {
    expect(
      parseDayRules([
        'http://schema.org/Friday',
        'sunday',
        'MO,+2TU',
        { '@id': 'https://schema.org/Saturday' },
        'Funday',
      ]),
    ).toEqual([{ weekday: 4 }, { weekday: 6 }, { weekday: 0 }, { weekday: 1, ordinal: 2 }, { weekday: 5 }]);
  });

  it('reads times of day with seconds, a T, a meridiem or an offset', () => {
    expect(parseLocalTime('T09:05')).toEqual({ h: 9, mi: 5, s: 0, offset: '' });
    expect(parseLocalTime('7:30 PM')).toEqual({ h: 19, mi: 30, s: 0, offset: '' });
    expect(parseLocalTime('12:00 am')).toEqual({ h: 0, mi: 0, s: 0, offset: '' });
    expect(parseLocalTime('18:00:00+0100')).toEqual({ h: 18, mi: 0, s: 0, offset: '+01:00' });
    expect(parseLocalTime('25:00')).toBeUndefined();
  });
});
