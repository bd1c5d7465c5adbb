import { describe, expect, it } from 'vitest';
import { type DedupeFacts, matchEvents, sameStartDay } from './match.js';
import { comparePlaces, normalizeCity } from './place.js';

const chicago = { city: 'Chicago', region: 'IL', country: 'US' };
const base: DedupeFacts = {
  title: 'GLNA Nursing Leadership Summit 2026',
  url: 'https://glna.example.org/events/summit/',
  start: '2026-04-21T13:00:00Z',
  timeZone: 'America/Chicago',
  allDay: false,
  format: 'in-person',
  venue: chicago,
};

describe('matchEvents', () => {
  it('takes the same canonical URL on the same day as one event', () => {
    const other = {
      ...base,
      title: 'Nursing Leadership Summit',
      url: 'https://www.glna.example.org/events/summit?utm_source=x',
    };
    expect(matchEvents(base, other)).toMatchObject({ duplicate: true, reason: 'same-url' });
  });

  it('never merges across days, even with the same URL (a series on one page)', () => {
    const nextMonth = { ...base, start: '2026-05-21T13:00:00Z' };
    expect(matchEvents(base, nextMonth)).toMatchObject({ duplicate: false, reason: 'different-day' });
  });

  it('merges a republished title in the same place and refuses it in another city', () => {
    const copy = { ...base, title: 'Great Lakes Nursing Leadership Summit', url: 'https://hub.example.com/e/1' };
    expect(matchEvents(base, copy).duplicate).toBe(true);
    const elsewhere = { ...copy, venue: { city: 'Detroit', region: 'MI', country: 'US' } };
    expect(matchEvents(base, elsewhere)).toMatchObject({ duplicate: false, reason: 'different-place' });
  });

  it('keeps apart two sessions of one venue and day with a title that extends the other', () => {
    const morning = {
      ...base,
      title: 'Cloud Security Workshop',
      url: 'https://a.example.org/1',
      start: '2026-06-02T15:00:00Z',
    };
    const afternoon = {
      ...morning,
      title: 'Cloud Security Workshop: Advanced Track',
      url: 'https://a.example.org/2',
      start: '2026-06-02T20:00:00Z',
    };
    expect(matchEvents(morning, afternoon).duplicate).toBe(false);
  });

  it('counts the start day in each event’s own zone', () => {
    const evening = { start: '2026-04-22T02:00:00Z', timeZone: 'America/Chicago' };
    expect(sameStartDay(evening, { start: '2026-04-21T15:00:00Z', timeZone: 'America/Chicago' })).toBe(true);
    expect(sameStartDay(evening, { start: '2026-04-22T15:00:00Z', timeZone: 'America/Chicago' })).toBe(false);
  });
});

describe('comparePlaces', () => {
  it('decides by coordinates, country, folded city names and formats', () => {
    expect(normalizeCity('München')).toBe(normalizeCity('Munich'));
    expect(normalizeCity('St. Louis, MO')).toBe('saint louis');
    expect(comparePlaces({ format: 'online' }, { format: 'online' })).toBe('same');
    expect(comparePlaces({ format: 'online' }, { format: 'in-person', venue: chicago })).toBe('different');
    expect(comparePlaces({ format: 'in-person', venue: chicago }, { format: 'hybrid' })).toBe('unknown');
    expect(
      comparePlaces(
        { format: 'in-person', venue: { lat: 41.85, lng: -87.61 } },
        { format: 'in-person', venue: { lat: 41.88, lng: -87.63 } },
      ),
    ).toBe('same');
    expect(
      comparePlaces(
        { format: 'in-person', venue: { city: 'Paris', country: 'FR' } },
        { format: 'in-person', venue: { city: 'Paris', country: 'US' } },
      ),
    ).toBe('different');
  });
});
