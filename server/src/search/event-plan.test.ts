import { eq, normalizeSearchQuery } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { EVENT_FACET_ATTRIBUTES, planEventSearch } from './event-plan.js';
import { resolveEventQuery } from './resolve-query.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('planEventSearch', () => {
  it('asks for every facet in one request when no filter is set', () => {
    const plan = planEventSearch(resolveEventQuery({}, now), { now, facets: true });
    expect(plan.facetSearches).toEqual([]);
    expect(plan.main.facets).toEqual(EVENT_FACET_ATTRIBUTES);
    expect(plan.main).toMatchObject({ q: '', page: 1, hitsPerPage: 20, sort: ['start:asc'] });
    expect(plan.main.filter).toBe(`(delisted = false AND end >= ${Math.floor(now.getTime() / 1000)})`);
  });

  it('counts each set filter in its own request, without that filter', () => {
    const resolved = resolveEventQuery({ field: 'healthcare', type: 'career-fair', cost: 'free' }, now);
    const plan = planEventSearch(resolved, { now, facets: true });
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
    const plan = planEventSearch(resolveEventQuery({ q: 'nursing' }, now), { now });
    expect(plan.main.attributesToRetrieve).not.toContain('description');
    expect(plan.main.attributesToRetrieve).toContain('title');
    expect(plan.main.attributesToCrop).toEqual(['description']);
  });

  it('resolves a place name to a point for the filter and the distance sort', () => {
    const resolved = resolveEventQuery({ near: 'Minneapolis, MN', radius: '10km', sort: 'distance' }, now);
    expect(resolved.place?.label).toBe('Minneapolis, MN, US');
    const plan = planEventSearch(resolved, { now });
    expect(plan.main.filter).toMatch(/_geoRadius\(44\.97997, -93\.26384, 10000\)/);
    expect(plan.main.sort?.[0]).toBe('_geoPoint(44.97997, -93.26384):asc');
    expect(plan.main.facets).toBeUndefined();
  });

  it('ANDs a further filter built by the shared builders', () => {
    const plan = planEventSearch(
      { query: normalizeSearchQuery({}, { now }) },
      { now, filter: eq('associationId', 'a"b') },
    );
    expect(plan.main.filter).toContain('associationId = "a\\"b"');
  });
});

describe('resolveEventQuery', () => {
  it('rejects an unknown place and a page beyond 10 000 results, naming the parameter', () => {
    expect(() => resolveEventQuery({ near: 'Qwzxv' }, now)).toThrow(/\/near names no place/);
    expect(() => resolveEventQuery({ page: 101, limit: 100 }, now)).toThrow(/\/page/);
    expect(resolveEventQuery({ page: 100, limit: 100 }, now).query.page).toBe(100);
  });
});
