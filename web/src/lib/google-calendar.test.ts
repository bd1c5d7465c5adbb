import { describe, expect, it } from 'vitest';
import { googleCalendarUrl } from './google-calendar.js';

const params = (url: string) => new URL(url).searchParams;

describe('googleCalendarUrl', () => {
  it('uses UTC instants and the event zone for a timed event', () => {
    const url = googleCalendarUrl({
      title: 'Tech Career Fair',
      start: '2026-03-10T14:00:00.000Z',
      end: '2026-03-10T22:00:00.000Z',
      timeZone: 'America/Chicago',
      allDay: false,
      location: 'RiverCentre, Saint Paul, MN',
      url: 'https://events.example.org/tech-fair',
      description: 'Meet employers.',
    });
    expect(url.startsWith('https://calendar.google.com/calendar/render?')).toBe(true);
    const p = params(url);
    expect(p.get('action')).toBe('TEMPLATE');
    expect(p.get('text')).toBe('Tech Career Fair');
    expect(p.get('dates')).toBe('20260310T140000Z/20260310T220000Z');
    expect(p.get('ctz')).toBe('America/Chicago');
    expect(p.get('location')).toBe('RiverCentre, Saint Paul, MN');
    expect(p.get('details')).toBe('Meet employers.\n\nhttps://events.example.org/tech-fair');
  });

  it('uses local dates with an exclusive end for an all-day event', () => {
    // Midnight in Chicago on 2 May is 05:00 UTC; the event lasts two days.
    const p = params(
      googleCalendarUrl({
        title: 'Expo',
        start: '2026-05-02T05:00:00Z',
        end: '2026-05-04T05:00:00Z',
        timeZone: 'America/Chicago',
        allDay: true,
      }),
    );
    expect(p.get('dates')).toBe('20260502/20260504');
  });

  it('gives a timed event without an end one hour, and cuts long descriptions', () => {
    const p = params(
      googleCalendarUrl({
        title: 'Meetup',
        start: '2026-03-10T23:30:00Z',
        timeZone: 'UTC',
        allDay: false,
        description: 'x'.repeat(5000),
      }),
    );
    expect(p.get('dates')).toBe('20260310T233000Z/20260311T003000Z');
    expect(p.get('details')?.length).toBeLessThanOrEqual(1200);
  });
});
