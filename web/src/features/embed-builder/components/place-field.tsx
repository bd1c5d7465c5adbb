import { useId } from 'react';
import type { PlaceCheck } from '../hooks/use-place-check.js';

export interface PlaceFieldProps {
  value: string;
  check: PlaceCheck;
  /** Type-ahead options for what is typed. */
  suggestions: readonly { label: string }[];
  onChange: (near: string) => void;
}

/** The builder's place: type-ahead from the gazetteer, and what the snippet will use (or why it cannot). */
export function PlaceField({ value, check, suggestions, onChange }: PlaceFieldProps) {
  const id = useId();
  const alternatives = check.status === 'ok' ? (check.resolution?.alternatives ?? []) : [];
  return (
    <div className="embed-builder__control">
      <label htmlFor={`${id}-near`}>Near</label>
      <input
        id={`${id}-near`}
        type="text"
        value={value}
        placeholder="Minneapolis, MN"
        autoComplete="off"
        maxLength={100}
        list={`${id}-places`}
        aria-describedby={`${id}-status`}
        aria-invalid={check.status === 'not-found'}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id={`${id}-places`}>
        {suggestions.map((p) => (
          <option key={p.label} value={p.label} />
        ))}
      </datalist>
      <div id={`${id}-status`} className="embed-builder__place-status" aria-live="polite">
        {check.status === 'empty' && (
          <p className="hint">A city (“City, ST”), a US ZIP code or Canadian postal area, or empty for anywhere.</p>
        )}
        {check.status === 'checking' && <p className="hint">Checking the place…</p>}
        {check.status === 'failed' && (
          <p className="field-error">The place could not be checked; no snippet until it is. Try again shortly.</p>
        )}
        {check.status === 'not-found' && (
          <p className="field-error">
            “{check.resolution.input}” is not a place we know, so there is no snippet yet.{' '}
            {check.resolution.hint ?? 'Pick a place from the list, check the spelling, or leave it empty.'}
          </p>
        )}
        {check.status === 'ok' && check.resolution && (
          <p className="hint">
            {check.resolution.kind === 'corrected' ? (
              <>
                The snippet uses <strong>{check.resolution.resolved}</strong>, the closest place to “
                {check.resolution.input}”.{' '}
                <button type="button" className="link-button" onClick={() => onChange(check.near)}>
                  Use this spelling
                </button>
              </>
            ) : (
              <>Events near {check.resolution.resolved}.</>
            )}
          </p>
        )}
        {alternatives.length > 0 && (
          <p className="hint">
            Or another place of that name:{' '}
            {alternatives.map((option) => (
              <button key={option.label} type="button" className="link-button" onClick={() => onChange(option.label)}>
                {option.label}
              </button>
            ))}
          </p>
        )}
      </div>
    </div>
  );
}
