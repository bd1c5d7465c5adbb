import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import {
  AssociationQuerySchema,
  normalizeAssociationQuery,
  normalizeSearchQuery,
  parseRadiusKm,
  type SearchQuery,
  SearchQuerySchema,
} from './query.schema.js';

const now = new Date('2026-11-20T12:00:00Z');
const normalize = (raw: SearchQuery) => normalizeSearchQuery(raw, { now });

/** The issues a normalization throws, as `path: message` lines. */
function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a ValidationError');
}

describe('SearchQuerySchema', () => {
  it.each<[string, unknown]>([
    ['nothing', {}],
    ['a full query', { q: 'nurse', field: ['healthcare', 'it'], type: ['career-fair'], format: 'online' }],
    ['one field as a string', { field: 'health-science' }],
    ['dates and instants', { from: '2026-12-01', to: '2027-01-01T09:30:00-05:00' }],
    ['a place and radius', { near: 'Chicago, IL', radius: '30 mi' }],
    ['coordinates and a bare radius', { near: '41.88,-87.63', radius: '25' }],
    ['paging and sorting', { page: 3, limit: 100, sort: 'hiring', hiring: 0.5, cost: 'free' }],
  ])('accepts %s', (_name, query) => {
    expect(Value.Errors(SearchQuerySchema, query).First()).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['a long q', { q: 'x'.repeat(201) }],
    ['21 fields', { field: Array.from({ length: 21 }, () => 'it') }],
    ['an empty field', { field: '' }],
    ['an unknown type', { type: ['party'] }],
    ['an unknown format', { format: 'telepathic' }],
    ['a date without dashes', { from: '20261201' }],
    ['an instant without offset', { to: '2026-12-01T09:00' }],
    ['a radius in furlongs', { radius: '5 furlongs' }],
    ['a hiring score over 1', { hiring: 1.2 }],
    ['page 0', { page: 0 }],
    ['a fractional page', { page: 1.5 }],
    ['page 1001', { page: 1001 }],
    ['limit 101', { limit: 101 }],
    ['an unknown sort', { sort: 'random' }],
    ['cost "cheap"', { cost: 'cheap' }],
    ['a long near', { near: 'x'.repeat(101) }],
    ['an unknown parameter', { fields: 'it' }],
  ])('rejects %s', (_name, query) => {
    expect(Value.Check(SearchQuerySchema, query)).toBe(false);
  });
});

