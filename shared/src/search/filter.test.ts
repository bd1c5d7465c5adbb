import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  and,
  buildAssociationFilter,
  buildEventFilter,
  buildEventSort,
  eq,
  type FilterAttribute,
  FilterBuildError,
  geoRadius,
  gte,
  inAny,
  lte,
  not,
  or,
} from './filter.js';
import type { NormalizedAssociationQuery, NormalizedSearchQuery } from './query.schema.js';

// A parser for the Meilisearch filter grammar (crates/filter-parser: or / and / not / primary; values are words or
// quoted strings, read back the way Meilisearch reads them), so the tests check what the engine would see.

type Value = { quoted: true; text: string } | { quoted: false; word: string };
type Ast =
  | { kind: 'and' | 'or'; items: Ast[] }
  | { kind: 'not'; item: Ast }
  | { kind: 'cmp'; attr: string; op: string; value: Value }
  | { kind: 'in'; attr: string; values: Value[] }
  | { kind: 'geo'; args: number[] };
type Token = { t: 'punct'; v: string } | { t: 'op'; v: string } | { t: 'word'; v: string } | { t: 'str'; v: string };

const KEYWORDS = new Set([
  'AND',
  'OR',
  'IN',
  'NOT',
  'TO',
  'EXISTS',
  'IS',
  'NULL',
  'EMPTY',
  'CONTAINS',
  'STARTS',
  'WITH',
]);
const WORD_CHAR = /[\p{L}\p{N}_.-]/u;
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Meilisearch's reading of a quoted value: `\<quote>` first, then the escape sequences of the `unescaper` crate. */
function decodeQuoted(raw: string, quote: string, escapedQuote: boolean): string {
  const text = escapedQuote ? raw.replaceAll(`\\${quote}`, quote) : raw;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    const simple: Record<string, string> = { '\\': '\\', '"': '"', "'": "'", '/': '/', n: '\n', r: '\r', t: '\t' };
    if (next === undefined || simple[next] === undefined) throw new Error(`invalid escape \\${next ?? ''}`);
    out += simple[next];
  }
  return out;
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] as string;
    if (/\s/u.test(c)) {
      i++;
    } else if ('()[],'.includes(c)) {
      tokens.push({ t: 'punct', v: c });
      i++;
    } else if ('=!<>'.includes(c)) {
      const two = input.slice(i, i + 2);
      const op = ['!=', '>=', '<='].includes(two) ? two : c;
      if (op === '!') throw new Error('lone !');
      tokens.push({ t: 'op', v: op });
      i += op.length;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      let escapedQuote = false;
      while (j < input.length && input[j] !== c) {
        if (input[j] === '\\') {
          if (j + 1 >= input.length) throw new Error('dangling backslash');
          if (input[j + 1] === c) escapedQuote = true;
          j += 2;
        } else {
          j++;
        }
      }
      if (j >= input.length) throw new Error('unterminated string');
      tokens.push({ t: 'str', v: decodeQuoted(input.slice(i + 1, j), c, escapedQuote) });
      i = j + 1;
    } else if (WORD_CHAR.test(c)) {
      let j = i;
      while (j < input.length && WORD_CHAR.test(input[j] as string)) j++;
      tokens.push({ t: 'word', v: input.slice(i, j) });
      i = j;
    } else {
      throw new Error(`unexpected ${JSON.stringify(c)} at ${i}`);
    }
  }
  return tokens;
}

