import { describe, expect, it } from 'vitest';
import { mergeDistributions, toEventFacets } from './search-facets.js';

describe('event facets', () => {
  it('merge per attribute, later searches replacing earlier ones', () => {
    const merged = mergeDistributions([
      { type: { conference: 1 }, format: { online: 2 } },
      undefined,
      { type: { conference: 5, webinar: 1 } },
    ]);
    expect(merged).toEqual({ type: { conference: 5, webinar: 1 }, format: { online: 2 } });
  });

  it('turn costs into true/false counts and hiring scores into counts per floor', () => {
    const facets = toEventFacets({ costFree: { true: 3 }, hiring: { '0.2': 1, '0.5': 2, '0.75': 4, '0.95': 1 } });
    expect(facets.costFree).toEqual({ true: 3, false: 0 });
    expect(facets.hiring).toEqual({ '0.25': 7, '0.5': 7, '0.75': 5 });
    expect(facets.fields).toEqual({});
  });
});
