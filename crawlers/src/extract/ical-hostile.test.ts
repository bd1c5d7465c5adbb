import { describe, expect, it } from 'vitest';
import { normalizeDates } from '../normalize/normalize-dates.js';
import { readFixture } from './fixtures/shared-data.js';
import { durationDays, extractIcal } from './ical.js';

const URL = 'https://chapter.example.org/calendar.ics';
const YEAR_2027 = { horizon: { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2028-01-01T00:00:00Z') } };

describe('extractIcal: a bad property costs that property (or event), never the file', () => {
  const { events, warnings } = extractIcal(readFixture('hostile-properties.ics'), URL, YEAR_2027);
  const titled = (title: string) => events.filter((e) => e.title === title);

  it('reads an event whose RRULE line is empty as a single event', () => {
    expect(titled('Resume Review Clinic')).toEqual([
      expect.objectContaining({
        start: '2027-03-10T09:00:00',
        end: '2027-03-10T10:00:00',
        timeZone: 'America/New_York',
        uid: 'empty-rrule@fixture.example',
      }),
    ]);
    expect(warnings).toContain('ical: 1 empty RRULE line(s) ignored');
  });

  it('keeps a series with RDATE;VALUE=PERIOD: DTSTART first, then each period with its own end', () => {
    expect(titled('Mock Interview Evenings').map((e) => [e.start, e.end])).toEqual([
      ['2027-04-01T09:00:00', '2027-04-01T10:00:00'],
      ['2027-04-08T13:00:00Z', '2027-04-08T16:00:00Z'],
      ['2027-04-15T13:00:00Z', '2027-04-15T15:00:00Z'],
    ]);
    expect(new Set(titled('Mock Interview Evenings').map((e) => e.timeZone))).toEqual(new Set(['America/New_York']));
  });

  it('maps vendor-prefixed and Windows TZIDs to IANA zones', () => {
    // `/softwarestudio.org/Olson_20011030_5/…` above; `Cape Verde Standard Time` is a Windows id.
    expect(titled('Island Employers Forum')[0]).toMatchObject({
      start: '2027-05-05T13:00:00',
      timeZone: 'Atlantic/Cape_Verde',
    });
  });

  it('shows UTC-stored events in the calendar X-WR-TIMEZONE, keeping their instant, and says so', () => {
    const breakfast = titled('Hiring Managers Breakfast')[0]!;
    expect(breakfast).toMatchObject({
      start: '2027-06-01T15:00:00Z',
      end: '2027-06-01T16:00:00Z',
      timeZone: 'America/Denver',
      timeZoneSource: 'calendar',
    });
    expect(normalizeDates(breakfast).dates).toEqual({
      start: '2027-06-01T15:00:00Z',
      end: '2027-06-01T16:00:00Z',
      timeZone: 'America/Denver',
      timeZoneSource: 'calendar',
      allDay: false,
    });
  });

  it('drops a DURATION of 10^18 weeks but keeps its event', () => {
    const fair = titled('Summer Career Fair');
    expect(fair).toHaveLength(1);
    expect(fair[0]!.start).toBe('2027-07-01T15:00:00Z');
    expect(fair[0]!.end).toBeUndefined();
    expect(warnings).toContain('ical: 1 DURATION line(s) longer than 146097 days ignored');
  });

  it('stops a rule that steps billions of days at its first instance', () => {
    expect(titled('Alumni Mixer').map((e) => e.start)).toEqual(['2027-08-01T15:00:00Z']);
    expect(warnings).toContainEqual(
      expect.stringMatching(/^ical: VEVENT giant-step@fixture.example: stopped expanding/),
    );
  });

  it('ignores components nested deeper than a calendar goes and VTIMEZONE rules that are not yearly', () => {
    // The zone's SECONDLY rule is gone; its STANDARD offset (-07:00) still applies.
    expect(titled('Chapter Meeting')[0]!.start).toBe('2027-09-01T18:00:00-07:00');
    expect(warnings).toContain('ical: 2 component(s) nested deeper than 4 levels ignored');
    expect(warnings).toContain('ical: 1 SECONDLY rule(s) in a VTIMEZONE ignored');
  });

  it('keeps an event whose RRULE, DTEND or UNTIL is unreadable, without that property', () => {
    expect(titled('Portfolio Night').map((e) => e.start)).toEqual(['2027-10-01T15:00:00Z']);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^ical: VEVENT bad-freq@fixture.example: 1 unreadable line\(s\) ignored \(invalid frequency/,
      ),
    );
    expect(titled('Networking Breakfast')).toEqual([
      expect.objectContaining({ start: '2027-11-01T15:00:00Z', uid: 'bad-until@fixture.example' }),
    ]);
    expect(titled('Networking Breakfast')[0]!.end).toBeUndefined();
    expect(warnings).toContain('ical: VEVENT bad-until@fixture.example: unreadable DTEND, RRULE ignored');
  });

  it('says so when a recurrence has no instance at all', () => {
    expect(titled('Phantom Series')).toEqual([]);
    expect(warnings).toContain('ical: VEVENT no-instance@fixture.example skipped: its recurrence has no instance');
  });

  it('reads every other event of the file', () => {
    expect(new Set(events.map((e) => e.title)).size).toBe(9);
  });
});

/** A VEVENT as lines. */
function vevent(uid: string, summary: string, ...props: string[]): string[] {
  return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270101T000000Z', `SUMMARY:${summary}`, ...props, 'END:VEVENT'];
}

/**
 * A calendar built to stall a reader: a 10^18-week DURATION, rules that never match or never end (ical.js would
 * search for them forever), 10,000 recurring events that start years before the window, and a component nesting
 * trap, around four good events.
 */
function hostileCalendar(): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Fieldguide//Hostile calendar//EN',
    ...vevent('good-weekly@x', 'Weekly Networking Lunch', 'DTSTART:20270105T170000Z', 'RRULE:FREQ=WEEKLY;COUNT=4'),
    ...vevent('good-fair@x', 'Spring Career Fair', 'DTSTART:20270310T150000Z', 'DTEND:20270310T210000Z'),
    ...vevent('long@x', 'Forever Expo', 'DTSTART:20270401T150000Z', 'DURATION:P999999999999999999W'),
    // A DAILY rule that can never match: ical.js would look for a 30 February forever.
    ...vevent('never@x', 'Never Meetup', 'DTSTART:20270101T100000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
    ...vevent('billion@x', 'Every Second', 'DTSTART:19700101T000000Z', 'RRULE:FREQ=SECONDLY;COUNT=1000000000'),
  ];
  for (let i = 0; i < 10_000; i++) {
    lines.push(...vevent(`flood-${i}@x`, `Flood ${i}`, 'DTSTART:20200101T000000Z', 'RRULE:FREQ=MINUTELY'));
  }
  lines.push('BEGIN:VEVENT', 'UID:deep@x', 'SUMMARY:Deep', 'DTSTART:20270601T100000Z');
  for (let i = 0; i < 5000; i++) lines.push('BEGIN:X-TRAP');
  for (let i = 0; i < 5000; i++) lines.push('END:X-TRAP');
  lines.push('END:VEVENT');
  lines.push(
    ...vevent('good-summit@x', 'Fall Leadership Summit', 'DTSTART:20271015T140000Z', 'DTEND:20271015T220000Z'),
  );
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

describe('extractIcal on a hostile calendar', () => {
  it('finishes within its time budget and keeps the good events', () => {
    const body = hostileCalendar();
    const budgetMs = 1500;
    const started = performance.now();
    const { events, warnings } = extractIcal(body, URL, { ...YEAR_2027, timeBudgetMs: budgetMs });
    const elapsed = performance.now() - started;
    // Parsing the 1.6 MB file comes on top of the budget; on a loaded machine it can take a few seconds.
    expect(elapsed).toBeLessThan(budgetMs + 8000);
    const starts = (title: string) => events.filter((e) => e.title === title).map((e) => e.start);
    expect(starts('Spring Career Fair')).toEqual(['2027-03-10T15:00:00Z']);
    expect(starts('Fall Leadership Summit')).toEqual(['2027-10-15T14:00:00Z']);
    expect(starts('Deep')).toEqual(['2027-06-01T10:00:00Z']);
    expect(starts('Forever Expo')).toEqual(['2027-04-01T15:00:00Z']);
    expect(starts('Weekly Networking Lunch')).toEqual([
      '2027-01-05T17:00:00Z',
      '2027-01-12T17:00:00Z',
      '2027-01-19T17:00:00Z',
      '2027-01-26T17:00:00Z',
    ]);
    expect(warnings).toContain('ical: 1 DURATION line(s) longer than 146097 days ignored');
    expect(warnings).toContain('ical: 4998 component(s) nested deeper than 4 levels ignored');
    expect(warnings).toContainEqual(expect.stringMatching(/^ical: VEVENT never@x: stopped expanding \(out of time\)/));
    expect(warnings).toContainEqual(expect.stringMatching(/^ical: time budget spent; \d+ event\(s\) not read$/));
  });

  it('spends the time budget on expanding recurrences, never on a large file of single events', () => {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
    for (let i = 0; i < 4000; i++) lines.push(...vevent(`s-${i}@x`, `Session ${i}`, 'DTSTART:20270105T170000Z'));
    lines.push('END:VCALENDAR');
    // Reading 4,000 events takes far longer than 20 ms.
    const { events, warnings } = extractIcal(lines.join('\r\n'), URL, { ...YEAR_2027, timeBudgetMs: 20 });
    expect(events).toHaveLength(4000);
    expect(warnings).toEqual([]);
  });

  it('caps the events kept from one file', () => {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0'];
    for (let i = 0; i < 300; i++) {
      lines.push(...vevent(`w-${i}@x`, `Workshop ${i}`, 'DTSTART:20270105T170000Z', 'RRULE:FREQ=WEEKLY;COUNT=3'));
    }
    lines.push('END:VCALENDAR');
    const { events, warnings } = extractIcal(lines.join('\r\n'), URL, { ...YEAR_2027, maxEvents: 500 });
    expect(events).toHaveLength(500);
    expect(warnings).toContain('ical: 500 events kept; 133 more event(s) not read');
  });

  it('reads no further than its size budget, keeping the events before the cut', () => {
    const body = [
      'BEGIN:VCALENDAR',
      ...vevent('first@x', 'First Fair', 'DTSTART:20270310T150000Z'),
      ...vevent('second@x', 'Second Fair', 'DTSTART:20270311T150000Z'),
      'END:VCALENDAR',
    ].join('\r\n');
    const { events, warnings } = extractIcal(body, URL, { ...YEAR_2027, maxChars: body.indexOf('BEGIN:VEVENT', 30) });
    expect(events.map((e) => e.title)).toEqual(['First Fair']);
    expect(warnings[0]).toMatch(/^ical: file longer than \d+ characters; the rest was not read$/);
  });
});

describe('durationDays', () => {
  it('reads RFC 5545 durations in days, and nothing else', () => {
    expect(durationDays('P2W')).toBe(14);
    expect(durationDays('P1DT12H')).toBe(1.5);
    expect(durationDays('-PT90M')).toBe(0.0625);
    expect(durationDays('P999999999999999999W')).toBeGreaterThan(1e18);
    expect(durationDays('one hour')).toBeUndefined();
  });
});
