import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { Loading } from '../../../components/status.js';
import { useAfterDelay, useOnline } from '../../../hooks/use-online.js';
import type { QueryValue } from '../../../lib/api-client.js';
import { useFields } from '../../../lib/fields-query.js';
import { DEFAULT_RADIUS, viewerDistanceUnit, viewerTimeZone } from '../../../lib/viewer.js';
import { useSearchEvents } from '../api/search-events.js';
import { useSearchState } from '../hooks/use-search-state.js';
import { hasFilters, type SearchState, toApiParams, withoutFilters, withoutPlace } from '../search-state.js';
import { PlaceNotice } from './place-notice.js';
import { SearchBox } from './search-box.js';
import { SearchFilters } from './search-filters.js';
import { SearchResults } from './search-results.js';
import { SuggestedFields } from './suggested-fields.js';
import { UnderstoodNotice } from './understood-notice.js';
import { ViewToggle } from './view-toggle.js';
import './search.css';

export interface SearchPageProps {
  /** Renders the subscribe panel for the current search's API parameters (another feature's component). */
  renderSubscribe?: (params: Record<string, QueryValue>) => ReactNode;
}

// The map, its library and its basemap load only when the map is opened; the month grid, when first shown.
const MapView = lazy(() => import('../map/map-view.js'));
const MonthView = lazy(() => import('./month-view.js'));

/** After this long, a search still loading says so, in milliseconds. */
const SLOW_SEARCH_MS = 2500;

const countFilters = (s: SearchState) =>
  s.fields.length +
  s.types.length +
  s.formats.length +
  [s.from, s.to, s.near, s.cost, s.hiring].filter((v) => v !== undefined).length;

