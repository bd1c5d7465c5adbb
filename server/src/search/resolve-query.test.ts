import { describe, expect, it } from 'vitest';
import { resolveEventQuery } from './resolve-query.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('resolveEventQuery', () => {
  it('resolves a place name to a point', () => {
    const resolved = resolveEventQuery({ near: 'Minneapolis, MN', radius: '10km', sort: 'distance' }, now);
    expect(resolved.place?.label).toBe('Minneapolis, MN, US');
    expect(resolved.point).toEqual({ lat: 44.97997, lng: -93.26384 });
  });

  it('rejects an unknown place and a page beyond 10 000 results, naming the parameter', () => {
    expect(() => resolveEventQuery({ near: 'Qwzxv' }, now)).toThrow(/\/near names no place/);
    expect(() => resolveEventQuery({ page: 101, limit: 100 }, now)).toThrow(/\/page/);
    expect(resolveEventQuery({ page: 100, limit: 100 }, now).query.page).toBe(100);
  });

  it('reads the field a query names, unless a field filter is set', () => {
    expect(resolveEventQuery({ q: 'registered nurse' }, now).reading).toMatchObject({
      clusterId: 'health-science',
      via: 'registered nurse',
    });
    expect(resolveEventQuery({ q: 'hospital' }, now).reading?.clusterId).toBe('health-science');
    expect(resolveEventQuery({ q: 'registered nurse', field: 'finance' }, now).reading).toBeUndefined();
    expect(resolveEventQuery({ q: 'career fair' }, now).reading).toBeUndefined();
  });
});
