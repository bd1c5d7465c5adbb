import { SUGGESTION_NOTE_MAX_LENGTH, SUGGESTION_URL_MAX_LENGTH, type SuggestSourceBody } from '@fieldguide/shared';
import { useId, useState } from 'react';
import { ErrorMessage } from '../../../components/status.js';
import { SuggestionPreview } from '../../../components/suggestion-preview.js';
import { useFields } from '../../../lib/fields-query.js';
import { useSuggestSource } from '../api/suggest-source.js';
import './suggest-source.css';

/** The request body from the form's values: empty optional values left out. */
function toBody(url: string, field: string, note: string): SuggestSourceBody {
  return {
    url: url.trim(),
    ...(field ? { field } : {}),
    ...(note.trim() ? { note: note.trim() } : {}),
  };
}

/** `/suggest-source`: anyone may suggest an events page, calendar or feed; it is read at once and previewed. */
export function SuggestSourcePage() {
  const id = useId();
  const [url, setUrl] = useState('');
  const [field, setField] = useState('');
  const [note, setNote] = useState('');
  const suggest = useSuggestSource();
  const fields = useFields();
  const result = suggest.data;

  return (
    <div className="page suggest-source">
      <title>Suggest a source · Fieldguide</title>
      <h1>Suggest a source</h1>
      <p className="lead">
        Know an association, a campus career center or an organizer whose events should be here? Give us the address of
        its home page, events page, calendar or feed. We read it right away and show you what we would gather; an editor
        then adds it. No account needed, and we keep no record of who suggested it.
      </p>
      <form
        className="suggest-source__form"
        aria-label="Suggest a source"
        onSubmit={(e) => {
          e.preventDefault();
          suggest.mutate(toBody(url, field, note));
        }}
      >
        <div className="suggest-source__control">
          <label htmlFor={`${id}-url`}>Address (URL)</label>
          <input
            id={`${id}-url`}
            type="url"
            required
            inputMode="url"
            autoComplete="url"
            maxLength={SUGGESTION_URL_MAX_LENGTH}
            placeholder="https://example.org/events"
            aria-describedby={`${id}-url-hint`}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <p className="hint" id={`${id}-url-hint`}>
            A public web page, an iCalendar (.ics) link or an RSS/Atom feed, starting with https:// or http://.
          </p>
        </div>
        <div className="suggest-source__control">
          <label htmlFor={`${id}-field`}>Career field (optional)</label>
          <select id={`${id}-field`} value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">Not sure</option>
            {fields.data?.fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
          {fields.error && <p className="hint">The list of fields could not be loaded; you can leave it out.</p>}
        </div>
        <div className="suggest-source__control">
          <label htmlFor={`${id}-note`}>Note for the editors (optional)</label>
          <textarea
            id={`${id}-note`}
            rows={3}
            maxLength={SUGGESTION_NOTE_MAX_LENGTH}
            aria-describedby={`${id}-note-hint`}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <p className="hint" id={`${id}-note-hint`}>
            Why these events matter, in up to {SUGGESTION_NOTE_MAX_LENGTH} characters ({note.length} used). Please leave
            out your name and contact details.
          </p>
        </div>
        <button type="submit" className="button button--primary" disabled={suggest.isPending}>
          {suggest.isPending ? 'Reading the page…' : 'Check and suggest'}
        </button>
      </form>
      {suggest.isPending && (
        <p className="status status--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Reading {url.trim()} — this can take a few seconds.
        </p>
      )}
      {suggest.error && <ErrorMessage error={suggest.error} title="The suggestion was not saved" />}
      {result && !suggest.isPending && (
        <div className="suggest-source__result">
          <div className="status status--ok" role="status">
            <p className="status__title">Thank you: your suggestion is waiting for an editor.</p>
            {result.duplicate && (
              <p>This address had been suggested before; we counted yours too ({result.count} suggestions so far).</p>
            )}
          </div>
          <SuggestionPreview preview={result.preview} />
        </div>
      )}
    </div>
  );
}
