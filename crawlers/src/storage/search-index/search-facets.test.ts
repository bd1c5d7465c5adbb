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
    // Scores 0.2, 0.5, 0.5, 0.75 ×4 and 0.95 as the index keeps them: by the highest floor they reach.
    const facets = toEventFacets({ costFree: { true: 3 }, hiringFloor: { '0': 1, '0.5': 2, '0.75': 5 } });
    expect(facets.costFree).toEqual({ true: 3, false: 0 });
    expect(facets.hiring).toEqual({ '0.25': 7, '0.5': 7, '0.75': 5 });
    expect(facets.fields).toEqual({});
  });

  it('add the events open to all fields to every field and pathway count when the query includes them', () => {
    const d = { fields: { finance: 4 }, pathways: { 'finance/banking-services': 2 }, allFields: { true: 3, false: 9 } };
    const included = toEventFacets(d, true);
    expect(included.allFields).toBe(3);
    expect(included.fields.finance).toBe(7);
    expect(included.fields['health-science']).toBe(3);
    expect(Object.keys(included.fields)).toHaveLength(16);
    expect(included.pathways['finance/banking-services']).toBe(5);
    const excluded = toEventFacets(d, false);
    expect(excluded.fields).toEqual({ finance: 4 });
    expect(excluded.allFields).toBe(3);
  });
});
