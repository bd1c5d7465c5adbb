import { describe, expect, it } from 'vitest';
import { resolveEventQuery } from './resolve-query.js';

const now = new Date('2026-06-01T12:00:00Z');

describe('resolveEventQuery', () => {
  it('resolves a place name to a point', async () => {
    const resolved = await resolveEventQuery({ near: 'Minneapolis, MN', radius: '10km', sort: 'distance' }, now);
    expect(resolved.place?.label).toBe('Minneapolis, MN, US');
    expect(resolved.point).toEqual({ lat: 44.97997, lng: -93.26384 });
    expect(resolved.placeResolution).toEqual({
      input: 'Minneapolis, MN',
      kind: 'exact',
      resolved: 'Minneapolis, MN, US',
    });
  });

  it('corrects a misspelt place and reads a ZIP code', async () => {
    const misspelt = await resolveEventQuery({ near: 'Chicgo' }, now);
    expect(misspelt.placeResolution).toMatchObject({ kind: 'corrected', resolved: 'Chicago, IL, US' });
    const zip = await resolveEventQuery({ near: '60616' }, now);
    expect(zip.placeResolution).toMatchObject({ kind: 'postal-code', resolved: '60616, Chicago, IL, US' });
    expect(zip.point?.lat).toBeCloseTo(41.84, 1);
  });

  it('searches without a place that names nothing, and drops a distance sort that needed it', async () => {
    const resolved = await resolveEventQuery({ near: 'Qwzxv', sort: 'distance', q: 'nurse' }, now);
    expect(resolved.point).toBeUndefined();
    expect(resolved.query.nearText).toBeUndefined();
    expect(resolved.query.sort).toBe('relevance');
    expect(resolved.placeResolution).toEqual({ input: 'Qwzxv', kind: 'not-found' });
  });

  it('rejects an unknown place when asked to (feeds), and a page beyond 10 000 results, naming the parameter', async () => {
    await expect(resolveEventQuery({ near: 'Qwzxv' }, now, { unknownPlace: 'reject' })).rejects.toThrow(
      /\/near names no place/,
    );
    await expect(resolveEventQuery({ page: 101, limit: 100 }, now)).rejects.toThrow(/\/page/);
    expect((await resolveEventQuery({ page: 100, limit: 100 }, now)).query.page).toBe(100);
  });

  it('reads the field a query names, unless a field filter is set', async () => {
    expect((await resolveEventQuery({ q: 'registered nurse' }, now)).reading).toMatchObject({
      clusterId: 'health-science',
      via: 'registered nurse',
    });
    expect((await resolveEventQuery({ q: 'hospital' }, now)).reading?.clusterId).toBe('health-science');
    expect((await resolveEventQuery({ q: 'registered nurse', field: 'finance' }, now)).reading).toBeUndefined();
    expect((await resolveEventQuery({ q: 'career fair' }, now)).reading).toBeUndefined();
  });
});
