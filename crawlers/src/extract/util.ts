/** Resolves `href` against `base`; only http(s) URLs come back (no `javascript:`, `mailto:`, `data:`). */
export function absoluteUrl(href: unknown, base?: string): string | undefined {
  if (typeof href !== 'string') return undefined;
  const trimmed = href.trim();
  if (!trimmed || trimmed.length > 2048) return undefined;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** `undefined` → `[]`, a value → `[value]`, an array → itself. */
export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A number from a number or a numeric string ("1,200.50", "35"); `undefined` otherwise. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const cleaned = value.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^[+-]?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : undefined;
}

const CURRENCY_SYMBOLS: Record<string, string> = {
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₹': 'INR',
  US$: 'USD',
  C$: 'CAD',
  A$: 'AUD',
};

/**
 * Reads a price as sources write it: `35`, `"35.00"`, `"$35"`, `"€ 1.200"`, `"Free"`. `$` alone names no
 * currency (it could be USD, CAD, AUD, …).
 */
export function parsePrice(value: unknown): { amount?: number; currency?: string; free?: boolean } {
  if (typeof value === 'number') return Number.isFinite(value) ? { amount: value, free: value === 0 } : {};
  if (typeof value !== 'string') return {};
  const text = value.trim();
  if (/^(free|gratis|kostenlos|gratuit|no charge|\$?0(\.0+)?)$/i.test(text)) return { amount: 0, free: true };
  const code = /\b([A-Z]{3})\b/.exec(text)?.[1];
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => text.includes(s));
  const number = /\d[\d.,]*/.exec(text)?.[0];
  if (!number) return {};
  // "1.200,50" and "1,200.50" both occur; the last separator followed by 1–2 digits is the decimal one.
  const decimal = /[.,](\d{1,2})$/.exec(number);
  const whole = (decimal ? number.slice(0, -decimal[0].length) : number).replace(/[.,]/g, '');
  const amount = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  if (!Number.isFinite(amount)) return {};
  const currency = code ?? (symbol ? CURRENCY_SYMBOLS[symbol] : undefined);
  return { amount, ...(currency ? { currency } : {}), free: amount === 0 };
}

/** Drops keys whose value is `undefined`, an empty string or an empty array, so results compare cleanly. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

/** True for a plain object (a JSON-LD node), false for arrays, scalars and null. */
export function isNode(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
