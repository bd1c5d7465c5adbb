import { type Token, type TokenizedText, termKey } from './text.js';

/** A phrase found in a text: its key (normalized words) and the values the phrase was registered with. */
export interface PhraseMatch<T> {
  key: string;
  values: readonly T[];
  /** Index of the segment it was found in (see {@link TokenizedText.variantOf}). */
  segment: number;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  key?: string;
  values?: T[];
  upperOnly?: boolean;
}

/** Finds registered phrases in tokenized text, longest first, each word used once. Compiled once, then pure. */
export interface PhraseMatcher<T> {
  match(text: TokenizedText): PhraseMatch<T>[];
  /** How many distinct phrases the matcher holds. */
  readonly size: number;
}

/**
 * Compiles phrases into a word trie. At each word the longest registered phrase wins and its words are used up,
 * so "medical coding" hides "coding" and a stop phrase ("state of the art") hides the words inside it.
 * One-word phrases in `upperOnly` match only when written in capitals in a text that is not all capitals ("IT").
 */
export function createPhraseMatcher<T>(
  phrases: Iterable<readonly [phrase: string, value: T]>,
  opts: { upperOnly?: ReadonlySet<string> } = {},
): PhraseMatcher<T> {
  const root: TrieNode<T> = { next: new Map() };
  let size = 0;
  for (const [phrase, value] of phrases) {
    const key = termKey(phrase);
    if (key.length === 0) continue;
    let node = root;
    for (const word of key.split(' ')) {
      let child = node.next.get(word);
      if (!child) {
        child = { next: new Map() };
        node.next.set(word, child);
      }
      node = child;
    }
    if (!node.values) {
      node.values = [];
      node.key = key;
      node.upperOnly = opts.upperOnly?.has(key) ?? false;
      size++;
    }
    // "job fair" and "job fairs" are one phrase once plurals fold: keep one copy of each meaning.
    const same = JSON.stringify(value);
    if (!node.values.some((v) => JSON.stringify(v) === same)) node.values.push(value);
  }

  const accepts = (node: TrieNode<T>, tokens: readonly Token[], start: number, allCaps: boolean): boolean =>
    node.values !== undefined && (!node.upperOnly || (!allCaps && tokens[start]?.upper === true));

  return {
    size,
    match(text) {
      const found: PhraseMatch<T>[] = [];
      for (const [segment, tokens] of text.segments.entries()) {
        let i = 0;
        while (i < tokens.length) {
          let node: TrieNode<T> | undefined = root;
          let best: TrieNode<T> | undefined;
          let bestLength = 0;
          for (let j = i; j < tokens.length; j++) {
            node = node.next.get(tokens[j]!.word);
            if (!node) break;
            if (accepts(node, tokens, i, text.allCaps)) {
              best = node;
              bestLength = j - i + 1;
            }
          }
          if (best?.values && best.key !== undefined) {
            found.push({ key: best.key, values: best.values, segment });
            i += bestLength;
          } else {
            i++;
          }
        }
      }
      return found;
    },
  };
}

/** The phrases of a comma-separated list, each tagged `tag`: how the classifiers write their cue lists. */
export const tagPhrases = <T>(tag: T, list: string): [string, T][] =>
  list
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => [p, tag]);