function parseFilter(input: string): Ast {
  const tokens = tokenize(input);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (v: string) => peek()?.t === 'word' && peek()?.v === v;
  const isPunct = (v: string) => peek()?.t === 'punct' && peek()?.v === v;
  const expect = (t: Token['t'], v?: string): Token => {
    const token = tokens[pos++];
    if (!token || token.t !== t || (v !== undefined && token.v !== v)) throw new Error(`expected ${v ?? t}`);
    return token;
  };
  const value = (): Value => {
    const token = tokens[pos++];
    if (token?.t === 'str') return { quoted: true, text: token.v };
    if (token?.t === 'word' && !KEYWORDS.has(token.v)) return { quoted: false, word: token.v };
    throw new Error('expected a value');
  };
  const number = (): number => {
    const word = expect('word').v;
    if (!FLOAT.test(word)) throw new Error(`not a float: ${word}`);
    return Number(word);
  };
  const primary = (): Ast => {
    if (isPunct('(')) {
      pos++;
      const inner = orExpr();
      expect('punct', ')');
      return inner;
    }
    if (isWord('_geoRadius')) {
      pos++;
      expect('punct', '(');
      const args = [number()];
      while (isPunct(',')) {
        pos++;
        args.push(number());
      }
      expect('punct', ')');
      if (args.length !== 3) throw new Error('_geoRadius takes 3 numbers');
      return { kind: 'geo', args };
    }
    const attr = value();
    if (attr.quoted) throw new Error('quoted attribute');
    if (isWord('IN')) {
      pos++;
      expect('punct', '[');
      const values: Value[] = [];
      if (!isPunct(']')) {
        values.push(value());
        while (isPunct(',')) {
          pos++;
          values.push(value());
        }
      }
      expect('punct', ']');
      return { kind: 'in', attr: attr.word, values };
    }
    const op = expect('op').v;
    return { kind: 'cmp', attr: attr.word, op, value: value() };
  };
  const notExpr = (): Ast => {
    if (isWord('NOT')) {
      pos++;
      return { kind: 'not', item: notExpr() };
    }
    return primary();
  };
  const chain = (kind: 'and' | 'or', keyword: string, next: () => Ast) => (): Ast => {
    const items = [next()];
    while (isWord(keyword)) {
      pos++;
      items.push(next());
    }
    return items.length === 1 ? (items[0] as Ast) : { kind, items };
  };
  const andExpr = chain('and', 'AND', notExpr);
  const orExpr = chain('or', 'OR', andExpr);
  const ast = orExpr();
  if (pos !== tokens.length) throw new Error(`trailing input at token ${pos}`);
  return ast;
}

/** The filter's shape with every value replaced by its kind. */
const structure = (ast: Ast): unknown =>
  JSON.parse(
    JSON.stringify(ast, (key, v) => (key === 'value' || (key === 'values' && Array.isArray(v)) ? shape(v) : v)),
  );
const shape = (v: Value | Value[]): unknown =>
  Array.isArray(v) ? v.map((x) => (x.quoted ? 'S' : 'W')) : v.quoted ? 'S' : 'W';
const str = (text: string): Value => ({ quoted: true, text });
const word = (w: string): Value => ({ quoted: false, word: w });

const NASTY = [
  '"',
  '\\',
  "'",
  '\\"',
  '\\\\',
  '\\n',
  '\\u{41}',
  ' AND ',
  ' OR ',
  'NOT ',
  ' TO ',
  ' IN ',
  '[',
  ']',
  '(',
  ')',
  ',',
  '=',
  '!=',
  '>=',
  '_geoRadius(0, 0, 1)',
  'EXISTS',
  'IS NULL',
  'fields',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u202e',
  'é',
  '🦀',
  '𝔘',
  ' ',
  'x',
];
/** Strings a user could send: anything Unicode, and dense mixes of filter syntax and escapes. */
const userString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.array(fc.constantFrom(...NASTY), { maxLength: 16 }).map((parts) => parts.join('')),
);
const RUNS = { numRuns: 3000 };

