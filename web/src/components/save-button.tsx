import { useState } from 'react';
import { MAX_SAVED_EVENTS, useSavedToggle } from '../lib/saved-events.js';
import './save-button.css';

export interface SaveButtonProps {
  event: { id: string; title: string; start: string };
  /** Class of the wrapper around the button and its message. */
  className?: string;
  /** `wide` fills its column, as the event page's other actions do; default `small`. */
  size?: 'small' | 'wide';
}

/**
 * Saves an event to this browser's list, or removes it: a toggle button (`aria-pressed`) named after the event,
 * "Save" with an outlined star, pressed with a filled one.
 */
export function SaveButton({ event, className, size = 'small' }: SaveButtonProps) {
  const { saved, toggle } = useSavedToggle(event);
  const [full, setFull] = useState(false);
  return (
    <span className={className}>
      <button
        type="button"
        className={`button button--${size} save-button`}
        aria-pressed={saved}
        onClick={() => setFull(!toggle())}
      >
        <span aria-hidden="true" className="save-button__star">
          {saved ? '★' : '☆'}
        </span>
        Save<span className="visually-hidden"> “{event.title}”</span>
      </button>
      {full && !saved && (
        <span role="alert" className="save-button__full">
          Your saved list is full ({MAX_SAVED_EVENTS} events): remove one on the Saved page first.
        </span>
      )}
    </span>
  );
}
