import { describe, expect, it } from 'vitest';
import { formatCost, formatDistance, formatPlace, isHappeningNow } from './format.js';

describe('isHappeningNow', () => {
  it('is true between start and end only', () => {
    const event = { start: '2026-03-10T14:00:00Z', end: '2026-03-10T22:00:00Z', timeZone: 'UTC', allDay: false };
    expect(isHappeningNow(event, new Date('2026-03-10T15:00:00Z'))).toBe(true);
    expect(isHappeningNow(event, new Date('2026-03-10T23:00:00Z'))).toBe(false);
    expect(isHappeningNow(event, new Date('2026-03-09T15:00:00Z'))).toBe(false);
  });
});

describe('formatPlace', () => {
  it('joins the parts it has, once each', () => {
    expect(formatPlace({ venueName: 'Hall A', city: 'Minneapolis', region: 'MN', country: 'US' })).toBe(
      'Hall A, Minneapolis, MN, US',
    );
    expect(formatPlace({ venueName: null, city: 'London', region: 'London', country: 'GB' })).toBe('London, GB');
    expect(formatPlace({})).toBe('');
  });
});

describe('formatCost', () => {
  it('says free, a price, a range, or nothing known', () => {
    expect(formatCost({ free: true })).toBe('Free');
    expect(formatCost({ free: false, min: 150, currency: 'USD' }, 'en-US')).toBe('From $150');
    expect(formatCost({ free: false, min: 100, max: 250, currency: 'CAD' }, 'en-CA')).toBe('$100–$250');
    expect(formatCost({ free: false })).toBe('Paid');
    expect(formatCost({ free: null })).toBeUndefined();
  });
});

describe('formatDistance', () => {
  it('converts to miles on request', () => {
    expect(formatDistance(16.09344, 'mi')).toBe('10 mi');
    expect(formatDistance(3.21)).toBe('3.2 km');
  });
});
