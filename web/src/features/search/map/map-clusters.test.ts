import type { EventPoint } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { unwrapLongitudes } from './basemap.js';
import {
  boundsOfCircle,
  boundsOfEvents,
  clampBounds,
  createClusterIndex,
  markerByEvent,
  markerLabel,
  splitByPlace,
  unplacedSummary,
} from './map-clusters.js';

const WORLD = [-180, -90, 180, 90] as const;

let day = 0;
function point(id: string, where: { lat: number; lng: number } | null, extra: Partial<EventPoint> = {}): EventPoint {
  day += 1;
  return {
    id,
    title: id,
    format: where ? 'in-person' : 'online',
    start: `2027-01-${String(day).padStart(2, '0')}T15:00:00.000Z`,
    end: null,
    timeZone: 'America/Chicago',
    allDay: false,
    venueName: null,
    city: null,
    region: null,
    country: null,
    location: where,
    ...extra,
  };
}

const CHICAGO = { lat: 41.8781, lng: -87.6298 };
const EVANSTON = { lat: 42.0451, lng: -87.6877 };
const MINNEAPOLIS = { lat: 44.9778, lng: -93.265 };

const events = [
  point('uic-fair', CHICAGO, { venueName: 'UIC Forum', city: 'Chicago', region: 'IL', country: 'US' }),
  point('uic-workshop', CHICAGO, { venueName: 'UIC Forum', city: 'Chicago', region: 'IL', country: 'US' }),
  point('nu-meetup', EVANSTON, { city: 'Evanston', region: 'IL', country: 'US' }),
  point('mpls-summit', MINNEAPOLIS, { city: 'Minneapolis', region: 'MN', country: 'US' }),
  point('webinar', null),
  point('tba', null, { format: 'in-person', city: 'Chicago' }),
];

describe('splitByPlace / unplacedSummary', () => {
  it('places the events with a point and counts the online and the unplaced apart', () => {
    const { placed, unplaced } = splitByPlace(events);
    expect(placed.map((e) => e.id)).toEqual(['uic-fair', 'uic-workshop', 'nu-meetup', 'mpls-summit']);
    expect(unplaced.map((e) => e.id)).toEqual(['webinar', 'tba']);
    expect(unplacedSummary(unplaced)).toBe('Online: 1 event · Not on the map: 1 event');
    expect(unplacedSummary([point('a', null), point('b', null)])).toBe('Online: 2 events');
    expect(unplacedSummary([])).toBeUndefined();
  });
});

describe('createClusterIndex', () => {
  const { placed } = splitByPlace(events);
  const index = createClusterIndex(placed);

  it('accounts for every placed event exactly once at every zoom, wherever the markers split', () => {
    for (let zoom = 0; zoom <= 18; zoom++) {
      const markers = index.markersIn([...WORLD], zoom);
      const ids = markers.flatMap((m) => m.eventIds).sort();
      expect(ids, `zoom ${zoom}`).toEqual(placed.map((e) => e.id).sort());
    }
  });

  it('merges nearby venues when zoomed out and never splits one venue', () => {
    expect(index.markersIn([...WORLD], 2)).toHaveLength(1);
    const close = index.markersIn([...WORLD], 16);
    expect(close).toHaveLength(3);
    const uic = close.find((m) => m.eventIds.includes('uic-fair'));
    expect(uic).toMatchObject({ kind: 'venue', eventIds: ['uic-fair', 'uic-workshop'] });
  });

  it('orders markers north to south for the keyboard, and keeps only those in the bounds', () => {
    const markers = index.markersIn([...WORLD], 16);
    expect(markers.map((m) => m.lat)).toEqual([...markers.map((m) => m.lat)].sort((a, b) => b - a));
    const illinois = index.markersIn([-91, 37, -87, 43], 16);
    expect(illinois.flatMap((m) => m.eventIds).sort()).toEqual(['nu-meetup', 'uic-fair', 'uic-workshop']);
  });

  it('finds the marker of each event, for highlighting it from the list', () => {
    const markers = index.markersIn([...WORLD], 16);
    const byEvent = markerByEvent(markers);
    expect(byEvent.get('uic-fair')).toBe(byEvent.get('uic-workshop'));
    expect(byEvent.get('uic-fair')).not.toBe(byEvent.get('nu-meetup'));
    expect(byEvent.has('webinar')).toBe(false);
  });

  it('names a venue by its place and a cluster by its area', () => {
    const byId = new Map(events.map((e) => [e.id, e]));
    const [venue] = index.markersIn([-87.7, 41.8, -87.6, 41.9], 16);
    expect(venue && markerLabel(venue, byId)).toBe('2 events at UIC Forum, Chicago, IL, US');
    const [all] = index.markersIn([...WORLD], 2);
    expect(all && markerLabel(all, byId)).toBe('4 events around Chicago and 2 more places');
  });
});

describe('bounds', () => {
  it('fit the events, a circle, and the visible map', () => {
    expect(boundsOfEvents([])).toBeUndefined();
    expect(boundsOfEvents(splitByPlace(events).placed)).toEqual([-93.265, 41.8781, -87.6298, 44.9778]);
    const [west, south, east, north] = boundsOfCircle(CHICAGO, 100);
    expect(north - CHICAGO.lat).toBeCloseTo(0.898, 2);
    expect(CHICAGO.lat - south).toBeCloseTo(0.898, 2);
    expect(east - CHICAGO.lng).toBeCloseTo(1.206, 2);
    expect(CHICAGO.lng - west).toBeCloseTo(1.206, 2);
    expect(boundsOfCircle({ lat: 89.9, lng: 0 }, 500)).toEqual([-180, expect.any(Number), 180, 90]);
    expect(clampBounds([-400, -100, 400, 100])).toEqual([...WORLD]);
    expect(clampBounds([-200, 10, -150, 20])).toEqual([-180, 10, -150, 20]);
  });
});

describe('unwrapLongitudes', () => {
  it('continues a shape across the antimeridian instead of jumping back over the map', () => {
    expect(
      unwrapLongitudes([
        [178, 65],
        [-179, 66],
        [-175, 65],
        [178, 65],
      ]),
    ).toEqual([
      [178, 65],
      [181, 66],
      [185, 65],
      [178, 65],
    ]);
    expect(
      unwrapLongitudes([
        [-87, 41],
        [-88, 42],
      ]),
    ).toEqual([
      [-87, 41],
      [-88, 42],
    ]);
  });
});
