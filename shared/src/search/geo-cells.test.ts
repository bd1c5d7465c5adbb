import { describe, expect, it } from 'vitest';
import { distanceKm } from '../geo/distance.js';
import { coverCircle, GEO_CELL_SIZES_DEG, geoCellsOf } from './geo-cells.js';
import type { GeoPoint } from './query.schema.js';

/** A seeded generator, so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

describe('geoCellsOf', () => {
  it('files a point under one cell per level, the same on both sides of the antimeridian', () => {
    expect(geoCellsOf({ lat: 10, lng: 180 })).toEqual(geoCellsOf({ lat: 10, lng: -180 }));
    expect(geoCellsOf({ lat: 90, lng: 0 })).toHaveLength(GEO_CELL_SIZES_DEG.length);
    expect(geoCellsOf({ lat: 41.88, lng: -87.63 })[3]).toBe('3:131:92');
  });
});

describe('coverCircle', () => {
  const centres: GeoPoint[] = [
    { lat: 41.88, lng: -87.63 },
    { lat: 52.1, lng: 179.85 },
    { lat: -17.8, lng: -179.9 },
    { lat: 69.65, lng: 18.96 },
  ];

  it.each(centres)(
    'around %j: every point within the radius lies in a listed cell; inside cells hold none beyond',
    (centre) => {
      const random = seeded(Math.round(centre.lat * 1000));
      for (const radiusKm of [5, 50, 300, 1500]) {
        const covering = coverCircle(centre, radiusKm);
        expect(covering).toBeDefined();
        const inside = new Set(covering?.inside);
        const listed = new Set([...(covering?.inside ?? []), ...(covering?.edge ?? [])]);
        const span = (radiusKm / 111) * 3;
        for (let i = 0; i < 4000; i++) {
          const lat = Math.max(-90, Math.min(90, centre.lat + (random() - 0.5) * span));
          const lng = ((centre.lng + (random() - 0.5) * span * 4 + 540) % 360) - 180;
          const cells = geoCellsOf({ lat, lng });
          const within = distanceKm(centre, { lat, lng }) <= radiusKm;
          if (within) expect(cells.some((cell) => listed.has(cell))).toBe(true);
          if (cells.some((cell) => inside.has(cell))) expect(within).toBe(true);
        }
      }
    },
  );

  it('gives up on a circle over a pole or wider than the cells serve', () => {
    expect(coverCircle({ lat: 89, lng: 0 }, 300)).toBeUndefined();
    expect(coverCircle({ lat: 0, lng: 0 }, 5000)).toBeUndefined();
  });
});
