import type { EventSearchResponse } from '@fieldguide/shared';
import { useId } from 'react';
import { EventList } from '../../../components/event-card.js';
import { Pagination } from '../../../components/pagination.js';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.js';
import { entriesOf, SORT_LABELS } from '../../../lib/labels.js';
import type { SearchState } from '../search-state.js';

export interface SearchResultsProps {
  state: SearchState;
  data: EventSearchResponse | undefined;
  error: unknown;
  isFetching: boolean;
  isPlaceholder: boolean;
  onRetry: () => void;
  onChange: (update: (prev: SearchState) => SearchState) => void;
  /** What the empty state offers to widen the search: clear the filters, or else the words. */
  clearAction?: { label: string; onClick: () => void };
  hrefForPage: (page: number) => string;
}

const SORT_OPTIONS = entriesOf(SORT_LABELS);

function countText(data: EventSearchResponse): string {
  const n = data.total;
  const what = n === 1 ? 'upcoming event' : 'upcoming events';
  return `${n.toLocaleString()}${n >= 10_000 ? '+' : ''} ${what}`;
}

/** The result list with its count, sort order, empty and error states, and pages. */
export function SearchResults(props: SearchResultsProps) {
  const { state, data, error, isFetching, isPlaceholder } = props;
  const sortId = useId();
  const distanceUnit = state.radius?.endsWith('mi') ? 'mi' : 'km';
  const sort = data?.query.sort ?? state.sort ?? (state.q ? 'relevance' : 'date');
  const sortOptions = SORT_OPTIONS.filter(
    ([value]) => (value !== 'relevance' || state.q.trim() !== '') && (value !== 'distance' || state.near),
  );

  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={isFetching}>
      <div className="results__header">
        <h2 id="results-heading" className="results__count">
          <span aria-live="polite" aria-atomic="true">
            {data ? countText(data) : error ? 'No results' : 'Searching…'}
          </span>
        </h2>
        <div className="results__sort">
          <label htmlFor={sortId}>Sort by</label>
          <select
            id={sortId}
            value={sort}
            onChange={(e) => {
              const value = e.target.value as SearchState['sort'];
              props.onChange((prev) => ({ ...prev, sort: value }));
            }}
          >
            {sortOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {data?.query.near?.label && (
        <p className="results__note">
          Within {Math.round(data.query.radiusKm)} km of {data.query.near.label}
        </p>
      )}
      {error !== null && error !== undefined ? (
        <ErrorMessage error={error} title="The search failed" onRetry={props.onRetry} />
      ) : !data ? (
        <Loading label="Searching events…" />
      ) : data.hits.length === 0 ? (
        <EmptyState title="No upcoming events match this search.">
          <p>Try fewer words, a wider radius, or fewer filters.</p>
          {props.clearAction && (
            <button type="button" className="button" onClick={props.clearAction.onClick}>
              {props.clearAction.label}
            </button>
          )}
        </EmptyState>
      ) : (
        <div className={isPlaceholder ? 'results__list results__list--stale' : 'results__list'}>
          <EventList events={data.hits} distanceUnit={distanceUnit} />
          <Pagination page={data.page} totalPages={data.totalPages} hrefFor={props.hrefForPage} label="Result pages" />
        </div>
      )}
    </section>
  );
}
