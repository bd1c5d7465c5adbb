/**
 * Calendar days as the search holds them (`YYYY-MM-DD`, the `from`/`to` of the URL and of `/api/search`), the date
 * presets and the months of the month view. Days are counted in the viewer's time zone: "today" is the viewer's
 * today, wherever the server is.
 */

/** A calendar day, `YYYY-MM-DD`. */
export type CalendarDate = string;
/** A calendar month, `YYYY-MM`. */
export type CalendarMonth = string;

/** Both ends included. */
export interface DateRange {
  from: CalendarDate;
  to: CalendarDate;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const fromUtc = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);
const utcMs = (date: CalendarDate): number => Date.parse(`${date}T00:00:00Z`);

/** True for a real day written `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDate(value: string): boolean {
  return DATE.test(value) && fromUtc(utcMs(value)) === value;
}

/** True for a month written `YYYY-MM`, years 1000–9999. */
export function isCalendarMonth(value: string): boolean {
  const match = MONTH.exec(value);
  return match !== null && Number(match[1]) >= 1000 && Number(match[2]) >= 1 && Number(match[2]) <= 12;
}

/** The day an instant falls on in `timeZone` (the runtime's zone when not given, UTC when unknown). */
export function dateInZone(instant: Date, timeZone?: string): CalendarDate {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${pad(Number(parts.year), 4)}-${parts.month}-${parts.day}`;
}

/** Minutes `timeZone` is ahead of UTC at an instant (negative west of Greenwich). */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const parts = Object.fromEntries(format.formatToParts(new Date(instantMs)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/**
 * The first (`start`) or last (`end`) moment of a day in `timeZone`, as the API takes an instant:
 * `2026-12-01T00:00:00-06:00`, `2026-12-31T23:59:59.999-06:00`. Without a zone the runtime knows, the bare date,
 * which the API reads as a day in UTC.
 */
export function dayBoundary(date: CalendarDate, edge: 'start' | 'end', timeZone: string | undefined): string {
  const time = edge === 'start' ? '00:00:00' : '23:59:59.999';
  if (!timeZone) return date;
  const wall = Date.parse(`${date}T${time}Z`);
  let offset: number;
  try {
    offset = offsetMinutes(wall, timeZone);
    // Once more at the instant found, in case a clock change falls between the two.
    offset = offsetMinutes(wall - offset * 60_000, timeZone);
  } catch {
    return date;
  }
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A search's days as the API's instants: from the start of `from` to the end of `to`, in `timeZone`. */
export function apiDateRange(range: Partial<DateRange>, timeZone: string | undefined): { from?: string; to?: string } {
  return {
    from: range.from === undefined ? undefined : dayBoundary(range.from, 'start', timeZone),
    to: range.to === undefined ? undefined : dayBoundary(range.to, 'end', timeZone),
  };
}

export const addDays = (date: CalendarDate, days: number): CalendarDate => fromUtc(utcMs(date) + days * DAY_MS);

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CalendarDate, b: CalendarDate): number => Math.round((utcMs(b) - utcMs(a)) / DAY_MS);

/** 0 for Monday … 6 for Sunday. */
export const weekdayIndex = (date: CalendarDate): number => (new Date(utcMs(date)).getUTCDay() + 6) % 7;

export const monthOf = (date: CalendarDate): CalendarMonth => date.slice(0, 7);

/** The month `count` months after `month` (before, when negative). */
export function addMonths(month: CalendarMonth, count: number): CalendarMonth {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The first and last day of a month. */
export function monthRange(month: CalendarMonth): DateRange {
  return { from: `${month}-01`, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The days both ranges hold (an open end takes the other's), or undefined when they do not meet. */
export function intersectRanges(range: Partial<DateRange>, within: DateRange): DateRange | undefined {
  const from = range.from && range.from > within.from ? range.from : within.from;
  const to = range.to && range.to < within.to ? range.to : within.to;
  return from <= to ? { from, to } : undefined;
}

/** The same day `count` months later, the month's last day when it is shorter (Jan 31 + 1 month → Feb 28). */
function addMonthsToDate(date: CalendarDate, count: number): CalendarDate {
  const month = addMonths(monthOf(date), count);
  const last = monthRange(month).to;
  const day = `${month}-${date.slice(8)}`;
  return isCalendarDate(day) && day <= last ? day : last;
}

/** The quick date choices of the search filters. */
export const DATE_PRESETS = ['this-week', 'next-30-days', 'next-3-months', 'this-semester'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DATE_PRESET_LABELS: Readonly<Record<DatePreset, string>> = {
  'this-week': 'This week',
  'next-30-days': 'Next 30 days',
  'next-3-months': 'Next 3 months',
  'this-semester': 'This semester',
};

/** A US academic term: its name and the first and last day of the month-day span it covers. */
interface Semester {
  name: 'Spring' | 'Summer' | 'Fall';
  /** `MM-DD`, both ends included. */
  first: string;
  last: string;
}

/**
 * The terms "this semester" means, as US colleges keep them: spring from January 1 to May 31, summer from June 1
 * to August 15, fall from August 16 to December 31.
 */
export const SEMESTERS: readonly Semester[] = [
  { name: 'Spring', first: '01-01', last: '05-31' },
  { name: 'Summer', first: '06-01', last: '08-15' },
  { name: 'Fall', first: '08-16', last: '12-31' },
];

/** The term a day falls in, with its dates in that year. */
export function semesterOf(date: CalendarDate): { name: Semester['name'] } & DateRange {
  const year = date.slice(0, 4);
  const monthDay = date.slice(5);
  const term = SEMESTERS.find((s) => monthDay >= s.first && monthDay <= s.last) ?? (SEMESTERS[0] as Semester);
  return { name: term.name, from: `${year}-${term.first}`, to: `${year}-${term.last}` };
}

/**
 * The days a preset means, from the viewer's today: this week runs to Sunday (weeks start on Monday), the next 30
 * days and the next 3 months count today, and this semester runs to the last day of the current term
 * ({@link SEMESTERS}).
 */
export function presetRange(preset: DatePreset, now: Date = new Date(), timeZone?: string): DateRange {
  const today = dateInZone(now, timeZone);
  switch (preset) {
    case 'this-week':
      return { from: today, to: addDays(today, 6 - weekdayIndex(today)) };
    case 'next-30-days':
      return { from: today, to: addDays(today, 29) };
    case 'next-3-months':
      return { from: today, to: addDays(addMonthsToDate(today, 3), -1) };
    case 'this-semester':
      return { from: today, to: semesterOf(today).to };
  }
}

/** The preset whose days the range is today, if any. */
export function matchingPreset(
  range: Partial<DateRange>,
  now: Date = new Date(),
  timeZone?: string,
): DatePreset | undefined {
  return DATE_PRESETS.find((preset) => {
    const days = presetRange(preset, now, timeZone);
    return days.from === range.from && days.to === range.to;
  });
}
