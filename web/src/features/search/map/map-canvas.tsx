import type { AppConfigResponse } from '@fieldguide/shared';
import type * as Leaflet from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, Loading } from '../../../components/status.js';
import type { Basemap } from './basemap.js';
import { type Bounds, type ClusterIndex, clampBounds, type MapMarker } from './map-clusters.js';
import 'leaflet/dist/leaflet.css';

type LeafletModule = typeof Leaflet;

/** What the map shows around its markers: the circle searched, else the markers' extent. */
export interface MapFrame {
  /** Bounds to fit when the search changes; undefined: the whole world. */
  bounds: Bounds | undefined;
  circle?: { lat: number; lng: number; radiusKm: number };
}

export interface MapCanvasProps {
  index: ClusterIndex;
  frame: MapFrame;
  /** Raster tiles over the bundled basemap, when the deployment has them. */
  tiles: AppConfigResponse['map']['tiles'];
  /** A marker's accessible name and tooltip. */
  labelOf: (marker: MapMarker) => string;
  selectedKey: string | undefined;
  highlightedKey: string | undefined;
  /** Bounds to zoom to once (a new object each time it is asked). */
  zoomTo?: Bounds | undefined;
  /** The markers now on the map, each time it moves or zooms. */
  onMarkers: (markers: MapMarker[]) => void;
  onSelect: (marker: MapMarker) => void;
}

/** Credit for the bundled basemap's data. */
const BASEMAP_ATTRIBUTION = 'Boundaries: Natural Earth, US Census Bureau';
/** Closest a fit to the results zooms in (one venue would otherwise fill the map with one street). */
const MAX_FIT_ZOOM = 12;
/** Markers a little outside the view are kept, so a small pan shows no gap. */
const VIEW_PADDING = 0.25;

const BASEMAP_STYLE = {
  countries: { color: '#9aa5b4', weight: 0.8, fillColor: '#eef1ec', fillOpacity: 1 },
  states: { stroke: false, fillColor: '#eef1ec', fillOpacity: 1 },
  stateBorders: { color: '#b3bcc8', weight: 0.7, fill: false },
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Loads the map library and the basemap, each its own chunk, only when a map is shown. */
async function loadMapParts(): Promise<{ L: LeafletModule; basemap: Basemap }> {
  const [leaflet, { readBasemap }] = await Promise.all([import('leaflet'), import('./basemap.js')]);
  // Leaflet is a UMD module: its namespace is the default export once bundled.
  const L = ((leaflet as { default?: LeafletModule }).default ?? leaflet) as LeafletModule;
  return { L, basemap: readBasemap() };
}

function markerButton(marker: MapMarker, label: string, onSelect: (marker: MapMarker) => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `map-marker map-marker--${marker.kind}`;
  button.textContent = String(marker.eventIds.length);
  button.setAttribute('aria-label', label);
  button.title = label;
  button.dataset.markerKey = marker.key;
  button.dataset.count = String(marker.eventIds.length);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    onSelect(marker);
  });
  return button;
}

const markerSize = (count: number) => (count === 1 ? 28 : count < 10 ? 34 : count < 100 ? 40 : 48);

interface Drawn {
  marker: Leaflet.Marker;
  button: HTMLButtonElement;
}

/**
 * The Leaflet map: the bundled basemap (and tiles, when configured), the search's circle, and the markers of
 * `index` for the current view, each a button that selects its events.
 */
