import { UI_LOCALE } from './event-when.js';

/** What attending costs, in any of its shapes: every part optional and nullable. Amounts are in `currency`. */
export interface CostParts {
  free?: boolean | null | undefined;
  min?: number | null | undefined;
  max?: number | null | undefined;
  /** ISO 4217 code, e.g. `USD`. */
  currency?: string | null | undefined;
}

/**
 * An event's cost, nested as the stored event holds it (`cost`) or flat as an API hit or an index document does
 * (`costFree`, `costMin`, `costMax`, `costCurrency`). A present `cost` key wins.
 */
export interface EventCostInput {
  cost?: CostParts | null | undefined;
  costFree?: boolean | null | undefined;
  costMin?: number | null | undefined;
  costMax?: number | null | undefined;
  costCurrency?: string | null | undefined;
}

const amount = (n: unknown): number | undefined =>
  typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;

function money(n: number, currency: string | null | undefined, locale: string = UI_LOCALE): string {
  const digits = Number.isInteger(n) ? 0 : 2;
  const options: Intl.NumberFormatOptions = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  if (!currency) return new Intl.NumberFormat(locale, options).format(n);
  try {
    return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency }).format(n);
  } catch {
    return `${new Intl.NumberFormat(locale, options).format(n)} ${currency}`;
  }
}

/**
 * A cost as people read it: "Free", "$150", "$150–$300", "From $150", "Up to $300", "Paid" (not free, amount
 * unknown), or `undefined` when nothing is known. Amounts that are not finite and non-negative are ignored; a
 * reversed range is read the right way round; amounts that are all 0 read "Free", and a range from 0 reads
 * "Up to". Money is written with `Intl.NumberFormat` in `locale` (default: {@link UI_LOCALE}, the one locale of
 * every surface), whole amounts without cents; an unknown currency code follows the number.
 */
export function formatCost(cost: CostParts, locale?: string): string | undefined {
  if (cost.free === true) return 'Free';
  const min = amount(cost.min);
  const max = amount(cost.max);
  const show = (n: number) => money(n, cost.currency, locale);
  if (min === undefined && max === undefined) return cost.free === false ? 'Paid' : undefined;
  if (max === undefined) return min === 0 ? 'Free' : `From ${show(min as number)}`;
  if (min === undefined) return max === 0 ? 'Free' : `Up to ${show(max)}`;
  const [low, high] = min <= max ? [min, max] : [max, min];
  if (high === 0) return 'Free';
  if (low === high) return show(low);
  if (low === 0) return `Up to ${show(high)}`;
  return `${show(low)}–${show(high)}`;
}

/** {@link formatCost} of an event, whichever shape it comes in (see {@link EventCostInput}). */
export function formatEventCost(event: EventCostInput, locale?: string): string | undefined {
  if ('cost' in event) return event.cost ? formatCost(event.cost, locale) : undefined;
  return formatCost(
    { free: event.costFree, min: event.costMin, max: event.costMax, currency: event.costCurrency },
    locale,
  );
}
