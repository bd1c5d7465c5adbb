import { COUNTRY_ALIASES, SUBDIVISION_ALIASES, SUBDIVISIONS } from '@fieldguide/shared';

/** A subdivision of a country, as a qualifier matches it. */
export interface Subdivision {
  country: string;
  /** The gazetteer's admin code. */
  code: string;
  /** What to show: the usual abbreviation (`MN`, `ON`), or the name when there is none. */
  display: string;
}

/** What a qualifier after the city name may mean: countries and subdivisions. */
export interface QualifierMeaning {
  countries: ReadonlySet<string>;
  subdivisions: readonly Subdivision[];
}

/** Lower case, accents dropped, punctuation as single spaces: `"Québec"` → `"quebec"`, `"U.S.A."` → `"u s a"`. */
export function normalizePlaceText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(' ');
}

interface QualifierTables {
  countries: Map<string, Set<string>>;
  subdivisions: Map<string, Subdivision[]>;
}

let tables: QualifierTables | undefined;

function buildTables(countryCodes: Iterable<string>): QualifierTables {
  const countries = new Map<string, Set<string>>();
  const addCountry = (key: string, code: string) => {
    if (key === '') return;
    const set = countries.get(key) ?? new Set<string>();
    set.add(code);
    countries.set(key, set);
  };
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (const code of countryCodes) {
    addCountry(code.toLowerCase(), code);
    const name = names.of(code);
    if (name) addCountry(normalizePlaceText(name), code);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) addCountry(normalizePlaceText(alias), code);

  const subdivisions = new Map<string, Subdivision[]>();
  const addSubdivision = (key: string, subdivision: Subdivision) => {
    const list = subdivisions.get(key) ?? [];
    list.push(subdivision);
    subdivisions.set(key, list);
  };
  for (const [country, entries] of Object.entries(SUBDIVISIONS)) {
    for (const [code, abbreviation, name] of entries) {
      const subdivision: Subdivision = {
        country,
        code,
        display: /^[A-Z]{2,3}$/.test(abbreviation) ? abbreviation : name,
      };
      addSubdivision(abbreviation.toLowerCase(), subdivision);
      addSubdivision(normalizePlaceText(name), subdivision);
      for (const [alias, target] of Object.entries(SUBDIVISION_ALIASES[country] ?? {})) {
        if (target === abbreviation) addSubdivision(normalizePlaceText(alias), subdivision);
      }
    }
  }
  return { countries, subdivisions };
}

/**
 * What a qualifier such as `"MN"`, `"Oregon"`, `"UK"` or `"Germany"` can mean. A two-letter qualifier can be both
 * a subdivision and a country (`"ME"`: Maine or Montenegro): the caller keeps the cities that fit either.
 * `countryCodes` are the countries the gazetteer knows; the tables are built once.
 */
export function qualifierMeaning(qualifier: string, countryCodes: Iterable<string>): QualifierMeaning {
  tables ??= buildTables(countryCodes);
  const key = normalizePlaceText(qualifier);
  return {
    countries: tables.countries.get(key) ?? new Set(),
    subdivisions: tables.subdivisions.get(key) ?? [],
  };
}

/** The abbreviation people write for a city's subdivision (`MN`, `ON`, `NSW`), when it has one. */
export function subdivisionDisplay(country: string, code: string): string | undefined {
  if (country in SUBDIVISIONS) {
    const entry = SUBDIVISIONS[country]?.find(([c]) => c === code);
    return entry ? entry[1] : undefined;
  }
  return /^[A-Z]{2,3}$/.test(code) ? code : undefined;
}
