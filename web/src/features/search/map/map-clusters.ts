import { type EventPoint, formatPlace } from '@fieldguide/shared';
import Supercluster from 'supercluster';
import { formatCount } from '../../../lib/format.js';

/** An event with a venue point: what the map places. */
export type PlacedEvent = EventPoint & { location: { lat: number; lng: number } };

/** West, south, east, north, in degrees. */
export type Bounds = [west: number, south: number, east: number, north: number];

/** One marker on the map at a zoom: a venue, or a cluster of nearby venues, with the events it stands for. */
export interface MapMarker {
  /** Stable for the same events at the same zoom: React key and the marker's DOM id. */
  key: string;
  lat: number;
  lng: number;
  /** Ids of its events, soonest first. */
  eventIds: string[];
  /** One venue (every event at one point), or several venues close together at this zoom. */
  kind: 'venue' | 'cluster';
}

/** The map's points split: placed on the map, and listed beside it (online, or no known place). */
export function splitByPlace(points: readonly EventPoint[]): { placed: PlacedEvent[]; unplaced: EventPoint[] } {
  const placed: PlacedEvent[] = [];
  const unplaced: EventPoint[] = [];
  for (const point of points) {
    if (point.location) placed.push(point as PlacedEvent);
    else unplaced.push(point);
  }
  return { placed, unplaced };
}

/** "Online: 3 events", with the others that have no point on the map counted apart. */
export function unplacedSummary(unplaced: readonly EventPoint[]): string | undefined {
  const online = unplaced.filter((p) => p.format === 'online').length;
  const unknown = unplaced.length - online;
  const events = (n: number) => `${formatCount(n)} ${n === 1 ? 'event' : 'events'}`;
  const parts = [online > 0 && `Online: ${events(online)}`, unknown > 0 && `Not on the map: ${events(unknown)}`];
  const text = parts.filter(Boolean).join(' · ');
  return text === '' ? undefined : text;
}

/** Pixels within which venues merge into one cluster marker. */
const CLUSTER_RADIUS_PX = 48;
/** Past this zoom every venue has a marker of its own. */
const CLUSTER_MAX_ZOOM = 15;

const pointKey = (lat: number, lng: number) => `${lat.toFixed(5)},${lng.toFixed(5)}`;

/**
 * The placed events clustered for every zoom: events at one venue are one marker; venues close together at a zoom
 * are one cluster marker until the map zooms in far enough to tell them apart.
 */
export function createClusterIndex(placed: readonly PlacedEvent[]) {
  // Events at one venue are one input point: a venue never splits, however far the map zooms in.
  const venues = new Map<string, PlacedEvent[]>();
  for (const event of placed) {
    const key = pointKey(event.location.lat, event.location.lng);
    const list = venues.get(key) ?? [];
    list.push(event);
    venues.set(key, list);
  }
  const order = new Map(placed.map((e, i) => [e.id, i]));
  const index = new Supercluster<{ ids: string[] }, { ids: string[] }>({
    radius: CLUSTER_RADIUS_PX,
    maxZoom: CLUSTER_MAX_ZOOM,
    map: (props) => ({ ids: props.ids }),
    // A new array each time: supercluster copies cluster properties shallowly.
    reduce: (acc, props) => {
      acc.ids = acc.ids.concat(props.ids);
    },
  });
  index.load(
    [...venues.values()].map((events) => {
      const { lat, lng } = (events[0] as PlacedEvent).location;
      return {
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [lng, lat] },
        properties: { ids: events.map((e) => e.id) },
      };
    }),
  );
  const soonestFirst = (ids: readonly string[]) => [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  return {
    /** The markers within `bounds` at `zoom` (whole degrees of zoom, as the map's), north to south, then west to east. */
    markersIn(bounds: Bounds, zoom: number): MapMarker[] {
      const markers = index.getClusters(bounds, Math.round(zoom)).map((feature): MapMarker => {
        const [lng, lat] = feature.geometry.coordinates as [number, number];
        const props = feature.properties;
        const cluster = 'cluster_id' in props ? props.cluster_id : undefined;
        return {
          key: cluster !== undefined ? `c${Math.round(zoom)}-${cluster}` : `v${pointKey(lat, lng)}`,
          lat,
          lng,
          eventIds: soonestFirst(props.ids),
          kind: cluster !== undefined ? 'cluster' : 'venue',
        };
      });
      // The order keyboard users tab through the markers in: reading order on the map.
      return markers.sort((a, b) => b.lat - a.lat || a.lng - b.lng);
    },
  };
}

export type ClusterIndex = ReturnType<typeof createClusterIndex>;

/** Which marker shows each event: for highlighting the marker of a list item. */
export function markerByEvent(markers: readonly MapMarker[]): Map<string, string> {
  const byEvent = new Map<string, string>();
  for (const marker of markers) for (const id of marker.eventIds) byEvent.set(id, marker.key);
  return byEvent;
}

/** What a marker is called to a screen reader and in its tooltip: "3 events at Navy Pier, Chicago, IL". */
export function markerLabel(marker: MapMarker, eventsById: ReadonlyMap<string, EventPoint>): string {
  const n = marker.eventIds.length;
  const events = `${formatCount(n)} ${n === 1 ? 'event' : 'events'}`;
  const first = eventsById.get(marker.eventIds[0] ?? '');
  if (marker.kind === 'venue') {
    const place = first ? formatPlace(first) : '';
    return place ? `${events} at ${place}` : events;
  }
  const cities = new Set(marker.eventIds.map((id) => eventsById.get(id)?.city).filter(Boolean));
  const near = first?.city
    ? ` around ${first.city}${cities.size > 1 ? ` and ${cities.size - 1} more places` : ''}`
    : '';
  return `${events}${near}`;
}

/** The smallest bounds holding every placed event; undefined for none. */
export function boundsOfEvents(placed: readonly PlacedEvent[]): Bounds | undefined {
  if (placed.length === 0) return undefined;
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const { location } of placed) {
    west = Math.min(west, location.lng);
    east = Math.max(east, location.lng);
    south = Math.min(south, location.lat);
    north = Math.max(north, location.lat);
  }
  return [west, south, east, north];
}

const KM_PER_DEGREE_LAT = 111.32;

/** The bounds of a circle of `radiusKm` around a point (clamped to the poles and the antimeridian). */
export function boundsOfCircle(center: { lat: number; lng: number }, radiusKm: number): Bounds {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const cos = Math.cos((center.lat * Math.PI) / 180);
  const dLng = cos > 1e-6 ? Math.min(180, radiusKm / (KM_PER_DEGREE_LAT * cos)) : 180;
  return [
    Math.max(-180, center.lng - dLng),
    Math.max(-90, center.lat - dLat),
    Math.min(180, center.lng + dLng),
    Math.min(90, center.lat + dLat),
  ];
}

/** A map's visible bounds as supercluster takes them: longitudes within ±180, the whole width once it wraps. */
export function clampBounds([west, south, east, north]: Bounds): Bounds {
  if (east - west >= 360) return [-180, Math.max(-90, south), 180, Math.min(90, north)];
  return [Math.max(-180, west), Math.max(-90, south), Math.min(180, east), Math.min(90, north)];
}
