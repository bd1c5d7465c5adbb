import { CLUSTERS } from '../taxonomy/clusters.js';

/**
 * Lower-cases a term and turns its punctuation into spaces, as Meilisearch's tokenizer splits it: the documents
 * hold "Arts, A/V Technology & Communications", which is searched as the words "arts a v technology communications".
 */
const toSynonymText = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .join(' ');

/** Short names that are also everyday words, so matching documents by them would be noise. */
const COMMON_WORDS = new Set(['it']);

/**
 * Whether `text` holds every word of `term`: then whatever matches `text` already matches the words of `term`, and
 * the synonym would add no event, only work ("marketing" → "marketing sales service" is a phrase Meilisearch
 * matches at ~3 ms a search at 1 M events, for nothing).
 */
const holdsEveryWord = (text: string, term: string): boolean => {
  const words = new Set(text.split(' '));
  return term.split(' ').every((word) => words.has(word));
};

/** A label as written ("&" dropped, matching the indexed field names) and as people say it ("&" read as "and"). */
const labelForms = (label: string): string[] => [toSynonymText(label), toSynonymText(label.replaceAll('&', ' and '))];

/**
 * The Meilisearch `synonyms` setting generated from the field taxonomy, lower-case.
 *
 * A cluster's name, short name and synonyms are mutual ("healthcare" ↔ "health science"); a short name that is an everyday word ("IT") is one way, as are a pathway's name and synonyms. Aliases are one way, to the name only ("medical" →
 * "health science", never back). Keywords are left out: "kubernetes" must not match every IT event.
 */
export function buildSynonyms(): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (from === to || from === '' || to === '' || holdsEveryWord(to, from)) return;
    let targets = synonyms.get(from);
    if (!targets) {
      targets = new Set();
      synonyms.set(from, targets);
    }
    targets.add(to);
  };
  const mutual = (terms: readonly string[]) => {
    const group = [...new Set(terms)];
    for (const a of group) for (const b of group) link(a, b);
  };
  const oneWay = (aliases: readonly string[], name: string) => {
    const target = toSynonymText(name);
    for (const alias of aliases) link(toSynonymText(alias), target);
  };

  for (const cluster of CLUSTERS) {
    // A short name that is also a common word ("IT") only leads to the field; the field never leads to it.
    const shortIsWord = COMMON_WORDS.has(toSynonymText(cluster.shortName));
    mutual([
      ...labelForms(cluster.name),
      ...(shortIsWord ? [] : labelForms(cluster.shortName)),
      ...cluster.synonyms.map(toSynonymText),
    ]);
    oneWay(shortIsWord ? [cluster.shortName, ...cluster.aliases] : cluster.aliases, cluster.name);
    for (const pathway of cluster.pathways) {
      mutual([...labelForms(pathway.name), ...pathway.synonyms.map(toSynonymText)]);
      oneWay(pathway.aliases, pathway.name);
    }
  }

  const result: Record<string, string[]> = {};
  for (const key of [...synonyms.keys()].sort()) result[key] = [...(synonyms.get(key) ?? [])].sort();
  return result;
}
