import { describe, expect, it } from 'vitest';
import { DemoContentError, type PlaceholderContext, parseDateSpec, resolvePlaceholders } from './placeholders.js';

// 2026-03-07 12:00 UTC: a Saturday, the day before US daylight saving time starts (March 8).
const ctx: PlaceholderContext = {
  now: new Date('2026-03-07T12:00:00Z'),
  timeZone: 'America/Chicago',
  siteId: 'nursing',
  origins: new Map([
    ['nursing', 'http://127.0.0.2:4100'],
    ['cyber', 'http://127.0.0.3:4100'],
  ]),
};
const r = (text: string, over: Partial<PlaceholderContext> = {}): string =>
  resolvePlaceholders(text, { ...ctx, ...over });

describe('resolvePlaceholders', () => {
  it('resolves a date in the site zone with the offset that applies on that day', () => {
    expect(r('{{date +0d 09:00}}')).toBe('2026-03-07T09:00:00-06:00');
    expect(r('{{date +30d 09:00}}')).toBe('2026-04-06T09:00:00-05:00');
    expect(r('{{date -20d 18:30}}')).toBe('2026-02-15T18:30:00-06:00');
    expect(r('{{date +2w}}')).toBe('2026-03-21');
  });

  it('takes the zone named in the placeholder, and counts days from today in that zone', () => {
    expect(r('{{date +1d 09:00 Europe/London}}')).toBe('2026-03-08T09:00:00+00:00');
    expect(r('{{date +1d 09:00 UTC}}')).toBe('2026-03-08T09:00:00Z');
    // 23:30 UTC on March 7 is already March 8 in Tokyo, still March 7 in London and Denver.
    const late = { now: new Date('2026-03-07T23:30:00Z') };
    expect(r('{{date +0d Europe/London}}', late)).toBe('2026-03-07');
    expect(r('{{date +0d 10:00 Asia/Tokyo}}', late)).toBe('2026-03-08T10:00:00+09:00');
    expect(r('{{date +0d America/Denver}}', late)).toBe('2026-03-07');
  });

  it('writes every format a file may need', () => {
    const cases: Record<string, string> = {
      'iso-utc': '2026-04-06T14:00:00Z',
      local: '2026-04-06T09:00:00',
      ical: '20260406T090000',
      'ical-utc': '20260406T140000Z',
      rfc822: 'Mon, 06 Apr 2026 09:00:00 -0500',
      wp: '2026-04-06 09:00:00',
      'wp-utc': '2026-04-06 14:00:00',
      text: 'Monday, April 6, 2026',
      'text-gb': 'Monday 6 April 2026',
      clock: '9:00 AM',
      'clock-24': '09:00',
      year: '2026',
      month: 'April',
    };
    for (const [format, expected] of Object.entries(cases)) {
      expect(r(`{{date +30d 09:00 ${format}}}`), format).toBe(expected);
    }
    expect(r('{{date +30d ical}}')).toBe('20260406');
  });

  it('resolves origins and hosts of this and other sites', () => {
    expect(r('<a href="{{origin}}/events/">')).toBe('<a href="http://127.0.0.2:4100/events/">');
    expect(r('{{origin cyber}}/calendar.ics')).toBe('http://127.0.0.3:4100/calendar.ics');
    expect(r('webcal://{{host}}/calendar.ics')).toBe('webcal://127.0.0.2:4100/calendar.ics');
  });

  it('leaves text without placeholders alone', () => {
    expect(r('{ "a": { "b": 1 } } and } {')).toBe('{ "a": { "b": 1 } } and } {');
  });

  it.each([
    ['{{when +3d}}', /unknown placeholder/],
    ['{{date 09:00}}', /needs an offset/],
    ['{{date +3d tomorrow}}', /unexpected "tomorrow"/],
    ['{{date +3d Mars/Olympus_Mons}}', /unknown time zone/],
    ['{{date +3d 25:00}}', /unexpected "25:00"/],
    ['{{origin nowhere}}', /unknown site "nowhere"/],
    ['{{ date +3d', /malformed placeholder/],
  ])('refuses %s', (text, message) => {
    expect(() => r(text)).toThrow(DemoContentError);
    expect(() => r(text)).toThrow(message);
  });

  it('needs a site for a bare origin', () => {
    expect(() => r('{{origin}}', { siteId: undefined })).toThrow(/without a site id/);
  });
});

describe('parseDateSpec', () => {
  it('accepts its tokens in any order', () => {
    expect(parseDateSpec(['ical', 'America/Denver', '18:30', '-40d'])).toEqual({
      days: -40,
      time: { hour: 18, minute: 30 },
      zone: 'America/Denver',
      format: 'ical',
    });
  });
});
