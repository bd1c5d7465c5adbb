import type { PlacesResponse } from '@fieldguide/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { apiRequest } from './api-client.js';

/** Waiting this long after the last keystroke before asking the server, in milliseconds. */
const PLACES_DELAY_MS = 250;

/** `"44.98,-93.26"`: coordinates, which need no look-up. */
export const isCoordinates = (text: string) => /^\s*-?\d+(\.\d+)?\s*,\s*-?\d+(\.\d+)?\s*$/.test(text);

/**
 * `GET /api/places?q=`, once typing has paused: the places whose names start with `text` and how `text` reads as a
 * place (`resolution`). Off for fewer than two characters and for coordinates. The gazetteer changes only with a
 * release, so answers stay fresh for an hour.
 */
export function usePlaces(text: string, limit = 6) {
  const settled = useDebouncedValue(text.trim(), PLACES_DELAY_MS);
  const query = useQuery({
    queryKey: ['places', settled, limit],
    queryFn: ({ signal }) => apiRequest<PlacesResponse>('/api/places', { params: { q: settled, limit }, signal }),
    enabled: settled.length >= 2 && !isCoordinates(settled),
    staleTime: 60 * 60_000,
    placeholderData: keepPreviousData,
  });
  /** True while what is typed has not been looked up yet (typing, or the answer is on its way). */
  const pending = text.trim() !== settled || query.isFetching || query.isPlaceholderData;
  return { ...query, settled, pending };
}