export function MapCanvas(props: MapCanvasProps) {
  const container = useRef<HTMLElement>(null);
  const [parts, setParts] = useState<{ L: LeafletModule; basemap: Basemap }>();
  const [failed, setFailed] = useState<unknown>();
  const [map, setMap] = useState<Leaflet.Map>();
  const drawn = useRef(new Map<string, Drawn>());
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let live = true;
    loadMapParts().then(
      (loaded) => live && setParts(loaded),
      (error: unknown) => live && setFailed(error),
    );
    return () => {
      live = false;
    };
  }, []);

  // The map and its basemap, once.
  useEffect(() => {
    if (!parts || !container.current) return;
    const { L, basemap } = parts;
    const created = L.map(container.current, { minZoom: 1, maxZoom: 18, worldCopyJump: true, zoomSnap: 1 });
    created.attributionControl.setPrefix(false);
    L.geoJSON(basemap.countries, { style: BASEMAP_STYLE.countries, interactive: false }).addTo(created);
    L.geoJSON(basemap.states, { style: BASEMAP_STYLE.states, interactive: false }).addTo(created);
    L.geoJSON(basemap.stateBorders, { style: BASEMAP_STYLE.stateBorders, interactive: false }).addTo(created);
    created.attributionControl.addAttribution(BASEMAP_ATTRIBUTION);
    created.fitWorld();
    setMap(created);
    return () => {
      drawn.current.clear();
      created.remove();
      setMap(undefined);
    };
  }, [parts]);

  // Tiles over the basemap when the deployment names a tile server.
  const tileUrl = props.tiles?.url;
  const tileAttribution = props.tiles?.attribution;
  useEffect(() => {
    if (!map || !parts || !tileUrl) return;
    const layer = parts.L.tileLayer(tileUrl, {
      attribution: escapeHtml(tileAttribution ?? ''),
      maxZoom: 18,
      detectRetina: false,
    }).addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, parts, tileUrl, tileAttribution]);

  // Fit the map to the search's circle or its events, each time the search changes.
  const { bounds, circle } = props.frame;
  useEffect(() => {
    if (!map || !parts) return;
    const { L } = parts;
    const ring = circle
      ? L.circle([circle.lat, circle.lng], {
          radius: circle.radiusKm * 1000,
          interactive: false,
          color: '#1f4fc4',
          weight: 1.5,
          fillOpacity: 0.04,
        }).addTo(map)
      : undefined;
    if (bounds) {
      const [west, south, east, north] = bounds;
      map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { maxZoom: MAX_FIT_ZOOM, padding: [24, 24], animate: false },
      );
    } else {
      map.fitWorld({ animate: false });
    }
    return () => {
      ring?.remove();
    };
  }, [map, parts, bounds, circle]);

  // Zoom to what was asked (a cluster's events), once per request.
  const { zoomTo } = props;
  useEffect(() => {
    if (!map || !zoomTo) return;
    const [west, south, east, north] = zoomTo;
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { maxZoom: 16, padding: [32, 32] },
    );
  }, [map, zoomTo]);

  // The markers of the view, kept in step with the map's moves and the search's events.
  const { index } = props;
  useEffect(() => {
    if (!map || !parts) return;
    const { L } = parts;
    const shown = drawn.current;
    const update = () => {
      const view = map.getBounds().pad(VIEW_PADDING);
      const markers = index.markersIn(
        clampBounds([view.getWest(), view.getSouth(), view.getEast(), view.getNorth()]),
        map.getZoom(),
      );
      const keys = new Set(markers.map((m) => m.key));
      for (const [key, { marker }] of shown) {
        if (!keys.has(key)) {
          marker.remove();
          shown.delete(key);
        }
      }
      for (const m of markers) {
        if (shown.has(m.key)) continue;
        const button = markerButton(m, latest.current.labelOf(m), (picked) => latest.current.onSelect(picked));
        const size = markerSize(m.eventIds.length);
        const icon = L.divIcon({ html: button, className: 'map-marker-icon', iconSize: [size, size] });
        const marker = L.marker([m.lat, m.lng], { icon, keyboard: false, riseOnHover: true }).addTo(map);
        shown.set(m.key, { marker, button });
      }
      latest.current.onMarkers(markers);
    };
    update();
    map.on('moveend', update);
    return () => {
      map.off('moveend', update);
      for (const { marker } of shown.values()) marker.remove();
      shown.clear();
    };
  }, [map, parts, index]);

  // Selected and highlighted markers, restyled in place (redrawing would drop the keyboard focus).
  const { selectedKey, highlightedKey } = props;
  useEffect(() => {
    for (const [key, { marker, button }] of drawn.current) {
      const selected = key === selectedKey;
      const highlighted = key === highlightedKey;
      button.classList.toggle('map-marker--selected', selected);
      button.classList.toggle('map-marker--highlighted', highlighted);
      button.setAttribute('aria-pressed', String(selected));
      marker.setZIndexOffset(highlighted || selected ? 1000 : 0);
    }
  });

  if (failed) return <ErrorMessage error={failed} title="The map could not be loaded" />;
  return (
    <div className="map-canvas">
      {!map && <Loading label="Drawing the map…" />}
      <section ref={container} className="map-canvas__map" aria-label="Map of the events" />
    </div>
  );
}
