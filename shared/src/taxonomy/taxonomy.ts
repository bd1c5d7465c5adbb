import { CLUSTERS } from './clusters.js';
import type { Cluster, Pathway } from './taxonomy.types.js';

export { CLUSTERS };

const clustersById = new Map(CLUSTERS.map((c) => [c.id, c]));
const pathwaysById = new Map(CLUSTERS.flatMap((c) => c.pathways.map((p) => [p.id, p] as const)));

export const getCluster = (id: string): Cluster | undefined => clustersById.get(id);
export const getPathway = (id: string): Pathway | undefined => pathwaysById.get(id);

/** The display name of a cluster or pathway id, or undefined for an unknown id. */
export function fieldLabel(id: string): string | undefined {
  return clustersById.get(id)?.name ?? pathwaysById.get(id)?.name;
}

/** A cluster, and optionally one of its pathways, that a text or slug names. */
export interface FieldRef {
  clusterId: string;
  pathwayId?: string;
}

/** A cluster with its pathways, as pickers and facets list them. */
export interface FieldOption {
  id: string;
  name: string;
  shortName: string;
  pathways: readonly { id: string; name: string }[];
}

/**
 * Reduces a field name, synonym or slug to comparable words: accents dropped, lower case, `&` and the word "and"
 * removed, every run of punctuation a single space. `"Health-Care & Nursing"` → `"health care nursing"`.
 */
export function normalizeFieldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && word !== 'and')
    .join(' ');
}

// Spaces go too, so "healthcare", "health care" and "health-care" meet, and ids meet names
// ("design-pre-construction" and "Design/Pre-Construction").
const lookupKey = (text: string): string => normalizeFieldText(text).replaceAll(' ', '');

const MAX_FIELD_TEXT_LENGTH = 200;

function buildLookup(): ReadonlyMap<string, FieldRef> {
  const lookup = new Map<string, FieldRef>();
  const add = (text: string, ref: FieldRef, minLength = 1) => {
    const key = lookupKey(text);
    if (key.length >= minLength && !lookup.has(key)) lookup.set(key, ref);
  };
  const tiers: ((c: Cluster, p: Pathway | undefined) => readonly string[])[] = [
    (c, p) => (p ? [p.id] : [c.id]),
    (c, p) => (p ? [] : [c.name, c.shortName]),
    (_, p) => (p ? [p.name] : []),
    (c, p) => (p ? p.synonyms : c.synonyms),
    (c, p) => (p ? p.aliases : c.aliases),
  ];
  // Earlier tiers win: a cluster's short name "Construction" beats the pathway named "Construction", a pathway's
  // name beats a synonym elsewhere, and any name beats a keyword.
  for (const tier of tiers) {
    for (const cluster of CLUSTERS) {
      for (const text of tier(cluster, undefined)) add(text, { clusterId: cluster.id });
      for (const pathway of cluster.pathways) {
        for (const text of tier(cluster, pathway)) add(text, { clusterId: cluster.id, pathwayId: pathway.id });
      }
    }
  }
  // A keyword names the field, not a pathway: "nursing" means health care as a whole to someone filtering.
  for (const cluster of CLUSTERS) {
    for (const keyword of cluster.keywords) add(keyword, { clusterId: cluster.id }, 2);
  }
  for (const cluster of CLUSTERS) {
    for (const pathway of cluster.pathways) {
      for (const keyword of pathway.keywords) add(keyword, { clusterId: cluster.id }, 2);
    }
  }
  return lookup;
}

const fieldLookup = buildLookup();

/**
 * Resolves what a user typed, or a URL slug, to a cluster or pathway: ids, names, short names, synonyms,
 * aliases, then keywords (which resolve to the cluster only). Case, accents, punctuation, `&` and "and" do not
 * matter: "healthcare", "Health-Care" and "nursing" all give `health-science`. Undefined when nothing matches.
 */
export function resolveField(text: string): FieldRef | undefined {
  if (text.length > MAX_FIELD_TEXT_LENGTH) return undefined;
  const exactPathway = pathwaysById.get(text);
  if (exactPathway) return { clusterId: text.slice(0, text.indexOf('/')), pathwayId: exactPathway.id };
  if (clustersById.has(text)) return { clusterId: text };
  const found = fieldLookup.get(lookupKey(text));
  return found ? { ...found } : undefined;
}

/** Every cluster with its pathways, in taxonomy order, for pickers, facets and the widget's options. */
export function listFields(): FieldOption[] {
  return CLUSTERS.map((c) => ({
    id: c.id,
    name: c.name,
    shortName: c.shortName,
    pathways: c.pathways.map((p) => ({ id: p.id, name: p.name })),
  }));
}
