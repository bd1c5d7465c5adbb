import * as chrono from 'chrono-node';

/** A date or date-time read from source text, in one of the forms `RawEvent.start` allows. */
export interface ParsedDate {
  /** `YYYY-MM-DD`, floating `YYYY-MM-DDTHH:mm:ss`, or an instant with `Z` / `±HH:mm`. */
  value: string;
  dateOnly: boolean;
}

/** A date range found in running text. */
export interface FoundDate {
  start: ParsedDate;
  end?: ParsedDate;
  /** The text that was read. */
  text: string;
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/i;
const DATE_PREFIX = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d:])/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function offsetString(raw: string | undefined): string {
  if (!raw) return '';
  if (raw.toUpperCase() === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return '';
  const hh = m[2] ?? '00';
  const mm = m[3] ?? '00';
  return hh === '00' && mm === '00' ? 'Z' : `${m[1]}${hh}:${mm}`;
}

function build(
  y: number,
  mo: number,
  d: number,
  time?: { h: number; mi: number; s: number },
  offset = '',
): ParsedDate | undefined {
  if (!validDate(y, mo, d)) return undefined;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (!time) return { value: date, dateOnly: true };
  if (time.h > 23 || time.mi > 59 || time.s > 60) return undefined;
  return { value: `${date}T${pad(time.h)}:${pad(time.mi)}:${pad(Math.min(time.s, 59))}${offset}`, dateOnly: false };
}

function fromChrono(c: chrono.ParsedComponents): ParsedDate | undefined {
  const y = c.get('year');
  const mo = c.get('month');
  const d = c.get('day');
  if (y == null || mo == null || d == null) return undefined;
  if (!c.isCertain('hour')) return build(y, mo, d);
  let offset = '';
  if (c.isCertain('timezoneOffset')) {
    const minutes = c.get('timezoneOffset') ?? 0;
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    offset = offsetString(`${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`);
  }
  return build(y, mo, d, { h: c.get('hour') ?? 0, mi: c.get('minute') ?? 0, s: c.get('second') ?? 0 }, offset);
}

/**
 * Reads one date or date-time value as sources write it: ISO 8601 (also with one-digit months and days),
 * iCalendar basic form (`20270304T090000Z`), or a written-out date with a year ("Wednesday, August 8, 2018
 * 7:00 PM", "4 March 2027"). A date followed by an unreadable time (`2018-7-19T00-00-00-00`) keeps the date.
 */
export function parseDateValue(input: unknown): ParsedDate | undefined {
  if (typeof input !== 'string') return undefined;
  const text = input.trim();
  if (!text || text.length > 200) return undefined;
  let m = ISO.exec(text);
  if (m) {
    const time = m[4] ? { h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0) } : undefined;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, offsetString(m[7]));
  }
  m = BASIC.exec(text);
  if (m) {
    const time = m[4] ? { h: Number(m[4]), mi: Number(m[5]), s: Number(m[6] ?? 0) } : undefined;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time, m[7] ? 'Z' : '');
  }
  m = DATE_PREFIX.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]));
  const found = chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)));
  const first = found[0];
  if (!first?.start.isCertain('year')) return undefined;
  return fromChrono(first.start);
}

/**
 * Finds written dates that carry a year in running text ("March 4, 2027", "2027-03-04", "March 4–6, 2027"),
 * in order of appearance. Dates without a year, weekdays and relative words ("tomorrow") are ignored.
 */
export function findDatesInText(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  // chrono reads "4-6" as a range but not "4–6" (en dash), which is how most pages write it.
  const normalized = text.slice(0, 20_000).replace(/[\u2012-\u2015]/g, '-');
  for (const r of chrono.strict.parse(normalized, new Date(Date.UTC(2000, 0, 1)))) {
    if (!r.start.isCertain('year') && !(r.end?.isCertain('year') ?? false)) continue;
    const start = fromChrono(r.start);
    if (!start) continue;
    const end = r.end ? fromChrono(r.end) : undefined;
    out.push(end ? { start, end, text: r.text } : { start, text: r.text });
  }
  return out;
}