describe('the combinators', () => {
  it('write the expected Meilisearch syntax', () => {
    expect(eq('region', 'Illinois')).toBe('region = "Illinois"');
    expect(eq('delisted', false)).toBe('delisted = false');
    expect(eq('hiring', 0.5)).toBe('hiring = 0.5');
    expect(inAny('type', ['conference', 'workshop'])).toBe('type IN ["conference", "workshop"]');
    expect(gte('end', 1_800_000_000)).toBe('end >= 1800000000');
    expect(lte('costMin', 1e21)).toBe('costMin <= 1e21');
    expect(geoRadius(41.88, -87.63, 50_000)).toBe('_geoRadius(41.88, -87.63, 50000)');
    expect(and([eq('city', 'a'), undefined, or([eq('country', 'US'), not(eq('region', 'b'))])])).toBe(
      '(city = "a" AND (country = "US" OR (NOT region = "b")))',
    );
    expect(eq('region', 'say "hi" \\o/')).toBe('region = "say \\"hi\\" \\\\o/"');
  });

  it('collapse empty and single-part compounds', () => {
    expect(and([])).toBeUndefined();
    expect(and([undefined, undefined])).toBeUndefined();
    expect(and([eq('city', 'x')])).toBe('city = "x"');
    expect(or([eq('city', 'x')])).toBe('city = "x"');
  });

  it('refuse empty lists rather than match nothing or everything', () => {
    expect(() => inAny('fields', [])).toThrow(FilterBuildError);
    expect(() => or([])).toThrow(FilterBuildError);
  });

  it('refuse attributes outside the indexes’ filterable ones, even when cast', () => {
    expect(() => eq('title' as FilterAttribute, 'x')).toThrow(FilterBuildError);
    expect(() => eq('_geo' as FilterAttribute, 'x')).toThrow(FilterBuildError);
    expect(() => eq('city = "x" OR city' as FilterAttribute, 'x')).toThrow(FilterBuildError);
  });

  it('refuse lone surrogates, which cannot travel in JSON', () => {
    expect(() => eq('city', 'a\uD800b')).toThrow(FilterBuildError);
    expect(() => eq('city', '\uDC00')).toThrow(FilterBuildError);
    expect(eq('city', '\uD83E\uDD80')).toBe('city = "🦀"');
  });

  it('refuse values of other types, even when cast', () => {
    expect(() => eq('city', null as unknown as string)).toThrow(FilterBuildError);
    expect(() => eq('city', { toString: () => 'x' } as unknown as string)).toThrow(FilterBuildError);
  });

  it('refuse out-of-range geo points and non-positive radii', () => {
    expect(() => geoRadius(91, 0, 1000)).toThrow(FilterBuildError);
    expect(() => geoRadius(0, -181, 1000)).toThrow(FilterBuildError);
    expect(() => geoRadius(0, 0, 0)).toThrow(FilterBuildError);
  });
});

describe('user strings never change a filter’s structure (property)', () => {
  it('eq: one comparison, and the value reads back unchanged', () => {
    fc.assert(
      fc.property(userString, (s) => {
        expect(parseFilter(eq('region', s))).toEqual({ kind: 'cmp', attr: 'region', op: '=', value: str(s) });
      }),
      RUNS,
    );
  });

  it('inAny: one IN with as many values as given, each reading back unchanged', () => {
    fc.assert(
      fc.property(fc.array(userString, { minLength: 1, maxLength: 6 }), (values) => {
        expect(parseFilter(inAny('tags', values))).toEqual({ kind: 'in', attr: 'tags', values: values.map(str) });
      }),
      RUNS,
    );
  });

  it('nested and/or/not: the same tree as for harmless values, with every value intact', () => {
    const build = (a: string, b: string, c: string, d: string, e: string) =>
      and([eq('region', a), or([inAny('tags', [b, c]), eq('city', d)]), not(eq('country', e)), gte('hiring', 0.5)]);
    const harmless = structure(parseFilter(build('x', 'x', 'x', 'x', 'x') as string));
    fc.assert(
      fc.property(userString, userString, userString, userString, userString, (a, b, c, d, e) => {
        const ast = parseFilter(build(a, b, c, d, e) as string);
        expect(structure(ast)).toEqual(harmless);
        expect(ast).toEqual({
          kind: 'and',
          items: [
            { kind: 'cmp', attr: 'region', op: '=', value: str(a) },
            {
              kind: 'or',
              items: [
                { kind: 'in', attr: 'tags', values: [str(b), str(c)] },
                { kind: 'cmp', attr: 'city', op: '=', value: str(d) },
              ],
            },
            { kind: 'not', item: { kind: 'cmp', attr: 'country', op: '=', value: str(e) } },
            { kind: 'cmp', attr: 'hiring', op: '>=', value: word('0.5') },
          ],
        });
      }),
      RUNS,
    );
  });

  it('buildAssociationFilter: region and country strings stay values', () => {
    const base: NormalizedAssociationQuery = {
      q: '',
      fields: ['health-science'],
      pathways: [],
      scopes: ['national'],
      page: 1,
      limit: 20,
    };
    const harmless = structure(parseFilter(buildAssociationFilter({ ...base, country: 'US', region: 'IL' }) as string));
    fc.assert(
      fc.property(userString, userString, (country, region) => {
        const ast = parseFilter(buildAssociationFilter({ ...base, country, region }) as string);
        expect(structure(ast)).toEqual(harmless);
        expect(ast).toMatchObject({
          items: [{}, {}, { value: str(country) }, { value: str(region) }],
        });
      }),
      RUNS,
    );
  });
});

