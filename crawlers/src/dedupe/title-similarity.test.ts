import { describe, expect, it } from 'vitest';
import { jaccard, levenshteinSimilarity, overlap, titleSimilarity, titleTokens } from './title-similarity.js';

describe('titleTokens', () => {
  it('drops years, ordinals, "annual" and accents, keeps the words that name the event', () => {
    expect(titleTokens('12th Annual Café Summit 2026')).toEqual(['cafe', 'summit']);
    expect(titleTokens("PyCon '26 — Second Edition")).toEqual(['pycon', 'edition']);
    expect(titleTokens('Civil Engineering Expo II')).toEqual(['civil', 'engineering', 'expo']);
  });
});

describe('set and string measures', () => {
  it('compute Jaccard, overlap and normalized Levenshtein', () => {
    expect(jaccard(['a', 'b'], ['b', 'c'])).toBeCloseTo(1 / 3);
    expect(overlap(['a', 'b'], ['a', 'b', 'c'])).toBe(1);
    expect(levenshteinSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(jaccard([], [])).toBe(0);
  });
});

describe('titleSimilarity', () => {
  it('scores editions of one title as equal and unrelated titles low', () => {
    expect(titleSimilarity('RubyConf 2021', '5th Annual RubyConf').score).toBe(1);
    expect(titleSimilarity('International PHP Conference', 'International JavaScript Conference').score).toBeLessThan(
      0.5,
    );
  });

  it('leaves out ignored words such as the city both events are in', () => {
    const withCity = titleSimilarity('API Conference London', 'DevOps Conference London');
    const withoutCity = titleSimilarity('API Conference London', 'DevOps Conference London', new Set(['london']));
    expect(withoutCity.score).toBeLessThan(withCity.score);
    expect(withoutCity.shared).toBe(0);
  });
});
