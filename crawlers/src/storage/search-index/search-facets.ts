import { type EventFacets, type Filter, HIRING_FACET_FLOORS, listFields } from '@fieldguide/shared';
import type { IndexSearchParams } from './search-index.js';

/** Meilisearch's `facetDistribution`: value → count per attribute. */
export type FacetDistribution = Record<string, Record<string, number>>;

/** Merges the distributions of several searches; a later search's attribute replaces an earlier one's. */
export function mergeDistributions(distributions: readonly (FacetDistribution | undefined)[]): FacetDistribution {
  const merged: FacetDistribution = {};
  for (const distribution of distributions) Object.assign(merged, distribution ?? {});
  return merged;
}

/**
 * Field and pathway counts that say what choosing each would list: the events of that field plus, when
 * `includeAllFields`, the events open to all fields (which have no fields of their own, so nothing is counted twice).
 */
export function withAllFields(
  counts: { fields: Record<string, number>; pathways: Record<string, number> },
  allFieldsCount: number,
  includeAllFields: boolean,
): { fields: Record<string, number>; pathways: Record<string, number> } {
  if (!includeAllFields || allFieldsCount === 0) return counts;
  const fields: Record<string, number> = {};
  const pathways: Record<string, number> = {};
  for (const field of listFields()) {
    fields[field.id] = (counts.fields[field.id] ?? 0) + allFieldsCount;
    for (const p of field.pathways) pathways[p.id] = (counts.pathways[p.id] ?? 0) + allFieldsCount;
  }
  return { fields, pathways };
}

/** How many matches are open to all fields, from a distribution that counted `allFields`. */
export const allFieldsCount = (d: FacetDistribution): number => d.allFields?.true ?? 0;

/**
 * The events search's facets from the merged distribution: costs as true/false, hiring as counts per floor, field
 * and pathway counts with the events open to all fields added to each when `includeAllFields` (see {@link withAllFields}).
 */
export function toEventFacets(d: FacetDistribution, includeAllFields = false): EventFacets {
  const hiring: Record<string, number> = {};
  for (const floor of HIRING_FACET_FLOORS) {
    let count = 0;
    for (const [reached, n] of Object.entries(d.hiringFloor ?? {})) if (Number(reached) >= floor) count += n;
    hiring[String(floor)] = count;
  }
  const allFields = allFieldsCount(d);
  const { fields, pathways } = withAllFields(
    { fields: d.fields ?? {}, pathways: d.pathways ?? {} },
    allFields,
    includeAllFields,
  );
  return {
    fields,
    pathways,
    type: d.type ?? {},
    format: d.format ?? {},
    country: d.country ?? {},
    region: d.region ?? {},
    costFree: { true: d.costFree?.true ?? 0, false: d.costFree?.false ?? 0 },
    hiring,
    allFields,
  };
}

/** Facet attributes counted without their own filter, so a chosen value does not hide the others. */
export interface FacetGroup<Q> {
  attributes: readonly string[];
  /** Whether the query sets the group's filter. */
  active(q: Q): boolean;
  /** The query without the group's filter. */
  without(q: Q): Q;
}

/**
 * Disjunctive facets: the groups whose filter `query` sets, and for each a `limit: 0` request counting its
 * attributes under every other filter (`filterFor` turns a query into its filter).
 */
export function planFacetSearches<Q extends { q: string }>(
  groups: readonly FacetGroup<Q>[],
  query: Q,
  filterFor: (q: Q) => Filter | undefined,
): { activeAttributes: ReadonlySet<string>; facetSearches: IndexSearchParams[] } {
  const active = groups.filter((g) => g.active(query));
  return {
    activeAttributes: new Set(active.flatMap((g) => g.attributes)),
    facetSearches: active.map((group) => ({
      q: query.q,
      filter: filterFor(group.without(query)),
      limit: 0,
      facets: [...group.attributes],
    })),
  };
}
