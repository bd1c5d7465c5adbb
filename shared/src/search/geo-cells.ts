import { distanceKm, EARTH_RADIUS_KM } from '../geo/distance.js';
import type { GeoPoint } from './query.schema.js';

/**
 * A coarse place key: the events index files each located event under one grid cell per level (cells of a fixed
 * size in degrees of latitude and longitude, each level's cells split in 4 × 4 at the next finer level), and a
 * search near a point keeps the events of the cells that cover its circle: a filter on plain values, about as cheap
 * as any other, where Meilisearch's own distance filter reads its whole geo tree on every search. Keys read
 * `<level>:<row>:<column>`, level 0 the finest.
 */
export const GEO_CELL_SIZES_DEG = [1 / 64, 1 / 16, 1 / 4, 1, 4] as const;

/** Cells split in this many rows (and columns) at the next finer level. */
const SPLIT = 4;

/** Most cells one covering names; a circle that needs more is searched by distance alone. */
export const MAX_COVERING_CELLS = 400;

/** Widest radius covered with cells, in kilometres; a wider circle is searched by distance alone. */
export const MAX_COVERED_RADIUS_KM = 2000;

/** Slack on the distance tests that sort cells, in kilometres, against rounding. */
const SLACK_KM = 1e-6;

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

const rad = (degrees: number) => (degrees * Math.PI) / 180;
const deg = (radians: number) => (radians * 180) / Math.PI;
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

const rowsOf = (level: number) => Math.round(180 / (GEO_CELL_SIZES_DEG[level] as number));
const columnsOf = (level: number) => Math.round(360 / (GEO_CELL_SIZES_DEG[level] as number));
const wrap = (column: number, n: number) => ((column % n) + n) % n;

const rowOf = (lat: number, level: number) =>
  clamp(Math.floor((lat + 90) / (GEO_CELL_SIZES_DEG[level] as number)), 0, rowsOf(level) - 1);
const columnOf = (lng: number, level: number) =>
  wrap(Math.floor((lng + 180) / (GEO_CELL_SIZES_DEG[level] as number)), columnsOf(level));

const cellKey = (level: number, row: number, column: number) => `${level}:${row}:${column}`;

/** The cell keys of a point, one per level of {@link GEO_CELL_SIZES_DEG}. */
export function geoCellsOf(point: GeoPoint): string[] {
  return GEO_CELL_SIZES_DEG.map((_, level) => cellKey(level, rowOf(point.lat, level), columnOf(point.lng, level)));
}

interface Cell {
  level: number;
  row: number;
  column: number;
}

/** A cell's edges in degrees: latitudes south to north, longitudes west to east (east may pass 180). */
function edgesOf(cell: Cell) {
  const size = GEO_CELL_SIZES_DEG[cell.level] as number;
  const south = cell.row * size - 90;
  const west = cell.column * size - 180;
  return { south, north: south + size, west, east: west + size };
}

/** Longitude difference from `from` to `to`, in −180..180. */
const lngDelta = (from: number, to: number) => wrap(to - from + 180, 360) - 180;

/** Nearest and farthest distance from `center` to any point of the cell, in kilometres. */
function distanceRange(center: GeoPoint, cell: Cell): { min: number; max: number } {
  const { south, north, west, east } = edgesOf(cell);
  const corners = [
    { lat: south, lng: west },
    { lat: south, lng: east },
    { lat: north, lng: west },
    { lat: north, lng: east },
  ];
  // The farthest point of a cell small beside the circle is one of its corners (distance along a parallel grows
  // with the longitude difference; along a meridian it has no maximum inside a short segment).
  const max = Math.max(...corners.map((corner) => distanceKm(center, corner)));
  const dWest = lngDelta(west, center.lng);
  const width = east - west;
  const insideLng = dWest >= 0 && dWest <= width;
  if (insideLng && center.lat >= south && center.lat <= north) return { min: 0, max };
  // Nearest point on each edge: on a parallel, the longitude nearest the centre's; on a meridian, where the great
  // circle of that meridian comes closest (tan φ = tan φ₀ / cos Δλ), held within the edge.
  const nearestLng = insideLng
    ? center.lng
    : Math.abs(lngDelta(center.lng, west)) <= Math.abs(lngDelta(center.lng, east))
      ? west
      : east;
  const candidates = [
    { lat: south, lng: nearestLng },
    { lat: north, lng: nearestLng },
    ...[west, east].map((lng) => {
      const cos = Math.cos(rad(lngDelta(center.lng, lng)));
      const lat = cos > 0 ? deg(Math.atan(Math.tan(rad(center.lat)) / cos)) : center.lat >= 0 ? north : south;
      return { lat: clamp(lat, south, north), lng };
    }),
  ];
  return { min: Math.min(...candidates.map((p) => distanceKm(center, p))), max };
}

