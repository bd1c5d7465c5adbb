import { resolveTimeZone } from '../normalize/normalize-zone.js';
import { type ParsedDate, parseDateValue } from './dates.js';
import { defaultHorizon, type IcalExtractOptions } from './ical.js';
import type { NodeReader, SchemaNode } from './schema-org.js';
import { isNode, toNumber } from './util.js';

/** The window a schedule is expanded in, and how many occurrences one schedule may give. */
export interface ScheduleWindow {
  from: Date;
  to: Date;
  maxOccurrences: number;
  /** What all the schedules of one document may still spend together: days walked, occurrences given. */
  budget: { days: number; occurrences: number };
}

/** One occurrence of a schedule, in the forms `RawEvent` takes. */
export interface Occurrence {
  start: string;
  end?: string;
  allDay?: true;
  timeZone?: string;
}

/** Default most occurrences kept per schedule, as for an iCalendar RRULE. */
const DEFAULT_MAX_OCCURRENCES = 100;
/** What the schedules of one document may spend together, so that a page of thousands of them stays cheap. */
const DOCUMENT_BUDGET = { days: 100_000, occurrences: 5_000 };
// Values read per schedule property: a week has 7 days and a month 31; more is padding or an attack.
const MAX_VALUES = 64;
const MAX_EXCEPT_DATES = 400;
const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?![\d])/;

/** The window of {@link expandSchedule} for one document, from the options recurring iCalendar events take. */
export function scheduleWindow(opts: IcalExtractOptions = {}): ScheduleWindow {
  const { from, to } = opts.horizon ?? defaultHorizon(opts.now);
  return { from, to, maxOccurrences: opts.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES, budget: { ...DOCUMENT_BUDGET } };
}

export interface ExpandedSchedule {
  occurrences: Occurrence[];
  warnings: string[];
}

type Unit = 'day' | 'week' | 'month' | 'year';

interface Frequency {
  unit: Unit;
  interval: number;
}

/** A weekday (0 = Monday … 6 = Sunday), with the nth-in-month an iCal-style `+1MO`/`-1FR` gives. */
interface DayRule {
  weekday: number;
  ordinal?: number;
}

interface LocalTime {
  h: number;
  mi: number;
  s: number;
  offset: string;
}

