import type { Event } from '@fieldguide/shared';
import { DateTime } from 'luxon';
import { canonicalUrl } from './canonical-url.js';
import { comparePlaces, type PlaceVerdict } from './place.js';
import { type TitleSimilarity, titleSimilarity, titleTokens } from './title-similarity.js';

/** The parts of an event dedupe looks at. */
export type DedupeFacts = Pick<Event, 'title' | 'start' | 'timeZone' | 'format'> &
  Partial<Pick<Event, 'url' | 'venue' | 'allDay' | 'end'>>;

/**
 * Title-score thresholds of {@link matchEvents}, each in [0, 1]. The defaults were chosen on the labelled
 * pairs (`pnpm quality` writes the sweep to docs/quality.md).
 */
export interface MatchThresholds {
  /** Same day, same place (or both online). */
  samePlace: number;
  /** Same day, place unknown (one side says nothing about it). */
  unknownPlace: number;
  /** Same day and same canonical URL: the place is not checked. */
  sameUrl: number;
  /** Same place and the same start time (± 30 min), with two distinctive words in common. */
  sameTime: number;
  /** Both timed and more than 3 hours apart on the same day: two sessions unless the titles are near equal. */
  farApart: number;
}

export const DEFAULT_THRESHOLDS: Readonly<MatchThresholds> = Object.freeze({
  samePlace: 0.75,
  unknownPlace: 0.8,
  sameUrl: 0.5,
  sameTime: 0.4,
  farApart: 0.95,
});

/** Why two events are, or are not, the same. */
export interface MatchResult {
  duplicate: boolean;
  reason: 'same-url' | 'similar-title' | 'different-day' | 'different-place' | 'different-title';
  sameDay: boolean;
  sameUrl: boolean;
  place: PlaceVerdict;
  title: TitleSimilarity;
  /** The title score this pair needed. */
  needed: number;
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `zone`. */
export function dayIn(instant: string, zone: string): string {
  const dt = DateTime.fromISO(instant, { zone });
  return (dt.isValid ? dt : DateTime.fromISO(instant, { zone: 'UTC' })).toISODate() ?? instant.slice(0, 10);
}

/** The day an event starts on, in its own zone. */
export const startDay = (event: Pick<Event, 'start' | 'timeZone'>): string => dayIn(event.start, event.timeZone);

/**
 * True when both events start on the same day: each in its own zone, or both in either one's zone (a source
 * that gave no zone gets UTC, which may put an evening event on the next day).
 */
export function sameStartDay(a: Pick<Event, 'start' | 'timeZone'>, b: Pick<Event, 'start' | 'timeZone'>): boolean {
  if (startDay(a) === startDay(b)) return true;
  return [a.timeZone, b.timeZone].some((zone) => dayIn(a.start, zone) === dayIn(b.start, zone));
}

const HOUR_MS = 3_600_000;

/** Words of both events' cities, which say nothing about which event a title names. */
function placeWords(a: DedupeFacts, b: DedupeFacts): Set<string> {
  return new Set([a.venue?.city, b.venue?.city].flatMap((city) => (city ? titleTokens(city) : [])));
}

/**
 * Decides whether two events are one. They must start on the same day. The same canonical URL then needs
 * only a fair title match; otherwise the place must not differ and the titles (city names left out) must
 * match well, less well when both start at the same time in the same place, nearly exactly when both are
 * timed more than 3 hours apart.
 */
export function matchEvents(
  a: DedupeFacts,
  b: DedupeFacts,
  thresholds: Readonly<MatchThresholds> = DEFAULT_THRESHOLDS,
): MatchResult {
  const title = titleSimilarity(a.title, b.title, placeWords(a, b));
  const urlA = canonicalUrl(a.url);
  const sameUrl = urlA !== undefined && urlA === canonicalUrl(b.url);
  const place = comparePlaces(a, b);
  const base = { sameUrl, place, title };
  if (!sameStartDay(a, b)) {
    return { ...base, duplicate: false, reason: 'different-day', sameDay: false, needed: 1 };
  }
  const timed = !a.allDay && !b.allDay;
  const apartMs = Math.abs(Date.parse(a.start) - Date.parse(b.start));
  let needed = sameUrl ? thresholds.sameUrl : place === 'same' ? thresholds.samePlace : thresholds.unknownPlace;
  if (timed && apartMs <= HOUR_MS / 2 && place === 'same' && title.shared >= 2) {
    needed = Math.min(needed, thresholds.sameTime);
  }
  if (timed && apartMs > 3 * HOUR_MS) needed = Math.max(needed, thresholds.farApart);
  if (sameUrl && title.score >= needed) return { ...base, duplicate: true, reason: 'same-url', sameDay: true, needed };
  if (place === 'different') return { ...base, duplicate: false, reason: 'different-place', sameDay: true, needed };
  const duplicate = title.score >= needed;
  return { ...base, duplicate, reason: duplicate ? 'similar-title' : 'different-title', sameDay: true, needed };
}
