import { CLUSTERS, type FieldRef, getPathway, normalizeFieldText, resolveField } from '../taxonomy.js';
import { OCCUPATION_TERMS, type OccupationTermKind } from './occupation-terms.js';
import { ONET_OCCUPATIONS } from './onet-occupations.data.js';
import { SOC_CROSSWALK } from './soc-crosswalk.js';

/** An O*NET occupation with the field our crosswalk puts it in. */
export interface Occupation {
  /** O*NET-SOC code, e.g. `29-1141.00`. */
  code: string;
  /** O*NET title, e.g. "Registered Nurses". */
  title: string;
  clusterId: string;
  pathwayId: string;
}

/** What a phrase of a query was read as. */
export interface QueryReading extends FieldRef {
  /** The words of the query that named the field, as typed, e.g. "registered nurse". */
  via: string;
  /** How they named it. */
  kind: 'occupation' | OccupationTermKind | 'field';
  /** The occupation they named, when they named one. */
  occupation?: { code: string; title: string };
  /** The query's other words, e.g. "chicago" for "registered nurse chicago"; `''` when none. */
  rest: string;
}

/** The pathway our crosswalk gives an O*NET-SOC code: the longest matching prefix; undefined when none does. */
export function socPathway(code: string): string | undefined {
  let best: { length: number; pathwayId: string } | undefined;
  for (const [prefix, pathwayId] of SOC_CROSSWALK) {
    if (code.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, pathwayId };
  }
  return best?.pathwayId;
}

// Words too common to name an occupation alone ("managers", "workers") are kept out unless the titles sharing
// them agree on one field.
const MIN_AGREEMENT = 0.8;
const MAX_PHRASE_WORDS = 5;

/** A plural English noun to its singular, roughly, so "nurses" and "nurse" meet. */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The words of a phrase as the lookup compares them: normalized, each singular. */
const phraseWords = (text: string): string[] =>
  normalizeFieldText(text.replaceAll('+', ' plus'))
    .split(' ')
    .filter((w) => w !== '')
    .map(singular);

interface Entry {
  clusterId: string;
  pathwayId?: string;
  kind: QueryReading['kind'];
  occupation?: { code: string; title: string };
}

let occupations: Occupation[] | undefined;
let lookup: Map<string, Entry> | undefined;

/** Every O*NET occupation our crosswalk places, in O*NET order. */
export function listOccupations(): readonly Occupation[] {
  occupations ??= ONET_OCCUPATIONS.flatMap(([code, title]) => {
    const pathwayId = socPathway(code);
    const pathway = pathwayId ? getPathway(pathwayId) : undefined;
    if (!pathwayId || !pathway) return [];
    return [{ code, title, clusterId: pathwayId.slice(0, pathwayId.indexOf('/')), pathwayId }];
  });
  return occupations;
}

