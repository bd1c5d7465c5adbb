import { distance } from 'fastest-levenshtein';

const ORDINAL_WORDS = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'annual',
  'biennial',
  'yearly',
]);

/** Words too common in event titles to tell two events apart; they still count when nothing else is left. */
const GENERIC_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'by',
  'for',
  'from',
  'in',
  'of',
  'on',
  'the',
  'to',
  'with',
  'de',
  'la',
  'le',
  'und',
  'der',
  'die',
  'conference',
  'conf',
  'summit',
  'meeting',
  'meetup',
  'event',
  'events',
  'workshop',
  'seminar',
  'webinar',
  'symposium',
  'congress',
  'convention',
  'forum',
  'expo',
  'day',
  'days',
  'international',
  'national',
  'global',
  'edition',
  'live',
  'online',
  'virtual',
]);

/**
 * The words of a title that name the event: accents and case folded, punctuation dropped, years (`2026`,
 * `'26`), ordinals (`12th`, `twelfth`, `XII`) and "annual" removed, so editions of a series compare equal.
 */
export function titleTokens(title: string): string[] {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]\d{2}\b/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(
      (word) =>
        word.length > 0 &&
        !/^(19|20)\d{2}$/.test(word) &&
        !/^\d+(st|nd|rd|th|e|er|eme)$/.test(word) &&
        !/^x{0,3}(ix|iv|v?i{0,3})$/.test(word) &&
        !ORDINAL_WORDS.has(word),
    );
}

/** The tokens that tell events apart ({@link titleTokens} without generic event words), or all of them when none is left. */
export function distinctiveTokens(tokens: readonly string[]): string[] {
  const distinctive = tokens.filter((t) => !GENERIC_WORDS.has(t));
  return distinctive.length > 0 ? distinctive : [...tokens];
}

/** |A ∩ B| / |A ∪ B| of two token sets; 0 when both are empty. */
export function jaccard(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  if (setA.size === 0 && setB.size === 0) return 0;
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared += 1;
  return shared / (setA.size + setB.size - shared);
}

/** |A ∩ B| / min(|A|, |B|): 1 when one title's words are all in the other ("Summit" vs "Summit – Students Welcome"). */
export function overlap(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  const smaller = Math.min(setA.size, setB.size);
  if (smaller === 0) return 0;
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared += 1;
  return shared / smaller;
}

/** 1 − Levenshtein distance / longer length, on the joined tokens; 1 for equal strings. */
export function levenshteinSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  return 1 - distance(a, b) / longer;
}

/** How alike two titles are, each measure in [0, 1]. */
export interface TitleSimilarity {
  /** Jaccard of the distinctive tokens. */
  jaccard: number;
  /** Overlap coefficient of the distinctive tokens (containment). */
  overlap: number;
  /** Normalized Levenshtein similarity of the distinctive tokens, sorted and joined. */
  levenshtein: number;
  /** Distinctive tokens the titles share. */
  shared: number;
  /** The combined score `matchEvents` compares with its thresholds. */
  score: number;
}

/** Distinctive tokens of a title without the `ignored` words (a city named in the title), unless nothing is left. */
function comparableTokens(title: string, ignored: ReadonlySet<string>): string[] {
  const tokens = titleTokens(title);
  const kept = tokens.filter((t) => !ignored.has(t));
  return [...new Set(distinctiveTokens(kept.length > 0 ? kept : tokens))];
}

/**
 * Compares two titles on their distinctive tokens, leaving out `ignored` words (the events' cities: "API
 * Conference London" and "DevOps Conference London" share only the city). The score is the best of Jaccard,
 * Levenshtein, and the overlap coefficient discounted when the shorter title has a single word (one shared
 * word proves little).
 */
export function titleSimilarity(a: string, b: string, ignored: ReadonlySet<string> = new Set()): TitleSimilarity {
  const ta = comparableTokens(a, ignored);
  const tb = comparableTokens(b, ignored);
  const j = jaccard(ta, tb);
  const o = overlap(ta, tb);
  const lev = levenshteinSimilarity([...ta].sort().join(' '), [...tb].sort().join(' '));
  const setB = new Set(tb);
  const shared = ta.filter((t) => setB.has(t)).length;
  const containment = Math.min(ta.length, tb.length) >= 2 ? o * 0.9 : o * 0.6;
  return { jaccard: j, overlap: o, levenshtein: lev, shared, score: Math.max(j, lev, containment) };
}
