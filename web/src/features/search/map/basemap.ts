import type { FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import usAtlas from 'us-atlas/states-10m.json';
import worldAtlas from 'world-atlas/countries-110m.json';

/**
 * The map's offline basemap, drawn as vector shapes under the markers: the countries of Natural Earth's 1:110m
 * Admin 0 boundaries (`world-atlas`), and the US states of the Census Bureau's 1:10m cartographic boundaries
 * (`us-atlas`), both public domain, redistributed as TopoJSON under the ISC licence (see docs/architecture.md).
 * Bundled with the app, so the map draws with no tile server and no connection.
 */
export interface Basemap {
  countries: FeatureCollection;
  states: FeatureCollection;
  /** Borders between states, each drawn once. */
  stateBorders: MultiLineString;
}

type Atlas = Topology<{ [name: string]: GeometryCollection }>;

function collection(atlas: Atlas, name: string): FeatureCollection {
  const object = atlas.objects[name];
  if (!object) throw new Error(`the bundled basemap has no "${name}" layer`);
  return feature(atlas, object) as FeatureCollection;
}

/**
 * A ring or line whose longitudes never jump by more than 180° from one point to the next: a shape crossing the
 * antimeridian (Russia, Fiji) continues past ±180° instead of being drawn back across the whole map.
 */
export function unwrapLongitudes(points: readonly Position[]): Position[] {
  let previous: number | undefined;
  return points.map(([lng = 0, lat = 0]) => {
    let unwrapped = lng;
    if (previous !== undefined) {
      while (unwrapped - previous > 180) unwrapped -= 360;
      while (unwrapped - previous < -180) unwrapped += 360;
    }
    previous = unwrapped;
    return [unwrapped, lat];
  });
}

function unwrapGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Polygon':
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map(unwrapLongitudes) } as Geometry;
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapLongitudes)) };
    case 'LineString':
      return { ...geometry, coordinates: unwrapLongitudes(geometry.coordinates) };
    default:
      return geometry;
  }
}

const unwrapped = (collection: FeatureCollection): FeatureCollection => ({
  ...collection,
  features: collection.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })),
});

/** The bundled basemap's layers as GeoJSON. */
export function readBasemap(): Basemap {
  const world = worldAtlas as unknown as Atlas;
  const us = usAtlas as unknown as Atlas;
  const states = us.objects.states;
  if (!states) throw new Error('the bundled basemap has no "states" layer');
  return {
    countries: unwrapped(collection(world, 'countries')),
    states: unwrapped(collection(us, 'states')),
    stateBorders: unwrapGeometry(mesh(us, states, (a, b) => a !== b)) as MultiLineString,
  };
}