describe('numbers (property)', () => {
  it('finite numbers read back equal; NaN and ±Infinity are refused', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        if (!Number.isFinite(n)) {
          expect(() => gte('hiring', n)).toThrow(FilterBuildError);
          expect(() => lte('start', n)).toThrow(FilterBuildError);
          expect(() => eq('costMin', n)).toThrow(FilterBuildError);
          expect(() => inAny('costMin', [1, n])).toThrow(FilterBuildError);
          return;
        }
        const ast = parseFilter(gte('hiring', n));
        expect(ast).toMatchObject({ kind: 'cmp', attr: 'hiring', op: '>=' });
        const written = (ast as { value: Value }).value;
        expect(written.quoted).toBe(false);
        const text = (written as { word: string }).word;
        expect(text).toMatch(FLOAT);
        expect(Number(text)).toBe(n === 0 ? 0 : n);
      }),
      { numRuns: 5000 },
    );
  });

  it('geo arguments must be finite', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        fc.nat(2),
        (bad, at) => {
          const args: [number, number, number] = [1, 2, 3];
          args[at] = bad;
          expect(() => geoRadius(...args)).toThrow(FilterBuildError);
        },
      ),
    );
  });
});

const now = new Date('2026-11-20T12:00:00Z');
const NOW_SEC = 1_795_176_000;
const query = (patch: Partial<NormalizedSearchQuery> = {}): NormalizedSearchQuery => ({
  q: '',
  fields: [],
  pathways: [],
  allFields: 'include',
  types: [],
  formats: [],
  from: now.toISOString(),
  radiusKm: 50,
  sort: 'date',
  page: 1,
  limit: 20,
  ...patch,
});

