import type { Event } from '@fieldguide/shared';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../storage/store/fixtures/sample-data.js';
import { mergeEvents } from './merge.js';
import { assignSeries, seriesIdFromUid, seriesTitle } from './series.js';

/** Occurrences of `title` at 18:00 Chicago time on each of `dates` (local `YYYY-MM-DD`). */
function occurrences(title: string, dates: string[], patch: Partial<Event> = {}): Event[] {
  return dates.map((date, i) => {
    const start = DateTime.fromISO(`${date}T18:00`, { zone: 'America/Chicago' });
    return makeEvent({
      id: `${seriesTitle(title).replace(/\W+/g, '-')}-${i}`,
      title,
      start: start.toUTC().toISO() ?? '',
      end: start.plus({ hours: 2 }).toUTC().toISO() ?? '',
      ...patch,
    });
  });
}

const seriesOf = (events: readonly Event[]) => new Set(events.map((e) => e.seriesId));

describe('seriesIdFromUid', () => {
  it('gives the expansions of one iCal UID one series, per source, and nothing to one-off events', () => {
    const a = seriesIdFromUid({ sourceId: 's', extractedBy: 'ical', uid: 'meeting@x.org#20261205T180000' });
    const b = seriesIdFromUid({ sourceId: 's', extractedBy: 'ical', uid: 'meeting@x.org#20270105T180000' });
    expect(a).toMatch(/^se_[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(seriesIdFromUid({ sourceId: 't', extractedBy: 'ical', uid: 'meeting@x.org#20261205T180000' })).not.toBe(a);
    expect(seriesIdFromUid({ sourceId: 's', extractedBy: 'ical', uid: 'other@x.org#20261205T180000' })).not.toBe(a);
    expect(seriesIdFromUid({ sourceId: 's', extractedBy: 'ical', uid: 'meeting@x.org' })).toBeUndefined();
    expect(seriesIdFromUid({ sourceId: 's', extractedBy: 'json-ld', uid: 'a#b' })).toBeUndefined();
  });

  it("groups a page's eventSchedule occurrences by their seriesKey, per source", () => {
    const key = 'https://club.example.org/meetups#event';
    const a = seriesIdFromUid({ sourceId: 's', extractedBy: 'json-ld', uid: `${key}#2027-01-05`, seriesKey: key });
    const b = seriesIdFromUid({ sourceId: 's', extractedBy: 'json-ld', uid: `${key}#2027-01-12`, seriesKey: key });
    expect(a).toMatch(/^se_[0-9a-f]{32}$/);
    expect(b).toBe(a);
    expect(seriesIdFromUid({ sourceId: 't', extractedBy: 'json-ld', seriesKey: key })).not.toBe(a);
    expect(seriesIdFromUid({ sourceId: 's', extractedBy: 'rdfa', seriesKey: `${key}2` })).not.toBe(a);
  });
});

describe('assignSeries', () => {
  it('joins a source’s weekly, fortnightly and monthly occurrences of one title', () => {
    const weekly = occurrences('Security+ Study Group', ['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26']);
    const fortnightly = occurrences('CTF Night', ['2027-01-06', '2027-01-20', '2027-02-03']);
    const monthly = occurrences('Denver Chapter Monthly Meeting', ['2027-01-14', '2027-02-14', '2027-03-14']);
    const secondTuesday = occurrences('Board Meeting', ['2027-01-12', '2027-02-09', '2027-03-09', '2027-04-13']);
    for (const group of [weekly, fortnightly, monthly, secondTuesday]) {
      const out = assignSeries(group);
      expect(seriesOf(out).size).toBe(1);
      expect(out[0]?.seriesId).toMatch(/^se_/);
    }
    const all = assignSeries([...weekly, ...monthly]);
    expect(seriesOf(all).size).toBe(2);
    // Stable from one crawl to the next.
    expect(assignSeries(weekly)[0]?.seriesId).toBe(assignSeries(weekly.slice(1))[0]?.seriesId);
  });

  it('leaves distinct events apart: numbered sessions, other sources, cities, times, irregular or annual dates', () => {
    const cases: Event[][] = [
      // Too few to tell.
      occurrences('Resume Clinic', ['2027-01-05', '2027-01-12']),
      // Annual editions.
      occurrences('Cyber Summit', ['2026-03-05', '2027-03-05', '2028-03-05']),
      // Irregular gaps.
      occurrences('Hiring Mixer', ['2027-01-05', '2027-01-09', '2027-02-20']),
      // Same day twice (two sessions of one day are not a series).
      occurrences('Workshop', ['2027-01-05', '2027-01-05', '2027-01-12']),
      // Numbered sessions of one course are separate events.
      [
        ...occurrences('Cohort Session 1', ['2027-01-05']),
        ...occurrences('Cohort Session 2', ['2027-01-12']),
        ...occurrences('Cohort Session 3', ['2027-01-19']),
      ],
    ];
    for (const group of cases) expect(assignSeries(group).every((e) => e.seriesId === undefined)).toBe(true);

    const [a, b, c] = occurrences('Chapter Meeting', ['2027-01-05', '2027-01-12', '2027-01-19']) as [
      Event,
      Event,
      Event,
    ];
    const elsewhere = { ...c, venue: { name: 'Hall', city: 'Boulder', region: 'CO', country: 'US' } };
    expect(assignSeries([a, b, elsewhere]).every((e) => e.seriesId === undefined)).toBe(true);
    const otherSource = { ...c, sources: [{ sourceId: 'other', url: c.url, seenAt: c.lastSeen }] };
    expect(assignSeries([a, b, otherSource]).every((e) => e.seriesId === undefined)).toBe(true);
    const later = { ...c, start: DateTime.fromISO(c.start).plus({ hours: 1 }).toUTC().toISO() ?? '' };
    expect(assignSeries([a, b, later]).every((e) => e.seriesId === undefined)).toBe(true);
  });

  it('keeps a series a calendar gave, and a merge keeps it too', () => {
    const [a, b, c] = occurrences('Chapter Meeting', ['2027-01-05', '2027-01-12', '2027-01-19'], {
      seriesId: 'se_calendar',
    }) as [Event, Event, Event];
    expect(seriesOf(assignSeries([a, b, c]))).toEqual(new Set(['se_calendar']));
    const { seriesId: _none, ...page } = a;
    expect(mergeEvents(page, a).seriesId).toBe('se_calendar');
  });
});
