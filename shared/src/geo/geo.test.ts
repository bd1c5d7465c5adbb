import { describe, expect, it } from 'vitest';
import { COUNTRY_ALIASES } from './countries.js';
import { distanceKm, EARTH_RADIUS_KM } from './distance.js';
import { SUBDIVISIONS } from './subdivisions.js';

describe('distanceKm', () => {
  it('measures great circles on the mean-radius sphere', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    // Minneapolis to Saint Paul, about 14 km.
    expect(distanceKm({ lat: 44.98, lng: -93.26 }, { lat: 44.95, lng: -93.09 })).toBeCloseTo(13.8, 0);
    expect(distanceKm({ lat: 10, lng: 20 }, { lat: 10, lng: 20 })).toBe(0);
  });
});

describe('place tables', () => {
  it('give every subdivision an upper-case abbreviation and a name, once per country', () => {
    for (const [country, entries] of Object.entries(SUBDIVISIONS)) {
      const abbreviations = entries.map(([, abbreviation]) => abbreviation);
      expect(new Set(abbreviations).size, country).toBe(abbreviations.length);
      for (const [, abbreviation, name] of entries) {
        expect(abbreviation).toMatch(/^[A-Z]{2,3}$/);
        expect(name.length).toBeGreaterThan(2);
      }
    }
  });

  it('alias countries to ISO codes, in lower case', () => {
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
      expect(alias).toBe(alias.toLowerCase());
      expect(code).toMatch(/^[A-Z]{2}$/);
    }
  });
});
