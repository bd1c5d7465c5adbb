import {
  ALPHA3_COUNTRIES,
  COUNTRY_ALIASES,
  type EventFormat,
  NOT_COUNTRIES,
  SUBDIVISION_ALIASES,
  SUBDIVISIONS,
  type Venue,
} from '@fieldguide/shared';
import type { RawAttendanceMode, RawEventStatus, RawVenue } from '../extract/raw-event.js';
import { cleanTitle } from './normalize-text.js';

/** Lower case, no diacritics, no punctuation, `&` as `and`: the form names are compared in. */
function key(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’()]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Intl also names retired and reserved codes (DD "Germany", FX "France", UK "United Kingdom", CS "Serbia"): only a
 * code that is its own canonical form is a country's code today.
 */
function isCurrentRegion(code: string): boolean {
  return Intl.getCanonicalLocales(`und-${code}`)[0] === `und-${code}`;
}

let countryTable: Map<string, string> | undefined;
let countryCodes: Set<string> | undefined;

function table(): Map<string, string> {
  if (countryTable) return countryTable;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
  countryTable = new Map();
  countryCodes = new Set();
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = names.of(code);
      if (!name || name === code || NOT_COUNTRIES.has(code) || !isCurrentRegion(code)) continue;
      countryCodes.add(code);
      countryTable.set(key(name), code);
      // "Hong Kong SAR China", "Myanmar (Burma)", "Congo - Kinshasa": also index the part before the qualifier.
      const short = key(name.replace(/\s+(SAR China|\(.*\)|-.*)$/, ''));
      if (short && !countryTable.has(short)) countryTable.set(short, code);
    }
  }
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) countryTable.set(key(name), code);
  return countryTable;
}

/**
 * ISO 3166-1 alpha-2 code for a country as sources write it: English names (from Intl.DisplayNames), common
 * variants ("USA", "U.S.", "UK", "England", "Deutschland", "South Korea"), alpha-2 and common alpha-3 codes.
 * `undefined` when the text names no country we know.
 */
export function countryCode(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 80) return undefined;
  const names = table();
  if (/^[A-Za-z]{2}$/.test(trimmed)) {
    const code = trimmed.toUpperCase();
    if (code === 'UK') return 'GB';
    return countryCodes!.has(code) ? code : undefined;
  }
  const k = key(trimmed);
  if (/^[a-z]{3}$/.test(k) && ALPHA3_COUNTRIES[k]) return ALPHA3_COUNTRIES[k];
  return names.get(k) ?? names.get(k.replace(/^the /, ''));
}

/** The countries whose regions are stored as codes. */
const REGION_COUNTRIES = ['US', 'CA', 'AU'] as const;

/** Region name (folded) or alias → its code, per country, from the shared subdivision tables. */
const REGIONS: Record<string, Record<string, string>> = Object.fromEntries(
  REGION_COUNTRIES.map((country) => {
    const names: Record<string, string> = {};
    for (const [, abbreviation, name] of SUBDIVISIONS[country] ?? []) names[key(name)] = abbreviation;
    for (const [alias, abbreviation] of Object.entries(SUBDIVISION_ALIASES[country] ?? {})) {
      names[key(alias)] = abbreviation;
    }
    return [country, names];
  }),
);

/**
 * The postal code of a US state, Canadian province or Australian state ("California" → `CA`, "ca" → `CA`);
 * with no country given, US then Canada are tried. Other regions come back as cleaned text.
 */
export function regionCode(text: unknown, country?: string): string | undefined {
  if (typeof text !== 'string' || !text.trim()) return undefined;
  const k = key(text);
  const countries = country ? [country] : ['US', 'CA'];
  for (const c of countries) {
    const regions = REGIONS[c];
    if (!regions) continue;
    const byName = regions[k];
    if (byName) return byName;
    const upper = k.toUpperCase();
    if (Object.values(regions).includes(upper)) return upper;
  }
  return country ? cleanTitle(text).slice(0, 120) || undefined : undefined;
}

/** The country whose regions have this name or code: US, then Canada, then Australia (by name or 3-letter code). */
function countryOfRegion(text: string): string | undefined {
  const k = key(text);
  for (const [country, regions] of Object.entries(REGIONS)) {
    if (regions[k]) return country;
    const upper = k.toUpperCase();
    if ((country !== 'AU' || upper.length === 3) && Object.values(regions).includes(upper)) return country;
  }
  return undefined;
}

const ONLINE_WORDS =
  /^(online|virtual|remote|web|webinar|web ?based|internet|digital|livestream|live ?stream|zoom|zoom meeting|microsoft teams|teams|google meet|webex|online event|virtual event|online only|virtual only|anywhere|the internet|global online)$/;

/** True when a place name or address only says the event happens online ("Online", "Virtual", "Zoom"). */
export function isOnlinePlace(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const k = key(text);
  return ONLINE_WORDS.test(k) || /^(online|virtual) (event|conference|meeting|session)( via .*)?$/.test(k);
}

