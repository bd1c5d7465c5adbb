import { describe, expect, it } from 'vitest';
import { formatDistance, isHappeningNow } from './format.js';

describe('isHappeningNow', () => {
  it('is true between start and end only', () => {
    const event = { start: '2026-03-10T14:00:00Z', end: '2026-03-10T22:00:00Z', timeZone: 'UTC', allDay: false };
    expect(isHappeningNow(event, new Date('2026-03-10T15:00:00Z'))).toBe(true);
    expect(isHappeningNow(event, new Date('2026-03-10T23:00:00Z'))).toBe(false);
    expect(isHappeningNow(event, new Date('2026-03-09T15:00:00Z'))).toBe(false);
  });
});

describe('formatDistance', () => {
  it('converts to miles on request', () => {
    expect(formatDistance(16.09344, 'mi')).toBe('10 mi');
    expect(formatDistance(3.21)).toBe('3.2 km');
  });
});
