import type { Suggestion } from '@fieldguide/shared';
import { useId, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status.js';
import { SuggestionPreview } from '../../../components/suggestion-preview.js';
import { formatLocalDateTime } from '../../../lib/format.js';
import { useDecideSuggestion, usePendingSuggestions } from '../api/admin-api.js';

/** One pending suggestion: what it would gather, and accept or refuse (with a reason). */
function SuggestionItem({
  suggestion,
  decide,
}: {
  suggestion: Suggestion;
  decide: ReturnType<typeof useDecideSuggestion>;
}) {
  const id = useId();
  const [reason, setReason] = useState('');
  const pending = decide.isPending && decide.variables?.id === suggestion.id;
  return (
    <li className="suggestion" data-suggestion-id={suggestion.id}>
      <p className="suggestion__url">
        <a href={suggestion.url} rel="noopener nofollow ugc" target="_blank">
          {suggestion.url}
        </a>
      </p>
      <p className="table__sub">
        Suggested {suggestion.count === 1 ? 'once' : `${suggestion.count} times`}, last{' '}
        {formatLocalDateTime(suggestion.updatedAt)}
        {suggestion.field ? ` · field: ${suggestion.field}` : ''}
      </p>
      {suggestion.note && <blockquote className="suggestion__note">{suggestion.note}</blockquote>}
      <SuggestionPreview preview={suggestion.preview} headingLevel={3} />
      <div className="inline-row suggestion__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={pending}
          onClick={() => decide.mutate({ id: suggestion.id, decision: 'accept' })}
        >
          Accept and add the source
        </button>
        <form
          className="inline-row"
          onSubmit={(e) => {
            e.preventDefault();
            decide.mutate({ id: suggestion.id, decision: 'refuse', reason: reason.trim() });
          }}
        >
          <label htmlFor={`${id}-reason`} className="visually-hidden">
            Why refuse it
          </label>
          <input
            id={`${id}-reason`}
            type="text"
            required
            maxLength={500}
            placeholder="Why refuse it"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="button" disabled={pending}>
            Refuse
          </button>
        </form>
      </div>
    </li>
  );
}

/** The sources visitors suggested, waiting for a decision. */
export function SuggestionsQueue({ token }: { token: string }) {
  const suggestions = usePendingSuggestions(token);
  const decide = useDecideSuggestion(token);
  const list = suggestions.data?.suggestions;
  return (
    <section aria-labelledby="suggestions-heading" className="admin-section">
      <h2 id="suggestions-heading">Suggested sources{list ? ` (${list.length})` : ''}</h2>
      {decide.error && <ErrorMessage error={decide.error} title="The decision was not saved" />}
      {suggestions.error ? (
        <ErrorMessage
          error={suggestions.error}
          title="Could not load suggestions"
          onRetry={() => suggestions.refetch()}
        />
      ) : !list ? (
        <Loading label="Loading suggestions…" />
      ) : list.length === 0 ? (
        <p className="muted">No suggestion is waiting.</p>
      ) : (
        <ul className="suggestions">
          {list.map((suggestion) => (
            <SuggestionItem key={suggestion.id} suggestion={suggestion} decide={decide} />
          ))}
        </ul>
      )}
    </section>
  );
}
