import { useEffect, useId, useState } from 'react';
import { usePlaces } from '../../../lib/places-query.js';
import { DEFAULT_RADIUS, type DistanceUnit, RADII, radiusLabel } from '../../../lib/viewer.js';
import { type SearchState, withoutPlace } from '../search-state.js';

export interface NearFilterProps {
  state: SearchState;
  /** The place the server resolved `near` to, when it was a name. */
  resolvedLabel?: string;
  /** The viewer's unit: the radii offered and the default one are in it. */
  unit: DistanceUnit;
  onChange: (update: (prev: SearchState) => SearchState) => void;
}

type GeoStatus = { kind: 'idle' } | { kind: 'locating' } | { kind: 'error'; message: string };

function geoErrorMessage(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) return 'Location access was not allowed. Type a city instead.';
  if (error.code === error.TIMEOUT) return 'Finding your location took too long. Type a city instead.';
  return 'Your location could not be found. Type a city instead.';
}

/** Near a typed place or the device's location ("near me"), within a radius. */
export function NearFilter({ state, resolvedLabel, unit, onChange }: NearFilterProps) {
  const placeId = useId();
  const placesId = useId();
  const radiusId = useId();
  const [place, setPlace] = useState(state.near ?? '');
  // Suggestions for what is being typed, not for the place already searched.
  const suggestions = usePlaces(place === (state.near ?? '') ? '' : place).data?.places ?? [];
  const [geo, setGeo] = useState<GeoStatus>({ kind: 'idle' });
  const isCoordinates = state.near !== undefined && /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/.test(state.near);

  useEffect(() => setPlace(isCoordinates ? '' : (state.near ?? '')), [state.near, isCoordinates]);

  const locateMe = () => {
    if (!('geolocation' in navigator)) {
      setGeo({ kind: 'error', message: 'This browser cannot share your location. Type a city instead.' });
      return;
    }
    setGeo({ kind: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setGeo({ kind: 'idle' });
        // Three decimals (about 100 m) is plenty for a radius search and keeps shared URLs from pinpointing a home.
        const near = `${position.coords.latitude.toFixed(3)},${position.coords.longitude.toFixed(3)}`;
        onChange((prev) => ({ ...prev, near }));
      },
      (error) => setGeo({ kind: 'error', message: geoErrorMessage(error) }),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
    );
  };

  return (
    <fieldset className="facet">
      <legend>Near</legend>
      <form
        className="near-filter__place"
        onSubmit={(e) => {
          e.preventDefault();
          const near = place.trim();
          onChange((prev) => {
            const next = { ...prev, near: near || undefined };
            if (!near && next.sort === 'distance') next.sort = undefined;
            return next;
          });
        }}
      >
        <label htmlFor={placeId}>City or place</label>
        <div className="inline-row">
          <input
            id={placeId}
            type="text"
            value={place}
            maxLength={100}
            autoComplete="off"
            list={placesId}
            placeholder={isCoordinates ? 'Your location' : 'e.g. Minneapolis, MN or 60616'}
            onChange={(e) => {
              const value = e.target.value;
              setPlace(value);
              // Picking a suggestion searches at once; its label resolves to exactly that place.
              if (suggestions.some((p) => p.label === value)) onChange((prev) => ({ ...prev, near: value }));
            }}
          />
          <datalist id={placesId}>
            {suggestions.map((p) => (
              <option key={p.label} value={p.label} />
            ))}
          </datalist>
          <button type="submit" className="button">
            Set
          </button>
        </div>
      </form>
      <button type="button" className="button button--ghost" onClick={locateMe} disabled={geo.kind === 'locating'}>
        <span aria-hidden="true">⌖ </span>
        {geo.kind === 'locating' ? 'Finding you…' : 'Use my location'}
      </button>
      {geo.kind === 'error' && (
        <p className="field-error" role="alert">
          {geo.message}
        </p>
      )}
      <label htmlFor={radiusId}>Within</label>
      <select
        id={radiusId}
        value={state.radius ?? DEFAULT_RADIUS[unit]}
        onChange={(e) => onChange((prev) => ({ ...prev, radius: e.target.value }))}
      >
        {[...new Set([...RADII[unit], state.radius ?? DEFAULT_RADIUS[unit]])].map((r) => (
          <option key={r} value={r}>
            {radiusLabel(r)}
          </option>
        ))}
      </select>
      {state.near && (
        <p className="near-filter__current">
          {isCoordinates ? 'Around your location' : `Around ${resolvedLabel ?? state.near}`}{' '}
          <button type="button" className="link-button" onClick={() => onChange(withoutPlace)}>
            Clear place
          </button>
        </p>
      )}
    </fieldset>
  );
}
