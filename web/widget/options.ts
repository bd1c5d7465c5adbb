import { warn } from './log.js';

/** Events a widget shows when `limit` is not given. */
export const DEFAULT_LIMIT = 5;
/** Most events one widget shows. */
export const MAX_LIMIT = 50;

export type Theme = 'light' | 'dark';

/** What one widget shows, read from `data-*` attributes of its script tag or attributes of its element. */
export interface WidgetOptions {
  /** `/api/search` parameters, in a fixed order; `type` may repeat. */
  params: [string, string][];
  theme: Theme;
  limit: number;
}

/** Attributes passed to `/api/search` as they are (the server validates them and says what is wrong). */
const PASSED = ['field', 'association', 'q', 'near', 'radius', 'hiring'] as const;
/** Attributes that take a comma-separated list, passed as repeated parameters. */
const LISTS = ['type', 'format'] as const;

/** Every attribute a widget reads, without the `data-` prefix. */
export const OPTION_NAMES = [...PASSED, ...LISTS, 'limit', 'theme'] as const;

/** Reads a widget's options through `read(name)` (an attribute's value, or null when absent). */
export function readOptions(read: (name: string) => string | null, where: string): WidgetOptions {
  const params: [string, string][] = [];
  for (const name of PASSED) {
    const value = read(name)?.trim();
    if (value) params.push([name, value]);
  }
  for (const name of LISTS) {
    for (const value of (read(name) ?? '').split(',')) {
      if (value.trim()) params.push([name, value.trim()]);
    }
  }
  let limit = DEFAULT_LIMIT;
  const rawLimit = read('limit')?.trim();
  if (rawLimit) {
    const n = Number(rawLimit);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT) limit = n;
    else warn(`${where}: limit ${JSON.stringify(rawLimit)} is not a whole number 1–${MAX_LIMIT}.`, `using ${limit}.`);
  }
  params.push(['limit', String(limit)]);
  let theme: Theme = 'light';
  const rawTheme = read('theme')?.trim().toLowerCase();
  if (rawTheme === 'dark') theme = 'dark';
  else if (rawTheme && rawTheme !== 'light')
    warn(`${where}: theme ${JSON.stringify(rawTheme)} is unknown.`, 'use "light" or "dark".');
  return { params, theme, limit };
}
