import { getCluster, getPathway, resolveField } from '@fieldguide/shared';
import { fieldVocabulary, type TermEntry, TOPIC_CATEGORIES } from './field-vocabulary.js';
import { type TokenizedText, termKey, tokenize } from './text.js';

/** What the field classifier reads of an event. Every part but the title is optional. */
export interface ClassifyFieldsInput {
  title: string;
  description?: string;
  tags?: readonly string[];
  /** Same as `tags` (schema.org `keywords`); both are read. */
  keywords?: readonly string[];
  organizerName?: string;
  /** A schema.org Event subtype (ignored here) or the source's topic ("javascript"), read like a tag. */
  typeHint?: string;
  /** Cluster ids (or names `resolveField` knows) the source says its events belong to: always in the result. */
  sourceFields?: readonly string[];
  /** Pathway ids the source gives: always in the result, with their clusters. */
  sourcePathways?: readonly string[];
}

/** Clusters and pathways of an event, with the scores that chose them and the terms behind each cluster. */
export interface FieldClassification {
  /** Cluster ids, the source's first, then by score; at most {@link MAX_FIELDS} unless the source gave more. */
  fields: string[];
  /** Pathway ids inside `fields`. */
  pathways: string[];
  /** Score of every cluster and pathway id with any evidence, rounded to 0.01. */
  scores: Record<string, number>;
  /** The matched terms (normalized) behind each cluster's score. */
  evidence: Record<string, string[]>;
}

/**
 * Where a word was found, and how much that counts: a title names its event's field more surely than the tags,
 * the tags and the organizer's name more surely than a description full of boilerplate.
 */
export const SOURCE_WEIGHTS = { title: 3, tags: 2, topic: 2, organizer: 2, description: 1 } as const;
type SourceName = keyof typeof SOURCE_WEIGHTS;

/** A name or synonym of a field counts three times a keyword or alias. */
export const TIER_WEIGHTS = { name: 3, keyword: 1 } as const;

/** A cluster needs this score to be chosen: one keyword in the title, or two in the description. */
export const MIN_FIELD_SCORE = 2;
/** …and at least this share of the best cluster's score. */
export const RELATIVE_FIELD_SCORE = 0.35;
/** At most this many clusters come from the text. */
export const MAX_FIELDS = 3;
/** A long description can add at most this much to one cluster. */
export const MAX_DESCRIPTION_SCORE = 6;
/** A pathway needs this score, and half of its cluster's best pathway's, to be listed. */
export const MIN_PATHWAY_SCORE = 2;
/** At most this many pathways per cluster come from the text. */
export const MAX_PATHWAYS_PER_FIELD = 2;

const SCHEMA_ORG_TYPES = new Set(['Hackathon', 'Festival', 'CourseInstance', 'EventSeries']);

/** True for a schema.org Event subtype such as `BusinessEvent`, as opposed to a topic such as `javascript`. */
export function isSchemaOrgType(hint: string): boolean {
  return /^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(hint) && (hint.endsWith('Event') || SCHEMA_ORG_TYPES.has(hint));
}

interface Tally {
  clusters: Map<string, number>;
  pathways: Map<string, number>;
  evidence: Map<string, Set<string>>;
}

const add = (map: Map<string, number>, id: string, amount: number) => map.set(id, (map.get(id) ?? 0) + amount);

function scoreSource(tally: Tally, tokens: TokenizedText, source: SourceName, eventWords: ReadonlySet<string>): void {
  const vocabulary = fieldVocabulary();
  const sourceWeight = SOURCE_WEIGHTS[source];
  const clusterGain = new Map<string, number>();
  const seen = new Set<string>();
  const matches = vocabulary.matcher.match(tokens);
  // A compound that is a term itself ("EdTech") does not count its parts ("tech") again.
  const wholeTerms = new Set(matches.filter((m) => tokens.variantOf[m.segment] === undefined).map((m) => m.key));
  for (const { key, values, segment } of matches) {
    const compound = tokens.variantOf[segment];
    if (compound !== undefined && wholeTerms.has(compound)) continue;
    if (seen.has(key) || vocabulary.never.has(key)) continue;
    seen.add(key);
    const titleOnly = vocabulary.titleOnly.has(key);
    if (titleOnly && source === 'description') continue;
    if (vocabulary.otherMeaning.get(key)?.some((word) => eventWords.has(word))) continue;
    const clusterWeight = new Map<string, number>();
    const pathwayWeight = new Map<string, number>();
    for (const entry of values as readonly TermEntry[]) {
      if (entry.kind !== 'field') continue;
      const weight = titleOnly ? TIER_WEIGHTS.keyword : TIER_WEIGHTS[entry.tier];
      clusterWeight.set(entry.clusterId, Math.max(clusterWeight.get(entry.clusterId) ?? 0, weight));
      if (entry.pathwayId) {
        pathwayWeight.set(entry.pathwayId, Math.max(pathwayWeight.get(entry.pathwayId) ?? 0, weight));
      }
    }
    for (const [clusterId, weight] of clusterWeight) {
      add(clusterGain, clusterId, weight * sourceWeight);
      let terms = tally.evidence.get(clusterId);
      if (!terms) {
        terms = new Set();
        tally.evidence.set(clusterId, terms);
      }
      terms.add(key);
    }
    for (const [pathwayId, weight] of pathwayWeight) add(tally.pathways, pathwayId, weight * sourceWeight);
  }
  for (const [clusterId, gain] of clusterGain) {
    add(tally.clusters, clusterId, source === 'description' ? Math.min(gain, MAX_DESCRIPTION_SCORE) : gain);
  }
}

