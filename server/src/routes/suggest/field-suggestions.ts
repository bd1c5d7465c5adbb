import { CLUSTERS, normalizeFieldText } from '@fieldguide/shared';

/** A career field or pathway a type-ahead offers. */
export interface FieldSuggestion {
  id: string;
  name: string;
  kind: 'field' | 'pathway';
}

interface Entry extends FieldSuggestion {
  /** Names, short name, synonyms and aliases, normalized. */
  terms: string[];
}

let entries: Entry[] | undefined;

function buildEntries(): Entry[] {
  const terms = (list: readonly string[]) => [...new Set(list.map(normalizeFieldText).filter((t) => t !== ''))];
  return CLUSTERS.flatMap((cluster) => [
    {
      id: cluster.id,
      name: cluster.name,
      kind: 'field' as const,
      terms: terms([cluster.name, cluster.shortName, ...cluster.synonyms, ...cluster.aliases]),
    },
    ...cluster.pathways.map((pathway) => ({
      id: pathway.id,
      name: pathway.name,
      kind: 'pathway' as const,
      terms: terms([pathway.name, ...pathway.synonyms, ...pathway.aliases]),
    })),
  ]);
}

/** 0: a term starts with the text; 1: a later word of a term does; undefined: no match. */
function rank(entry: Entry, text: string): number | undefined {
  let best: number | undefined;
  for (const term of entry.terms) {
    if (term.startsWith(text)) return 0;
    if (term.includes(` ${text}`)) best = 1;
  }
  return best;
}

/**
 * Fields and pathways whose name, short name, synonym or alias starts with what was typed (or has a word that
 * does), best first: whole-term prefixes before word prefixes, fields before pathways, then taxonomy order.
 */
export function suggestFields(typed: string, limit: number): FieldSuggestion[] {
  const text = normalizeFieldText(typed);
  if (text === '') return [];
  entries ??= buildEntries();
  const found: { entry: Entry; score: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const r = rank(entry, text);
    if (r !== undefined) found.push({ entry, score: r * 2 + (entry.kind === 'field' ? 0 : 1), order });
  });
  found.sort((a, b) => a.score - b.score || a.order - b.order);
  return found.slice(0, limit).map(({ entry }) => ({ id: entry.id, name: entry.name, kind: entry.kind }));
}