/** The phrases an O*NET title is known by: the whole title, each comma- or "and"-separated part, the head noun. */
function titlePhrases(title: string): string[] {
  const phrases = new Set<string>();
  const main = title.split(/,\s*(?:except|including)\b/i)[0] ?? title;
  phrases.add(main);
  for (const part of main.split(/,|\band\b|\//)) {
    const words = part
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    // A lone word names an occupation only as a plural noun ("Paralegals"), never as an adjective ("Heavy").
    if (words.length > 1 || /s$/.test(words[0] ?? '')) phrases.add(part.trim());
    const last = words.at(-1) ?? '';
    if (words.length > 2 && /s$/.test(last)) phrases.add(words.slice(-2).join(' '));
    if (words.length > 1 && /s$/.test(last)) phrases.add(last);
  }
  return [...phrases];
}

function buildLookup(): Map<string, Entry> {
  const map = new Map<string, Entry>();
  const byCode = new Map(listOccupations().map((o) => [o.code, o]));
  for (const [term, code, kind] of OCCUPATION_TERMS) {
    const occupation = byCode.get(code);
    if (!occupation) continue;
    const key = phraseWords(term).join(' ');
    if (key === '' || map.has(key)) continue;
    map.set(key, {
      clusterId: occupation.clusterId,
      ...(kind === 'workplace' ? {} : { pathwayId: occupation.pathwayId }),
      kind,
      occupation: { code, title: occupation.title },
    });
  }
  // Phrase → the occupations whose titles carry it; a phrase shared by several fields goes to the one most agree
  // on, when enough agree.
  const candidates = new Map<string, Occupation[]>();
  for (const occupation of listOccupations()) {
    for (const phrase of titlePhrases(occupation.title)) {
      const key = phraseWords(phrase).join(' ');
      if (key === '') continue;
      const list = candidates.get(key) ?? [];
      if (!list.includes(occupation)) list.push(occupation);
      candidates.set(key, list);
    }
  }
  for (const [key, list] of candidates) {
    if (map.has(key)) continue;
    const byCluster = new Map<string, number>();
    for (const o of list) byCluster.set(o.clusterId, (byCluster.get(o.clusterId) ?? 0) + 1);
    const [clusterId, count] = [...byCluster].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (count / list.length < MIN_AGREEMENT) continue;
    const inCluster = list.filter((o) => o.clusterId === clusterId);
    const first = inCluster[0];
    if (!first) continue;
    const onePathway = inCluster.every((o) => o.pathwayId === first.pathwayId);
    map.set(key, {
      clusterId,
      ...(onePathway ? { pathwayId: first.pathwayId } : {}),
      kind: 'occupation',
      occupation: { code: first.code, title: first.title },
    });
  }
  return map;
}

/**
 * Reads a free-text query for the field it names: an occupation title of O*NET ("registered nurse", "paralegal",
 * "truck drivers"), a licence, credential or abbreviation ("RN", "CPA", "CDL"), a workplace ("hospital"), or a
 * field's name or synonym ("healthcare"). The longest such phrase wins, leftmost first. Undefined when none.
 */
export function readQuery(q: string): QueryReading | undefined {
  const typed = q.trim();
  if (typed === '' || typed.length > 200) return undefined;
  lookup ??= buildLookup();
  const rawWords = normalizeFieldText(typed.replaceAll('+', ' plus'))
    .split(' ')
    .filter((w) => w !== '');
  const exact = readWords(rawWords, rawWords.map(singular));
  if (exact) return exact;
  // A misspelt word ("paralegl", "registerd") is read as the one word of the vocabulary it is one edit from.
  const corrected = rawWords.map((w) => correct(singular(w)));
  return corrected.some((w, i) => w !== singular(rawWords[i] ?? '')) ? readWords(rawWords, corrected) : undefined;
}

function readWords(rawWords: readonly string[], words: readonly string[]): QueryReading | undefined {
  const table = lookup ?? new Map<string, Entry>();
  for (let size = Math.min(MAX_PHRASE_WORDS, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const key = words.slice(start, start + size).join(' ');
      const via = rawWords.slice(start, start + size).join(' ');
      const rest = [...rawWords.slice(0, start), ...rawWords.slice(start + size)].join(' ');
      const entry = table.get(key);
      if (entry) return { ...entry, via, rest };
      for (const text of key.length >= 3 ? [via, key] : []) {
        const field = resolveField(text);
        if (field && !isKeywordOnly(text)) return { ...field, kind: 'field', via, rest };
      }
    }
  }
  return undefined;
}

const MIN_TYPO_LENGTH = 5;
let vocabulary: Set<string> | undefined;

/** The word itself when known or too short; else the only known word one edit away from it, if there is one. */
function correct(word: string): string {
  if (!vocabulary) {
    vocabulary = new Set();
    for (const key of lookup?.keys() ?? []) for (const w of key.split(' ')) vocabulary.add(w);
  }
  if (word.length < MIN_TYPO_LENGTH || vocabulary.has(word)) return word;
  const near = [...vocabulary].filter((v) => v.length >= MIN_TYPO_LENGTH && withinOneEdit(word, v));
  return near.length === 1 && near[0] ? near[0] : word;
}

/** Whether one insertion, deletion, substitution or swap of neighbours turns `a` into `b`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return a === b;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// resolveField also knows the classifier's keywords ("cloud", "conservation"), too loose to read a query by: only
// names, short names, synonyms and aliases count here.
let fieldNames: Set<string> | undefined;
function isKeywordOnly(text: string): boolean {
  const key = (t: string) => normalizeFieldText(t).replaceAll(' ', '');
  if (!fieldNames) {
    fieldNames = new Set();
    for (const c of CLUSTERS) {
      for (const t of [c.name, c.shortName, ...c.synonyms, ...c.aliases]) fieldNames.add(key(t));
      for (const p of c.pathways) for (const t of [p.name, ...p.synonyms, ...p.aliases]) fieldNames.add(key(t));
    }
  }
  return !fieldNames.has(key(text));
}

/** Occupations whose title, or a curated term for them, starts with (or has a word starting with) what was typed. */
export function suggestOccupations(
  typed: string,
  limit: number,
): { title: string; code: string; clusterId: string; pathwayId: string; via?: string }[] {
  const text = normalizeFieldText(typed);
  if (text === '' || limit <= 0) return [];
  const found: { o: Occupation; score: number; via?: string }[] = [];
  const seen = new Set<string>();
  const byCode = new Map(listOccupations().map((o) => [o.code, o]));
  for (const [term, code, kind] of OCCUPATION_TERMS) {
    const o = byCode.get(code);
    if (!o || kind === 'workplace' || seen.has(code)) continue;
    if (normalizeFieldText(term).startsWith(text)) {
      seen.add(code);
      found.push({ o, score: 0, via: term });
    }
  }
  for (const o of listOccupations()) {
    if (seen.has(o.code)) continue;
    const title = normalizeFieldText(o.title);
    const score = title.startsWith(text) ? 1 : title.includes(` ${text}`) ? 2 : undefined;
    if (score !== undefined) {
      seen.add(o.code);
      found.push({ o, score });
    }
  }
  found.sort((a, b) => a.score - b.score || a.o.title.length - b.o.title.length);
  return found.slice(0, limit).map(({ o, via }) => ({
    title: o.title,
    code: o.code,
    clusterId: o.clusterId,
    pathwayId: o.pathwayId,
    ...(via ? { via } : {}),
  }));
}
