import { describe, expect, it } from 'vitest';
import { normalizeDates, toInstant } from './normalize-dates.js';

describe('normalizeDates', () => {
  it('reads floating times in the source zone first, then the venue zone, then the default', () => {
    expect(normalizeDates({ start: '2027-03-04T09:00:00', timeZone: 'America/Chicago' }).dates).toEqual({
      start: '2027-03-04T15:00:00Z',
      timeZone: 'America/Chicago',
      timeZoneSource: 'stated',
      allDay: false,
    });
    expect(
      normalizeDates({ start: '2027-07-04T09:00:00' }, { venueZone: 'Europe/Berlin', defaultZone: 'UTC' }).dates?.start,
    ).toBe('2027-07-04T07:00:00Z');
    expect(normalizeDates({ start: '2027-07-04T09:00:00' }, { defaultZone: 'America/New_York' }).dates?.start).toBe(
      '2027-07-04T13:00:00Z',
    );
  });

  it('keeps offsets as given and the zone for display; handles DST on both sides', () => {
    const { dates } = normalizeDates(
      { start: '2027-04-12T08:30:00-05:00', end: '2027-04-14T17:00:00-05:00' },
      { venueZone: 'America/Chicago' },
    );
    expect(dates).toEqual({
      start: '2027-04-12T13:30:00Z',
      end: '2027-04-14T22:00:00Z',
      timeZone: 'America/Chicago',
      timeZoneSource: 'venue',
      allDay: false,
    });
    expect(normalizeDates({ start: '2027-01-15T09:00:00', timeZone: 'Europe/Berlin' }).dates?.start).toBe(
      '2027-01-15T08:00:00Z',
    );
    expect(normalizeDates({ start: '2027-07-15T09:00:00', timeZone: 'Europe/Berlin' }).dates?.start).toBe(
      '2027-07-15T07:00:00Z',
    );
  });

  it('keeps all-day events as local midnights, the end exclusive', () => {
    // US DST starts on 14 March 2027: the first midnight is CST, the last CDT.
    expect(normalizeDates({ start: '2027-03-10', end: '2027-03-15', timeZone: 'America/Chicago' }).dates).toEqual({
      start: '2027-03-10T06:00:00Z',
      end: '2027-03-16T05:00:00Z',
      timeZone: 'America/Chicago',
      timeZoneSource: 'stated',
      allDay: true,
    });
    expect(normalizeDates({ start: '2027-05-20' }, { defaultZone: 'Asia/Tokyo' }).dates).toMatchObject({
      start: '2027-05-19T15:00:00Z',
      end: '2027-05-20T15:00:00Z',
      allDay: true,
    });
  });

  it('drops an end before the start and rejects unreadable starts, with reasons', () => {
    const { dates, warnings } = normalizeDates({ start: '2027-03-04T10:00:00Z', end: '2027-03-04T09:00:00Z' });
    expect(dates).toEqual({
      start: '2027-03-04T10:00:00Z',
      timeZone: 'UTC',
      timeZoneSource: 'assumed-utc',
      allDay: false,
    });
    expect(warnings).toEqual(['end 2027-03-04T09:00:00Z is before start 2027-03-04T10:00:00Z; end dropped']);
    expect(normalizeDates({ start: 'soon' }).dates).toBeUndefined();
    expect(normalizeDates({ start: '2027-03-04T09:00:00' }).warnings).toContain(
      'no time zone known; local times read as UTC',
    );
    expect(
      normalizeDates({ start: '2027-03-04T09:00:00', timeZone: 'Mars/Olympus' }, { defaultZone: 'UTC' }).warnings,
    ).toContain('unknown time zone "Mars/Olympus"');
  });

  it('records where the zone came from: the event, its calendar, its venue, the source default, or UTC assumed', () => {
    const source = (raw: Parameters<typeof normalizeDates>[0], ctx?: Parameters<typeof normalizeDates>[1]) =>
      normalizeDates(raw, ctx).dates?.timeZoneSource;
    expect(source({ start: '2027-03-04T09:00:00', timeZone: 'America/Chicago' })).toBe('stated');
    expect(source({ start: '2027-03-04T17:00:00Z', timeZone: 'America/Denver', timeZoneSource: 'calendar' })).toBe(
      'calendar',
    );
    expect(source({ start: '2027-03-04T09:00:00' }, { venueZone: 'America/Denver', defaultZone: 'UTC' })).toBe('venue');
    expect(source({ start: '2027-03-04T09:00:00' }, { defaultZone: 'Europe/Paris' })).toBe('source');
    expect(source({ start: '2027-03-04T09:00:00' })).toBe('assumed-utc');
    // A UTC instant shown in the calendar's zone keeps its instant.
    expect(
      normalizeDates({ start: '2027-01-01T17:00:00Z', timeZone: 'America/Denver', timeZoneSource: 'calendar' }).dates,
    ).toMatchObject({ start: '2027-01-01T17:00:00Z', timeZone: 'America/Denver' });
  });

  it('reads a date-only deadline as the end of that day', () => {
    expect(toInstant('2027-02-01', 'Europe/Amsterdam')).toBe('2027-02-01T23:00:00Z');
    expect(toInstant('garbage', 'UTC')).toBeUndefined();
  });
});
