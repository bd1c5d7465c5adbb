import { eq, normalizeSearchQuery } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { EVENT_FACET_ATTRIBUTES, planEventSearch } from './event-search.js';

const now = new Date('2026-06-01T12:00:00Z');
const query = (raw: Parameters<typeof normalizeSearchQuery>[0]) => normalizeSearchQuery(raw, { now });

describe('planEventSearch', () => {
  it('asks for every facet in one request when no filter is set', () => {
    const plan = planEventSearch({ query: query({}), now, facets: true });
    expect(plan.facetSearches).toEqual([]);
    expect(plan.main.facets).toEqual(EVENT_FACET_ATTRIBUTES);
    expect(plan.main).toMatchObject({ q: '', page: 1, hitsPerPage: 20, sort: ['start:asc'] });
    expect(plan.main.filter).toBe(`(delisted = false AND end >= ${Math.floor(now.getTime() / 1000)})`);
  });

  it('counts each set filter in its own request, without that filter', () => {
    const plan = planEventSearch({
      query: query({ field: 'healthcare', type: 'career-fair', cost: 'free' }),
      now,
      facets: true,
    });
    expect(plan.main.facets).toEqual(['format', 'country', 'region', 'hiring']);
    expect(plan.facetSearches.map((s) => s.facets)).toEqual([['fields', 'pathways'], ['type'], ['costFree']]);
    const [fields, type] = plan.facetSearches;
    expect(fields?.filter).not.toContain('health-science');
    expect(fields?.filter).toContain('type IN ["career-fair"]');
    expect(type?.filter).toContain('fields IN ["health-science"]');
    expect(type?.filter).not.toContain('career-fair');
    expect(fields?.limit).toBe(0);
  });

  it('gets the description only cropped, never its full text', () => {
    const plan = planEventSearch({ query: query({ q: 'nursing' }), now });
    expect(plan.main.attributesToRetrieve).not.toContain('description');
    expect(plan.main.attributesToRetrieve).toContain('title');
    expect(plan.main.attributesToCrop).toEqual(['description']);
    expect(plan.main.attributesToHighlight).toContain('title');
    expect(planEventSearch({ query: query({ q: 'nursing' }), now, highlight: false }).main).not.toHaveProperty(
      'attributesToHighlight',
    );
  });

  it('filters and sorts by distance from the point `near` resolved to', () => {
    const plan = planEventSearch({
      query: query({ near: '44.97997,-93.26384', radius: '10km', sort: 'distance' }),
      near: { lat: 44.97997, lng: -93.26384 },
      now,
    });
    expect(plan.main.filter).toMatch(/_geoRadius\(44\.97997, -93\.26384, 10000\)/);
    expect(plan.main.sort?.[0]).toBe('_geoPoint(44.97997, -93.26384):asc');
    expect(plan.main.facets).toBeUndefined();
  });

  it('ANDs a further filter built by the shared builders', () => {
    const plan = planEventSearch({ query: query({}), now, filter: eq('associationId', 'a"b') });
    expect(plan.main.filter).toContain('associationId = "a\\"b"');
  });
});
