import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Association, CLUSTERS, FieldguideError, type Source } from '@fieldguide/shared';
import { canonicalUrl } from '../dedupe/canonical-url.js';
import { parseSourcesYaml, SourcesFileError } from '../sources/load-sources.js';

/**
 * The bundled associations directory: `crawlers/catalog/`, found from this module's own place so that it
 * resolves from any working directory, from the sources and from the built `dist/`.
 */
export const DEFAULT_CATALOG_DIR = fileURLToPath(new URL('../../catalog/', import.meta.url));

/** Thrown when the catalog cannot be read or has a bad entry: nothing of it is loaded. */
export class CatalogError extends FieldguideError {
  constructor(
    readonly dir: string,
    readonly problems: readonly string[],
  ) {
    super('CATALOG_INVALID', `catalog ${dir}:\n  ${problems.join('\n  ')}`);
    this.name = 'CatalogError';
  }
}

/** One career cluster's file of the catalog. */
export interface CatalogCluster {
  clusterId: string;
  file: string;
  provenance: string;
  associations: Association[];
  sources: Source[];
}

/** The whole catalog: every cluster's file, and their associations and sources together. */
export interface Catalog {
  dir: string;
  clusters: CatalogCluster[];
  associations: Association[];
  /** Disabled, marked `fromCatalog`: an operator enables them. */
  sources: Source[];
}

const CLUSTER_IDS = new Set(CLUSTERS.map((c) => c.id));

/** The problems of one cluster file that its own parse does not see. */
function clusterProblems(cluster: CatalogCluster): string[] {
  const problems: string[] = [];
  const where = path.basename(cluster.file);
  for (const a of cluster.associations) {
    if (a.fields[0] !== cluster.clusterId) {
      problems.push(
        `${where} association "${a.id}": fields: must start with the file's cluster "${cluster.clusterId}"`,
      );
    }
  }
  for (const s of cluster.sources) {
    if (s.enabled) problems.push(`${where} source "${s.id}": enabled: must be false (the operator enables sources)`);
  }
  return problems;
}

/** Ids and homepages used twice across the files, and sources naming an association no file has. */
function crossFileProblems(clusters: readonly CatalogCluster[]): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const homes = new Map<string, string>();
  const sourceIds = new Map<string, string>();
  for (const cluster of clusters) {
    const where = path.basename(cluster.file);
    for (const a of cluster.associations) {
      const id = ids.get(a.id);
      if (id) problems.push(`${where} association "${a.id}": id already used in ${id}`);
      else ids.set(a.id, where);
      const key = canonicalUrl(a.url) ?? a.url;
      const home = homes.get(key);
      if (home) problems.push(`${where} association "${a.id}": url ${a.url} is already the homepage of ${home}`);
      else homes.set(key, `"${a.id}" (${where})`);
    }
    for (const s of cluster.sources) {
      const other = sourceIds.get(s.id);
      if (other) problems.push(`${where} source "${s.id}": id already used in ${other}`);
      else sourceIds.set(s.id, where);
    }
  }
  for (const cluster of clusters) {
    for (const s of cluster.sources) {
      if (s.associationId && !ids.has(s.associationId)) {
        problems.push(
          `${path.basename(cluster.file)} source "${s.id}": no association "${s.associationId}" in the catalog`,
        );
      }
    }
  }
  return problems;
}

async function readCluster(file: string, now: Date, problems: string[]): Promise<CatalogCluster | undefined> {
  const name = path.basename(file);
  const clusterId = name.replace(/\.ya?ml$/, '');
  if (!CLUSTER_IDS.has(clusterId)) {
    problems.push(`${name}: not a career cluster id (expected one of ${[...CLUSTER_IDS].join(', ')})`);
    return undefined;
  }
  try {
    const parsed = parseSourcesYaml(await readFile(file, 'utf8'), { file: name, now });
    if (!parsed.provenance) {
      problems.push(`${name}: provenance: required (how the entries were gathered and checked)`);
      return undefined;
    }
    return {
      clusterId,
      file,
      provenance: parsed.provenance,
      associations: parsed.associations,
      sources: parsed.sources.map((s) => ({ ...s, fromCatalog: true })),
    };
  } catch (error) {
    if (error instanceof SourcesFileError) problems.push(...error.problems.map((p) => `${name}: ${p}`));
    else problems.push(`${name}: cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`);
    return undefined;
  }
}

/**
 * Reads every `<cluster-id>.yaml` of a catalog directory (default: the bundled one), each a sources file with a
 * `provenance:`. Checks each entry as a sources file does, and across the files: one id per association and per
 * source, one association per homepage, each association filed under its first field, sources disabled and naming
 * an association of the catalog.
 * @throws CatalogError listing every problem, each naming the file and the entry.
 */
export async function loadCatalog(dir = DEFAULT_CATALOG_DIR, options: { now?: Date } = {}): Promise<Catalog> {
  const now = options.now ?? new Date();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (error) {
    throw new CatalogError(dir, [`cannot read the directory: ${(error as NodeJS.ErrnoException).code ?? error}`]);
  }
  const problems: string[] = [];
  const clusters: CatalogCluster[] = [];
  for (const name of names) {
    const cluster = await readCluster(path.join(dir, name), now, problems);
    if (cluster) {
      problems.push(...clusterProblems(cluster));
      clusters.push(cluster);
    }
  }
  problems.push(...crossFileProblems(clusters));
  if (problems.length > 0) throw new CatalogError(dir, problems);
  return {
    dir,
    clusters,
    associations: clusters.flatMap((c) => c.associations),
    sources: clusters.flatMap((c) => c.sources),
  };
}
