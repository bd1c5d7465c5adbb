import { readFile } from 'node:fs/promises';
import {
  type Association,
  AssociationSchema,
  FieldguideError,
  findIssues,
  getCluster,
  getPathway,
  resolveField,
  type Source,
  SourceSchema,
} from '@fieldguide/shared';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Store, UpsertResult } from '../storage/store/store.types.js';
import { associationHiring } from './association-hiring.js';

/** Thrown when a sources file cannot be read or has an invalid entry: nothing from the file is used. */
export class SourcesFileError extends FieldguideError {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super('SOURCES_FILE_INVALID', `${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'SourcesFileError';
  }
}

/** What a sources file holds: sources to crawl and the associations they point to. */
export interface SourcesFile {
  sources: Source[];
  associations: Association[];
  /** How the file's entries were gathered and checked, when it says (`provenance:`). */
  provenance?: string;
}

/** A source as written in a file or typed in a command: only `url` is required. */
export type SourceInput = Partial<Omit<Source, 'health'>> & { url: string };

const SOURCE_KEYS = new Set(Object.keys(SourceSchema.properties).filter((k) => k !== 'health' && k !== 'fromCatalog'));
const ASSOCIATION_KEYS = new Set(
  Object.keys(AssociationSchema.properties).filter((k) => !['hiring', 'firstSeen', 'updatedAt'].includes(k)),
);

/** Defaults of a source entry: kind `auto`, enabled, crawled daily, public addresses only, no field hints. */
export const SOURCE_DEFAULTS = Object.freeze({
  kind: 'auto',
  enabled: true,
  recrawlMinutes: 1440,
  allowPrivateNetwork: false,
  fields: [] as string[],
  pathways: [] as string[],
});

/** A readable source id from a URL: host without `www.` and the path, e.g. `example-org-events`. */
export function sourceIdFromUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'source';
  }
  const words = `${parsed.hostname.replace(/^www\./, '')} ${parsed.pathname}`
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.join('-').slice(0, 100).replace(/-+$/, '') || 'source';
}

/** Field names or ids (`IT`, `health care`, `finance`) as cluster ids, and any pathways they name. */
function resolveFields(values: unknown, where: string, problems: string[]): { fields: string[]; pathways: string[] } {
  const fields = new Set<string>();
  const pathways = new Set<string>();
  if (values === undefined) return { fields: [], pathways: [] };
  if (!Array.isArray(values)) {
    problems.push(`${where}: fields: must be a list`);
    return { fields: [], pathways: [] };
  }
  for (const value of values) {
    const ref =
      typeof value === 'string' ? (getCluster(value) ? { clusterId: value } : resolveField(value)) : undefined;
    if (!ref) {
      problems.push(`${where}: fields: unknown field ${JSON.stringify(value)}`);
      continue;
    }
    fields.add(ref.clusterId);
    if (ref.pathwayId) pathways.add(ref.pathwayId);
  }
  return { fields: [...fields], pathways: [...pathways] };
}

function issuesOf(schema: Parameters<typeof findIssues>[0], value: unknown, where: string): string[] {
  return findIssues(schema, value).map((issue) => {
    const path = issue.path.replace(/^\//, '').replaceAll('/', '.') || '(entry)';
    const got = issue.path ? valueAt(value, issue.path) : undefined;
    return `${where}: ${path}: ${issue.message}${got === undefined ? '' : ` (got ${JSON.stringify(got)})`}`;
  });
}

function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const part of pointer.split('/').slice(1)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'object' ? undefined : node;
}

/**
 * A validated source from an entry, defaults applied and field names resolved. Problems are appended to
 * `problems`, each naming `where` and the field; `undefined` when there were any.
 */
export function toSource(entry: unknown, where: string, problems: string[]): Source | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${where}: must be a mapping with at least a url`);
    return undefined;
  }
  const raw = entry as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(raw)) {
    if (!SOURCE_KEYS.has(key)) problems.push(`${where}: unknown field "${key}"`);
  }
  if (typeof raw.url !== 'string' || raw.url.trim() === '') {
    problems.push(`${where}: url: required`);
    return undefined;
  }
  const named = typeof raw.id === 'string' ? `${where} "${raw.id}"` : where;
  const { fields, pathways } = resolveFields(raw.fields, named, problems);
  const extraPathways = Array.isArray(raw.pathways) ? raw.pathways : raw.pathways === undefined ? [] : raw.pathways;
  const source = {
    ...SOURCE_DEFAULTS,
    ...raw,
    id: typeof raw.id === 'string' ? raw.id : sourceIdFromUrl(raw.url),
    url: raw.url.trim(),
    fields,
    pathways: Array.isArray(extraPathways) ? [...new Set([...pathways, ...extraPathways])] : extraPathways,
    health: { eventsFound: 0, errorCount: 0 },
  };
  problems.push(...issuesOf(SourceSchema, source, named));
  for (const pathway of Array.isArray(source.pathways) ? source.pathways : []) {
    if (typeof pathway === 'string' && !getPathway(pathway))
      problems.push(`${named}: pathways: unknown pathway "${pathway}"`);
  }
  return problems.length === before ? (source as Source) : undefined;
}

