import { describe, expect, it } from 'vitest';
import { formatMoreDates } from './series.js';

describe('formatMoreDates', () => {
  it('words the other dates of a series, and nothing for none', () => {
    expect(formatMoreDates(1)).toBe('and 1 more date');
    expect(formatMoreDates(6)).toBe('and 6 more dates');
    expect(formatMoreDates(0)).toBe('');
    expect(formatMoreDates(-1)).toBe('');
  });
});
