import type { EventSearchResponse } from '@fieldguide/shared';
import { useId } from 'react';
import { EventList } from '../../../components/event-card.js';
import { OFFLINE_TEXT } from '../../../components/offline-notice.js';
import { Pagination } from '../../../components/pagination.js';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.js';
import { formatCount, formatDistance } from '../../../lib/format.js';
import { entriesOf, SORT_LABELS } from '../../../lib/labels.js';
import { type DistanceUnit, radiusLabel, radiusUnit } from '../../../lib/viewer.js';
import type { SearchState } from '../search-state.js';

export interface SearchResultsProps {
  state: SearchState;
  /** The answer to this very search; undefined while it loads (an older search's answer is never shown). */
  data: EventSearchResponse | undefined;
  error: unknown;
  isFetching: boolean;
  /** The search waits for the connection to come back. */
  isPaused: boolean;
  /** The search has been loading for a while. */
  isSlow: boolean;
  /** The viewer's unit, for distances when the search chose no radius. */
  unit: DistanceUnit;
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
  return `${formatCount(n)}${n >= 10_000 ? '+' : ''} ${what}`;
}

/** The result list with its count, sort order, empty and error states, and pages. */
export function SearchResults(props: SearchResultsProps) {
  const { state, data, error, isFetching, isPaused, isSlow } = props;
  const sortId = useId();
  const distanceUnit = radiusUnit(state.radius) ?? props.unit;
  // What was chosen is what is shown: "Within 50 mi", never the kilometres the server converted it to.
  const radiusText = (radiusKm: number) =>
    state.radius ? radiusLabel(state.radius) : formatDistance(radiusKm, distanceUnit).replace(/\.0 /, ' ');
  const loadingLabel = isPaused
    ? OFFLINE_TEXT
    : isSlow
      ? 'Still searching — this is taking longer than usual…'
      : 'Searching events…';
  const sort = data?.query.sort ?? state.sort ?? (state.q ? 'relevance' : 'date');
  const sortOptions = SORT_OPTIONS.filter(
    ([value]) => (value !== 'relevance' || state.q.trim() !== '') && (value !== 'distance' || state.near),
  );

  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={isFetching}>
      <div className="results__header">
        <h2 id="results-heading" className="results__count">
          <span aria-live="polite" aria-atomic="true">
            {data ? countText(data) : error ? 'No results' : isPaused ? 'Waiting for a connection…' : 'Searching…'}
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
          Within {radiusText(data.query.radiusKm)} of {data.query.near.label}
        </p>
      )}
      {error !== null && error !== undefined && !isFetching ? (
        <ErrorMessage error={error} title="The search failed" onRetry={props.onRetry} />
      ) : !data ? (
        <Loading label={loadingLabel} />
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
        <div className={isFetching ? 'results__list results__list--stale' : 'results__list'}>
          <EventList events={data.hits} distanceUnit={distanceUnit} />
          <Pagination page={data.page} totalPages={data.totalPages} hrefFor={props.hrefForPage} label="Result pages" />
        </div>
      )}
    </section>
  );
}
