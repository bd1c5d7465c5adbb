import { distanceKm } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { editDistance, findPlace, resolvePlace, suggestPlaces } from './gazetteer.js';

describe('resolvePlace', () => {
  it('resolves a US city with its state code', () => {
    const place = resolvePlace('Minneapolis, MN');
    expect(place).toMatchObject({ name: 'Minneapolis', region: 'MN', country: 'US', label: 'Minneapolis, MN, US' });
    expect(place?.lat).toBeCloseTo(44.98, 1);
    expect(place?.lng).toBeCloseTo(-93.26, 1);
  });

  it('tells Portland, OR from Portland, ME, and picks the bigger one without a qualifier', () => {
    expect(resolvePlace('Portland, OR')?.lng).toBeCloseTo(-122.68, 1);
    expect(resolvePlace('Portland, ME')?.lng).toBeCloseTo(-70.26, 1);
    expect(resolvePlace('Portland, Maine')?.region).toBe('ME');
    expect(resolvePlace('Portland')?.region).toBe('OR');
  });

  it('understands country qualifiers, names and aliases', () => {
    expect(resolvePlace('London, UK')).toMatchObject({ country: 'GB', region: 'ENG' });
    expect(resolvePlace('London, United Kingdom')?.country).toBe('GB');
    expect(resolvePlace('London, ON')).toMatchObject({ country: 'CA', region: 'ON' });
    expect(resolvePlace('London, Ontario, Canada')?.country).toBe('CA');
    expect(resolvePlace('Paris, TX')).toMatchObject({ country: 'US', region: 'TX' });
    expect(resolvePlace('Paris')?.country).toBe('FR');
    expect(resolvePlace('Sydney, NSW')?.country).toBe('AU');
  });

  it('accepts accents, case, St./Saint and common short names', () => {
    expect(resolvePlace('  zurich ')?.country).toBe('CH');
    expect(resolvePlace('MONTREAL, QC')?.name).toBe('Montréal');
    expect(resolvePlace('St. Paul, MN')?.name).toBe('Saint Paul');
    expect(resolvePlace('New York, NY')?.name).toBe('New York City');
    expect(resolvePlace('Washington, DC')).toMatchObject({ name: 'Washington', region: 'DC' });
    expect(resolvePlace('Minneapolis MN')?.region).toBe('MN');
  });

  it('answers undefined for what is no known place', () => {
    for (const text of [
      '',
      ',',
      'Qwzxv Nowhere',
      'Minneapolis, ZZ',
      'Portland, Germany',
      'x'.repeat(500),
      '_geo',
      '" OR 1=1',
    ]) {
      expect(resolvePlace(text)).toBeUndefined();
    }
  });
});

describe('distanceKm', () => {
  it('measures Minneapolis to Saint Paul and London to Paris', () => {
    expect(distanceKm({ lat: 44.97997, lng: -93.26384 }, { lat: 44.94441, lng: -93.09327 })).toBeCloseTo(14, 0);
    expect(distanceKm({ lat: 51.50853, lng: -0.12574 }, { lat: 48.85341, lng: 2.3488 })).toBeCloseTo(343.5, 0);
    expect(distanceKm({ lat: 10, lng: 20 }, { lat: 10, lng: 20 })).toBe(0);
  });
});

describe('findPlace', () => {
  it('corrects close misspellings to the most populous near name', () => {
    expect(findPlace('Chicgo')).toMatchObject({ kind: 'corrected', place: { label: 'Chicago, IL, US' } });
    expect(findPlace('Minneapolos, MN')).toMatchObject({ kind: 'corrected', place: { label: 'Minneapolis, MN, US' } });
    expect(findPlace('Philadelpia')).toMatchObject({ kind: 'corrected', place: { label: 'Philadelphia, PA, US' } });
    expect(findPlace('Chicago')).toMatchObject({ kind: 'exact', place: { label: 'Chicago, IL, US' } });
    expect(findPlace('Qwzxv Nowhere')).toBeUndefined();
    expect(findPlace('Chicgo, Germany')).toBeUndefined();
  });

  it('lists the notable namesakes of an ambiguous name, and none once it is qualified', () => {
    const found = findPlace('Springfield');
    const labels = [found?.place.label, ...(found?.alternatives.map((a) => a.label) ?? [])];
    expect(labels).toEqual(
      expect.arrayContaining(['Springfield, IL, US', 'Springfield, MA, US', 'Springfield, MO, US']),
    );
    expect(new Set(labels).size).toBe(labels.length);
    expect(findPlace('Springfield, IL, US')).toMatchObject({ kind: 'exact', alternatives: [] });
    for (const option of found?.alternatives ?? []) expect(findPlace(option.label)?.place.label).toBe(option.label);
    expect(findPlace('Paris')?.alternatives).toEqual([]);
  });
});

describe('suggestPlaces', () => {
  it('offers the most populous cities that start with what was typed, narrowed by a qualifier', () => {
    expect(suggestPlaces('Chic', 3)[0]?.label).toBe('Chicago, IL, US');
    const springfields = suggestPlaces('Springfield, I', 5).map((p) => p.label);
    expect(springfields).toContain('Springfield, IL, US');
    expect(springfields.every((l) => / I|IL|IN|IA|ID/.test(l))).toBe(true);
    expect(suggestPlaces('Chicgo', 3)[0]?.label).toBe('Chicago, IL, US');
    expect(suggestPlaces('a', 5)).toEqual([]);
    expect(suggestPlaces('x'.repeat(500), 5)).toEqual([]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps, and stops past the bound', () => {
    expect(editDistance('chicgo', 'chicago', 2)).toBe(1);
    expect(editDistance('chciago', 'chicago', 2)).toBe(1);
    expect(editDistance('boston', 'austin', 1)).toBe(2);
  });
});
