import type { PlaceOption, PlaceResolution } from '@fieldguide/shared';
import { findPlace, type ResolvedPlace } from './gazetteer.js';
import { lookupPostalCode, parsePostalCode, postalCodeHint } from './postal-codes.js';

/** A typed place as the server read it: what to tell the user, and the place to search around when one was found. */
export interface PlaceReading {
  resolution: PlaceResolution;
  place?: ResolvedPlace;
}

/** A place as the API lists it. */
export function toPlaceOption(place: ResolvedPlace): PlaceOption {
  const option: PlaceOption = {
    label: place.label,
    name: place.name,
    country: place.country,
    lat: place.lat,
    lng: place.lng,
  };
  if (place.region !== undefined) option.region = place.region;
  return option;
}

/**
 * Reads what was typed as a place: a postal code (`"60616"`, `"M5V"`, or a label that starts with one,
 * `"60616, Chicago, IL, US"`), a known city name, a close misspelling of one, or nothing known (`not-found`, with a
 * hint for postal codes the data lacks). Never throws for any text.
 */
export async function readPlace(text: string): Promise<PlaceReading> {
  const input = text.trim();
  const postal = parsePostalCode(input) ?? parsePostalCode(input.split(',')[0] ?? '');
  if (postal) {
    const place = await lookupPostalCode(postal);
    if (place) return { resolution: { input, kind: 'postal-code', resolved: place.label }, place };
    return { resolution: { input, kind: 'not-found', hint: postalCodeHint(postal) } };
  }
  const found = findPlace(input);
  if (!found) return { resolution: { input, kind: 'not-found' } };
  const resolution: PlaceResolution = { input, kind: found.kind, resolved: found.place.label };
  if (found.alternatives.length > 0) resolution.alternatives = found.alternatives.map(toPlaceOption);
  return { resolution, place: found.place };
}