function toAssociation(entry: unknown, where: string, now: string, problems: string[]): Association | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${where}: must be a mapping with id, name and url`);
    return undefined;
  }
  const raw = entry as Record<string, unknown>;
  const before = problems.length;
  const named = typeof raw.id === 'string' ? `${where} "${raw.id}"` : where;
  for (const key of Object.keys(raw)) {
    if (!ASSOCIATION_KEYS.has(key)) problems.push(`${named}: unknown field "${key}"`);
  }
  const { fields, pathways } = resolveFields(raw.fields, named, problems);
  const association = {
    description: '',
    scope: 'regional',
    chapters: [],
    ...raw,
    fields,
    pathways: [...new Set([...pathways, ...(Array.isArray(raw.pathways) ? raw.pathways : [])])],
    hiring: associationHiring({ jobBoardUrl: typeof raw.jobBoardUrl === 'string' ? raw.jobBoardUrl : undefined }),
    firstSeen: now,
    updatedAt: now,
  };
  problems.push(...issuesOf(AssociationSchema, association, named));
  return problems.length === before ? (association as unknown as Association) : undefined;
}

/**
 * Parses a sources file: YAML with `sources:` (and optionally `associations:`), or a bare list of sources.
 * Every entry is validated, with defaults (kind `auto`, enabled, 1440 minutes, no private network, no
 * fields) and field names resolved through the taxonomy ("IT" → `information-technology`).
 * @throws SourcesFileError listing every problem, each naming the entry and the field.
 */
export function parseSourcesYaml(text: string, options: { file?: string; now?: Date } = {}): SourcesFile {
  const file = options.file ?? 'sources';
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    throw new SourcesFileError(file, [`not valid YAML: ${message}`]);
  }
  const problems: string[] = [];
  const top = Array.isArray(doc) ? { sources: doc } : doc;
  if (typeof top !== 'object' || top === null || !Array.isArray((top as { sources?: unknown }).sources)) {
    throw new SourcesFileError(file, ['expected a "sources:" list (and optionally "associations:")']);
  }
  const {
    sources: rawSources,
    associations: rawAssociations = [],
    provenance,
    ...rest
  } = top as Record<string, unknown>;
  for (const key of Object.keys(rest)) problems.push(`unknown top-level key "${key}"`);
  if (!Array.isArray(rawAssociations)) problems.push('associations: must be a list');
  if (provenance !== undefined && (typeof provenance !== 'string' || provenance.trim() === '')) {
    problems.push('provenance: must be a text saying how the entries were gathered and checked');
  }
  const now = (options.now ?? new Date()).toISOString();
  const sources = (rawSources as unknown[])
    .map((entry, i) => toSource(entry, `sources[${i}]`, problems))
    .filter((s): s is Source => s !== undefined);
  const associations = (Array.isArray(rawAssociations) ? rawAssociations : [])
    .map((entry, i) => toAssociation(entry, `associations[${i}]`, now, problems))
    .filter((a): a is Association => a !== undefined);
  const seen = new Set<string>();
  for (const source of sources) {
    if (seen.has(source.id)) problems.push(`sources: id "${source.id}" is used twice`);
    seen.add(source.id);
  }
  const associationIds = new Set<string>();
  for (const association of associations) {
    if (associationIds.has(association.id)) problems.push(`associations: id "${association.id}" is used twice`);
    associationIds.add(association.id);
  }
  if (problems.length > 0) throw new SourcesFileError(file, problems);
  return { sources, associations, ...(typeof provenance === 'string' ? { provenance: provenance.trim() } : {}) };
}

/** Reads and parses a sources file. @throws SourcesFileError when it cannot be read or is invalid. */
export async function loadSourcesFile(path: string): Promise<SourcesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new SourcesFileError(path, [`cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`]);
  }
  return parseSourcesYaml(text, { file: path });
}

/**
 * Saves a file's associations and sources into the store (a source's health is kept; its configuration
 * replaced). One transaction: all or nothing.
 * @throws SourcesFileError when a source names an association neither the file nor the store has.
 */
export function syncSources(
  store: Store,
  file: SourcesFile,
  name = 'sources',
): { sources: UpsertResult[]; associations: UpsertResult[] } {
  const known = new Set(file.associations.map((a) => a.id));
  const missing = file.sources
    .filter((s) => s.associationId && !known.has(s.associationId) && !store.getAssociation(s.associationId))
    .map((s) => `source "${s.id}": associationId: no association "${s.associationId}" in the file or the store`);
  if (missing.length > 0) throw new SourcesFileError(name, missing);
  return store.transaction(() => ({
    associations: file.associations.map((a) => store.upsertAssociation(a)),
    sources: file.sources.map((s) => store.upsertSource(s)),
  }));
}