// A tag or topic that is itself a field's name ("nursing", "ux", "javascript") counts as a name in that source.
function scoreWholeValue(tally: Tally, value: string, source: SourceName): void {
  const category = source === 'topic' ? TOPIC_CATEGORIES[termKey(value)] : undefined;
  const ref = category
    ? { clusterId: category.slice(0, category.indexOf('/')), pathwayId: category }
    : resolveField(value);
  if (!ref) return;
  const amount = TIER_WEIGHTS.name * SOURCE_WEIGHTS[source];
  add(tally.clusters, ref.clusterId, amount);
  if (ref.pathwayId) add(tally.pathways, ref.pathwayId, amount);
}

function hintedFields(input: ClassifyFieldsInput): { fields: string[]; pathways: string[] } {
  const fields = new Set<string>();
  const pathways = new Set<string>();
  for (const hint of input.sourceFields ?? []) {
    const ref = getCluster(hint) ? { clusterId: hint } : resolveField(hint);
    if (ref) fields.add(ref.clusterId);
  }
  for (const hint of input.sourcePathways ?? []) {
    const pathway = getPathway(hint);
    if (!pathway) continue;
    fields.add(hint.slice(0, hint.indexOf('/')));
    pathways.add(pathway.id);
  }
  return { fields: [...fields], pathways: [...pathways] };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Puts an event in up to three career clusters and their pathways by matching the taxonomy's names, synonyms,
 * aliases and keywords in its text. A term counts once per part of the event, weighted by where it was found
 * ({@link SOURCE_WEIGHTS}) and by what it is ({@link TIER_WEIGHTS}); the source's own fields and pathways are
 * always kept. Pure and deterministic; the vocabulary is compiled once.
 */
export function classifyFields(input: ClassifyFieldsInput): FieldClassification {
  const vocabulary = fieldVocabulary();
  const tags = [...(input.tags ?? []), ...(input.keywords ?? [])].filter((t) => t.trim().length > 0);
  const topic = input.typeHint && !isSchemaOrgType(input.typeHint) ? input.typeHint : undefined;
  const parts: [SourceName, string][] = [['title', input.title]];
  if (tags.length > 0) parts.push(['tags', tags.join(' | ')]);
  if (topic) parts.push(['topic', topic]);
  if (input.organizerName) parts.push(['organizer', input.organizerName]);
  if (input.description) parts.push(['description', input.description]);

  const tokenized = parts.map(([source, text]) => [source, tokenize(text)] as const);
  const eventWords = new Set<string>();
  for (const [, tokens] of tokenized) for (const word of tokens.words) eventWords.add(word);
  const tally: Tally = { clusters: new Map(), pathways: new Map(), evidence: new Map() };
  for (const [source, tokens] of tokenized) scoreSource(tally, tokens, source, eventWords);
  for (const tag of tags) scoreWholeValue(tally, tag, 'tags');
  if (topic) scoreWholeValue(tally, topic, 'topic');

  const ranked = [...tally.clusters].sort(
    (a, b) => b[1] - a[1] || (vocabulary.clusterOrder.get(a[0]) ?? 0) - (vocabulary.clusterOrder.get(b[0]) ?? 0),
  );
  const best = ranked[0]?.[1] ?? 0;
  const chosen = ranked
    .filter(([, score]) => score >= MIN_FIELD_SCORE && score >= RELATIVE_FIELD_SCORE * best)
    .slice(0, MAX_FIELDS)
    .map(([id]) => id);

  const hints = hintedFields(input);
  const fields = [...hints.fields];
  for (const id of chosen) if (fields.length < MAX_FIELDS && !fields.includes(id)) fields.push(id);

  const pathways = [...hints.pathways];
  for (const clusterId of fields) {
    const candidates = [...tally.pathways]
      .filter(([id]) => id.startsWith(`${clusterId}/`))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = candidates[0]?.[1] ?? 0;
    for (const [id, score] of candidates.slice(0, MAX_PATHWAYS_PER_FIELD)) {
      if (score >= MIN_PATHWAY_SCORE && score >= top / 2 && !pathways.includes(id)) pathways.push(id);
    }
  }

  const scores: Record<string, number> = {};
  for (const [id, score] of ranked) scores[id] = round(score);
  for (const [id, score] of tally.pathways) scores[id] = round(score);
  const evidence: Record<string, string[]> = {};
  for (const [id] of ranked) evidence[id] = [...(tally.evidence.get(id) ?? [])];
  return { fields, pathways, scores, evidence };
}
