import { type EventFacets, type FieldSummary, HIRING_LEVEL_LABELS, HIRING_LIKELY } from '@fieldguide/shared';
import { useId, useMemo } from 'react';
import { DATE_PRESET_LABELS, DATE_PRESETS, matchingPreset, presetRange } from '../../../lib/date-range.js';
import { EVENT_FORMAT_LABELS, EVENT_TYPE_LABELS, entriesOf } from '../../../lib/labels.js';
import { type DistanceUnit, viewerTimeZone } from '../../../lib/viewer.js';
import { type SearchState, toggle, toggleCluster, togglePathway } from '../search-state.js';
import { CheckboxFacet } from './checkbox-facet.js';
import { FieldFacet } from './field-facet.js';
import { NearFilter } from './near-filter.js';

export interface SearchFiltersProps {
  state: SearchState;
  facets: EventFacets | undefined;
  taxonomy: readonly FieldSummary[];
  resolvedNear?: string;
  /** The viewer's distance unit. */
  unit: DistanceUnit;
  onChange: (update: (prev: SearchState) => SearchState) => void;
}

const TYPE_OPTIONS = entriesOf(EVENT_TYPE_LABELS);
const FORMAT_OPTIONS = entriesOf(EVENT_FORMAT_LABELS);
const NO_COUNTS: Record<string, number> = {};

/** Every filter of the search, each with the counts the current results would have with it. */
export function SearchFilters({ state, facets, taxonomy, resolvedNear, unit, onChange }: SearchFiltersProps) {
  const fromId = useId();
  const toId = useId();
  const hiringCount = facets?.hiring[String(HIRING_LIKELY)];
  const zone = useMemo(() => viewerTimeZone(), []);
  const preset = matchingPreset({ from: state.from, to: state.to }, new Date(), zone);
  return (
    <div className="filters">
      <fieldset className="facet facet--hiring">
        <legend className="visually-hidden">Hiring signal</legend>
        <label className="facet__option facet__option--strong">
          <input
            type="checkbox"
            checked={state.hiring !== undefined && state.hiring >= HIRING_LIKELY}
            onChange={(e) => {
              const checked = e.target.checked;
              onChange((prev) => ({ ...prev, hiring: checked ? HIRING_LIKELY : undefined }));
            }}
          />
          <span className="facet__name">{HIRING_LEVEL_LABELS.likely}</span>
          {hiringCount !== undefined && <span className="facet__count">{hiringCount}</span>}
        </label>
      </fieldset>

      <FieldFacet
        selected={state.fields}
        clusterCounts={facets?.fields ?? NO_COUNTS}
        pathwayCounts={facets?.pathways ?? NO_COUNTS}
        taxonomy={taxonomy}
        onToggleCluster={(id) => onChange((prev) => ({ ...prev, fields: toggleCluster(prev.fields, id) }))}
        onTogglePathway={(id) => onChange((prev) => ({ ...prev, fields: togglePathway(prev.fields, id) }))}
      />

      <CheckboxFacet
        legend="Event type"
        options={TYPE_OPTIONS}
        selected={state.types}
        counts={facets?.type ?? NO_COUNTS}
        onToggle={(value) => onChange((prev) => ({ ...prev, types: toggle(prev.types, value) }))}
      />

      <CheckboxFacet
        legend="Format"
        options={FORMAT_OPTIONS}
        selected={state.formats}
        counts={facets?.format ?? NO_COUNTS}
        onToggle={(value) => onChange((prev) => ({ ...prev, formats: toggle(prev.formats, value) }))}
      />

      <fieldset className="facet">
        <legend>Cost</legend>
        <ul className="facet__list">
          {(
            [
              [undefined, 'Any', undefined],
              ['free', 'Free', facets?.costFree.true],
              ['paid', 'Paid', facets?.costFree.false],
            ] as const
          ).map(([value, label, count]) => (
            <li key={label}>
              <label className="facet__option">
                <input
                  type="radio"
                  name="cost"
                  checked={state.cost === value}
                  onChange={() => onChange((prev) => ({ ...prev, cost: value }))}
                />
                <span className="facet__name">{label}</span>
                {count !== undefined && <span className="facet__count">{count}</span>}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="facet">
        <legend>Dates</legend>
        <ul className="date-presets" aria-label="Quick dates">
          {DATE_PRESETS.map((p) => (
            <li key={p}>
              <button
                type="button"
                className="button button--small"
                aria-pressed={preset === p}
                onClick={() => {
                  const range = preset === p ? { from: undefined, to: undefined } : presetRange(p, new Date(), zone);
                  onChange((prev) => ({ ...prev, ...range }));
                }}
              >
                {DATE_PRESET_LABELS[p]}
              </button>
            </li>
          ))}
        </ul>
        <p className="date-presets__note">Semesters: spring Jan–May, summer June to mid-August, fall mid-August–Dec.</p>
        <div className="date-range">
          <div>
            <label htmlFor={fromId}>From</label>
            <input
              id={fromId}
              type="date"
              value={state.from ?? ''}
              max={state.to}
              onChange={(e) => {
                const from = e.target.value || undefined;
                onChange((prev) => ({ ...prev, from }));
              }}
            />
          </div>
          <div>
            <label htmlFor={toId}>To</label>
            <input
              id={toId}
              type="date"
              value={state.to ?? ''}
              min={state.from}
              onChange={(e) => {
                const to = e.target.value || undefined;
                onChange((prev) => ({ ...prev, to }));
              }}
            />
          </div>
        </div>
      </fieldset>

      <NearFilter state={state} resolvedLabel={resolvedNear} unit={unit} onChange={onChange} />
    </div>
  );
}
