import { distanceKm } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { lookupPostalCode, parsePostalCode } from './postal-codes.js';
import { readPlace } from './read-place.js';

const CHICAGO = { lat: 41.88, lng: -87.63 };
const TORONTO = { lat: 43.65, lng: -79.38 };

describe('parsePostalCode', () => {
  it('recognises US ZIP codes, Canadian FSAs and UK outward codes, with or without the rest', () => {
    expect(parsePostalCode('60616')).toEqual({ country: 'US', code: '60616' });
    expect(parsePostalCode(' 60616-1234 ')).toEqual({ country: 'US', code: '60616' });
    expect(parsePostalCode('m5v')).toEqual({ country: 'CA', code: 'M5V' });
    expect(parsePostalCode('M5V 3L9')).toEqual({ country: 'CA', code: 'M5V' });
    expect(parsePostalCode('SW1A')).toEqual({ country: 'GB', code: 'SW1A' });
    expect(parsePostalCode('sw1a 1aa')).toEqual({ country: 'GB', code: 'SW1A' });
    expect(parsePostalCode('W1A 1AA')).toEqual({ country: 'GB', code: 'W1A' });
    expect(parsePostalCode('M1 1AE')).toEqual({ country: 'GB', code: 'M1' });
    for (const text of ['Chicago', '6061', '606161', '5M', '', 'NYC', '1'.repeat(200)]) {
      expect(parsePostalCode(text)).toBeUndefined();
    }
  });
});

describe('lookupPostalCode', () => {
  it('puts ZIP 60616 in Chicago', async () => {
    const place = await lookupPostalCode({ country: 'US', code: '60616' });
    expect(place).toMatchObject({ name: '60616', region: 'IL', country: 'US', label: '60616, Chicago, IL, US' });
    expect(distanceKm(place ?? { lat: 0, lng: 0 }, CHICAGO)).toBeLessThan(10);
  });

  it('puts FSA M5V in downtown Toronto', async () => {
    const place = await lookupPostalCode({ country: 'CA', code: 'M5V' });
    expect(place).toMatchObject({ region: 'ON', country: 'CA', label: 'M5V, Downtown Toronto, ON, CA' });
    expect(distanceKm(place ?? { lat: 0, lng: 0 }, TORONTO)).toBeLessThan(5);
  });

  it('answers undefined for codes the data lacks, and for UK codes (no data)', async () => {
    expect(await lookupPostalCode({ country: 'US', code: '00000' })).toBeUndefined();
    expect(await lookupPostalCode({ country: 'CA', code: 'Z9Z' })).toBeUndefined();
    expect(await lookupPostalCode({ country: 'GB', code: 'SW1A' })).toBeUndefined();
  });
});

describe('readPlace', () => {
  it('reads postal codes, their labels sent back, and says when a UK postcode is not covered', async () => {
    expect((await readPlace('60616')).resolution).toEqual({
      input: '60616',
      kind: 'postal-code',
      resolved: '60616, Chicago, IL, US',
    });
    expect((await readPlace('60616, Chicago, IL, US')).place?.label).toBe('60616, Chicago, IL, US');
    expect((await readPlace('M5V')).place?.label).toBe('M5V, Downtown Toronto, ON, CA');
    const uk = await readPlace('SW1A 1AA');
    expect(uk.place).toBeUndefined();
    expect(uk.resolution).toMatchObject({ kind: 'not-found', hint: expect.stringMatching(/UK postcodes/) });
  });

  it('never throws on hostile text', async () => {
    for (const text of ['', ',', '\u0000', '%00', '_geo', '" OR 1=1', 'x'.repeat(500), '𝔘𝔫𝔦', '-1,-1,-1']) {
      await expect(readPlace(text)).resolves.toBeDefined();
    }
  });
});