describe('normalizeSearchQuery', () => {
  it('applies the defaults', () => {
    expect(normalize({})).toEqual({
      q: '',
      fields: [],
      pathways: [],
      allFields: 'include',
      types: [],
      formats: [],
      from: '2026-11-20T12:00:00.000Z',
      radiusKm: 50,
      sort: 'date',
      page: 1,
      limit: 20,
    });
    expect(normalize({ q: '  nurse  ' })).toMatchObject({ q: 'nurse', sort: 'relevance' });
    expect(normalize({ field: 'finance', allFields: 'exclude' })).toMatchObject({ allFields: 'exclude' });
  });

  it('resolves field names, slugs and comma lists to cluster and pathway ids, without duplicates', () => {
    const q = normalize({
      field: ['healthcare', 'Health Science', 'IT,network-systems', 'Agriculture, Food & Natural Resources'],
    });
    expect(q.fields).toEqual(['health-science', 'information-technology', 'agriculture-food-natural-resources']);
    expect(q.pathways).toEqual(['information-technology/network-systems']);
    expect(normalize({ field: 'nursing' }).fields.concat(normalize({ field: 'nursing' }).pathways)).toEqual([
      'health-science/therapeutic-services',
    ]);
  });

  it('names every unknown field in a ValidationError on /field', () => {
    const issues = issuesOf(() => normalize({ field: ['healthcare', 'basket weaving', 'it, quidditch'] }));
    expect(issues).toEqual(['/field: unknown field "basket weaving"', '/field: unknown field "quidditch"']);
    expect(issuesOf(() => normalize({ field: ' , ' }))).toEqual(['/field: names no field']);
  });

  it('reads a date as the whole day in UTC and an instant as given', () => {
    expect(normalize({ from: '2026-12-01', to: '2026-12-31' })).toMatchObject({
      from: '2026-12-01T00:00:00.000Z',
      to: '2026-12-31T23:59:59.999Z',
    });
    expect(normalize({ to: '2027-01-01T09:30:00-05:00' }).to).toBe('2027-01-01T14:30:00.000Z');
  });

  it.each([
    ['an impossible date', { from: '2026-02-30' }, '/from: is not a valid date'],
    ['an impossible time', { to: '2026-02-01T25:00Z' }, '/to: is not a valid date'],
    ['from after to', { from: '2026-12-02', to: '2026-12-01' }, '/to: must not be before from'],
    ['to before the default from', { to: '2026-11-19' }, '/to: must not be before from'],
  ])('rejects %s', (_name, raw, issue) => {
    expect(issuesOf(() => normalize(raw))).toEqual([issue]);
  });

  it('reads within as a window from now (or from `from`) that moves with the clock', () => {
    expect(normalize({ within: '90d' })).toMatchObject({
      from: '2026-11-20T12:00:00.000Z',
      to: '2027-02-18T12:00:00.000Z',
      withinDays: 90,
    });
    expect(normalizeSearchQuery({ within: '90d' }, { now: new Date('2027-03-01T00:00:00Z') }).to).toBe(
      '2027-05-30T00:00:00.000Z',
    );
    expect(normalize({ from: '2026-12-01', within: '2w' })).toMatchObject({
      to: '2026-12-15T00:00:00.000Z',
      withinDays: 14,
    });
    expect(Value.Check(SearchQuerySchema, { within: '90d' })).toBe(true);
    expect(Value.Check(SearchQuerySchema, { within: '3 months' })).toBe(false);
  });

  it.each([
    ['a zero window', { within: '0d' }, '/within: must be like "90d" or "12w", 1 to 730 days'],
    ['a window over two years', { within: '800d' }, '/within: must be like "90d" or "12w", 1 to 730 days'],
    ['within with to', { within: '30d', to: '2026-12-31' }, '/within: give either to or within, not both'],
  ])('rejects %s', (_name, raw, issue) => {
    expect(issuesOf(() => normalize(raw))).toEqual([issue]);
  });

  it('keeps from = to on one day', () => {
    expect(normalize({ from: '2026-12-01', to: '2026-12-01' }).to).toBe('2026-12-01T23:59:59.999Z');
  });

  it('parses coordinates, and keeps a place name for the server to resolve', () => {
    expect(normalize({ near: ' 41.88 , -87.63 ' })).toMatchObject({ near: { lat: 41.88, lng: -87.63 } });
    const place = normalize({ near: '  Chicago, IL ' });
    expect(place.nearText).toBe('Chicago, IL');
    expect(place.near).toBeUndefined();
    expect(issuesOf(() => normalize({ near: '91,0' }))).toEqual([
      '/near: coordinates must be latitude -90..90, longitude -180..180',
    ]);
  });

  it('converts the radius to kilometres', () => {
    expect(normalize({ near: '0,0', radius: '30mi' }).radiusKm).toBeCloseTo(48.28, 2);
    expect(normalize({ near: '0,0', radius: '25' }).radiusKm).toBe(25);
    expect(issuesOf(() => normalize({ radius: '0km' }))[0]).toMatch(/^\/radius: /);
  });

  it('needs a place to sort by distance', () => {
    expect(issuesOf(() => normalize({ sort: 'distance' }))).toEqual(['/sort: distance needs near']);
    expect(normalize({ sort: 'distance', near: 'Denver' }).sort).toBe('distance');
  });

  it('keeps cost, hiring and paging, and deduplicates types and formats', () => {
    expect(
      normalize({ cost: 'paid', hiring: 0.7, page: 4, limit: 50, type: ['workshop', 'workshop'], format: 'online' }),
    ).toMatchObject({ cost: 'paid', minHiring: 0.7, page: 4, limit: 50, types: ['workshop'], formats: ['online'] });
  });

  it('reports every bad parameter at once', () => {
    const issues = issuesOf(() => normalize({ field: 'nope', from: '2026-02-31', radius: '0', sort: 'distance' }));
    expect(issues.map((i) => i.split(':')[0])).toEqual(['/field', '/from', '/radius', '/sort']);
  });
});

describe('parseRadiusKm', () => {
  it.each<[string, number | undefined]>([
    ['50km', 50],
    ['50 KM', 50],
    ['10mi', 16.09344],
    ['2.5', 2.5],
    ['20000', 20000],
    ['20001', undefined],
    ['0', undefined],
    ['-5', undefined],
    ['km', undefined],
    ['5 miles', undefined],
  ])('%j → %s', (text, km) => {
    expect(parseRadiusKm(text)).toBe(km);
  });
});

describe('association queries', () => {
  it('validates the query string', () => {
    expect(Value.Check(AssociationQuerySchema, { q: 'nurses', scope: 'national', country: 'us' })).toBe(true);
    expect(Value.Check(AssociationQuerySchema, { scope: ['galactic'] })).toBe(false);
    expect(Value.Check(AssociationQuerySchema, { country: 'USA' })).toBe(false);
  });

  it('normalizes fields, scopes, country and region', () => {
    expect(
      normalizeAssociationQuery({ field: 'health care', scope: ['national', 'local'], country: 'us', region: ' IL ' }),
    ).toEqual({
      q: '',
      fields: ['health-science'],
      pathways: [],
      scopes: ['national', 'local'],
      country: 'US',
      region: 'IL',
      page: 1,
      limit: 20,
    });
    expect(issuesOf(() => normalizeAssociationQuery({ field: 'astrology' }))).toEqual([
      '/field: unknown field "astrology"',
    ]);
  });
});
