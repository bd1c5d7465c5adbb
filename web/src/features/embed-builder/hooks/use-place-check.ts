import type { PlaceResolution } from '@fieldguide/shared';
import { isCoordinates, usePlaces } from '../../../lib/places-query.js';

/** Whether the builder's place can go into a snippet, and as what. */
export type PlaceCheck =
  | { status: 'empty' }
  | { status: 'checking' }
  /** `near`: what the snippet carries: the text as typed, or the correction of a misspelt name. */
  | { status: 'ok'; near: string; resolution?: PlaceResolution }
  | { status: 'not-found'; resolution: PlaceResolution }
  | { status: 'failed' };

/**
 * Checks the builder's place against the server's gazetteer (`/api/places`), as `/api/search` would read it. A
 * snippet is offered only for `empty` and `ok`.
 */
export function usePlaceCheck(near: string): PlaceCheck & { places: ReturnType<typeof usePlaces>['data'] } {
  const text = near.trim();
  const places = usePlaces(text, 5);
  const check = ((): PlaceCheck => {
    if (text === '') return { status: 'empty' };
    if (isCoordinates(text)) return { status: 'ok', near: text };
    if (text.length < 2) return { status: 'not-found', resolution: { input: text, kind: 'not-found' } };
    if (places.pending) return { status: 'checking' };
    if (places.error || !places.data?.resolution) return { status: 'failed' };
    const resolution = places.data.resolution;
    if (resolution.kind === 'not-found') return { status: 'not-found', resolution };
    const chosen = resolution.kind === 'corrected' && resolution.resolved ? resolution.resolved : text;
    return { status: 'ok', near: chosen, resolution };
  })();
  return { ...check, places: places.data };
}
