import { useId } from 'react';
import { useFields } from '../../../lib/fields-query.js';
import { EVENT_TYPE_LABELS, entriesOf } from '../../../lib/labels.js';
import { EMBED_RADII, type EmbedSettings, MAX_EMBED_EVENTS } from '../embed-snippets.js';
import type { usePlaceCheck } from '../hooks/use-place-check.js';
import { PlaceField } from './place-field.js';

export interface EmbedFormProps {
  settings: EmbedSettings;
  /** The place checked against the gazetteer (`usePlaceCheck(settings.near)`). */
  placeCheck: ReturnType<typeof usePlaceCheck>;
  onChange: (patch: Partial<EmbedSettings>) => void;
}

const radiusLabel = (r: string) => r.replace(/(km|mi)$/, ' $1');

/** The builder's choices: field, place and radius, type, number of events and theme. */
export function EmbedForm({ settings, placeCheck, onChange }: EmbedFormProps) {
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
          {EMBED_RADII.map((r) => (
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
        />
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
    </form>
  );
}
