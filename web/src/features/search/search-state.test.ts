import { describe, expect, it } from 'vitest';
import {
  parseSearchState,
  toApiParams,
  toggleCluster,
  togglePathway,
  toQuery,
  withoutFilters,
  withoutPlace,
} from './search-state.js';

const parse = (query: string) => parseSearchState(new URLSearchParams(query));

describe('parseSearchState / toQuery', () => {
  it('round-trips every parameter in a fixed order', () => {
    const query =
      'q=nurse&field=health-science&field=finance%2Faccounting&type=career-fair&format=in-person&from=2026-04-01' +
      '&to=2026-05-01&near=Minneapolis%2C+MN&radius=30mi&cost=free&hiring=0.5&sort=distance&page=2';
    const state = parse(query);
    expect(state).toEqual({
      q: 'nurse',
      fields: ['health-science', 'finance/accounting'],
      types: ['career-fair'],
      formats: ['in-person'],
      from: '2026-04-01',
      to: '2026-05-01',
      near: 'Minneapolis, MN',
      radius: '30mi',
      cost: 'free',
      hiring: 0.5,
      sort: 'distance',
      page: 2,
    });
    expect(toQuery(state)).toBe(query);
    expect(toQuery(parse(toQuery(state)))).toBe(query);
  });

  it('keeps the month view and its month in the URL, never in the API parameters', () => {
    const state = parse('q=nurse&view=month&month=2027-03');
    expect(state).toMatchObject({ view: 'month', month: '2027-03' });
    expect(toQuery(state)).toBe('q=nurse&view=month&month=2027-03');
    expect(Object.keys(toApiParams(state))).not.toContain('view');
    expect(Object.keys(toApiParams(state))).not.toContain('month');
    expect(parse('view=month&month=2027-13')).not.toHaveProperty('month');
    expect(parse('view=month&month=2027-13').view).toBe('month');
    expect(parse('view=grid&month=2027-03')).not.toHaveProperty('view');
    expect(parse('view=grid&month=2027-03')).not.toHaveProperty('month');
    expect(parse('from=2027-02-30').from).toBeUndefined();
  });

  it('sends the days to the API as the viewer’s, and keeps them as dates in links', () => {
    const state = parse('from=2026-12-01&to=2026-12-31');
    expect(toApiParams(state)).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(toApiParams(state, { timeZone: 'America/Chicago' })).toMatchObject({
      from: '2026-12-01T00:00:00-06:00',
      to: '2026-12-31T23:59:59.999-06:00',
    });
    expect(toQuery(state)).toBe('from=2026-12-01&to=2026-12-31');
  });

  it('drops values the API would reject instead of failing the whole link', () => {
    const state = parse('type=party&format=zoom&from=tomorrow&radius=far&cost=cheap&hiring=7&sort=distance&page=-1');
    expect(state).toEqual({ q: '', fields: [], types: [], formats: [], page: 1 });
  });

  it('keeps the map view in the URL but never sends it to the API, and the list view stays out of both', () => {
    const state = parse('q=nurse&near=Chicago&view=map');
    expect(state.view).toBe('map');
    expect(toQuery(state)).toBe('q=nurse&near=Chicago&view=map');
    expect(toApiParams(state)).not.toHaveProperty('view');
    expect(parse('q=nurse&view=list').view).toBeUndefined();
    expect(toQuery(parse('q=nurse&view=globe'))).toBe('q=nurse');
    expect(toQuery(withoutFilters(state))).toBe('q=nurse&view=map');
  });

  it('leaves the radius out of the API parameters when there is no place', () => {
    expect(toApiParams(parse('radius=30mi')).radius).toBeUndefined();
    expect(toApiParams(parse('near=44.98,-93.26&radius=30mi')).radius).toBe('30mi');
  });
});

describe('toggleCluster / togglePathway', () => {
  it('narrows a cluster to a pathway and widens back when the last pathway goes', () => {
    let fields = toggleCluster([], 'health-science');
    expect(fields).toEqual(['health-science']);
    fields = togglePathway(fields, 'health-science/therapeutic-services');
    expect(fields).toEqual(['health-science/therapeutic-services']);
    fields = togglePathway(fields, 'health-science/health-informatics');
    expect(fields).toEqual(['health-science/therapeutic-services', 'health-science/health-informatics']);
    fields = togglePathway(fields, 'health-science/therapeutic-services');
    fields = togglePathway(fields, 'health-science/health-informatics');
    expect(fields).toEqual(['health-science']);
  });

  it('turning a cluster off removes its pathways too, and leaves other fields', () => {
    expect(toggleCluster(['finance', 'health-science/therapeutic-services'], 'health-science')).toEqual(['finance']);
  });
});

describe('withoutPlace', () => {
  it('drops the place, its radius and a distance sort, and keeps the rest', () => {
    const state = parseSearchState(new URLSearchParams('q=nurse&near=Chicgo&radius=10mi&sort=distance&field=finance'));
    expect(toQuery(withoutPlace(state))).toBe(toQuery(parseSearchState(new URLSearchParams('q=nurse&field=finance'))));
    const byDate = parseSearchState(new URLSearchParams('near=60616&sort=date'));
    expect(withoutPlace(byDate).sort).toBe('date');
  });
});
