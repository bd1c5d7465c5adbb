import { eq, inAny, normalizeSearchQuery } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { EVENT_FACET_ATTRIBUTES, findEvents, planEventSearch } from './event-search.js';
import type { IndexSearchParams, SearchIndex } from './search-index.js';

const now = new Date('2026-06-01T12:00:00Z');
const query = (raw: Parameters<typeof normalizeSearchQuery>[0]) => normalizeSearchQuery(raw, { now });

describe('planEventSearch', () => {
  it('counts every facet, half on the main request and half on one beside it, when no filter is set', () => {
    const plan = planEventSearch({ query: query({}), now, facets: true });
    expect(plan.facetSearches).toHaveLength(1);
    const [beside] = plan.facetSearches;
    expect(beside).toMatchObject({ q: '', filter: plan.main.filter, limit: 0 });
    expect([...(plan.main.facets ?? []), ...(beside?.facets ?? [])].sort()).toEqual([...EVENT_FACET_ATTRIBUTES].sort());
    expect(Math.abs((plan.main.facets?.length ?? 0) - (beside?.facets?.length ?? 0))).toBeLessThanOrEqual(1);
    expect(plan.main).toMatchObject({ q: '', offset: 0, limit: 20, sort: ['start:asc'] });
    expect(plan.main.filter).toBe(
      `(delisted = false AND (NOT careerRelevant = false) AND end >= ${Math.floor(now.getTime() / 1000)})`,
    );
  });

  it('counts each set filter in its own request, without that filter', () => {
    const plan = planEventSearch({
      query: query({ field: 'healthcare', type: 'career-fair', cost: 'free' }),
      now,
      facets: true,
    });
    expect(plan.main.facets).toEqual(['country', 'hiringFloor']);
    expect(plan.facetSearches.map((s) => s.facets)).toEqual([
      ['fields', 'pathways', 'allFields'],
      ['type'],
      ['costFree'],
      ['format', 'region'],
    ]);
    const [fields, type] = plan.facetSearches;
    expect(fields?.filter).not.toContain('health-science');
    expect(fields?.filter).toContain('type IN ["career-fair"]');
    expect(type?.filter).toContain('(fields IN ["health-science"] OR allFields = true)');
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

describe('findEvents with a boost', () => {
  const doc = (id: string) => ({
    id,
    title: id,
    description: '',
    fields: [],
    pathways: [],
    startIso: '2026-07-01T00:00:00Z',
  });
  // A fake index: the boosted field holds b1..b4 (in hiring order), of which "nurse" matches b2 and b4; the other
  // fields' events matching "nurse" are r1..r3. Answers counts, windows and facets as Meilisearch would.
  function fakeIndex() {
    const calls: IndexSearchParams[] = [];
    const index = {
      multiSearchEvents: (queries: IndexSearchParams[]) => Promise.all(queries.map((q) => index.searchEvents(q))),
      searchEvents: async (params: IndexSearchParams) => {
        calls.push(params);
        const isRest = String(params.filter).includes('(NOT fields');
        const ids = isRest ? ['r1', 'r2', 'r3'] : params.q ? ['b2', 'b4'] : ['b1', 'b2', 'b3', 'b4'];
        const offset = params.offset ?? 0;
        const hits = ids.slice(offset, offset + (params.limit ?? 20));
        const facet = isRest ? 'finance' : 'health-science';
        return {
          hits: hits.map(doc),
          estimatedTotalHits: ids.length,
          facetDistribution: params.facets ? { fields: { [facet]: ids.length } } : undefined,
        };
      },
    } as unknown as SearchIndex;
    return { index, calls };
  }
  const boost = { filter: inAny('fields', ['health-science']), othersFirst: true };
  const page = async (index: SearchIndex, n: number) =>
    (await findEvents(index, { query: query({ q: 'nurse', limit: 2, page: n }), now, boost })).hits.map((h) => h.id);

  it("lists the field's matches, then its other events, then the other fields' matches, across pages", async () => {
    const { index } = fakeIndex();
    const first = await findEvents(index, { query: query({ q: 'nurse', limit: 2 }), now, facets: true, boost });
    expect(first.hits.map((h) => h.id)).toEqual(['b2', 'b4']);
    expect(first.total).toBe(7);
    expect(first.totalPages).toBe(4);
    expect(first.facets.fields).toEqual({ 'health-science': 4, finance: 3 });
    expect(await page(index, 2)).toEqual(['b1', 'b3']);
    expect(await page(index, 3)).toEqual(['r1', 'r2']);
    expect(await page(index, 4)).toEqual(['r3']);
    const { index: other } = fakeIndex();
    const wide = await findEvents(other, { query: query({ q: 'nurse', limit: 5 }), now, boost });
    expect(wide.hits.map((h) => h.id)).toEqual(['b2', 'b4', 'b1', 'b3', 'r1']);
    const { index: third } = fakeIndex();
    const textFirst = await findEvents(third, {
      query: query({ q: 'nurse', limit: 6 }),
      now,
      boost: { ...boost, othersFirst: false },
    });
    expect(textFirst.hits.map((h) => h.id)).toEqual(['b2', 'b4', 'r1', 'r2', 'r3', 'b1']);
  });

  it("searches the other fields with the text, and lists the field's other events by hiring signal", async () => {
    const { index, calls } = fakeIndex();
    await page(index, 2);
    const rest = calls.filter((c) => String(c.filter).includes('(NOT fields IN ["health-science"])'));
    expect(rest.every((c) => c.q === 'nurse')).toBe(true);
    const others = calls.find((c) => c.q === '' && c.limit !== 0);
    expect(others?.sort).toEqual(['hiring:desc', 'start:asc']);
  });
});
