import { describe, expect, it } from 'vitest';
import {
  countryCode,
  eventFormat,
  isOnlinePlace,
  normalizeVenue,
  parsePlaceText,
  regionCode,
} from './normalize-place.js';

describe('countryCode', () => {
  it('maps English names, variants and codes to ISO 3166-1 alpha-2', () => {
    const cases: [string, string | undefined][] = [
      ['U.S.A.', 'US'],
      ['USA', 'US'],
      ['U.S.', 'US'],
      ['United States of America', 'US'],
      ['U.K.', 'GB'],
      ['England', 'GB'],
      ['Scotland', 'GB'],
      ['Deutschland', 'DE'],
      ['Germany', 'DE'],
      ['The Netherlands', 'NL'],
      ['South Korea', 'KR'],
      ['Korea', 'KR'],
      ['Czech Republic', 'CZ'],
      ['Bosnia and Herzegovina', 'BA'],
      ['Hong Kong', 'HK'],
      ['Turkey', 'TR'],
      ['Côte d’Ivoire', 'CI'],
      ['de', 'DE'],
      ['DEU', 'DE'],
      // Intl names retired and reserved codes too (FX, UK, CS, DD): the country's own code wins.
      ['France', 'FR'],
      ['United Kingdom', 'GB'],
      ['Serbia', 'RS'],
      ['Russia', 'RU'],
      ['FX', undefined],
      ['DD', undefined],
      ['Atlantis', undefined],
      ['EU', undefined],
    ];
    for (const [text, code] of cases) expect(countryCode(text), text).toBe(code);
  });
});

describe('places', () => {
  it('codes US states and Canadian provinces', () => {
    expect(regionCode('Illinois', 'US')).toBe('IL');
    expect(regionCode('ny')).toBe('NY');
    expect(regionCode('Ontario')).toBe('ON');
    expect(regionCode('Bavaria', 'DE')).toBe('Bavaria');
  });

  it('reads city, region and country off free text', () => {
    expect(parsePlaceText('Stockholm, Sweden')).toEqual({ city: 'Stockholm', country: 'SE' });
    expect(parsePlaceText('Open Source Project Tempe (1415 E University Dr. #103A, Tempe, AZ 85281)')).toEqual({
      city: 'Tempe',
      region: 'AZ',
      postalCode: '85281',
      country: 'US',
    });
    expect(parsePlaceText('Convention Center, Des Moines, Iowa')).toEqual({
      city: 'Des Moines',
      region: 'IA',
      country: 'US',
    });
    expect(parsePlaceText('London, UK')).toEqual({ city: 'London', country: 'GB' });
    expect(parsePlaceText('aka bild, wien')).toEqual({});
  });

  it('normalizes a venue and drops "Online" pseudo-venues', () => {
    expect(
      normalizeVenue({
        name: 'McCormick Place',
        city: 'Chicago',
        region: 'Illinois',
        country: 'United States',
        lat: 41.85,
        lng: -87.61,
      }),
    ).toEqual({
      name: 'McCormick Place',
      city: 'Chicago',
      region: 'IL',
      country: 'US',
      lat: 41.85,
      lng: -87.61,
    });
    expect(normalizeVenue({ city: 'New York, NY', country: 'U.S.A.' })).toEqual({
      city: 'New York',
      region: 'NY',
      country: 'US',
    });
    expect(normalizeVenue({ address: 'Online' })).toBeUndefined();
    expect(normalizeVenue({ name: 'X', lat: 0, lng: 0 })).toEqual({ name: 'X' });
    expect(isOnlinePlace('Virtual Event')).toBe(true);
    expect(isOnlinePlace('Online Hall B, Berlin')).toBe(false);
  });

  it('decides in-person, online or hybrid', () => {
    expect(eventFormat({ attendanceMode: 'mixed' })).toBe('hybrid');
    expect(eventFormat({ attendanceMode: 'online', venue: { city: 'Berlin' } })).toBe('online');
    expect(eventFormat({ status: 'moved-online', attendanceMode: 'offline' })).toBe('online');
    expect(eventFormat({ venue: { city: 'Berlin' }, virtualUrl: 'https://zoom.example/j/1' })).toBe('hybrid');
    expect(eventFormat({ venue: { address: 'online' } })).toBe('online');
    expect(eventFormat({ virtualUrl: 'https://zoom.example/j/1' })).toBe('online');
    expect(eventFormat({ venue: { city: 'Berlin' } })).toBe('in-person');
    expect(eventFormat({})).toBe('in-person');
  });
});
