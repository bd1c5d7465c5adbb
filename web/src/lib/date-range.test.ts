import { describe, expect, it } from 'vitest';
import {
  addMonths,
  apiDateRange,
  dateInZone,
  intersectRanges,
  isCalendarDate,
  isCalendarMonth,
  matchingPreset,
  monthRange,
  presetRange,
  semesterOf,
} from './date-range.js';

const CHICAGO = 'America/Chicago';
const TOKYO = 'Asia/Tokyo';

describe('calendar days', () => {
  it('reads the day of an instant in the viewer’s zone', () => {
    const instant = new Date('2027-01-01T03:30:00Z');
    expect(dateInZone(instant, CHICAGO)).toBe('2026-12-31');
    expect(dateInZone(instant, TOKYO)).toBe('2027-01-01');
    expect(dateInZone(instant, 'Not/AZone')).toBe('2027-01-01');
  });

  it('knows real days and months', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-1-01')).toBe(false);
    expect(isCalendarMonth('2027-12')).toBe(true);
    expect(isCalendarMonth('2027-13')).toBe(false);
    expect(isCalendarMonth('2027-00')).toBe(false);
  });

  it('steps months across years and gives their days', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-11', 14)).toBe('2028-01');
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('sends days to the API as the viewer’s midnights, summer time and all', () => {
    expect(apiDateRange({ from: '2026-12-01', to: '2026-12-31' }, CHICAGO)).toEqual({
      from: '2026-12-01T00:00:00-06:00',
      to: '2026-12-31T23:59:59.999-06:00',
    });
    // Chicago moves its clocks on March 14, 2027 at 2:00.
    expect(apiDateRange({ from: '2027-03-14', to: '2027-03-14' }, CHICAGO)).toEqual({
      from: '2027-03-14T00:00:00-06:00',
      to: '2027-03-14T23:59:59.999-05:00',
    });
    expect(apiDateRange({ from: '2027-01-01' }, 'Asia/Kolkata')).toEqual({ from: '2027-01-01T00:00:00+05:30' });
    expect(apiDateRange({ to: '2027-01-01' }, 'UTC')).toEqual({ to: '2027-01-01T23:59:59.999+00:00' });
    expect(apiDateRange({ from: '2027-01-01' }, undefined)).toEqual({ from: '2027-01-01' });
    expect(apiDateRange({ from: '2027-01-01' }, 'Not/AZone')).toEqual({ from: '2027-01-01' });
  });

  it('intersects a search’s dates with a month', () => {
    const december = monthRange('2026-12');
    expect(intersectRanges({}, december)).toEqual(december);
    expect(intersectRanges({ from: '2026-12-10' }, december)).toEqual({ from: '2026-12-10', to: '2026-12-31' });
    expect(intersectRanges({ from: '2026-11-10', to: '2026-12-05' }, december)).toEqual({
      from: '2026-12-01',
      to: '2026-12-05',
    });
    expect(intersectRanges({ to: '2026-11-30' }, december)).toBeUndefined();
  });
});

describe('date presets', () => {
  // Wednesday, December 9, 2026, 15:00 in Chicago.
  const wednesday = new Date('2026-12-09T21:00:00Z');

  it('runs this week to Sunday, the next 30 days and 3 months from today', () => {
    expect(presetRange('this-week', wednesday, CHICAGO)).toEqual({ from: '2026-12-09', to: '2026-12-13' });
    expect(presetRange('next-30-days', wednesday, CHICAGO)).toEqual({ from: '2026-12-09', to: '2027-01-07' });
    expect(presetRange('next-3-months', wednesday, CHICAGO)).toEqual({ from: '2026-12-09', to: '2027-03-08' });
    // On a Sunday this week is today; on a Monday, the whole week.
    expect(presetRange('this-week', new Date('2026-12-13T18:00:00Z'), CHICAGO).to).toBe('2026-12-13');
    expect(presetRange('this-week', new Date('2026-12-14T18:00:00Z'), CHICAGO).to).toBe('2026-12-20');
  });

  it('counts three months from a month’s end to the shorter month’s end', () => {
    expect(presetRange('next-3-months', new Date('2026-11-30T18:00:00Z'), CHICAGO)).toEqual({
      from: '2026-11-30',
      to: '2027-02-27',
    });
  });

  it('ends this semester with the term: spring in May, summer mid-August, fall on New Year’s Eve', () => {
    expect(semesterOf('2027-01-01')).toEqual({ name: 'Spring', from: '2027-01-01', to: '2027-05-31' });
    expect(semesterOf('2027-05-31').name).toBe('Spring');
    expect(semesterOf('2027-06-01')).toEqual({ name: 'Summer', from: '2027-06-01', to: '2027-08-15' });
    expect(semesterOf('2027-08-16')).toEqual({ name: 'Fall', from: '2027-08-16', to: '2027-12-31' });
    expect(presetRange('this-semester', wednesday, CHICAGO)).toEqual({ from: '2026-12-09', to: '2026-12-31' });
  });

  it('takes today in the viewer’s zone around New Year', () => {
    // 23:30 on New Year's Eve in Chicago is already New Year's Day in UTC and in Tokyo.
    const eve = new Date('2027-01-01T05:30:00Z');
    expect(presetRange('this-semester', eve, CHICAGO)).toEqual({ from: '2026-12-31', to: '2026-12-31' });
    expect(presetRange('this-semester', eve, TOKYO)).toEqual({ from: '2027-01-01', to: '2027-05-31' });
    expect(presetRange('this-week', eve, CHICAGO)).toEqual({ from: '2026-12-31', to: '2027-01-03' });
    expect(presetRange('next-30-days', eve, TOKYO)).toEqual({ from: '2027-01-01', to: '2027-01-30' });
  });

  it('names the preset a range is, today', () => {
    const range = presetRange('next-30-days', wednesday, CHICAGO);
    expect(matchingPreset(range, wednesday, CHICAGO)).toBe('next-30-days');
    expect(matchingPreset(range, new Date('2026-12-10T21:00:00Z'), CHICAGO)).toBeUndefined();
    expect(matchingPreset({}, wednesday, CHICAGO)).toBeUndefined();
  });
});