/** The cells a circle needs to be found by: those wholly inside it, and those its edge crosses. */
export interface GeoCovering {
  /** Cells of every level whose points all lie within the radius. */
  inside: string[];
  /** Cells of the finest level used that hold points on both sides of the edge: their points need a distance test. */
  edge: string[];
}

/** The coarsest level the search starts from, and the finest one it splits cells down to for a radius. */
const TOP_LEVEL = GEO_CELL_SIZES_DEG.length - 1;
function edgeLevel(radiusKm: number): number {
  // Edge cells about an eighth of the radius high keep the edge's cells few and its band thin.
  const level = GEO_CELL_SIZES_DEG.findIndex((size) => size * KM_PER_DEGREE >= radiusKm / 8);
  return level === -1 ? TOP_LEVEL : level;
}

/** The top-level cells the circle's bounding box touches; undefined when the box spans a pole or every longitude. */
function topCells(center: GeoPoint, radiusKm: number): Cell[] | undefined {
  const angular = (radiusKm + SLACK_KM) / EARTH_RADIUS_KM;
  const latMin = center.lat - deg(angular);
  const latMax = center.lat + deg(angular);
  if (latMin <= -90 || latMax >= 90) return undefined;
  const ratio = Math.sin(angular) / Math.cos(rad(center.lat));
  if (ratio >= 1) return undefined;
  const half = deg(Math.asin(ratio));
  const size = GEO_CELL_SIZES_DEG[TOP_LEVEL] as number;
  if (2 * half + size >= 360) return undefined;
  const cells: Cell[] = [];
  const n = columnsOf(TOP_LEVEL);
  const first = Math.floor((center.lng - half + 180) / size);
  const last = Math.floor((center.lng + half + 180) / size);
  for (let row = rowOf(latMin, TOP_LEVEL); row <= rowOf(latMax, TOP_LEVEL); row++) {
    for (let c = first; c <= last; c++) cells.push({ level: TOP_LEVEL, row, column: wrap(c, n) });
  }
  return cells;
}

/**
 * The cells holding every point within `radiusKm` of `center`: whole cells inside the circle, as coarse as they
 * come, and the finest cells along its edge, whose points the caller tests by distance. Undefined when the circle is
 * too wide, reaches a pole, or would need more than {@link MAX_COVERING_CELLS} cells: search by distance alone then.
 */
export function coverCircle(center: GeoPoint, radiusKm: number): GeoCovering | undefined {
  if (!(radiusKm > 0) || radiusKm > MAX_COVERED_RADIUS_KM) return undefined;
  const start = topCells(center, radiusKm);
  if (!start) return undefined;
  const finest = edgeLevel(radiusKm);
  const covering: GeoCovering = { inside: [], edge: [] };
  const pending = [...start];
  while (pending.length > 0) {
    const cell = pending.pop() as Cell;
    const { min, max } = distanceRange(center, cell);
    if (min > radiusKm + SLACK_KM) continue;
    const key = cellKey(cell.level, cell.row, cell.column);
    if (max < radiusKm - SLACK_KM) covering.inside.push(key);
    else if (cell.level <= finest) covering.edge.push(key);
    else {
      for (let r = 0; r < SPLIT; r++) {
        for (let c = 0; c < SPLIT; c++) {
          pending.push({ level: cell.level - 1, row: cell.row * SPLIT + r, column: cell.column * SPLIT + c });
        }
      }
    }
    if (covering.inside.length + covering.edge.length + pending.length > MAX_COVERING_CELLS * 4) return undefined;
  }
  if (covering.inside.length + covering.edge.length > MAX_COVERING_CELLS) return undefined;
  return covering;
}
