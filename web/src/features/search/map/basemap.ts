import type { FeatureCollection, MultiLineString } from 'geojson';
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

/** The bundled basemap's layers as GeoJSON. */
export function readBasemap(): Basemap {
  const world = worldAtlas as unknown as Atlas;
  const us = usAtlas as unknown as Atlas;
  const states = us.objects.states;
  if (!states) throw new Error('the bundled basemap has no "states" layer');
  return {
    countries: collection(world, 'countries'),
    states: collection(us, 'states'),
    stateBorders: mesh(us, states, (a, b) => a !== b),
  };
}
