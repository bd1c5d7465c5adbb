import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { AssociationCard } from '../../../components/association-card.js';
import { Pagination } from '../../../components/pagination.js';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.js';
import { useFields } from '../../../lib/fields-query.js';
import { entriesOf, SCOPE_LABELS } from '../../../lib/labels.js';
import { useSearchAssociations } from '../api/associations.js';
import { associationApiParams, useAssociationSearch } from '../hooks/use-association-search.js';
import './associations.css';

const SCOPE_OPTIONS = entriesOf(SCOPE_LABELS);

/** `/associations`: professional associations by name, field and scope. */
export function AssociationDirectory() {
  const { state, setState, hrefFor } = useAssociationSearch();
  const params = useMemo(() => associationApiParams(state), [state]);
  const { data, error, isFetching, isPlaceholderData, refetch } = useSearchAssociations(params);
  const fields = useFields();
  const qId = useId();
  const fieldId = useId();
  const [text, setText] = useState(state.q);
  const committed = useRef(state.q);

  useEffect(() => {
    if (state.q !== committed.current) {
      committed.current = state.q;
      setText(state.q);
    }
  }, [state.q]);
  useEffect(() => {
    if (text.trim() === committed.current.trim()) return;
    const timer = setTimeout(() => {
      const replace = committed.current !== '';
      committed.current = text;
      setState((prev) => ({ ...prev, q: text }), { replace });
    }, 300);
    return () => clearTimeout(timer);
  }, [text, setState]);

  return (
    <div className="associations-page">
      <title>Professional associations · Fieldguide</title>
      <h1>Professional associations</h1>
      <p className="lead">
        Where a field’s people — and the managers who hire them — belong: chapters, meetings and job boards. Missing
        one? <Link href="/suggest-source">Suggest a source</Link>.
      </p>
      <search>
        <form
          className="association-search"
          onSubmit={(e) => {
            e.preventDefault();
            committed.current = text;
            setState((prev) => ({ ...prev, q: text }));
          }}
        >
          <div>
            <label htmlFor={qId}>Search associations</label>
            <input
              id={qId}
              type="search"
              value={text}
              maxLength={200}
              placeholder="Name, field or city"
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div>
            <label htmlFor={fieldId}>Career field</label>
            <select
              id={fieldId}
              value={state.field ?? ''}
              onChange={(e) => {
                const field = e.target.value || undefined;
                setState((prev) => ({ ...prev, field }));
              }}
            >
              <option value="">All fields</option>
              {(fields.data?.fields ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
              {state.field && !fields.data?.fields.some((f) => f.id === state.field) && (
                <option value={state.field}>{state.field}</option>
              )}
            </select>
          </div>
          <fieldset className="scope-filter">
            <legend>Scope</legend>
            {SCOPE_OPTIONS.map(([scope, label]) => (
              <label key={scope} className="facet__option">
                <input
                  type="checkbox"
                  checked={state.scopes.includes(scope)}
                  onChange={() =>
                    setState((prev) => ({
                      ...prev,
                      scopes: prev.scopes.includes(scope)
                        ? prev.scopes.filter((s) => s !== scope)
                        : [...prev.scopes, scope],
                    }))
                  }
                />
                <span className="facet__name">{label}</span>
                {data && <span className="facet__count">{data.facets.scope[scope] ?? 0}</span>}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--primary">
            Search
          </button>
        </form>
      </search>
      <section aria-labelledby="association-results-heading" aria-busy={isFetching}>
        <h2 id="association-results-heading" className="results__count">
          <span aria-live="polite" aria-atomic="true">
            {data ? `${data.total} ${data.total === 1 ? 'association' : 'associations'}` : 'Associations'}
          </span>
        </h2>
        {error ? (
          <ErrorMessage error={error} onRetry={() => refetch()} />
        ) : !data ? (
          <Loading label="Loading associations…" />
        ) : data.hits.length === 0 ? (
          <EmptyState title="No association matches.">
            <p>Try another name or remove a filter.</p>
          </EmptyState>
        ) : (
          <div className={isPlaceholderData ? 'results__list results__list--stale' : 'results__list'}>
            <ul className="association-list">
              {data.hits.map((a) => (
                <li key={a.id}>
                  <AssociationCard association={a} />
                </li>
              ))}
            </ul>
            <Pagination
              page={data.page}
              totalPages={data.totalPages}
              hrefFor={(page) => hrefFor({ ...state, page })}
              label="Association pages"
            />
          </div>
        )}
      </section>
    </div>
  );
}