/** The search page: query box, filters with facet counts, results as a list or a month, all held in the URL. */
export function SearchPage({ renderSubscribe }: SearchPageProps) {
  const { state, setState, hrefFor } = useSearchState();
  const unit = useMemo(() => viewerDistanceUnit(), []);
  const timeZone = useMemo(() => viewerTimeZone(), []);
  // A place search without a chosen radius asks for the default in the viewer's unit, so what is asked is what is shown.
  const asked = useMemo(
    () => ({ ...state, radius: state.radius ?? (state.near ? DEFAULT_RADIUS[unit] : undefined) }),
    [state, unit],
  );
  // The search asks for the viewer's days; a subscription keeps them as dates, as its links do.
  const params = useMemo(() => toApiParams(asked, { timeZone }), [asked, timeZone]);
  const feedParams = useMemo(() => toApiParams(asked), [asked]);
  // A further page asks for its hits only; the filters keep the counts of the search's first page (one request
  // when the page is the first, cached when paging on from it).
  const firstPageParams = useMemo(() => {
    const { page: _page, ...rest } = params;
    return rest;
  }, [params]);
  const search = useSearchEvents(state.page > 1 ? { ...params, facets: false } : params);
  const counts = useSearchEvents(firstPageParams);
  const online = useOnline();
  // Only the answer to this search's key is shown; an older search's stays out of the list and the count.
  const current = search.isPlaceholderData ? undefined : search.data;
  const loading = current === undefined && (search.isFetching || search.isPending);
  const isSlow = useAfterDelay(loading && search.fetchStatus === 'fetching', SLOW_SEARCH_MS);
  const place = current?.query.place;
  // A subscription follows what the page shows: the corrected place, or no place when it names nothing (a feed
  // refuses a place it cannot find rather than widen silently).
  const subscribeParams = useMemo(() => {
    if (place?.kind === 'not-found') {
      const { near: _near, radius: _radius, ...rest } = feedParams;
      return rest;
    }
    return place?.kind === 'corrected' && place.resolved ? { ...feedParams, near: place.resolved } : feedParams;
  }, [feedParams, place]);
  const fields = useFields();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filterCount = countFilters(state);

  // A new page of results starts at the top of the list.
  useEffect(() => {
    if (state.page > 1) document.getElementById('results-heading')?.scrollIntoView({ block: 'start' });
  }, [state.page]);

  const title = state.q ? `“${state.q}” events` : 'Events where hiring managers go';
  return (
    <div className="search-page">
      <title>{`${title} · Fieldguide`}</title>
      <div className="search-page__intro">
        <h1>Go where the hiring managers in your field go</h1>
        <p className="lead">
          Conferences, career fairs, workshops and association meetings, ranked by how likely employers are there.
        </p>
        <SearchBox
          value={state.q}
          onCommit={(q, typing) =>
            setState((prev) => ({ ...prev, q: q.trim() === '' ? '' : q }), {
              // One history entry per search typed, not per keystroke.
              replace: typing && state.q !== '',
            })
          }
        />
        <SuggestedFields
          q={state.q}
          selected={state.fields}
          onPick={(id) => setState((prev) => ({ ...prev, fields: [...prev.fields, id] }))}
        />
      </div>
      <div className="search-page__body">
        <section className="search-page__filters" aria-labelledby="filters-heading">
          <div className="filters__header">
            <h2 id="filters-heading">Filters</h2>
            <button
              type="button"
              className="button filters__toggle"
              aria-expanded={filtersOpen}
              aria-controls="search-filters"
              onClick={() => setFiltersOpen(!filtersOpen)}
            >
              {filtersOpen ? 'Hide filters' : `Show filters${filterCount > 0 ? ` (${filterCount})` : ''}`}
            </button>
            {hasFilters(state) && (
              <button type="button" className="link-button" onClick={() => setState(withoutFilters)}>
                Clear all
              </button>
            )}
          </div>
          <div id="search-filters" className={filtersOpen ? 'filters__panel filters__panel--open' : 'filters__panel'}>
            <SearchFilters
              state={state}
              facets={counts.data?.facets}
              taxonomy={fields.data?.fields ?? []}
              resolvedNear={place?.kind === 'not-found' ? `${place.input} (not found)` : current?.query.near?.label}
              unit={unit}
              onChange={(update) => setState(update)}
            />
          </div>
        </section>
        <div className="search-page__results">
          <PlaceNotice
            place={place}
            onChoose={(near) => setState((prev) => ({ ...prev, near }))}
            onClear={() => setState(withoutPlace)}
          />
          <UnderstoodNotice
            understood={current?.query.understood}
            selected={state.fields}
            onOnly={(id) => setState((prev) => ({ ...prev, fields: [...prev.fields, id] }))}
          />
          <ViewToggle view={state.view ?? 'list'} hrefFor={(view) => hrefFor({ ...state, view, page: 1 })} />
          {state.view === 'map' ? (
            <Suspense fallback={<Loading label="Loading the map…" />}>
              <MapView params={firstPageParams} />
            </Suspense>
          ) : state.view === 'month' ? (
            <Suspense fallback={<Loading label="Loading the month view…" />}>
              <MonthView state={state} params={params} onChange={(update) => setState(update)} />
            </Suspense>
          ) : (
            <SearchResults
              state={state}
              data={current}
              error={search.error}
              isFetching={search.isFetching}
              isPaused={search.fetchStatus === 'paused' || (!online && current === undefined)}
              isSlow={isSlow}
              unit={unit}
              onRetry={() => search.refetch()}
              onChange={(update) => setState(update)}
              clearAction={
                hasFilters(state)
                  ? { label: 'Clear all filters', onClick: () => setState(withoutFilters) }
                  : state.q
                    ? { label: 'Clear the search', onClick: () => setState((prev) => ({ ...prev, q: '' })) }
                    : undefined
              }
              hrefForPage={(page) => hrefFor({ ...state, page })}
            />
          )}
          {renderSubscribe && (
            <details className="subscribe-details">
              <summary>Subscribe to this search</summary>
              {renderSubscribe(subscribeParams)}
            </details>
          )}
        </div>
      </div>
    </div>
  );
}
