import { useEffect, useId, useRef, useState } from 'react';

export interface SearchBoxProps {
  /** The query the URL holds. */
  value: string;
  /** Called with the text after typing pauses (`typing` true) or on submit (`typing` false). */
  onCommit: (q: string, typing: boolean) => void;
  /** Pause after the last keystroke before searching, in ms. */
  debounceMs?: number;
  label?: string;
  placeholder?: string;
}

/** A search field that searches as you type (debounced) and follows the URL when it changes under it. */
export function SearchBox({
  value,
  onCommit,
  debounceMs = 300,
  label = 'Search events',
  placeholder = 'Try “nursing”, “cybersecurity” or “career fair”',
}: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;

  // Back/forward or a link changed the query: show it, unless it is what this box just sent.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text.trim() === committed.current.trim()) return;
    const timer = setTimeout(() => {
      committed.current = text;
      commit.current(text, true);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [text, debounceMs]);

  return (
    <search className="search-box">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          committed.current = text;
          commit.current(text, false);
        }}
      >
        <label htmlFor={id} className="search-box__label">
          {label}
        </label>
        <div className="search-box__row">
          <input
            id={id}
            type="search"
            name="q"
            value={text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder={placeholder}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button button--primary">
            Search
          </button>
        </div>
      </form>
    </search>
  );
}
