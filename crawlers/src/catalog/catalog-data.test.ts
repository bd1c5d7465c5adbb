import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLUSTERS, getCluster, getPathway } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseSourcesYaml } from '../sources/load-sources.js';

const CATALOG_DIR = join(import.meta.dirname, '..', '..', 'catalog');
const MIN_PER_CLUSTER = 20;
const ASSOCIATION_KEYS = new Set([
  'id',
  'name',
  'acronym',
  'url',
  'fields',
  'pathways',
  'scope',
  'country',
  'description',
  'membershipUrl',
  'jobBoardUrl',
  'meetingCadence',
]);
const CATALOG_ONLY_KEYS = ['acronym', 'membershipUrl'];
const KEBAB_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;
const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

interface CatalogFile {
  clusterId: string;
  text: string;
  doc: { provenance?: unknown; associations?: unknown; sources?: unknown };
}

type Entry = Record<string, unknown>;

function readCatalog(): CatalogFile[] {
  return readdirSync(CATALOG_DIR)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(CATALOG_DIR, name), 'utf8');
      return { clusterId: name.replace(/\.yaml$/, ''), text, doc: parseYaml(text) };
    });
}

const catalog = readCatalog();
const associationsOf = (file: CatalogFile): Entry[] => (file.doc.associations ?? []) as Entry[];
const sourcesOf = (file: CatalogFile): Entry[] => (file.doc.sources ?? []) as Entry[];
const allAssociations = catalog.flatMap(associationsOf);
const allSources = catalog.flatMap(sourcesOf);

/** An https URL on a registrable public domain: a dotted host name, not an IP address, localhost or test domain. */
function isPublicHttpsUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const labels = url.hostname.split('.');
  const tld = labels.at(-1) ?? '';
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    labels.length >= 2 &&
    labels.every((label) => DNS_LABEL.test(label)) &&
    /^[a-z]{2,}$/.test(tld) &&
    !['example', 'test', 'localhost', 'invalid', 'local'].includes(tld) &&
    !labels.includes('example')
  );
}

/** Problems with one association entry's shape, each naming the entry. */
function associationProblems(entry: Entry, clusterId: string): string[] {
  const where = `${clusterId}: ${String(entry.id)}`;
  const problems: string[] = [];
  const fields = Array.isArray(entry.fields) ? (entry.fields as unknown[]) : [];
  const pathways = Array.isArray(entry.pathways) ? (entry.pathways as unknown[]) : [];
  for (const key of Object.keys(entry)) if (!ASSOCIATION_KEYS.has(key)) problems.push(`${where}: unknown key ${key}`);
  if (typeof entry.id !== 'string' || !KEBAB_ID.test(entry.id)) problems.push(`${where}: id not kebab-case`);
  for (const key of ['name', 'description'])
    if (typeof entry[key] !== 'string' || (entry[key] as string).trim() === '') problems.push(`${where}: ${key}`);
  if (!isPublicHttpsUrl(entry.url)) problems.push(`${where}: url not a public https URL`);
  for (const key of ['membershipUrl', 'jobBoardUrl'])
    if (entry[key] !== undefined && !isPublicHttpsUrl(entry[key])) problems.push(`${where}: ${key}`);
  if (fields[0] !== clusterId) problems.push(`${where}: first field must be ${clusterId}`);
  for (const field of fields)
    if (typeof field !== 'string' || !getCluster(field)) problems.push(`${where}: unknown field ${field}`);
  if (pathways.length === 0) problems.push(`${where}: no pathway`);
  for (const pathway of pathways) {
    const known = typeof pathway === 'string' && getPathway(pathway);
    if (!known || !fields.includes(pathway.split('/')[0])) problems.push(`${where}: pathway ${pathway}`);
  }
  if (entry.scope !== 'national' && entry.scope !== 'international') problems.push(`${where}: scope`);
  if (entry.scope === 'national' && entry.country === undefined) problems.push(`${where}: national without country`);
  if (entry.country !== undefined && (typeof entry.country !== 'string' || !COUNTRY.test(entry.country)))
    problems.push(`${where}: country`);
  return problems;
}

/** The file without the catalog's own keys, so the ordinary sources-file parser can check the rest. */
function asSourcesFileText(file: CatalogFile): string {
  const associations = associationsOf(file).map((entry) =>
    Object.fromEntries(Object.entries(entry).filter(([key]) => !CATALOG_ONLY_KEYS.includes(key))),
  );
  return JSON.stringify({ associations, sources: file.doc.sources });
}

const duplicates = (values: unknown[]): unknown[] => values.filter((value, i) => values.indexOf(value) !== i);
const homepageKey = (url: unknown): string =>
  String(url)
    .toLowerCase()
    .replace(/^https:\/\/(www\.)?/, '')
    .replace(/\/+$/, '');

describe('the association catalog', () => {
  it('has one file per career cluster, each with a provenance note', () => {
    expect(catalog.map((file) => file.clusterId)).toEqual(CLUSTERS.map((cluster) => cluster.id).sort());
    for (const file of catalog) expect(String(file.doc.provenance ?? '').length, file.clusterId).toBeGreaterThan(80);
  });

  it(`lists at least ${MIN_PER_CLUSTER} associations per cluster`, () => {
    const small = catalog.filter((file) => associationsOf(file).length < MIN_PER_CLUSTER).map((f) => f.clusterId);
    expect(small).toEqual([]);
  });

  it('gives every association a valid shape, fields and pathways from the taxonomy', () => {
    const problems = catalog.flatMap((file) =>
      associationsOf(file).flatMap((entry) => associationProblems(entry, file.clusterId)),
    );
    expect(problems).toEqual([]);
  });

  it('has no duplicate association id, homepage or source id across all files', () => {
    expect(duplicates(allAssociations.map((a) => a.id))).toEqual([]);
    expect(duplicates(allAssociations.map((a) => homepageKey(a.url)))).toEqual([]);
    expect(duplicates(allSources.map((s) => s.id))).toEqual([]);
  });

  it('keeps every source disabled, on https, pointing to an association in the same file', () => {
    for (const file of catalog) {
      const ids = new Set(associationsOf(file).map((a) => a.id));
      for (const source of sourcesOf(file)) {
        expect(source.enabled, String(source.id)).toBe(false);
        expect(isPublicHttpsUrl(source.url), String(source.id)).toBe(true);
        expect(ids.has(source.associationId), String(source.id)).toBe(true);
      }
    }
  });

  it('parses as an ordinary sources file once the catalog-only keys are set aside', () => {
    for (const file of catalog) {
      const parsed = parseSourcesYaml(asSourcesFileText(file), { file: file.clusterId });
      expect(parsed.associations).toHaveLength(associationsOf(file).length);
    }
  });
});
