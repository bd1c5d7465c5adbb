import { type EventTiming, formatEventWhen as formatWhen } from '@fieldguide/shared';
import { uiLocale, viewerTimeZone } from './viewer.js';

export type { EventTiming } from '@fieldguide/shared';

/**
 * When an event is, as the app shows it: in the page's locale, in-person and hybrid events in their own zone,
 * online ones in the viewer's, the zone named (see the shared `formatEventWhen`).
 */
export function formatEventWhen(event: EventTiming): string {
  const viewer = viewerTimeZone();
  return formatWhen(event, viewer ? { locale: uiLocale(), viewerTimeZone: viewer } : { locale: uiLocale() });
}

/** True when the event has started before `now` and has not ended. */
export function isHappeningNow(event: EventTiming, now: Date = new Date()): boolean {
  const start = Date.parse(event.start);
  const end = event.end ? Date.parse(event.end) : start;
  return start <= now.getTime() && now.getTime() <= end;
}

/** A distance in km as "12 km" or, for `mi`, "7 mi". */
export function formatDistance(km: number, unit: 'km' | 'mi' = 'km'): string {
  const value = unit === 'mi' ? km / 1.609344 : km;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** A count in the page's locale: "1,234". */
export const formatCount = (n: number): string => n.toLocaleString(uiLocale());

/** A short date-time for admin tables, in the viewer's zone: "Mar 10, 2026, 9:00 AM". */
export function formatLocalDateTime(iso: string, locale: string = uiLocale()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
