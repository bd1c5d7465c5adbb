import { UI_LOCALE } from '@fieldguide/shared';

/** `km` or `mi`: what the viewer measures distances in. */
export type DistanceUnit = 'km' | 'mi';

/** Regions whose people give road distances in miles. */
const MILE_REGIONS = new Set(['US', 'GB', 'LR', 'MM']);

/** The one locale the app writes dates, numbers and money in: the page's `lang` (American English). */
export function uiLocale(): string {
  if (typeof document === 'undefined') return UI_LOCALE;
  return document.documentElement.lang || UI_LOCALE;
}

/** The viewer's IANA time zone, as the browser reports it; undefined when it does not. */
export function viewerTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** The region of a BCP 47 tag, filled in when the tag has none (`en` → `US`, `de` → `DE`). */
function regionOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).maximize().region;
  } catch {
    return undefined;
  }
}

/**
 * Miles where the viewer's language settings name a region that uses them (US, UK), else kilometres. Read from the
 * browser's preferred languages, not the page's locale: the page is in English for everyone, distances are local.
 */
export function viewerDistanceUnit(languages: readonly string[] = browserLanguages()): DistanceUnit {
  const region = languages.map(regionOf).find((r) => r !== undefined);
  return region !== undefined && MILE_REGIONS.has(region) ? 'mi' : 'km';
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The radii offered in each unit, smallest first. */
export const RADII: Readonly<Record<DistanceUnit, readonly string[]>> = {
  mi: ['10mi', '25mi', '30mi', '50mi', '100mi', '250mi'],
  km: ['10km', '25km', '50km', '100km', '250km', '500km'],
};

/** The radius a place search uses when none is chosen: about 50 km, in the viewer's unit. */
export const DEFAULT_RADIUS: Readonly<Record<DistanceUnit, string>> = { mi: '30mi', km: '50km' };

/** The unit of a radius such as `"50mi"`, or undefined. */
export const radiusUnit = (radius: string | undefined): DistanceUnit | undefined =>
  radius?.endsWith('mi') ? 'mi' : radius?.endsWith('km') ? 'km' : undefined;

/** `"50mi"` as people read it: "50 mi". */
export const radiusLabel = (radius: string): string => radius.replace(/(km|mi)$/, ' $1');
