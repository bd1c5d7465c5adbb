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
