import { distanceKm, type EventFormat, type Venue } from '@fieldguide/shared';
import { levenshteinSimilarity } from './title-similarity.js';

/** Where an event is, as dedupe compares it. */
export interface PlaceFacts {
  format: EventFormat;
  venue?: Venue | undefined;
}

/** Whether two events are held in the same place: `unknown` when the sources say too little to tell. */
export type PlaceVerdict = 'same' | 'different' | 'unknown';

/** English and local names of the same city (after folding accents). */
const CITY_ALIASES: Record<string, string> = {
  munich: 'munchen',
  cologne: 'koln',
  vienna: 'wien',
  prague: 'praha',
  lisbon: 'lisboa',
  warsaw: 'warszawa',
  copenhagen: 'kobenhavn',
  nuremberg: 'nurnberg',
  florence: 'firenze',
  milan: 'milano',
  rome: 'roma',
  venice: 'venezia',
  naples: 'napoli',
  turin: 'torino',
  brussels: 'bruxelles',
  antwerp: 'antwerpen',
  'the hague': 'den haag',
  gothenburg: 'goteborg',
  kiev: 'kyiv',
  'new york city': 'new york',
  nyc: 'new york',
  sf: 'san francisco',
  'quebec city': 'quebec',
  'washington dc': 'washington',
  'washington d c': 'washington',
};

const fold = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A city name reduced for comparison: accents, region suffix ("Austin, TX"), "St."/"Ft." and exonyms folded. */
export function normalizeCity(city: string): string {
  const head = fold(city.split(',')[0] ?? city)
    .replace(/^(st|ste)\b/, 'saint')
    .replace(/^ft\b/, 'fort')
    .replace(/\bcity of\b/, '')
    .trim();
  return CITY_ALIASES[head] ?? head;
}

/** Points closer than this are one place (a convention centre and the hotel across the street). */
const SAME_PLACE_KM = 25;

function venueNameSimilarity(a: string, b: string): number {
  const ta = new Set(fold(a).split(' ').filter(Boolean));
  const tb = new Set(fold(b).split(' ').filter(Boolean));
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared += 1;
  const union = ta.size + tb.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Same place, different place, or unknown: both online is the same place; online against in person is
 * different; otherwise coordinates (within 25 km), countries, cities (folded, exonyms, ≥ 0.85 Levenshtein)
 * and venue names (token Jaccard ≥ 0.5) decide, in that order. Hybrid events are compatible with both sides.
 */
export function comparePlaces(a: PlaceFacts, b: PlaceFacts): PlaceVerdict {
  if (a.format === 'online' && b.format === 'online') return 'same';
  const va = a.format === 'online' ? undefined : a.venue;
  const vb = b.format === 'online' ? undefined : b.venue;
  if ((a.format === 'online' && b.format === 'in-person') || (b.format === 'online' && a.format === 'in-person')) {
    return 'different';
  }
  if (!va || !vb) return 'unknown';
  if (va.lat !== undefined && va.lng !== undefined && vb.lat !== undefined && vb.lng !== undefined) {
    return distanceKm({ lat: va.lat, lng: va.lng }, { lat: vb.lat, lng: vb.lng }) <= SAME_PLACE_KM
      ? 'same'
      : 'different';
  }
  if (va.country && vb.country && va.country !== vb.country) return 'different';
  if (va.city && vb.city) {
    const ca = normalizeCity(va.city);
    const cb = normalizeCity(vb.city);
    if (ca === cb || levenshteinSimilarity(ca, cb) >= 0.85) return 'same';
    if (!(va.name && vb.name && venueNameSimilarity(va.name, vb.name) >= 0.5)) return 'different';
    return 'same';
  }
  if (va.name && vb.name) return venueNameSimilarity(va.name, vb.name) >= 0.5 ? 'same' : 'unknown';
  return 'unknown';
}
