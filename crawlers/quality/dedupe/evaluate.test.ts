import { describe, expect, it } from 'vitest';
import { evaluateDedupe, readLabelledPairs } from './evaluate.js';

describe('dedupe on the labelled pairs', () => {
  const pairs = readLabelledPairs();

  it('has at least 150 pairs, with duplicates and hard non-duplicates of every kind', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(150);
    const kinds = new Set(pairs.filter((p) => !p.duplicate).map((p) => p.kind));
    for (const kind of ['same-day-same-city', 'series-other-year', 'similar-title-other-city', 'same-venue-same-day']) {
      expect(kinds).toContain(kind);
    }
    expect(pairs.filter((p) => p.duplicate).length).toBeGreaterThanOrEqual(60);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
  });

  it('keeps precision and recall above their floors (docs/quality.md has the current figures)', () => {
    const result = evaluateDedupe(pairs);
    expect(result.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.recall).toBeGreaterThanOrEqual(0.93);
    expect(result.byKind['demo-planted']?.falseNegatives).toBe(0);
  });
});