/**
 * City, region and country read off the end of free text ("Stockholm, Sweden", "Tempe, AZ 85281",
 * "Portland, OR"). A two-letter part is read as a US state or Canadian province before a country code.
 */
export function parsePlaceText(text: string): {
  city?: string;
  region?: string;
  country?: string;
  postalCode?: string;
} {
  const parts = text
    .replace(/[()]/g, ',')
    .split(/[,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { city?: string; region?: string; country?: string; postalCode?: string } = {};
  let cityIndex = -1;
  for (let i = parts.length - 1; i >= 0 && i >= parts.length - 3; i--) {
    const m = /^(.*?)\s*(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)?$/.exec(parts[i]!);
    const name = m?.[1] ?? '';
    const zip = m?.[2];
    if (!name) break;
    const short = /^[A-Za-z]{2,3}$/.test(name);
    if (!out.region && (!out.country || REGIONS[out.country])) {
      const rc = short || zip || !countryCode(name) ? countryOfRegion(name) : undefined;
      if (rc && (!out.country || out.country === rc)) {
        out.region = regionCode(name, rc);
        out.country = rc;
        if (zip) out.postalCode = zip;
        cityIndex = i - 1;
        continue;
      }
    }
    if (!out.country && !out.region) {
      const country = countryCode(name);
      if (country) {
        out.country = country;
        cityIndex = i - 1;
        continue;
      }
    }
    break;
  }
  const city = cityIndex >= 0 ? parts[cityIndex] : undefined;
  if (city && !/\d/.test(city) && city.length <= 80) out.city = city;
  return out;
}

const cap = (text: string | undefined, max: number) => (text ? cleanTitle(text).slice(0, max) || undefined : undefined);

/**
 * A stored venue from a raw one: ISO country code, region code for US/Canada/Australia, city and country read
 * off the address when missing (the country also off a US, Canadian or Australian region), coordinates checked, lengths capped. `undefined` when nothing is left or the
 * place only says "Online".
 */
export function normalizeVenue(raw: RawVenue | undefined): Venue | undefined {
  if (!raw) return undefined;
  const name = isOnlinePlace(raw.name) ? undefined : raw.name;
  const address = isOnlinePlace(raw.address) ? undefined : raw.address;
  let city = isOnlinePlace(raw.city) ? undefined : raw.city;
  let region = raw.region;
  let postalCode = raw.postalCode;
  let country = countryCode(raw.country);
  // "New York, NY" in a city field.
  if (city?.includes(',')) {
    const parsed = parsePlaceText(city);
    if (parsed.region || parsed.country) {
      city = parsed.city ?? city.split(',')[0]!.trim();
      region ??= parsed.region;
      country ??= parsed.country;
    }
  }
  const text = address ?? (!city && !country ? name : undefined);
  if (text && (!city || !country)) {
    const parsed = parsePlaceText(text);
    city ??= parsed.city;
    region ??= parsed.region;
    postalCode ??= parsed.postalCode;
    country ??= parsed.country;
  }
  // A region without a country ("Denver" + "CO", as schema.org PostalAddress often has it) names its country.
  if (!country && region) country = countryOfRegion(region);
  const venue: Venue = {};
  const set = <K extends keyof Venue>(k: K, v: Venue[K] | undefined) => {
    if (v !== undefined) venue[k] = v;
  };
  set('name', cap(name, 300));
  set('address', cap(address, 500));
  set('city', cap(city, 120));
  set('region', region ? regionCode(region, country) : undefined);
  set('postalCode', cap(postalCode, 20));
  set('country', country);
  const { lat, lng } = raw;
  if (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180 &&
    (lat !== 0 || lng !== 0)
  ) {
    venue.lat = lat;
    venue.lng = lng;
  }
  return Object.keys(venue).length > 0 ? venue : undefined;
}

/** Facts about where an event happens, as extracted. */
export interface PlaceFacts {
  attendanceMode?: RawAttendanceMode;
  status?: RawEventStatus;
  venue?: RawVenue;
  virtualUrl?: string;
}

/**
 * In person, online or hybrid: the source's attendance mode first (`mixed` → hybrid; an EventMovedOnline
 * status → online), else a physical place plus a join link → hybrid, a join link or an "Online" place alone →
 * online, anything else → in person.
 */
export function eventFormat(facts: PlaceFacts): EventFormat {
  if (facts.status === 'moved-online') return 'online';
  if (facts.attendanceMode === 'mixed') return 'hybrid';
  if (facts.attendanceMode === 'online') return 'online';
  if (facts.attendanceMode === 'offline') return 'in-person';
  const raw = facts.venue;
  const saysOnline = [raw?.name, raw?.address, raw?.city].some(isOnlinePlace);
  const physical = normalizeVenue(raw) !== undefined;
  if (physical && facts.virtualUrl) return 'hybrid';
  if (facts.virtualUrl || (saysOnline && !physical)) return 'online';
  return 'in-person';
}
