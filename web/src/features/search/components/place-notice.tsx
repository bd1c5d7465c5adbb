import type { PlaceResolution } from '@fieldguide/shared';

export interface PlaceNoticeProps {
  /** How the server read `near`; nothing is shown for an exact, unambiguous place or a postal code. */
  place: PlaceResolution | undefined;
  /** Search around another place: one of the alternatives, by its label (which resolves exactly). */
  onChoose: (label: string) => void;
  onClear: () => void;
}

/** What the server did with the typed place: corrected it, chose among namesakes, or could not find it. */
export function PlaceNotice({ place, onChoose, onClear }: PlaceNoticeProps) {
  if (!place) return null;
  const alternatives = place.alternatives ?? [];
  if (place.kind === 'not-found') {
    return (
      <div className="place-notice place-notice--missing" role="status">
        <p>
          We could not find the place “{place.input}”, so these are events from everywhere.
          {place.hint ? ` ${place.hint}` : ' Check the spelling, or try “City, ST” or a ZIP code.'}
        </p>
        <button type="button" className="link-button" onClick={onClear}>
          Clear the place
        </button>
      </div>
    );
  }
  if (place.kind !== 'corrected' && alternatives.length === 0) return null;
  return (
    <div className="place-notice" role="status">
      <p>
        Showing results near <strong>{place.resolved}</strong>
        {place.kind === 'corrected' && <> (you typed “{place.input}”)</>}.
      </p>
      {alternatives.length > 0 && (
        <div className="place-notice__choices">
          <span id="place-notice-choices">Did you mean another one?</span>
          <ul aria-labelledby="place-notice-choices">
            {alternatives.map((option) => (
              <li key={option.label}>
                <button type="button" className="button button--ghost" onClick={() => onChoose(option.label)}>
                  {option.label}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
