import { describe, expect, it } from 'vitest';
import { normalizeRawEvent } from './normalize-event.js';
import { saysOnline, statedPlace, statedTime } from './stated-in-text.js';

describe('statedTime', () => {
  it('reads the time range a description states, with its zone', () => {
    expect(statedTime('When: Sunday, December 13, 2026 · 7:00 PM – 8:00 PM (Central)\nWhere: Online')).toEqual({
      start: { hour: 19, minute: 0 },
      end: { hour: 20, minute: 0 },
      timeZone: 'America/Chicago',
    });
    expect(statedTime('Date: Sunday, January 3, 2027 · 10:00 AM – 3:00 PM CT')).toMatchObject({
      start: { hour: 10 },
      end: { hour: 15 },
      timeZone: 'America/Chicago',
    });
    expect(statedTime('7–8 pm ET')).toMatchObject({
      start: { hour: 19 },
      end: { hour: 20 },
      timeZone: 'America/New_York',
    });
    expect(statedTime('from 11-1 pm')).toEqual({ start: { hour: 11, minute: 0 }, end: { hour: 13, minute: 0 } });
    expect(statedTime('19:00–20:30 Pacific')).toMatchObject({
      end: { hour: 20, minute: 30 },
      timeZone: 'America/Los_Angeles',
    });
    expect(statedTime('Doors at 6:30 p.m.')).toEqual({ start: { hour: 18, minute: 30 } });
  });

  it('never reads bare numbers as times', () => {
    for (const text of ['Room 12 - 3 floors', 'Bring 2 - 3 copies', 'Ages 8-12', 'Founded 2019', '']) {
      expect(statedTime(text), text).toBeUndefined();
    }
  });
});

describe('statedPlace and saysOnline', () => {
  it('reads a "Where:" line unless it says online', () => {
    expect(statedPlace('When: Friday\nWhere: DECC, 350 Harbor Dr, Duluth, MN 55802\n\nMembers meet.')).toEqual({
      address: 'DECC, 350 Harbor Dr, Duluth, MN 55802',
    });
    expect(statedPlace('Where: Online')).toBeUndefined();
    expect(statedPlace('Location: Zoom webinar')).toBeUndefined();
    expect(statedPlace('No place line here.')).toBeUndefined();
  });

  it('hears "online" and "webinar" wording, not online registration', () => {
    expect(saysOnline('Online Webinar for Education Students', '')).toBe(true);
    expect(saysOnline('Portfolio Session', 'When: today\nWhere: Online')).toBe(true);
    expect(saysOnline('Tax Update', 'A free online session for preparers.')).toBe(true);
    expect(saysOnline('Nursing Job Fair', 'Meet recruiters. Online registration required.')).toBe(false);
  });
});

describe('normalizeRawEvent with what the description states', () => {
  const webinar = {
    title: 'Online Webinar for Education Students: Building Your Teaching Portfolio',
    description:
      'When: Sunday, December 13, 2026 · 7:00 PM – 8:00 PM (Central)\nWhere: Online\n\nA free online session for ' +
      'student teachers on assembling a portfolio.',
    start: '2026-12-13',
    allDay: true,
    extractedBy: 'atom',
  } as const;

  it('times a one-day feed item by its stated time and zone, online, with no place', () => {
    const { event } = normalizeRawEvent(webinar);
    expect(event).toMatchObject({
      start: '2026-12-14T01:00:00Z',
      end: '2026-12-14T02:00:00Z',
      allDay: false,
      timeZone: 'America/Chicago',
      format: 'online',
    });
    expect(event?.venue).toBeUndefined();
  });

  it('takes the place of a "Where:" line, and its zone, when the source gives none', () => {
    const { event } = normalizeRawEvent({
      ...webinar,
      title: 'Minnesota Education Job Fair',
      description:
        'When: Friday, January 1, 2027 · 9:00 AM – 3:00 PM\nWhere: Minneapolis Convention Center, 1301 2nd Ave S, ' +
        'Minneapolis, MN 55403\n\nRecruiters from 60 districts.',
      start: '2027-01-01',
    });
    expect(event).toMatchObject({
      start: '2027-01-01T15:00:00Z',
      timeZone: 'America/Chicago',
      format: 'in-person',
      venue: { city: 'Minneapolis', region: 'MN', country: 'US' },
    });
  });

  it('keeps a multi-day event, and an event with no stated time, all-day', () => {
    const multi = normalizeRawEvent({ ...webinar, start: '2026-12-13', end: '2026-12-15' }).event;
    expect(multi?.allDay).toBe(true);
    const untimed = normalizeRawEvent({ ...webinar, description: 'A day of sessions.' }).event;
    expect(untimed?.allDay).toBe(true);
  });
});