describe('buildEventFilter', () => {
  it('keeps only upcoming, listed events by default', () => {
    expect(buildEventFilter(query(), { now })).toBe(
      `(delisted = false AND (NOT careerRelevant = false) AND end >= ${NOW_SEC})`,
    );
  });

  it('leaves out events with no professional purpose unless asked (admins)', () => {
    const filter = buildEventFilter(query(), { now, includeNotCareerRelevant: true });
    expect(filter).toBe(`(delisted = false AND end >= ${NOW_SEC})`);
  });

  it('lets a field filter match events open to all fields, or not when the query excludes them', () => {
    expect(buildEventFilter(query({ fields: ['finance'] }), { now })).toContain(
      ' AND (fields IN ["finance"] OR allFields = true)',
    );
    const excluded = buildEventFilter(query({ fields: ['finance'], allFields: 'exclude' }), { now });
    expect(excluded).toContain(' AND fields IN ["finance"]');
    expect(excluded).not.toContain('allFields');
    expect(buildEventFilter(query(), { now })).not.toContain('allFields');
  });

  it('starts at `from` when it is later than now, and never before now unless asked', () => {
    const later = query({ from: '2026-12-01T00:00:00.000Z' });
    expect(buildEventFilter(later, { now })).toContain('end >= 1796083200');
    const earlier = query({ from: '2026-01-01T00:00:00.000Z' });
    expect(buildEventFilter(earlier, { now })).toContain(`end >= ${NOW_SEC}`);
    expect(
      buildEventFilter(earlier, { now, includePast: true, includeDelisted: true, includeNotCareerRelevant: true }),
    ).toBe('end >= 1767225600');
  });

  it('matches a cluster id on `fields` and a pathway id on `pathways`, any of them', () => {
    const filter = buildEventFilter(
      query({ fields: ['health-science'], pathways: ['information-technology/network-systems'] }),
      { now },
    );
    expect(filter).toContain(
      '(fields IN ["health-science"] OR pathways IN ["information-technology/network-systems"] OR allFields = true)',
    );
    expect(buildEventFilter(query({ fields: ['finance'], allFields: 'exclude' }), { now })).toContain(
      ' AND fields IN ["finance"]',
    );
  });

  it('writes every constraint of a full query', () => {
    const full = query({
      fields: ['health-science'],
      types: ['career-fair', 'conference'],
      formats: ['in-person'],
      to: '2027-01-31T23:59:59.999Z',
      cost: 'free',
      minHiring: 0.6,
      near: { lat: 41.88, lng: -87.63 },
      radiusKm: 30,
    });
    expect(buildEventFilter(full, { now })).toBe(
      `(delisted = false AND (NOT careerRelevant = false) AND end >= ${NOW_SEC} AND start <= 1801439999` +
        ' AND (fields IN ["health-science"] OR allFields = true)' +
        ' AND type IN ["career-fair", "conference"] AND format IN ["in-person"] AND costFree = true' +
        ' AND hiring >= 0.6 AND _geoRadius(41.88, -87.63, 30000))',
    );
    expect(buildEventFilter(query({ cost: 'paid' }), { now })).toContain('costFree = false');
  });

  it('uses the point the server resolved for a place name', () => {
    const filter = buildEventFilter(query({ nearText: 'Denver', radiusKm: 10 }), {
      now,
      near: { lat: 39.74, lng: -104.99 },
    });
    expect(filter).toContain('_geoRadius(39.74, -104.99, 10000)');
    expect(buildEventFilter(query({ nearText: 'Denver' }), { now })).not.toContain('_geoRadius');
  });

  it('always parses, with one clause per constraint set (property)', () => {
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          fields: fc.subarray(['health-science', 'finance', 'stem']),
          pathways: fc.subarray(['health-science/diagnostic-services', 'finance/insurance']),
          types: fc.subarray(['conference', 'career-fair', 'webinar'] as const),
          formats: fc.subarray(['in-person', 'online', 'hybrid'] as const),
          to: optional(
            fc.integer({ min: 1_800_000_000, max: 4_000_000_000 }).map((s) => new Date(s * 1000).toISOString()),
          ),
          cost: optional(fc.constantFrom('free', 'paid') as fc.Arbitrary<'free' | 'paid'>),
          minHiring: optional(fc.double({ min: 0, max: 1, noNaN: true })),
          near: optional(
            fc.record({
              lat: fc.double({ min: -90, max: 90, noNaN: true }),
              lng: fc.double({ min: -180, max: 180, noNaN: true }),
            }),
          ),
          radiusKm: fc.double({ min: 0.001, max: 20_000, noNaN: true }),
          allFields: fc.constantFrom('include', 'exclude') as fc.Arbitrary<'include' | 'exclude'>,
        }),
        (patch) => {
          const q = query(patch);
          const ast = parseFilter(buildEventFilter(q, { now }) as string);
          const expected =
            3 +
            Number(q.to !== undefined) +
            Number(q.fields.length + q.pathways.length > 0) +
            Number(q.types.length > 0) +
            Number(q.formats.length > 0) +
            Number(q.cost !== undefined) +
            Number(q.minHiring !== undefined) +
            Number(q.near !== undefined);
          expect(ast.kind).toBe('and');
          expect((ast as { items: Ast[] }).items).toHaveLength(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('buildEventSort', () => {
  it.each<[Partial<NormalizedSearchQuery>, string[]]>([
    [{ sort: 'date' }, ['start:asc']],
    [{ sort: 'hiring' }, ['hiring:desc', 'start:asc']],
    [{ sort: 'relevance', q: 'nurse' }, []],
    [{ sort: 'relevance', q: '' }, ['start:asc']],
    [{ sort: 'distance', near: { lat: 1.5, lng: -2 } }, ['_geoPoint(1.5, -2):asc', 'start:asc']],
  ])('%j → %j', (patch, sort) => {
    expect(buildEventSort(query(patch))).toEqual(sort);
  });

  it('sorts by distance from a resolved place, and refuses without a point', () => {
    expect(buildEventSort(query({ sort: 'distance', nearText: 'Oslo' }), { near: { lat: 59.9, lng: 10.7 } })[0]).toBe(
      '_geoPoint(59.9, 10.7):asc',
    );
    expect(() => buildEventSort(query({ sort: 'distance', nearText: 'Oslo' }))).toThrow(FilterBuildError);
    expect(() => buildEventSort(query({ sort: 'distance', near: { lat: Number.NaN, lng: 0 } }))).toThrow(
      FilterBuildError,
    );
  });
});
