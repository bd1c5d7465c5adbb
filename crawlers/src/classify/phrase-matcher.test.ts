import { describe, expect, it } from 'vitest';
import { createPhraseMatcher } from './phrase-matcher.js';
import { tokenize } from './text.js';

describe('createPhraseMatcher', () => {
  const matcher = createPhraseMatcher(
    [
      ['coding', 'it'],
      ['medical coding', 'health'],
      ['state of the art', 'stop'],
      ['art', 'arts'],
      ['IT', 'it'],
      ['job fair', 'fair'],
      ['job fairs', 'fair'],
    ],
    { upperOnly: new Set(['it']) },
  );
  const keys = (text: string) => matcher.match(tokenize(text)).map((m) => `${m.key}=${m.values.join('+')}`);

  it('takes the longest phrase at each word and uses its words up', () => {
    expect(keys('Medical coding and coding bootcamps')).toEqual(['medical coding=health', 'coding=it']);
    expect(keys('State of the art art')).toEqual(['state of the art=stop', 'art=arts']);
  });

  it('matches an upper-only word only in capitals, and not in a text that is all capitals', () => {
    expect(keys('IT leaders say it works')).toEqual(['it=it']);
    expect(keys('MAKE IT COUNT')).toEqual([]);
  });

  it('does not match across segments', () => {
    expect(keys('job, fair')).toEqual([]);
  });

  it('keeps one copy of a meaning when plural forms fold together', () => {
    expect(keys('Job Fairs')).toEqual(['job fair=fair']);
    expect(matcher.size).toBe(6);
  });
});
