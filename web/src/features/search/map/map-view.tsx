import { type EventPoint, formatEventPlace } from '@fieldguide/shared';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ErrorMessage, Loading } from '../../../components/status.js';
import type { QueryValue } from '../../../lib/api-client.js';
import { useAppConfig } from '../../../lib/app-config.js';
import { formatCount, formatEventWhen } from '../../../lib/format.js';
import { returnStateFrom } from '../../../lib/return-to.js';
import { useSearchPoints } from '../api/search-points.js';
import { MapCanvas, type MapFrame } from './map-canvas.js';
import {
  type Bounds,
  boundsOfCircle,
  boundsOfEvents,
  createClusterIndex,
  type MapMarker,
  markerByEvent,
  markerLabel,
  splitByPlace,
  unplacedSummary,
} from './map-clusters.js';
import './map-view.css';

export interface MapViewProps {
  /** The search's API parameters (its page aside). */
  params: Record<string, QueryValue>;
}

/** Events the list beside the map shows before a marker is chosen. */
const MAX_LISTED_IN_VIEW = 30;

const eventsText = (n: number) => `${formatCount(n)} ${n === 1 ? 'event' : 'events'}`;

function PointItem({ event, onHover }: { event: EventPoint; onHover?: (id: string | undefined) => void }) {
  const [location] = useLocation();
  const returnState = returnStateFrom(location, useSearch());
  return (
    <li
      className="map-list__item"
      data-event-id={event.id}
      onMouseEnter={() => onHover?.(event.id)}
      onMouseLeave={() => onHover?.(undefined)}
      onFocus={() => onHover?.(event.id)}
      onBlur={() => onHover?.(undefined)}
    >
      <Link href={`/events/${encodeURIComponent(event.id)}`} state={returnState} className="map-list__title">
        {event.title}
      </Link>
      <span className="map-list__when">
        <time dateTime={event.start}>{formatEventWhen(event)}</time>
      </span>
      <span className="map-list__where">{formatEventPlace(event)}</span>
    </li>
  );
}

/**
 * Every event of the search on a map: venues clustered, the list beside it showing the chosen marker's events (or
 * the first ones in view), the events with no place (online) listed apart. Its own chunk, loaded with the map.
 */
export default function MapView({ params }: MapViewProps) {
  const points = useSearchPoints(params);
  const config = useAppConfig();
  // While a new search loads, the last one's map stays (dimmed), so the map is not drawn again from nothing.
  const data = points.data;
  const stale = points.isPlaceholderData;
  const { placed, unplaced } = useMemo(() => splitByPlace(data?.points ?? []), [data]);
  const index = useMemo(() => createClusterIndex(placed), [placed]);
  const eventsById = useMemo(() => new Map((data?.points ?? []).map((p) => [p.id, p])), [data]);
  const near = data?.query.near;
  const radiusKm = data?.query.radiusKm;
  const frame = useMemo<MapFrame>(
    () =>
      near && radiusKm
        ? { bounds: boundsOfCircle(near, radiusKm), circle: { lat: near.lat, lng: near.lng, radiusKm } }
        : { bounds: boundsOfEvents(placed) },
    [near, radiusKm, placed],
  );
  const [markers, setMarkers] = useState<MapMarker[]>([]);
  const [selected, setSelected] = useState<MapMarker>();
  const [hovered, setHovered] = useState<string>();
  const [zoomTo, setZoomTo] = useState<Bounds>();
  // A new search starts with nothing chosen.
  useEffect(() => {
    if (index) setSelected(undefined);
  }, [index]);

  const labelOf = (marker: MapMarker) => markerLabel(marker, eventsById);
  const markerOf = useMemo(() => markerByEvent(markers), [markers]);
  const inView = useMemo(() => {
    const ids = new Set(markers.flatMap((m) => m.eventIds));
    return placed.filter((e) => ids.has(e.id));
  }, [markers, placed]);
  const listed = selected
    ? selected.eventIds.map((id) => eventsById.get(id)).filter((e): e is EventPoint => e !== undefined)
    : inView.slice(0, MAX_LISTED_IN_VIEW);

  if (points.error && !points.isFetching) {
    return (
      <ErrorMessage
        error={points.error}
        title="The map's events could not be loaded"
        onRetry={() => points.refetch()}
      />
    );
  }
  if (!data) return <Loading label="Finding the events to map…" />;
  const summary = unplacedSummary(unplaced);
  return (
    <section
      className={stale ? 'map-results map-results--stale' : 'map-results'}
      aria-labelledby="map-heading"
      aria-busy={points.isFetching}
    >
      <div className="map-results__header">
        <h2 id="map-heading" className="results__count">
          <span aria-live="polite" aria-atomic="true">
            {eventsText(placed.length)} on the map
          </span>
        </h2>
        {data.capped && (
          <p className="map-results__capped" role="status">
            Showing the {formatCount(data.limit)} soonest events of this search: narrow it (dates, place, field) to map
            every one.
          </p>
        )}
      </div>
      <div className="map-results__body">
        <MapCanvas
          index={index}
          frame={frame}
          tiles={config.data?.map.tiles ?? null}
          labelOf={labelOf}
          selectedKey={selected?.key}
          highlightedKey={hovered ? markerOf.get(hovered) : undefined}
          zoomTo={zoomTo}
          onMarkers={setMarkers}
          onSelect={setSelected}
        />
        <div className="map-results__side">
          {summary && (
            <details className="map-unplaced">
              <summary>{summary}</summary>
              <ul className="map-list">
                {unplaced.map((event) => (
                  <PointItem key={event.id} event={event} />
                ))}
              </ul>
            </details>
          )}
          <div className="map-selection" aria-live="polite">
            <h3 className="map-selection__heading">
              {selected
                ? labelOf(selected)
                : placed.length === 0
                  ? 'No event of this search has a place on the map'
                  : `${eventsText(inView.length)} in view`}
            </h3>
            {selected ? (
              <div className="map-selection__actions">
                {selected.kind === 'cluster' && (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setZoomTo(boundsOfEvents(splitByPlace(listed).placed))}
                  >
                    Zoom in on these
                  </button>
                )}
                <button type="button" className="link-button" onClick={() => setSelected(undefined)}>
                  Show the events in view
                </button>
              </div>
            ) : (
              inView.length > 0 && <p className="map-selection__hint">Choose a marker to list its events.</p>
            )}
          </div>
          <ul className="map-list" aria-label={selected ? labelOf(selected) : 'Events in view'}>
            {listed.map((event) => (
              <PointItem key={event.id} event={event} onHover={setHovered} />
            ))}
          </ul>
          {!selected && inView.length > listed.length && (
            <p className="map-selection__more">
              and {eventsText(inView.length - listed.length)} more in view: zoom in or choose a marker.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
