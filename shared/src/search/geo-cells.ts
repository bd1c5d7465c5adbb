import { EARTH_RADIUS_KM } from '../geo/distance.js';
import type { GeoPoint } from './query.schema.js';

/**
 * A coarse place key: the events index files each located event under one grid cell per level (cells of a fixed
 * size in degrees of latitude and longitude), and a search near a point first keeps the events of the few cells
 * that cover its circle. The exact distance test (`_geoRadius`) then only confirms candidates that are already
 * close. Keys read `<level>:<row>:<column>`.
 */
export const GEO_CELL_SIZES_DEG = [0.25, 1, 4] as const;

/** Most cells one search names; a wider circle (or one around a pole) is searched by distance alone. */
export const MAX_COVERING_CELLS = 64;

/**
 * How much larger than the asked radius the covering is drawn: the distance test Meilisearch applies may use a
 * slightly different Earth radius than ours, and a cell too many costs nothing but a candidate.
 */
const COVER_MARGIN = 1.01;

const deg = (rad: number) => (rad * 180) / Math.PI;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

const rowsOf = (size: number) => Math.round(180 / size);
const columnsOf = (size: number) => Math.round(360 / size);

const rowOf = (lat: number, size: number) => Math.min(rowsOf(size) - 1, Math.max(0, Math.floor((lat + 90) / size)));
const columnOf = (lng: number, size: number) => {
  const n = columnsOf(size);
  return (((Math.floor((lng + 180) / size) % n) + n) % n) as number;
};

const cellKey = (level: number, row: number, column: number) => `${level}:${row}:${column}`;

/** The cell keys of a point, one per level of {@link GEO_CELL_SIZES_DEG}. */
export function geoCellsOf(point: GeoPoint): string[] {
  return GEO_CELL_SIZES_DEG.map((size, level) => cellKey(level, rowOf(point.lat, size), columnOf(point.lng, size)));
}

/** Latitude and longitude spans of the circle, in degrees; `lngHalf` undefined when it reaches every longitude. */
function circleBounds(center: GeoPoint, radiusKm: number): { latMin: number; latMax: number; lngHalf?: number } {
  const angular = (radiusKm * COVER_MARGIN) / EARTH_RADIUS_KM;
  const latMin = center.lat - deg(angular);
  const latMax = center.lat + deg(angular);
  // A circle over a pole, or wider than its parallel allows, spans every longitude.
  if (latMin <= -90 || latMax >= 90 || angular >= Math.PI / 2) return { latMin, latMax };
  const ratio = Math.sin(angular) / Math.cos(rad(center.lat));
  if (ratio >= 1) return { latMin, latMax };
  return { latMin, latMax, lngHalf: deg(Math.asin(ratio)) };
}

/** Column indexes from `lng - half` to `lng + half`, wrapping at the antimeridian; every column when it spans all. */
function columnsAround(lng: number, half: number | undefined, size: number): number[] {
  const n = columnsOf(size);
  if (half === undefined || 2 * half + size >= 360) return Array.from({ length: n }, (_, i) => i);
  const first = Math.floor((lng - half + 180) / size);
  const last = Math.floor((lng + half + 180) / size);
  const columns: number[] = [];
  for (let c = first; c <= last; c++) columns.push(((c % n) + n) % n);
  return columns;
}

/**
 * The cells of the finest level that together hold every point within `radiusKm` of `center`, at most
 * {@link MAX_COVERING_CELLS} of them; `undefined` when no level covers the circle with that few.
 */
export function coveringGeoCells(center: GeoPoint, radiusKm: number): string[] | undefined {
  const bounds = circleBounds(center, radiusKm);
  for (const [level, size] of GEO_CELL_SIZES_DEG.entries()) {
    const firstRow = rowOf(bounds.latMin, size);
    const lastRow = rowOf(bounds.latMax, size);
    const columns = columnsAround(center.lng, bounds.lngHalf, size);
    if ((lastRow - firstRow + 1) * columns.length > MAX_COVERING_CELLS) continue;
    const cells: string[] = [];
    for (let row = firstRow; row <= lastRow; row++)
      for (const column of columns) cells.push(cellKey(level, row, column));
    return cells;
  }
  return undefined;
}
