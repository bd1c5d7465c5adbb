/** One word of a text, lower-cased, with whether the source wrote it in capitals ("IT" vs "it"). */
export interface Token {
  word: string;
  upper: boolean;
}

/**
 * A text cut into segments of words. Phrases match inside a segment only: commas, colons, brackets and the end of
 * a sentence cut it. Compound words add extra segments ("RubyConf" → "ruby conf", "devopsdays" → "devops days",
 * "pre-construction" → "preconstruction") so the parts match too.
 */
export interface TokenizedText {
  segments: Token[][];
  /** For each segment made from a compound word, that word (normalized); undefined for the text's own segments. */
  variantOf: (string | undefined)[];
  /** Every word of every segment, for context checks. */
  words: ReadonlySet<string>;
  /** True when the text has letters and none is lower case: capitals then say nothing ("WHAT IT TAKES"). */
  allCaps: boolean;
}

// Written forms whose punctuation is the name: they become one word before punctuation is dropped.
const SPECIAL_FORMS: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  [/(?<![\p{L}\p{N}])c\+\+/giu, ' cplusplus '],
  [/(?<![\p{L}\p{N}])c#/giu, ' csharp '],
  [/(?<![\p{L}\p{N}])f#/giu, ' fsharp '],
  [/(?<![\p{L}\p{N}])\.net(?![\p{L}\p{N}])/giu, ' dotnet '],
  // "R&D", "M&A", "FP&A", "AT&T": short initials joined by "&" stay one word.
  [/(?<![\p{L}\p{N}])(\p{L}{1,3})&(\p{L}{1,3})(?![\p{L}\p{N}])/gu, (_, a = '', b = '') => `${a}and${b}`.toLowerCase()],
  [/&/g, ' and '],
  [/\+/g, ' '],
];

// Commas, semicolons, brackets, quotes, dashes between spaces, and a full stop before a space end a segment.
const SEGMENT_BREAK = /[\n\r,;:!?()[\]{}|"“”«»•·…–—]|\.(?=\s|$)|\s-\s/u;
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{N})(?=\p{L}{3})/u;
const COMPOUND_SUFFIXES = ['conf', 'con', 'fest', 'days', 'day', 'camp', 'summit', 'week', 'hack', 'jam', 'expo'];
// "and" is dropped everywhere, so "food & beverage", "food and beverage" and a term "food, beverage" meet.
const DROPPED = new Set(['and']);

const isUpper = (raw: string): boolean => /\p{Lu}/u.test(raw) && !/\p{Ll}/u.test(raw);

// Plurals whose singular means something else ("securities" vs "security", "corrections" vs "error correction").
const KEEP_PLURAL = new Set([
  'news',
  'series',
  'species',
  'means',
  'rails',
  'kubernetes',
  'securities',
  'equities',
  'investments',
  'corrections',
  'principals',
  'controllers',
  'courts',
  'attractions',
  'robotics',
  'electronics',
  'diagnostics',
]);

/**
 * Folds a plural to its singular ("teachers" → "teacher", "technologies" → "technology", "RNs" → "rn"), so a
 * taxonomy written in plurals matches titles written in the singular. Both sides go through it, so it need only
 * be consistent, not right: "physics" → "physic" everywhere.
 */
export function foldPlural(word: string, raw = word): string {
  if (/^\p{Lu}{2,}s$/u.test(raw)) return word.slice(0, -1);
  if (word.length <= 3 || KEEP_PLURAL.has(word) || !word.endsWith('s') || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  return word.slice(0, -1);
}

function toToken(raw: string): Token | undefined {
  const word = raw
    .replace(/['’]s$/iu, '')
    .replace(/['’.]/gu, '')
    .toLowerCase();
  if (word.length === 0 || DROPPED.has(word)) return undefined;
  return { word: foldPlural(word, raw), upper: isUpper(raw) };
}

function compoundParts(raw: string): Token[][] {
  const variants: Token[][] = [];
  const whole = raw.replace(/['’.]/gu, '').toLowerCase();
  const camel = raw.split(CAMEL_BOUNDARY);
  if (camel.length > 1) {
    const parts = camel.map(toToken).filter((t): t is Token => t !== undefined);
    if (parts.length > 1) variants.push(parts);
  }
  for (const suffix of COMPOUND_SUFFIXES) {
    const stem = whole.slice(0, -suffix.length);
    if (whole.endsWith(suffix) && stem.length >= 2 && /\p{L}$/u.test(stem)) {
      const upper = isUpper(raw);
      variants.push([
        { word: foldPlural(stem), upper },
        { word: foldPlural(suffix), upper },
      ]);
      break;
    }
  }
  return variants;
}

function split(text: string): { main: Token[][]; extra: [string, Token[]][] } {
  let clean = text.normalize('NFKD').replace(/\p{M}+/gu, '');
  for (const [pattern, replacement] of SPECIAL_FORMS) {
    clean = typeof replacement === 'string' ? clean.replace(pattern, replacement) : clean.replace(pattern, replacement);
  }
  const main: Token[][] = [];
  const extra: [string, Token[]][] = [];
  for (const part of clean.split(SEGMENT_BREAK)) {
    const segment: Token[] = [];
    for (const match of part.matchAll(WORD)) {
      const raw = match[0];
      const token = toToken(raw);
      if (!token) continue;
      segment.push(token);
      for (const variant of compoundParts(raw)) extra.push([token.word, variant]);
    }
    if (segment.length > 0) {
      main.push(segment);
      extra.push(...hyphenJoins(part));
    }
  }
  return { main, extra };
}

// "Pre-Construction" and "e-commerce" also match the terms written as one word.
function hyphenJoins(part: string): [string, Token[]][] {
  const joins: [string, Token[]][] = [];
  for (const match of part.matchAll(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu)) {
    const token = toToken(match[0].replaceAll('-', ''));
    if (token) joins.push([token.word, [token]]);
  }
  return joins;
}

/** Lower-cases, drops accents, keeps "C++", "C#", ".NET", "R&D" as words, and cuts the text into segments. */
export function tokenize(text: string): TokenizedText {
  const { main, extra } = split(text);
  const segments = [...main, ...extra.map(([, tokens]) => tokens)];
  const variantOf = [...main.map(() => undefined), ...extra.map(([word]) => word)];
  const words = new Set<string>();
  for (const segment of segments) for (const token of segment) words.add(token.word);
  return { segments, variantOf, words, allCaps: /\p{L}/u.test(text) && !/\p{Ll}/u.test(text) };
}

/** The words of a term as one key, normalized as {@link tokenize} does: `"Food & Beverage"` → `"food beverage"`. */
export function termKey(term: string): string {
  return split(term)
    .main.flat()
    .map((t) => t.word)
    .join(' ');
}
