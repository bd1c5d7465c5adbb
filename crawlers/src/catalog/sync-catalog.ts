import {
  type AdminCatalog,
  type Association,
  CLUSTERS,
  FieldguideError,
  getCluster,
  resolveField,
  type Source,
} from '@fieldguide/shared';
import { associationHiring } from '../sources/association-hiring.js';
import type { Store } from '../storage/store/store.types.js';
import type { Catalog } from './load-catalog.js';

/** What loading the catalog into a store changed. */
export interface CatalogSyncResult {
  associations: { inserted: number; updated: number; unchanged: number };
  sources: { inserted: number; updated: number; unchanged: number; kept: number };
}

/**
 * The catalog's entry over what the store holds: what the catalog states is curated and wins; what it leaves
 * out (chapters, region, a job board found by discovery, …) stays as a crawl or discovery learnt it.
 */
function mergeAssociation(curated: Association, stored: Association | undefined): Association {
  if (!stored) return curated;
  const merged: Association = {
    ...stored,
    ...curated,
    description: curated.description || stored.description,
    chapters: curated.chapters.length > 0 ? curated.chapters : stored.chapters,
  };
  return { ...merged, hiring: associationHiring({ jobBoardUrl: merged.jobBoardUrl }) };
}

const count = () => ({ inserted: 0, updated: 0, unchanged: 0 });

/**
 * Saves the catalog into the store in one transaction, idempotently: loading the same catalog again changes
 * nothing. Associations are merged with what the store learnt of them (`mergeAssociation`). A catalog source is
 * inserted disabled when the store has no source of that id; one already there keeps whether the operator enabled
 * it (its URL and hints follow the catalog), and a source of that id the operator added is left alone.
 */
export function syncCatalog(store: Store, catalog: Catalog): CatalogSyncResult {
  const result: CatalogSyncResult = { associations: count(), sources: { ...count(), kept: 0 } };
  store.transaction(() => {
    for (const association of catalog.associations) {
      const { status } = store.upsertAssociation(mergeAssociation(association, store.getAssociation(association.id)));
      result.associations[status] += 1;
    }
    for (const source of catalog.sources) {
      const stored = store.getSource(source.id);
      if (stored && !stored.fromCatalog) {
        result.sources.kept += 1;
        continue;
      }
      const { status } = store.upsertSource({
        ...source,
        enabled: stored?.enabled ?? false,
        fromCatalog: true,
        health: stored?.health ?? source.health,
      });
      result.sources[status] += 1;
    }
  });
  return result;
}

/** Thrown when `enable`/`disable` names a field or association the catalog does not know: nothing changes. */
export class CatalogSelectionError extends FieldguideError {
  constructor(message: string) {
    super('CATALOG_SELECTION', message);
    this.name = 'CatalogSelectionError';
  }
}

/** Which catalog sources to switch: a field's (its id or a name such as "health care") or an association's. */
export type CatalogSelection = { field: string } | { associationId: string };

/** A field given by id or name as its cluster id. @throws CatalogSelectionError for an unknown one. */
export function catalogFieldId(field: string): string {
  const clusterId = getCluster(field)?.id ?? resolveField(field)?.clusterId;
  if (!clusterId) throw new CatalogSelectionError(`unknown field ${JSON.stringify(field)}`);
  return clusterId;
}

/** The fields a catalog source counts under: its own and its association's. */
function fieldsOf(source: Source, association: Association | undefined): Set<string> {
  return new Set([...source.fields, ...(association?.fields ?? [])]);
}

const associationOf = (store: Store, source: Source) =>
  source.associationId ? store.getAssociation(source.associationId) : undefined;

/**
 * The store's catalog sources a selection names: a field's are those whose source or association lists the field.
 * @throws CatalogSelectionError for an unknown field or association.
 */
export function selectCatalogSources(store: Store, selection: CatalogSelection): Source[] {
  const catalogSources = store.listSources().filter((s) => s.fromCatalog);
  if ('associationId' in selection) {
    if (!store.getAssociation(selection.associationId)) {
      throw new CatalogSelectionError(`no association "${selection.associationId}" in the store`);
    }
    return catalogSources.filter((s) => s.associationId === selection.associationId);
  }
  const clusterId = catalogFieldId(selection.field);
  return catalogSources.filter((s) => fieldsOf(s, associationOf(store, s)).has(clusterId));
}

/** The store's catalog sources by field (counted under each field {@link selectCatalogSources} would), and by association. */
export function catalogOverview(store: Store): AdminCatalog {
  const counts = new Map(CLUSTERS.map((c) => [c.id, { sources: 0, enabledSources: 0 }]));
  const byAssociation = new Map<string, AdminCatalog['associations'][number]>();
  for (const source of store.listSources().filter((s) => s.fromCatalog)) {
    const association = associationOf(store, source);
    for (const field of fieldsOf(source, association)) {
      const count = counts.get(field);
      if (!count) continue;
      count.sources += 1;
      if (source.enabled) count.enabledSources += 1;
    }
    if (!association) continue;
    const entry = byAssociation.get(association.id) ?? {
      id: association.id,
      name: association.name,
      fields: association.fields,
      sources: [],
    };
    entry.sources.push({ id: source.id, url: source.url, enabled: source.enabled });
    byAssociation.set(association.id, entry);
  }
  return {
    fields: CLUSTERS.map((c) => ({ id: c.id, name: c.name, sources: 0, enabledSources: 0, ...counts.get(c.id) })),
    associations: [...byAssociation.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/**
 * Enables or disables the catalog sources a selection names, in one transaction; returns the ids of those whose
 * state changed (none when they already were so).
 * @throws CatalogSelectionError for an unknown field or association.
 */
export function setCatalogSourcesEnabled(store: Store, selection: CatalogSelection, enabled: boolean): string[] {
  const selected = selectCatalogSources(store, selection).filter((s) => s.enabled !== enabled);
  store.transaction(() => {
    for (const source of selected) store.upsertSource({ ...source, enabled });
  });
  return selected.map((s) => s.id);
}