const DAY_MS = 24 * 3600 * 1000;
// Days walked from the schedule's first day: bounds the work for an old, unbounded, daily schedule.
const MAX_DAYS = 20_000;
// An occurrence longer than this is not one sitting of a recurring event.
const MAX_OCCURRENCE_MINUTES = 14 * 24 * 60;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQUENCY_WORDS: Record<string, Frequency> = {
  daily: { unit: 'day', interval: 1 },
  weekly: { unit: 'week', interval: 1 },
  biweekly: { unit: 'week', interval: 2 },
  fortnightly: { unit: 'week', interval: 2 },
  monthly: { unit: 'month', interval: 1 },
  yearly: { unit: 'year', interval: 1 },
  annually: { unit: 'year', interval: 1 },
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayNumber = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `P1W`, `P2D`, `P1M`, `P1Y` (ISO 8601, one unit) or a word (`Weekly`, `monthly`). */
export function parseFrequency(value: string | undefined): Frequency | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const word = FREQUENCY_WORDS[text.toLowerCase().replace(/^https?:\/\/schema\.org\//i, '')];
  if (word) return word;
  const m = /^P(\d{1,3})([DWMY])$/i.exec(text);
  if (!m) return undefined;
  const interval = Number(m[1]);
  if (interval < 1) return undefined;
  const unit = ({ D: 'day', W: 'week', M: 'month', Y: 'year' } as const)[m[2]!.toUpperCase() as 'D' | 'W' | 'M' | 'Y'];
  return { unit, interval };
}

/** `https://schema.org/Monday`, `schema:Monday`, `Monday`, `MO`, `+1MO`, `-1FR`; several split by commas. */
export function parseDayRules(values: unknown[]): DayRule[] {
  const rules: DayRule[] = [];
  for (const value of values.slice(0, MAX_VALUES)) {
    const text = isNode(value) ? (value['@id'] ?? value.name) : value;
    if (typeof text !== 'string') continue;
    for (const part of text.split(',', MAX_VALUES)) {
      const word = part
        .trim()
        .replace(/^(https?:\/\/)?(www\.)?schema\.org\//i, '')
        .replace(/^schema:/i, '');
      const named = WEEKDAYS.indexOf(word.toLowerCase());
      if (named >= 0) {
        rules.push({ weekday: named });
        continue;
      }
      const ical = /^([+-]?\d{1})?(MO|TU|WE|TH|FR|SA|SU)$/i.exec(word);
      if (!ical) continue;
      const weekday = ICAL_DAYS.indexOf(ical[2]!.toUpperCase());
      const ordinal = ical[1] ? Number(ical[1]) : undefined;
      rules.push(ordinal ? { weekday, ordinal } : { weekday });
    }
  }
  return rules;
}

/** `19:00`, `19:00:00`, `T19:00`, `19:00:00-05:00`, `7:00 PM`. */
export function parseLocalTime(value: string | undefined): LocalTime | undefined {
  if (!value) return undefined;
  const m = /^T?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([AP]\.?M\.?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const meridiem = m[4]?.[0]?.toUpperCase();
  if (meridiem && (h < 1 || h > 12)) return undefined;
  if (meridiem === 'P' && h < 12) h += 12;
  if (meridiem === 'A' && h === 12) h = 0;
  const mi = Number(m[2]);
  const s = Number(m[3] ?? 0);
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const raw = m[5]?.toUpperCase();
  const offset = !raw || raw === 'Z' ? (raw ?? '') : `${raw.slice(0, 3)}:${raw.slice(-2)}`;
  return { h, mi, s, offset };
}

/** `PT2H`, `PT90M`, `P1DT2H`: minutes, or undefined when unreadable or longer than an occurrence can be. */
function durationMinutes(value: string | undefined): number | undefined {
  const m = /^P(?:(\d{1,2})D)?(?:T(?:(\d{1,3})H)?(?:(\d{1,4})M)?)?$/i.exec(value?.trim() ?? '');
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  const minutes = Number(m[1] ?? 0) * 1440 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  return minutes > 0 && minutes <= MAX_OCCURRENCE_MINUTES ? minutes : undefined;
}

function integers(values: unknown[], min: number, max: number): number[] {
  const numbers = values
    .slice(0, MAX_VALUES)
    .flatMap((v) => (typeof v === 'string' ? v.split(',', MAX_VALUES) : [v]))
    .map((v) => toNumber(typeof v === 'string' ? v.trim() : v))
    .filter((n): n is number => n !== undefined && Number.isInteger(n) && n !== 0 && n >= min && n <= max);
  return [...new Set(numbers)];
}

function dayParts(date: ParsedDate): { y: number; m: number; d: number } {
  const [y, m, d] = date.value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function timeOfDate(date: ParsedDate | undefined): LocalTime | undefined {
  if (!date || date.dateOnly) return undefined;
  return parseLocalTime(date.value.slice(11));
}

interface Rule {
  freq: Frequency;
  first: number;
  byDay: DayRule[];
  byMonth: Set<number>;
  byMonthDay: number[];
  byMonthWeek: number[];
}

/** Which week of its month a day falls in, counted from the start (1…5) and from the end (−1…−5). */
function weekOfMonth(day: number): { fromStart: number; fromEnd: number } {
  const date = new Date(day * DAY_MS);
  const dom = date.getUTCDate();
  const length = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return { fromStart: Math.ceil(dom / 7), fromEnd: -Math.ceil((length - dom + 1) / 7) };
}

function matchesDayOfMonth(rule: Rule, day: number): boolean {
  const date = new Date(day * DAY_MS);
  const dom = date.getUTCDate();
  const length = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  if (rule.byMonthDay.length > 0) return rule.byMonthDay.some((n) => (n > 0 ? n === dom : length + n + 1 === dom));
  if (rule.byDay.length > 0) {
    const weekday = (date.getUTCDay() + 6) % 7;
    const week = weekOfMonth(day);
    const inWeek = (n: number) => n === week.fromStart || n === week.fromEnd;
    return rule.byDay.some(
      (d) =>
        d.weekday === weekday &&
        (d.ordinal !== undefined ? inWeek(d.ordinal) : rule.byMonthWeek.length === 0 || rule.byMonthWeek.some(inWeek)),
    );
  }
  return dom === new Date(rule.first * DAY_MS).getUTCDate();
}

function matches(rule: Rule, day: number): boolean {
  const date = new Date(day * DAY_MS);
  const first = new Date(rule.first * DAY_MS);
  const month = date.getUTCMonth() + 1;
  if (rule.byMonth.size > 0 && !rule.byMonth.has(month)) return false;
  const weekday = (date.getUTCDay() + 6) % 7;
  const { unit, interval } = rule.freq;
  if (unit === 'day') {
    if ((day - rule.first) % interval !== 0) return false;
    if (rule.byDay.length > 0 && !rule.byDay.some((d) => d.weekday === weekday)) return false;
    return rule.byMonthDay.length === 0 || matchesDayOfMonth(rule, day);
  }
  if (unit === 'week') {
    const mondayOfFirst = rule.first - ((first.getUTCDay() + 6) % 7);
    if (Math.floor((day - mondayOfFirst) / 7) % interval !== 0) return false;
    const firstWeekday = (first.getUTCDay() + 6) % 7;
    return rule.byDay.length > 0 ? rule.byDay.some((d) => d.weekday === weekday) : weekday === firstWeekday;
  }
  const months = (date.getUTCFullYear() - first.getUTCFullYear()) * 12 + month - (first.getUTCMonth() + 1);
  if (unit === 'month') return months % interval === 0 && matchesDayOfMonth(rule, day);
  const years = date.getUTCFullYear() - first.getUTCFullYear();
  if (years % interval !== 0) return false;
  if (rule.byMonth.size === 0 && month !== first.getUTCMonth() + 1) return false;
  return matchesDayOfMonth(rule, day);
}

function formatTime(date: string, t: LocalTime): string {
  return `${date}T${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}${t.offset}`;
}

function endOf(
  date: string,
  start: LocalTime,
  end: LocalTime | undefined,
  minutes: number | undefined,
): string | undefined {
  if (end) {
    const overnight = end.h * 60 + end.mi <= start.h * 60 + start.mi;
    const endDate = overnight ? dateOf(Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS) + 1) : date;
    return formatTime(endDate, { ...end, offset: end.offset || start.offset });
  }
  if (minutes === undefined) return undefined;
  const at = new Date(Date.parse(`${date}T${pad(start.h)}:${pad(start.mi)}:${pad(start.s)}Z`) + minutes * 60_000);
  return `${at.toISOString().slice(0, 19)}${start.offset}`;
}

/** What an Event node itself says that a schedule falls back on: its start and end. */
export interface EventDates {
  start?: ParsedDate;
  end?: ParsedDate;
}

/**
 * Expands a schema.org `Schedule` (`eventSchedule`) into the occurrences that fall in `window`: repeatFrequency
 * (ISO 8601 `P1W` or a word), byDay (DayOfWeek or iCal-style `+1MO`), byMonth, byMonthDay, byMonthWeek,
 * startDate/endDate as the bounds of the series, startTime/endTime or duration, scheduleTimezone, repeatCount
 * and exceptDate. A schedule without a startDate starts at the window (or the event's own startDate). The
 * walk is bounded in days and occurrences, whatever the schedule says.
 */
export function expandSchedule(
  r: NodeReader,
  schedule: SchemaNode,
  event: EventDates,
  window: ScheduleWindow,
): ExpandedSchedule {
  const warnings: string[] = [];
  const byDay = parseDayRules(r.all(schedule, 'byDay'));
  const byMonthDay = integers(r.all(schedule, 'byMonthDay'), -31, 31);
  const frequencyText = r.str(schedule, 'repeatFrequency');
  const freq =
    parseFrequency(frequencyText) ??
    (frequencyText
      ? undefined
      : byMonthDay.length > 0 || byDay.some((d) => d.ordinal)
        ? { unit: 'month' as const, interval: 1 }
        : byDay.length > 0
          ? { unit: 'week' as const, interval: 1 }
          : undefined);
  if (!freq) {
    const why = frequencyText ? `unreadable repeatFrequency "${frequencyText}"` : 'no repeatFrequency nor byDay';
    return { occurrences: [], warnings: [`eventSchedule skipped: ${why}`] };
  }
  const startDate = parseDateValue(r.str(schedule, 'startDate'));
  const endDate = parseDateValue(r.str(schedule, 'endDate'));
  const windowFirst = Math.floor(window.from.getTime() / DAY_MS);
  const windowLast = Math.floor(window.to.getTime() / DAY_MS);
  const anchor = startDate ?? event.start;
  if (!anchor && freq.unit !== 'day' && byDay.length === 0 && byMonthDay.length === 0) {
    return { occurrences: [], warnings: ['eventSchedule skipped: no startDate nor day of the week or month'] };
  }
  const first = anchor ? dayNumber(dayParts(anchor).y, dayParts(anchor).m, dayParts(anchor).d) : windowFirst;
  const last = Math.min(
    windowLast,
    endDate ? dayNumber(dayParts(endDate).y, dayParts(endDate).m, dayParts(endDate).d) : windowLast,
  );
  const startTime = parseLocalTime(r.str(schedule, 'startTime')) ?? timeOfDate(startDate) ?? timeOfDate(event.start);
  const endTime = parseLocalTime(r.str(schedule, 'endTime'));
  const minutes =
    durationMinutes(r.str(schedule, 'duration')) ??
    (event.start && event.end && !event.start.dateOnly && !event.end.dateOnly
      ? eventMinutes(event.start, event.end)
      : undefined);
  const zoneText = r.str(schedule, 'scheduleTimezone');
  const timeZone = resolveTimeZone(zoneText);
  if (zoneText && !timeZone) warnings.push(`eventSchedule: unknown scheduleTimezone "${zoneText}" ignored`);
  const repeatCount = integers(r.all(schedule, 'repeatCount'), 1, 100_000)[0];
  const except = new Set(
    r
      .all(schedule, 'exceptDate')
      .slice(0, MAX_EXCEPT_DATES)
      // schema.org's Date or DateTime: ISO 8601 only, so that padding of written-out dates costs nothing.
      .map((v) => (typeof v === 'string' ? ISO_DAY.exec(v.trim())?.[1] : undefined))
      .filter((d): d is string => Boolean(d)),
  );
  const rule: Rule = {
    freq,
    first,
    byDay,
    byMonth: new Set(integers(r.all(schedule, 'byMonth'), 1, 12)),
    byMonthDay,
    byMonthWeek: integers(r.all(schedule, 'byMonthWeek'), -5, 5),
  };
  // Counting needs every occurrence from the first; otherwise the walk may begin at the window.
  const walkFrom = repeatCount === undefined ? Math.max(first, windowFirst) : first;
  const occurrences: Occurrence[] = [];
  let count = 0;
  for (let day = walkFrom; day <= last; day++) {
    if (day - walkFrom > MAX_DAYS) {
      warnings.push(`eventSchedule: stopped after ${MAX_DAYS} days`);
      break;
    }
    if (window.budget.days-- <= 0 || window.budget.occurrences <= 0) {
      warnings.push("eventSchedule: not expanded further: the page's schedules used up their budget");
      break;
    }
    if (!matches(rule, day)) continue;
    count++;
    if (repeatCount !== undefined && count > repeatCount) break;
    const date = dateOf(day);
    if (day < windowFirst || except.has(date)) continue;
    if (occurrences.length >= window.maxOccurrences) {
      warnings.push(`eventSchedule: kept the first ${window.maxOccurrences} occurrences`);
      break;
    }
    occurrences.push(occurrence(date, startTime, endTime, minutes, timeZone));
    window.budget.occurrences--;
  }
  return { occurrences, warnings };
}

function eventMinutes(start: ParsedDate, end: ParsedDate): number | undefined {
  const ms = Date.parse(end.value.slice(0, 19)) - Date.parse(start.value.slice(0, 19));
  const minutes = Math.round(ms / 60_000);
  return minutes > 0 && minutes <= MAX_OCCURRENCE_MINUTES ? minutes : undefined;
}

function occurrence(
  date: string,
  start: LocalTime | undefined,
  end: LocalTime | undefined,
  minutes: number | undefined,
  timeZone: string | undefined,
): Occurrence {
  const zone = timeZone ? { timeZone } : {};
  if (!start) return { start: date, allDay: true, ...zone };
  const endValue = endOf(date, start, end, minutes);
  return { start: formatTime(date, start), ...(endValue ? { end: endValue } : {}), ...zone };
}
