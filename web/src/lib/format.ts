export { type EventTiming, formatEventWhen } from '@fieldguide/shared';

import type { EventTiming } from '@fieldguide/shared';

/** True when the event has started before `now` and has not ended. */
export function isHappeningNow(event: EventTiming, now: Date = new Date()): boolean {
  const start = Date.parse(event.start);
  const end = event.end ? Date.parse(event.end) : start;
  return start <= now.getTime() && now.getTime() <= end;
}

/** A place as a line of text: "Venue, City, Region, Country" from whatever parts exist. */
export function formatPlace(parts: {
  venueName?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
}): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of [parts.venueName, parts.city, parts.region, parts.country]) {
    const text = part?.trim();
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out.join(', ');
}

/** "Free", "From $150", "$150–$300", or undefined when the price is unknown. */
export function formatCost(
  cost: { free?: boolean | null; min?: number | null; max?: number | null; currency?: string | null },
  locale?: string,
): string | undefined {
  if (cost.free === true) return 'Free';
  const money = (n: number) => {
    if (!cost.currency) return String(n);
    try {
      return new Intl.NumberFormat(locale, {
        style: 'currency',
        currency: cost.currency,
        maximumFractionDigits: Number.isInteger(n) ? 0 : 2,
      }).format(n);
    } catch {
      return `${n} ${cost.currency}`;
    }
  };
  if (cost.min != null && cost.max != null && cost.max > cost.min) return `${money(cost.min)}–${money(cost.max)}`;
  if (cost.min != null) return cost.max != null ? money(cost.min) : `From ${money(cost.min)}`;
  if (cost.max != null) return `Up to ${money(cost.max)}`;
  if (cost.free === false) return 'Paid';
  return undefined;
}

/** A distance in km as "12 km" or, for `mi`, "7 mi". */
export function formatDistance(km: number, unit: 'km' | 'mi' = 'km'): string {
  const value = unit === 'mi' ? km / 1.609344 : km;
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}

/** A short date-time for admin tables, in the viewer's zone: "Mar 10, 2026, 9:00 AM". */
export function formatLocalDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
