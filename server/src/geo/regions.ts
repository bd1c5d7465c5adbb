/**
 * First-level subdivisions that people write after a city name ("Portland, OR", "London, Ontario"), keyed by
 * country: each entry is the gazetteer's admin code (GeoNames admin1), its usual abbreviation and its name.
 * Only countries whose admin codes are not already what people write need the abbreviation.
 */
const SUBDIVISIONS: Record<string, readonly (readonly [code: string, abbreviation: string, name: string])[]> = {
  US: [
    ['AL', 'AL', 'Alabama'],
    ['AK', 'AK', 'Alaska'],
    ['AZ', 'AZ', 'Arizona'],
    ['AR', 'AR', 'Arkansas'],
    ['CA', 'CA', 'California'],
    ['CO', 'CO', 'Colorado'],
    ['CT', 'CT', 'Connecticut'],
    ['DE', 'DE', 'Delaware'],
    ['DC', 'DC', 'District of Columbia'],
    ['FL', 'FL', 'Florida'],
    ['GA', 'GA', 'Georgia'],
    ['HI', 'HI', 'Hawaii'],
    ['ID', 'ID', 'Idaho'],
    ['IL', 'IL', 'Illinois'],
    ['IN', 'IN', 'Indiana'],
    ['IA', 'IA', 'Iowa'],
    ['KS', 'KS', 'Kansas'],
    ['KY', 'KY', 'Kentucky'],
    ['LA', 'LA', 'Louisiana'],
    ['ME', 'ME', 'Maine'],
    ['MD', 'MD', 'Maryland'],
    ['MA', 'MA', 'Massachusetts'],
    ['MI', 'MI', 'Michigan'],
    ['MN', 'MN', 'Minnesota'],
    ['MS', 'MS', 'Mississippi'],
    ['MO', 'MO', 'Missouri'],
    ['MT', 'MT', 'Montana'],
    ['NE', 'NE', 'Nebraska'],
    ['NV', 'NV', 'Nevada'],
    ['NH', 'NH', 'New Hampshire'],
    ['NJ', 'NJ', 'New Jersey'],
    ['NM', 'NM', 'New Mexico'],
    ['NY', 'NY', 'New York'],
    ['NC', 'NC', 'North Carolina'],
    ['ND', 'ND', 'North Dakota'],
    ['OH', 'OH', 'Ohio'],
    ['OK', 'OK', 'Oklahoma'],
    ['OR', 'OR', 'Oregon'],
    ['PA', 'PA', 'Pennsylvania'],
    ['RI', 'RI', 'Rhode Island'],
    ['SC', 'SC', 'South Carolina'],
    ['SD', 'SD', 'South Dakota'],
    ['TN', 'TN', 'Tennessee'],
    ['TX', 'TX', 'Texas'],
    ['UT', 'UT', 'Utah'],
    ['VT', 'VT', 'Vermont'],
    ['VA', 'VA', 'Virginia'],
    ['WA', 'WA', 'Washington'],
    ['WV', 'WV', 'West Virginia'],
    ['WI', 'WI', 'Wisconsin'],
    ['WY', 'WY', 'Wyoming'],
  ],
  CA: [
    ['01', 'AB', 'Alberta'],
    ['02', 'BC', 'British Columbia'],
    ['03', 'MB', 'Manitoba'],
    ['04', 'NB', 'New Brunswick'],
    ['05', 'NL', 'Newfoundland and Labrador'],
    ['07', 'NS', 'Nova Scotia'],
    ['08', 'ON', 'Ontario'],
    ['09', 'PE', 'Prince Edward Island'],
    ['10', 'QC', 'Quebec'],
    ['11', 'SK', 'Saskatchewan'],
    ['12', 'YT', 'Yukon'],
    ['13', 'NT', 'Northwest Territories'],
    ['14', 'NU', 'Nunavut'],
  ],
  AU: [
    ['01', 'ACT', 'Australian Capital Territory'],
    ['02', 'NSW', 'New South Wales'],
    ['03', 'NT', 'Northern Territory'],
    ['04', 'QLD', 'Queensland'],
    ['05', 'SA', 'South Australia'],
    ['06', 'TAS', 'Tasmania'],
    ['07', 'VIC', 'Victoria'],
    ['08', 'WA', 'Western Australia'],
  ],
  GB: [
    ['ENG', 'ENG', 'England'],
    ['SCT', 'SCT', 'Scotland'],
    ['WLS', 'WLS', 'Wales'],
    ['NIR', 'NIR', 'Northern Ireland'],
  ],
};

/** Country names people write that are not the country's English name or its ISO code. */
const COUNTRY_ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  usa: 'US',
  'u s': 'US',
  'u s a': 'US',
  'united states of america': 'US',
  america: 'US',
  'the netherlands': 'NL',
  holland: 'NL',
  'south korea': 'KR',
  korea: 'KR',
  uae: 'AE',
};

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
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) addCountry(alias, code);

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
