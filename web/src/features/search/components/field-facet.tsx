import type { FieldSummary } from '@fieldguide/shared';
import { useState } from 'react';
import { fallbackFieldName } from '../../../lib/fields-query.js';
import { clusterOf } from '../search-state.js';

export interface FieldFacetProps {
  /** Selected cluster and pathway ids. */
  selected: readonly string[];
  /** Upcoming events per cluster and pathway id for the current search (without the field filter). */
  clusterCounts: Record<string, number>;
  pathwayCounts: Record<string, number>;
  /** The taxonomy, in display order (names); may be empty while it loads. */
  taxonomy: readonly FieldSummary[];
  onToggleCluster: (clusterId: string) => void;
  onTogglePathway: (pathwayId: string) => void;
}

const COLLAPSED_COUNT = 8;

/** Career fields with counts; a selected field opens its pathways to narrow to. */
export function FieldFacet(props: FieldFacetProps) {
  const { selected, clusterCounts, pathwayCounts, taxonomy } = props;
  const [showAll, setShowAll] = useState(false);
  const activeClusters = new Set(selected.map(clusterOf));
  const known = new Set(taxonomy.map((f) => f.id));
  const clusters: { id: string; name: string; pathways: FieldSummary['pathways'] }[] = [
    ...taxonomy.filter((f) => activeClusters.has(f.id) || (clusterCounts[f.id] ?? 0) > 0),
    ...[...activeClusters]
      .filter((id) => !known.has(id))
      .map((id) => ({ id, name: fallbackFieldName(id), pathways: [] })),
  ];
  const visible = showAll ? clusters : clusters.slice(0, COLLAPSED_COUNT);
  if (clusters.length === 0) return null;
  return (
    <fieldset className="facet">
      <legend>Career field</legend>
      <ul className="facet__list">
        {visible.map((cluster) => {
          const active = activeClusters.has(cluster.id);
          const pathways = active
            ? cluster.pathways.filter((p) => (pathwayCounts[p.id] ?? 0) > 0 || selected.includes(p.id))
            : [];
          return (
            <li key={cluster.id}>
              <label className="facet__option">
                <input type="checkbox" checked={active} onChange={() => props.onToggleCluster(cluster.id)} />
                <span className="facet__name">{cluster.name}</span>
                <span className="facet__count">{clusterCounts[cluster.id] ?? 0}</span>
              </label>
              {pathways.length > 0 && (
                <fieldset className="facet facet--nested">
                  <legend className="visually-hidden">Pathways of {cluster.name}</legend>
                  <ul className="facet__list">
                    {pathways.map((pathway) => (
                      <li key={pathway.id}>
                        <label className="facet__option">
                          <input
                            type="checkbox"
                            checked={selected.includes(pathway.id)}
                            onChange={() => props.onTogglePathway(pathway.id)}
                          />
                          <span className="facet__name">{pathway.name}</span>
                          <span className="facet__count">{pathwayCounts[pathway.id] ?? 0}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
            </li>
          );
        })}
      </ul>
      {clusters.length > COLLAPSED_COUNT && (
        <button type="button" className="link-button" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Show fewer fields' : `Show all ${clusters.length} fields`}
        </button>
      )}
    </fieldset>
  );
}
