import { describe, expect, it } from 'vitest';
import { resolveTimeZone, zoneForPlace } from './normalize-zone.js';

describe('resolveTimeZone', () => {
  it('accepts IANA names, Windows ids, Outlook display names, mozilla prefixes and fixed offsets', () => {
    expect(resolveTimeZone('Europe/Vienna')).toBe('Europe/Vienna');
    expect(resolveTimeZone('Eastern Standard Time')).toBe('America/New_York');
    expect(resolveTimeZone('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(resolveTimeZone('"(UTC-05:00) Eastern Time (US & Canada)"')).toBe('America/New_York');
    expect(resolveTimeZone('(GMT+10:00) Canberra, Melbourne, Sydney')).toBe('Australia/Sydney');
    expect(resolveTimeZone('/mozilla.org/20050126_1/America/New_York')).toBe('America/New_York');
    expect(resolveTimeZone('UTC+2')).toBe('Etc/GMT-2');
    expect(resolveTimeZone('GMT')).toBe('UTC');
    expect(resolveTimeZone('Eastern')).toBeUndefined();
    expect(resolveTimeZone('GMT +0100 (Standard) / GMT +0200 (Daylight)')).toBeUndefined();
    expect(resolveTimeZone(undefined)).toBeUndefined();
  });

  it("maps every Windows zone id CLDR knows, in any case, to its zone for the '001' territory", () => {
    expect(resolveTimeZone('eastern standard time')).toBe('America/New_York');
    expect(resolveTimeZone('Cape Verde Standard Time')).toBe('Atlantic/Cape_Verde');
    expect(resolveTimeZone('Magallanes Standard Time')).toBe('America/Punta_Arenas');
    expect(resolveTimeZone('Coordinated Universal Time')).toBe('UTC');
    expect(resolveTimeZone('/softwarestudio.org/Olson_20011030_5/America/New_York')).toBe('America/New_York');
  });
});

describe('zoneForPlace', () => {
  it('uses the region for the US, Canada and Australia, the country elsewhere', () => {
    expect(zoneForPlace({ country: 'US', region: 'IL' })).toBe('America/Chicago');
    expect(zoneForPlace({ country: 'US' })).toBeUndefined();
    expect(zoneForPlace({ country: 'CA', region: 'BC' })).toBe('America/Vancouver');
    expect(zoneForPlace({ country: 'AU', region: 'NSW' })).toBe('Australia/Sydney');
    expect(zoneForPlace({ country: 'DE' })).toBe('Europe/Berlin');
    expect(zoneForPlace({})).toBeUndefined();
  });

  it('prefers the coordinates (a state can span two zones), never a zone at sea', () => {
    expect(zoneForPlace({ country: 'US', lat: 39.7392, lng: -104.9903 })).toBe('America/Denver');
    expect(zoneForPlace({ lat: 52.52, lng: 13.405 })).toBe('Europe/Berlin');
    // El Paso keeps Mountain time though most of Texas is Central.
    expect(zoneForPlace({ country: 'US', region: 'TX', lat: 31.7619, lng: -106.485 })).toBe('America/Denver');
    expect(zoneForPlace({ country: 'US', region: 'TX', lat: 30, lng: -40 })).toBe('America/Chicago');
    expect(zoneForPlace({ lat: 30, lng: -40 })).toBeUndefined();
    expect(zoneForPlace({ lat: 0, lng: 0 })).toBeUndefined();
    expect(zoneForPlace({ lat: 91, lng: 0 })).toBeUndefined();
  });
});
