import { HIRING_LEVEL_LABELS } from '@fieldguide/shared';
import { useId } from 'react';
import { useFields } from '../../../lib/fields-query.js';
import { EVENT_FORMAT_LABELS, EVENT_TYPE_LABELS, entriesOf } from '../../../lib/labels.js';
import { type DistanceUnit, RADII, radiusLabel } from '../../../lib/viewer.js';
import { type EmbedSettings, MAX_EMBED_EVENTS, MAX_EMBED_KEYWORDS } from '../embed-snippets.js';
import type { usePlaceCheck } from '../hooks/use-place-check.js';
import { PlaceField } from './place-field.js';

export interface EmbedFormProps {
  settings: EmbedSettings;
  /** The place checked against the gazetteer (`usePlaceCheck(settings.near)`). */
  placeCheck: ReturnType<typeof usePlaceCheck>;
  onChange: (patch: Partial<EmbedSettings>) => void;
  /** The radii offered are in the editor's unit. */
  unit: DistanceUnit;
  /** The editor's zone, offered for the iframe's online events. */
  viewerTimeZone?: string;
}

const HIRING_OPTIONS: readonly [EmbedSettings['hiring'], string][] = [
  ['', 'Every event'],
  ['0.5', `${HIRING_LEVEL_LABELS.likely} or more`],
  ['0.75', HIRING_LEVEL_LABELS.strong],
];

/**
 * The builder's choices, each an option the widget and the iframe accept: field, keywords, place and radius, type,
 * format, hiring floor, number of events, theme, and the iframe's zone for online events; each states its limits.
 */
export function EmbedForm({ settings, placeCheck, onChange, unit, viewerTimeZone }: EmbedFormProps) {
  const id = useId();
  const { data: fields, error } = useFields();
  const hasPlace = settings.near.trim() !== '';
  return (
    <form className="embed-builder__form" aria-label="Embed settings" onSubmit={(e) => e.preventDefault()}>
      <div className="embed-builder__control">
        <label htmlFor={`${id}-field`}>Career field</label>
        <select id={`${id}-field`} value={settings.field} onChange={(e) => onChange({ field: e.target.value })}>
          <option value="">Every field</option>
          {fields?.fields.map((field) => (
            <optgroup key={field.id} label={field.name}>
              <option value={field.id}>{field.name} (all)</option>
              {field.pathways.map((pathway) => (
                <option key={pathway.id} value={pathway.id}>
                  {pathway.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {error && <p className="hint">The list of fields could not be loaded; every field is shown.</p>}
      </div>
      <div className="embed-builder__control">
        <label htmlFor={`${id}-q`}>Keywords</label>
        <input
          id={`${id}-q`}
          type="search"
          value={settings.q}
          placeholder="nursing, cybersecurity"
          autoComplete="off"
          maxLength={MAX_EMBED_KEYWORDS}
          aria-describedby={`${id}-q-hint`}
          onChange={(e) => onChange({ q: e.target.value })}
        />
        <p className="hint" id={`${id}-q-hint`}>
          Words in the title or description, up to {MAX_EMBED_KEYWORDS} characters; empty for every event.
        </p>
      </div>
      <PlaceField
        value={settings.near}
        check={placeCheck}
        suggestions={placeCheck.places?.places ?? []}
        onChange={(near) => onChange({ near })}
      />
      <div className="embed-builder__control">
        <label htmlFor={`${id}-radius`}>Within</label>
        <select
          id={`${id}-radius`}
          value={settings.radius}
          disabled={!hasPlace}
          onChange={(e) => onChange({ radius: e.target.value })}
        >
          {[...new Set([...RADII[unit], settings.radius])].map((r) => (
            <option key={r} value={r}>
              {radiusLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="embed-builder__control">
        <label htmlFor={`${id}-type`}>Event type</label>
        <select
          id={`${id}-type`}
          value={settings.type}
          onChange={(e) => onChange({ type: e.target.value as EmbedSettings['type'] })}
        >
          <option value="">Every type</option>
          {entriesOf(EVENT_TYPE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="embed-builder__control">
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={settings.format}
          onChange={(e) => onChange({ format: e.target.value as EmbedSettings['format'] })}
        >
          <option value="">In person, online and hybrid</option>
          {entriesOf(EVENT_FORMAT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label} only
            </option>
          ))}
        </select>
      </div>
      <div className="embed-builder__control">
        <label htmlFor={`${id}-hiring`}>Hiring signal</label>
        <select
          id={`${id}-hiring`}
          value={settings.hiring}
          onChange={(e) => onChange({ hiring: e.target.value as EmbedSettings['hiring'] })}
        >
          {HIRING_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="embed-builder__control">
        <label htmlFor={`${id}-limit`}>Number of events</label>
        <input
          id={`${id}-limit`}
          type="number"
          min={1}
          max={MAX_EMBED_EVENTS}
          value={settings.limit}
          onChange={(e) => {
            const limit = Number(e.target.value);
            if (Number.isInteger(limit) && limit >= 1 && limit <= MAX_EMBED_EVENTS) onChange({ limit });
          }}
          aria-describedby={`${id}-limit-hint`}
        />
        <p className="hint" id={`${id}-limit-hint`}>
          1 to {MAX_EMBED_EVENTS}; upcoming events only, soonest first.
        </p>
      </div>
      <fieldset className="embed-builder__control">
        <legend>Theme</legend>
        {(['light', 'dark'] as const).map((theme) => (
          <label key={theme} className="embed-builder__radio">
            <input
              type="radio"
              name={`${id}-theme`}
              value={theme}
              checked={settings.theme === theme}
              onChange={() => onChange({ theme })}
            />{' '}
            {theme === 'light' ? 'Light' : 'Dark'}
          </label>
        ))}
      </fieldset>
      {viewerTimeZone && (
        <div className="embed-builder__control">
          <label className="embed-builder__radio">
            <input
              type="checkbox"
              checked={settings.tz === viewerTimeZone}
              onChange={(e) => onChange({ tz: e.target.checked ? viewerTimeZone : '' })}
            />{' '}
            Iframe: show online events’ times in {viewerTimeZone}
          </label>
          <p className="hint">
            The script widget shows them in each visitor’s own zone; in-person events always show in their own zone.
          </p>
        </div>
      )}
    </form>
  );
}
