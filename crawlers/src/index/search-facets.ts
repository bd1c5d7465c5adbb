import { type EventFacets, HIRING_FACET_FLOORS } from '@fieldguide/shared';

/** Meilisearch's `facetDistribution`: value → count per attribute. */
export type FacetDistribution = Record<string, Record<string, number>>;

/** Merges the distributions of several searches; a later search's attribute replaces an earlier one's. */
export function mergeDistributions(distributions: readonly (FacetDistribution | undefined)[]): FacetDistribution {
  const merged: FacetDistribution = {};
  for (const distribution of distributions) Object.assign(merged, distribution ?? {});
  return merged;
}

/** The events search's facets from the merged distribution: costs as true/false, hiring as counts per floor. */
export function toEventFacets(d: FacetDistribution): EventFacets {
  const hiring: Record<string, number> = {};
  for (const floor of HIRING_FACET_FLOORS) {
    let count = 0;
    for (const [score, n] of Object.entries(d.hiring ?? {})) if (Number(score) >= floor) count += n;
    hiring[String(floor)] = count;
  }
  return {
    fields: d.fields ?? {},
    pathways: d.pathways ?? {},
    type: d.type ?? {},
    format: d.format ?? {},
    country: d.country ?? {},
    region: d.region ?? {},
    costFree: { true: d.costFree?.true ?? 0, false: d.costFree?.false ?? 0 },
    hiring,
  };
}
