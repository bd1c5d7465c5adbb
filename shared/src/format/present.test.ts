import { describe, expect, it } from 'vitest';
import { formatCost, formatEventCost } from './cost.js';
import { formatHiring, HIRING_LIKELY, HIRING_STRONG, hiringLevel, hiringReasons, hiringScore } from './hiring.js';
import { formatEventPlace, formatPlace } from './place.js';
import { formatEventStatus } from './status.js';

describe('formatPlace', () => {
  it('joins the parts there are, once each, whitespace collapsed', () => {
    expect(formatPlace({ venueName: 'Hall A', city: 'Minneapolis', region: 'MN', country: 'US' })).toBe(
      'Hall A, Minneapolis, MN, US',
    );
    expect(formatPlace({ venueName: null, city: 'London', region: 'London', country: 'GB' })).toBe('London, GB');
    expect(formatPlace({ venueName: ' Hall\n  B ', city: '  ' })).toBe('Hall B');
    expect(formatPlace({})).toBe('');
  });

  it('reads an event’s nested venue the same as a hit’s flat parts', () => {
    const venue = { name: 'Hall A', address: '1 Main St', city: 'Austin', region: 'TX', country: 'US' };
    expect(formatPlace({ venue })).toBe(
      formatPlace({ venueName: 'Hall A', city: 'Austin', region: 'TX', country: 'US' }),
    );
  });
});

describe('formatEventPlace', () => {
  const venue = { name: 'Hall A', city: 'Austin', region: 'TX', country: 'US' };
  it('says Online for online events, whatever venue they name', () => {
    expect(formatEventPlace({ format: 'online', venue })).toBe('Online');
    expect(formatEventPlace({ format: 'online' })).toBe('Online');
  });
  it('adds "also online" to a hybrid event’s place', () => {
    expect(formatEventPlace({ format: 'hybrid', venue })).toBe('Hall A, Austin, TX, US · also online');
    expect(formatEventPlace({ format: 'hybrid' })).toBe('Place to be announced · also online');
  });
  it('says when an in-person place is unknown', () => {
    expect(formatEventPlace({ format: 'in-person', venueName: null, city: null })).toBe('Place to be announced');
  });
});

describe('formatCost', () => {
  it('reads free, ranges, bounds and unknowns', () => {
    expect(formatCost({ free: true, min: 50 })).toBe('Free');
    expect(formatCost({ free: false, min: 150, currency: 'USD' }, 'en-US')).toBe('From $150');
    expect(formatCost({ free: false, max: 300, currency: 'USD' }, 'en-US')).toBe('Up to $300');
    expect(formatCost({ free: false, min: 150, max: 300, currency: 'USD' }, 'en-US')).toBe('$150–$300');
    expect(formatCost({ free: false, min: 100, max: 250, currency: 'CAD' }, 'en-CA')).toBe('$100–$250');
    expect(formatCost({ min: 150, max: 150, currency: 'USD' }, 'en-US')).toBe('$150');
    expect(formatCost({ min: 49.5, currency: 'EUR' }, 'en-US')).toBe('From €49.50');
    expect(formatCost({ free: false })).toBe('Paid');
    expect(formatCost({ free: null })).toBeUndefined();
  });
  it('copes with odd amounts', () => {
    expect(formatCost({ min: 300, max: 150, currency: 'USD' }, 'en-US')).toBe('$150–$300');
    expect(formatCost({ min: 0, max: 300, currency: 'USD' }, 'en-US')).toBe('Up to $300');
    expect(formatCost({ min: 0, currency: 'USD' }, 'en-US')).toBe('Free');
    expect(formatCost({ free: false, min: -5, max: Number.NaN })).toBe('Paid');
    expect(formatCost({ min: Number.POSITIVE_INFINITY, max: 20, currency: 'USD' }, 'en-US')).toBe('Up to $20');
    expect(formatCost({ min: 1500, currency: 'usd' }, 'en-US')).toBe('From $1,500');
    expect(formatCost({ min: 10, currency: 'NOT' }, 'en-US')).toMatch(/^From .*10/);
    expect(formatCost({ min: 10, currency: '<b>' }, 'en-US')).toBe('From 10 <b>');
    expect(formatCost({ min: 1200 }, 'en-US')).toBe('From 1,200');
  });
  it('reads an event’s nested cost the same as a hit’s flat one', () => {
    const nested = formatEventCost({ cost: { free: false, min: 150, max: 300, currency: 'USD' } }, 'en-US');
    const flat = formatEventCost({ costFree: false, costMin: 150, costMax: 300, costCurrency: 'USD' }, 'en-US');
    expect(nested).toBe('$150–$300');
    expect(flat).toBe(nested);
    expect(formatEventCost({ cost: undefined })).toBeUndefined();
  });
});

describe('hiring', () => {
  it('has three levels with their words', () => {
    expect(hiringLevel(HIRING_STRONG)).toBe('strong');
    expect(hiringLevel(HIRING_LIKELY)).toBe('likely');
    expect(hiringLevel(0.49)).toBe('low');
    expect(formatHiring({ hiring: 0.9 })).toBe('Hiring managers very likely');
    expect(formatHiring({ hiring: { score: 0.6, reasons: [] } })).toBe('Hiring managers likely');
    expect(formatHiring({ hiring: 0.1 })).toBeUndefined();
    expect(formatHiring({ hiring: 0.1 }, { showLow: true })).toBe('Few signs of hiring managers');
    expect(formatHiring({ hiring: Number.NaN })).toBeUndefined();
  });
  it('reads the score and reasons of a hit and of an event alike', () => {
    expect(hiringScore({ hiring: 0.7, hiringReasons: ['Career fair'] })).toBe(0.7);
    expect(hiringReasons({ hiring: 0.7, hiringReasons: ['Career fair'] })).toEqual(['Career fair']);
    expect(hiringReasons({ hiring: { score: 0.7, reasons: ['Expo hall'] } })).toEqual(['Expo hall']);
  });
});

describe('formatEventStatus', () => {
  it('names every status but scheduled', () => {
    expect(formatEventStatus({ status: 'scheduled' })).toBeUndefined();
    expect(formatEventStatus({ status: 'cancelled' })).toBe('Cancelled');
    expect(formatEventStatus({ status: 'postponed' })).toBe('Postponed');
    expect(formatEventStatus({ status: 'rescheduled' })).toBe('Rescheduled');
  });
});
