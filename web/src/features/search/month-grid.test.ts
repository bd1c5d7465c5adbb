import { describe, expect, it } from 'vitest';
import { buildMonthGrid, eventDays, visibleEvents } from './month-grid.js';

const CHICAGO = 'America/Chicago';

const event = (
  id: string,
  start: string,
  end: string | null,
  more: Partial<{ allDay: boolean; format: 'online' }> = {},
) => ({
  id,
  start,
  end,
  timeZone: CHICAGO,
  allDay: false,
  ...more,
});

describe('the month grid', () => {
  it('lays a month out in Monday-first weeks, outside days marked, today marked', () => {
    const grid = buildMonthGrid('2027-02', [], { today: '2027-02-10' });
    expect(grid.weeks).toHaveLength(4);
    expect(grid.weeks[0]?.[0]?.date).toBe('2027-02-01');
    expect(grid.weeks[3]?.[6]?.date).toBe('2027-02-28');
    const december = buildMonthGrid('2026-12', [], { today: '2026-12-09' });
    expect(december.weeks).toHaveLength(5);
    expect(december.weeks[0]?.map((d) => [d.date.slice(5), d.inMonth])).toEqual([
      ['11-30', false],
      ['12-01', true],
      ['12-02', true],
      ['12-03', true],
      ['12-04', true],
      ['12-05', true],
      ['12-06', true],
    ]);
    expect(december.weeks[4]?.[6]?.date).toBe('2027-01-03');
    const today = december.weeks.flat().filter((d) => d.isToday);
    expect(today.map((d) => d.date)).toEqual(['2026-12-09']);
  });

  it('puts an event on the days it runs in its own zone, a multi-day one on each day, within the month', () => {
    const evening = event('evening', '2026-12-10T00:30:00Z', '2026-12-10T02:00:00Z'); // Dec 9, 18:30 in Chicago
    const conference = event('conference', '2026-12-30T15:00:00Z', '2027-01-02T23:00:00Z');
    const expo = event('expo', '2026-12-15T06:00:00Z', '2026-12-17T06:00:00Z', { allDay: true }); // Dec 15 and 16
    const grid = buildMonthGrid('2026-12', [evening, expo, conference], { today: '2026-12-09' });
    const days = Object.fromEntries(grid.weeks.flat().map((d) => [d.date, d.events.map((e) => e.id)]));
    expect(days['2026-12-09']).toEqual(['evening']);
    expect(days['2026-12-10']).toEqual([]);
    expect(days['2026-12-15']).toEqual(['expo']);
    expect(days['2026-12-16']).toEqual(['expo']);
    expect(days['2026-12-17']).toEqual([]);
    expect(days['2026-12-30']).toEqual(['conference']);
    expect(days['2026-12-31']).toEqual(['conference']);
    // The days of January that close the last week stay empty: they belong to next month's grid.
    expect(days['2027-01-01']).toEqual([]);
    const january = buildMonthGrid('2027-01', [conference], { today: '2026-12-09' });
    const inJanuary = january.weeks.flat().filter((d) => d.events.length > 0);
    expect(inJanuary.map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02']);
  });

  it('shows online events on the viewer’s day', () => {
    const webinar = event('webinar', '2026-12-10T02:00:00Z', '2026-12-10T03:00:00Z', { format: 'online' });
    expect(eventDays(webinar, CHICAGO)).toEqual({ first: '2026-12-09', last: '2026-12-09' });
    expect(eventDays(webinar, 'Asia/Tokyo')).toEqual({ first: '2026-12-10', last: '2026-12-10' });
    expect(eventDays(event('no-end', '2026-12-10T18:00:00Z', null))).toEqual({
      first: '2026-12-10',
      last: '2026-12-10',
    });
  });

  it('shows a few events a day, then "+N more" for at least two', () => {
    expect(visibleEvents(['a', 'b', 'c'], 3)).toEqual({ shown: ['a', 'b', 'c'], more: 0 });
    expect(visibleEvents(['a', 'b', 'c', 'd'], 3)).toEqual({ shown: ['a', 'b', 'c', 'd'], more: 0 });
    expect(visibleEvents(['a', 'b', 'c', 'd', 'e'], 3)).toEqual({ shown: ['a', 'b', 'c'], more: 2 });
  });
});
