import ICAL from 'ical.js';
import { normalizeStatus } from '../normalize/normalize-status.js';
import { htmlToText } from '../normalize/normalize-text.js';
import { resolveTimeZone } from '../normalize/normalize-zone.js';
import { IcalBudgetError, IcalRangeError, icalBudgetSpent, MAX_SHIFT_DAYS, withIcalBudget } from './ical-budget.js';
import type { ExtractResult, RawEvent, RawVenue } from './raw-event.js';
import { absoluteUrl, compact } from './util.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;
type Period = InstanceType<typeof ICAL.Period>;

/** Options of {@link extractIcal}. */
export interface IcalExtractOptions {
  /**
   * Recurring events are expanded into the occurrences that overlap this window (default: from a day before
   * `now` to 18 months after). Single events are returned whatever their date.
   */
  horizon?: { from: Date; to: Date };
  /** Most occurrences kept per recurring event (default 100). */
  maxOccurrences?: number;
  /** The clock, for the default horizon. */
  now?: Date;
  /**
   * Longest time expanding one file's recurring events may take (default 5000 ms); any one event, single or
   * recurring, may take a fifth of it. Once it is spent, recurring events are expanded no further; what was read
   * is kept, with a warning. Single events are bounded by `maxChars` and `maxEvents`.
   */
  timeBudgetMs?: number;
  /** Longest file read, in characters (default 10 million); the rest is left out with a warning. */
  maxChars?: number;
  /** Most events (occurrences included) kept from one file (default 10,000). */
  maxEvents?: number;
}

const DEFAULT_MAX_OCCURRENCES = 100;
const DEFAULT_TIME_BUDGET_MS = 5000;
const DEFAULT_MAX_CHARS = 10_000_000;
const DEFAULT_MAX_EVENTS = 10_000;
// The most of the file's time budget one event may take: a fifth.
const EVENT_SHARE = 5;
// VCALENDAR > VEVENT > VALARM is as deep as calendars go; deeper nesting is a trap, not data.
const MAX_DEPTH = 4;
// Recurrences are iterated from DTSTART: this bounds the work for an old, unbounded, frequent rule.
const MAX_ITERATIONS = 50_000;
const LINE = /^[A-Za-z0-9-]+(?:;[^\n]*?)?:/;
const DATE_PROPS = /^(DTSTART|DTEND|DUE|RECURRENCE-ID|EXDATE|RDATE)((?:;[^:]*)?):(\d{8}(?:,\d{8})*)$/i;

/** Repairs slips common producers make: a bare 8-digit DATE without VALUE=DATE, spaces inside an RRULE. */
function repairLine(line: string): string {
  const date = DATE_PROPS.exec(line);
  if (date && !/;VALUE=/i.test(date[2] ?? '')) return `${date[1]}${date[2]};VALUE=DATE:${date[3]}`;
  if (/^(RRULE|EXRULE)[;:]/i.test(line)) {
    const colon = line.indexOf(':', line.search(/[;:]/));
    return line.slice(0, colon + 1) + line.slice(colon + 1).replace(/\s+/g, '');
  }
  return line;
}

/** The default expansion window: a day ago to 18 months ahead of `now`. */
export function defaultHorizon(now = new Date()): { from: Date; to: Date } {
  const from = new Date(now.getTime() - 24 * 3600 * 1000);
  const to = new Date(now);
  to.setUTCMonth(to.getUTCMonth() + 18);
  return { from, to };
}

const EMPTY_RULE = /^(RRULE|EXRULE|RDATE|EXDATE)(?:;[^:]*)?:\s*$/i;
const DURATION_LINE = /^DURATION(?:;[^:]*)?:(.*)$/i;
const RULE_FREQ = /^RRULE(?:;[^:]*)?:.*\bFREQ=([A-Z]+)/i;

/** Days a DURATION value spans (`P2W`, `PT90M`, `P1DT12H`); `undefined` when it is not one. */
export function durationDays(value: string): number | undefined {
  const m = /^[+-]?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value.trim());
  if (!m) return undefined;
  const [weeks, days, hours, minutes, seconds] = m.slice(1).map((n) => Number(n ?? 0)) as number[];
  return weeks! * 7 + days! + hours! / 24 + minutes! / 1440 + seconds! / 86_400;
}

/** Why one property line is left out, or `undefined` to keep it; `within` is the component it sits in. */
function badProperty(line: string, within: string | undefined): string | undefined {
  const empty = EMPTY_RULE.exec(line);
  if (empty) return `empty ${empty[1]!.toUpperCase()} line(s) ignored`;
  const duration = DURATION_LINE.exec(line);
  if (duration) {
    const days = durationDays(duration[1]!);
    if (days === undefined) return 'unreadable DURATION line(s) ignored';
    if (days > MAX_SHIFT_DAYS) return `DURATION line(s) longer than ${MAX_SHIFT_DAYS} days ignored`;
  }
  // A zone's changes recur yearly (or monthly); a SECONDLY rule there would have ical.js walk every second.
  const freq = within === 'STANDARD' || within === 'DAYLIGHT' ? RULE_FREQ.exec(line)?.[1]?.toUpperCase() : undefined;
  if (freq && freq !== 'YEARLY' && freq !== 'MONTHLY') return `${freq} rule(s) in a VTIMEZONE ignored`;
  return undefined;
}

/**
 * Unfolds lines and drops what would sink the file or stall ical.js, each kind with one warning: blank,
 * malformed and stray lines, components nested deeper than a calendar goes, empty RRULE/RDATE/EXDATE lines,
 * DURATIONs past any event's length and VTIMEZONE rules that are not yearly or monthly.
 */
function cleanLines(body: string, warnings: string[]): string[] {
  const unfolded = body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '');
  const lines: string[] = [];
  const ignored = new Map<string, number>();
  const ignore = (reason: string) => ignored.set(reason, (ignored.get(reason) ?? 0) + 1);
  const stack: string[] = [];
  for (const line of unfolded.split('\n')) {
    if (!line.trim()) continue;
    if (!LINE.test(line)) {
      ignore('malformed or stray line(s) ignored');
      continue;
    }
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:')) {
      stack.push(upper.slice(6).trim());
      if (stack.length > MAX_DEPTH) ignore(`component(s) nested deeper than ${MAX_DEPTH} levels ignored`);
      else lines.push(line);
      continue;
    }
    if (upper.startsWith('END:')) {
      if (stack.length <= MAX_DEPTH) lines.push(line);
      stack.pop();
      continue;
    }
    if (stack.length === 0) {
      ignore('malformed or stray line(s) ignored');
      continue;
    }
    if (stack.length > MAX_DEPTH) continue;
    const bad = badProperty(line, stack.at(-1));
    if (bad) ignore(bad);
    else lines.push(repairLine(line));
  }
  for (const [reason, count] of ignored) warnings.push(`ical: ${count} ${reason}`);
  return lines;
}

function parseWhole(text: string): Component[] {
  const parsed = ICAL.parse(text) as unknown[];
  const roots = Array.isArray(parsed[0]) ? (parsed as unknown[][]) : [parsed];
  return roots.map((jcal) => new ICAL.Component(jcal as unknown[]));
}

/** Parses one VEVENT at a time inside a copy of the calendar's header and time zones, keeping what parses. */
function parseSalvage(lines: string[], warnings: string[]): Component[] {
  const header: string[] = [];
  const zones: string[][] = [];
  const events: string[][] = [];
  let current: string[] | null = null;
  let kind = '';
  let depth = 0;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:')) {
      depth++;
      if (depth === 2) {
        kind = upper.slice(6).trim();
        current = [];
      }
    }
    if (depth === 1 && !upper.startsWith('BEGIN:') && !upper.startsWith('END:')) header.push(line);
    if (current && depth >= 2) current.push(line);
    if (upper.startsWith('END:')) {
      if (depth === 2 && current) {
        if (kind === 'VTIMEZONE') zones.push(current);
        else if (kind === 'VEVENT') events.push(current);
        current = null;
      }
      depth--;
    }
  }
  const goodZones = zones.filter((zone) => {
    try {
      parseWhole(['BEGIN:VCALENDAR', ...zone, 'END:VCALENDAR'].join('\r\n'));
      return true;
    } catch {
      warnings.push('ical: a malformed VTIMEZONE was ignored');
      return false;
    }
  });
  const roots: Component[] = [];
  const wrap = (event: string[]) =>
    ['BEGIN:VCALENDAR', ...header, ...goodZones.flat(), ...event, 'END:VCALENDAR'].join('\r\n');
  for (const event of events) {
    const label = `VEVENT ${event.find((l) => /^UID[;:]/i.test(l))?.replace(/^UID[^:]*:/i, '') ?? '(no UID)'}`;
    let reason: string;
    try {
      roots.push(...parseWhole(wrap(event)));
      continue;
    } catch (error) {
      reason = (error as Error).message;
    }
    // Keep the event without the lines that do not parse on their own (an RRULE with FREQ=FOO, say).
    const readable = event.filter((line) => /^(BEGIN|END):/i.test(line) || parsesAlone(line));
    try {
      if (readable.length === event.length) throw new Error(reason);
      roots.push(...parseWhole(wrap(readable)));
      warnings.push(`ical: ${label}: ${event.length - readable.length} unreadable line(s) ignored (${reason})`);
    } catch (error) {
      warnings.push(`ical: ${label} skipped: ${(error as Error).message}`);
    }
  }
  return roots;
}

/** True when one property line parses inside an otherwise empty event. */
function parsesAlone(line: string): boolean {
  try {
    parseWhole(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', line, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Leaves out, with one warning, the properties but DTSTART of a component whose values ical.js cannot read (an
 * UNTIL of "garbage", a DTEND that is no date), which would otherwise cost the whole event.
 */
function dropUnreadable(component: Component, label: string, warnings: string[]): void {
  const bad: string[] = [];
  for (const prop of [...component.getAllProperties()]) {
    // Without its start an event has nothing to show: that error skips the event, with its own words.
    if (prop.name === 'dtstart') continue;
    try {
      prop.getValues();
    } catch {
      bad.push(prop.name.toUpperCase());
      component.removeProperty(prop);
    }
  }
  if (bad.length > 0) warnings.push(`ical: ${label}: unreadable ${bad.join(', ')} ignored`);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface TimeValue {
  value: string;
  dateOnly: boolean;
  timeZone?: string;
  /** Set when the zone is the calendar's X-WR-TIMEZONE, not the event's own. */
  fromCalendar?: true;
}

/**
 * How one ical.js time reads as a `RawEvent` date: UTC instant, offset instant, floating + zone, or date. Times
 * without a TZID of their own (floating, dates, and UTC ones such as Google writes) take the calendar's zone.
 */
function timeValue(t: Time, tzid: string | undefined, calendarZone: string | undefined): TimeValue {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  const named = resolveTimeZone(tzid);
  const zone = named ?? (tzid ? undefined : calendarZone);
  const inZone = (value: string, dateOnly: boolean): TimeValue => {
    if (!zone) return { value, dateOnly };
    return named ? { value, dateOnly, timeZone: zone } : { value, dateOnly, timeZone: zone, fromCalendar: true };
  };
  if (t.isDate) return inZone(date, true);
  const local = `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  const tz = t.zone as { tzid?: string } | undefined;
  if (tz?.tzid === 'UTC' || tz?.tzid === 'Z') return inZone(`${local}Z`, false);
  if (zone) return inZone(local, false);
  if (tz?.tzid && tz.tzid !== 'floating') {
    // A zone the file defines but that has no IANA name: its VTIMEZONE rules give the offset.
    const seconds = t.utcOffset();
    const sign = seconds < 0 ? '-' : '+';
    const abs = Math.abs(seconds);
    return {
      value: `${local}${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor((abs % 3600) / 60))}`,
      dateOnly: false,
    };
  }
  return { value: local, dateOnly: false };
}

function tzidOf(component: Component, prop: string): string | undefined {
  const tzid = component.getFirstProperty(prop)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
}

function text(component: Component, prop: string): string | undefined {
  const value = component.getFirstPropertyValue(prop);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function venueAndOnline(component: Component): { venue?: RawVenue; virtualUrl?: string; online?: boolean } {
  const location = text(component, 'location');
  const out: { venue?: RawVenue; virtualUrl?: string; online?: boolean } = {};
  if (location) {
    const url = /^https?:\/\/\S+$/i.test(location) ? absoluteUrl(location) : undefined;
    if (url) {
      out.virtualUrl = url;
      out.online = true;
    } else {
      out.venue = { address: htmlToText(location, { maxLength: 500, singleLine: true }) };
    }
  }
  const geo = component.getFirstPropertyValue('geo') as unknown;
  if (Array.isArray(geo) && geo.length === 2) {
    const [lat, lng] = geo.map(Number) as [number, number];
    if (Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180) {
      out.venue = { ...out.venue, lat, lng };
    }
  }
  return out;
}

function organizer(component: Component): RawEvent['organizer'] {
  const prop = component.getFirstProperty('organizer');
  if (!prop) return undefined;
  const cn = prop.getParameter('cn');
  const name = typeof cn === 'string' ? cn.trim() : '';
  if (!name) return undefined;
  const value = prop.getFirstValue();
  const url = absoluteUrl(typeof value === 'string' ? value : undefined);
  return url ? { name, url } : { name };
}

function keywords(component: Component): string[] {
  const words = new Set<string>();
  for (const prop of component.getAllProperties('categories')) {
    for (const v of prop.getValues()) {
      if (typeof v === 'string' && v.trim()) words.add(v.trim().slice(0, 80));
    }
  }
  return [...words];
}

interface Ctx {
  pageUrl: string;
  defaultZone: string | undefined;
  warnings: string[];
}

/** The fields every occurrence of an event shares, read from its component (master or exception). */
function baseFields(component: Component, ctx: Ctx): Omit<RawEvent, 'start' | 'title'> & { title?: string } {
  const summary = text(component, 'summary');
  const description = text(component, 'description');
  const html = component
    .getAllProperties('x-alt-desc')
    .find((p) => String(p.getParameter('fmttype') ?? '').toLowerCase() === 'text/html')
    ?.getFirstValue();
  const loc = venueAndOnline(component);
  const allDayFlag = text(component, 'x-microsoft-cdo-alldayevent')?.toUpperCase() === 'TRUE';
  return compact({
    title: summary ? htmlToText(summary, { maxLength: 500, singleLine: true }) : undefined,
    description: description ? htmlToText(description) : undefined,
    descriptionHtml: typeof html === 'string' && html.trim() ? html : undefined,
    url: absoluteUrl(text(component, 'url'), ctx.pageUrl),
    allDay: allDayFlag || undefined,
    status: normalizeStatus(text(component, 'status')),
    venue: loc.venue,
    virtualUrl: loc.virtualUrl,
    attendanceMode: loc.online ? ('online' as const) : undefined,
    organizer: organizer(component),
    keywords: keywords(component),
    extractedBy: 'ical' as const,
  });
}

function dayBefore(value: string): string {
  const d = new Date(`${value}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Start and end of one occurrence as `RawEvent` fields; an all-day DTEND (exclusive) becomes the last day. */
function occurrenceDates(
  start: Time,
  end: Time | undefined,
  startTzid: string | undefined,
  endTzid: string | undefined,
  ctx: Ctx,
): Pick<RawEvent, 'start' | 'end' | 'timeZone' | 'timeZoneSource' | 'allDay'> {
  const s = timeValue(start, startTzid, ctx.defaultZone);
  const out: Pick<RawEvent, 'start' | 'end' | 'timeZone' | 'timeZoneSource' | 'allDay'> = { start: s.value };
  if (s.timeZone) out.timeZone = s.timeZone;
  if (s.fromCalendar) out.timeZoneSource = 'calendar';
  if (s.dateOnly) out.allDay = true;
  if (end) {
    const e = timeValue(end, endTzid ?? startTzid, ctx.defaultZone);
    if (e.dateOnly && s.dateOnly) out.end = e.value > s.value ? dayBefore(e.value) : s.value;
    else if (e.dateOnly) out.end = `${e.value}T00:00:00`;
    else out.end = e.value;
  }
  return out;
}

function recurrenceKey(t: Time): string {
  return t.toICALString();
}

/** What every occurrence of one event shares. */
interface Series {
  component: Component;
  event: IcalEvent;
  uid: string | undefined;
  label: string;
  base: Omit<RawEvent, 'start'>;
  start: Time;
  startTzid: string | undefined;
  endTzid: string | undefined;
  hasEnd: boolean;
}

type OccurrenceDetails = ReturnType<IcalEvent['getOccurrenceDetails']>;

function readEvent(
  component: Component,
  event: IcalEvent,
  ctx: Ctx,
  horizon: { from: Date; to: Date },
  maxOccurrences: number,
): RawEvent[] {
  const uid = text(component, 'uid');
  const label = `VEVENT ${uid ?? '(no UID)'}`;
  const klass = text(component, 'class')?.toUpperCase();
  if (klass === 'PRIVATE' || klass === 'CONFIDENTIAL') {
    ctx.warnings.push(`ical: ${label} skipped: CLASS:${klass}`);
    return [];
  }
  const { title, ...fields } = baseFields(component, ctx);
  if (!title) {
    ctx.warnings.push(`ical: ${label} skipped: no SUMMARY`);
    return [];
  }
  const start = event.startDate;
  if (!start || !Number.isFinite(start.year) || start.year < 1000) {
    ctx.warnings.push(`ical: ${label} skipped: no readable DTSTART`);
    return [];
  }
  const series: Series = {
    component,
    event,
    uid,
    label,
    base: { ...fields, title },
    start,
    startTzid: tzidOf(component, 'dtstart'),
    endTzid: tzidOf(component, 'dtend'),
    hasEnd: component.hasProperty('dtend') || component.hasProperty('duration'),
  };
  if (!event.isRecurring()) {
    return [firstOccurrence(series, ctx, event.isRecurrenceException() ? event.recurrenceId : undefined)];
  }
  return expandSeries(series, ctx, horizon, maxOccurrences);
}

/** The event at its DTSTART; `key` (its RECURRENCE-ID) goes into its uid. */
function firstOccurrence(series: Series, ctx: Ctx, key: Time | undefined): RawEvent {
  const { base, start, event, uid } = series;
  return {
    ...base,
    ...occurrenceDates(start, series.hasEnd ? event.endDate : undefined, series.startTzid, series.endTzid, ctx),
    ...(uid ? { uid: key ? `${uid}#${recurrenceKey(key)}` : uid } : {}),
  };
}

/** One occurrence of a series, with an override's own fields and a period's own end. */
function occurrence(series: Series, details: OccurrenceDetails, periodEnd: Time | undefined, ctx: Ctx): RawEvent {
  const item = details.item.component;
  const fields = item !== series.component ? baseFields(item, ctx) : series.base;
  const hasEnd = periodEnd !== undefined || item.hasProperty('dtend') || item.hasProperty('duration') || series.hasEnd;
  return {
    ...series.base,
    ...fields,
    title: fields.title ?? series.base.title,
    ...occurrenceDates(
      details.startDate,
      hasEnd ? (periodEnd ?? details.endDate) : undefined,
      tzidOf(item, 'dtstart') ?? series.startTzid,
      tzidOf(item, 'dtend') ?? series.endTzid,
      ctx,
    ),
    ...(series.uid ? { uid: `${series.uid}#${recurrenceKey(details.recurrenceId)}` } : {}),
  };
}

/**
 * The occurrences of a recurring event that overlap the horizon, at most `maxOccurrences`. Expansion stops, keeping
 * what it has, after {@link MAX_ITERATIONS} instances, when the time budget runs out, or at a step out of range
 * (then DTSTART is kept).
 */
function expandSeries(series: Series, ctx: Ctx, horizon: { from: Date; to: Date }, maxOccurrences: number): RawEvent[] {
  const { label } = series;
  const periodEnds = prepareRdates(series.component, series.start, label, ctx.warnings);
  const out: RawEvent[] = [];
  // Floating times have no instant; reading them as UTC is close enough to place them in the window.
  const from = horizon.from.getTime() - 14 * 3600 * 1000;
  const to = horizon.to.getTime() + 14 * 3600 * 1000;
  let iterations = 0;
  try {
    const iterator = series.event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      if (++iterations > MAX_ITERATIONS) {
        ctx.warnings.push(`ical: ${label}: stopped expanding after ${MAX_ITERATIONS} recurrences`);
        break;
      }
      const details = series.event.getOccurrenceDetails(next);
      const periodEnd = periodEnds.get(details.startDate.toUnixTime());
      if (details.startDate.toJSDate().getTime() > to) break;
      if ((periodEnd ?? details.endDate).toJSDate().getTime() < from) continue;
      if (out.length >= maxOccurrences) {
        ctx.warnings.push(`ical: ${label}: kept the first ${maxOccurrences} occurrences in the horizon`);
        break;
      }
      out.push(occurrence(series, details, periodEnd, ctx));
    }
    if (iterations === 0) ctx.warnings.push(`ical: ${label} skipped: its recurrence has no instance`);
  } catch (error) {
    if (!(error instanceof IcalBudgetError || error instanceof IcalRangeError)) throw error;
    const reason = error instanceof IcalBudgetError ? 'out of time' : error.message;
    // A rule whose step is out of range still has its first instance, DTSTART.
    if (out.length === 0 && error instanceof IcalRangeError) out.push(firstOccurrence(series, ctx, series.start));
    ctx.warnings.push(`ical: ${label}: stopped expanding (${reason}); kept ${out.length} occurrence(s)`);
  }
  return out;
}

/**
 * Readies a component's RDATEs for ical.js: `RDATE;VALUE=PERIOD` values (`start/end` or `start/duration`) become
 * plain dates, each period's end returned by its start (unix seconds), and DTSTART joins the dates of a series
 * without RRULE (RFC 5545 makes it the first instance; ical.js would leave it out). A period whose end is out of
 * range keeps its start.
 */
function prepareRdates(component: Component, start: Time, label: string, warnings: string[]): Map<number, Time> {
  const ends = new Map<number, Time>();
  const rdates = component.getAllProperties('rdate');
  for (const prop of rdates) {
    const values = prop.getValues() as unknown[];
    if (!values.some((v) => v instanceof ICAL.Period)) continue;
    const starts = values.map((value) => {
      if (!(value instanceof ICAL.Period)) return value;
      const period = value as Period;
      try {
        ends.set(period.start.toUnixTime(), period.getEnd());
      } catch (error) {
        if (!(error instanceof IcalRangeError)) throw error;
        warnings.push(`ical: ${label}: the end of RDATE period ${period.start.toString()} ignored (${error.message})`);
      }
      return period.start;
    });
    prop.resetType('date-time');
    prop.setValues(starts);
  }
  if (rdates.length > 0 && !component.hasProperty('rrule')) {
    const dates = rdates.flatMap((prop) => prop.getValues() as Time[]);
    if (!dates.some((date) => date.compare(start) === 0)) component.addPropertyWithValue('rdate', start.clone());
  }
  return ends;
}

/**
 * Events of the file in its order. Single events are read first, each within its share of the time budget (the
 * size budget bounds how many there are); recurring ones are then expanded while the file's time budget lasts.
 */
function readMasters(
  masters: Component[],
  exceptions: Map<string, Component[]>,
  ctx: Ctx,
  opts: { horizon: { from: Date; to: Date }; maxOccurrences: number; maxEvents: number; timeBudgetMs: number },
): RawEvent[] {
  const results: RawEvent[][] = masters.map(() => []);
  let kept = 0;
  let overBudget = 0;
  let overSize = 0;
  const readOne = (component: Component, i: number) => {
    if (kept >= opts.maxEvents) {
      overSize++;
      return;
    }
    const uid = text(component, 'uid');
    try {
      // One event gets a share of the time, so a rule that never matches costs only its share.
      const read = withIcalBudget(opts.timeBudgetMs / EVENT_SHARE, () => {
        const related = uid && !component.hasProperty('recurrence-id') ? (exceptions.get(uid) ?? []) : [];
        for (const part of [component, ...related]) dropUnreadable(part, `VEVENT ${uid ?? '(no UID)'}`, ctx.warnings);
        const event = new ICAL.Event(component, { strictExceptions: false, exceptions: related });
        return readEvent(component, event, ctx, opts.horizon, opts.maxOccurrences);
      });
      results[i] = read.slice(0, opts.maxEvents - kept);
      kept += results[i].length;
    } catch (error) {
      if (error instanceof IcalBudgetError) overBudget++;
      else ctx.warnings.push(`ical: VEVENT ${uid ?? '(no UID)'} skipped: ${(error as Error).message}`);
    }
  };
  const recurs = (c: Component) => c.hasProperty('rrule') || c.hasProperty('rdate');
  masters.forEach((component, i) => {
    if (!recurs(component)) readOne(component, i);
  });
  withIcalBudget(opts.timeBudgetMs, () => {
    masters.forEach((component, i) => {
      if (!recurs(component)) return;
      if (icalBudgetSpent()) overBudget++;
      else readOne(component, i);
    });
  });
  if (overBudget > 0) ctx.warnings.push(`ical: time budget spent; ${overBudget} event(s) not read`);
  if (overSize > 0) ctx.warnings.push(`ical: ${opts.maxEvents} events kept; ${overSize} more event(s) not read`);
  return results.flat();
}

/**
 * Extracts the events of an iCalendar file (ical.js): time zones from the file's VTIMEZONEs and from IANA or
 * Windows TZIDs, UTC, floating and all-day times, RRULE/RDATE/EXDATE and RECURRENCE-ID overrides expanded
 * within a horizon (each occurrence gets `uid` = `UID#RECURRENCE-ID`; `RDATE;VALUE=PERIOD` occurrences end where
 * their period does), STATUS, URL, LOCATION, GEO, ORGANIZER, CATEGORIES. Times without a TZID of their own,
 * UTC ones included, are shown in the calendar's X-WR-TIMEZONE.
 *
 * Hostile or broken input costs only what it touches: a bad line or property is left out and a bad event
 * skipped, each with a warning; reading is bounded in size (`maxChars`, `maxEvents`) and in time
 * (`timeBudgetMs`, enforced inside ical.js's loops: each event gets a share, recurrence expansion the whole),
 * single events being read before recurring ones are expanded. It never throws.
 */
export function extractIcal(body: string, pageUrl: string, opts: IcalExtractOptions = {}): ExtractResult {
  const warnings: string[] = [];
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (body.length > maxChars) {
    warnings.push(`ical: file longer than ${maxChars} characters; the rest was not read`);
  }
  const read = body.length > maxChars ? body.slice(0, maxChars) : body;
  const timeBudgetMs = opts.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  return { events: readCalendar(read, pageUrl, { ...opts, timeBudgetMs }, warnings), warnings };
}

function readCalendar(
  body: string,
  pageUrl: string,
  opts: IcalExtractOptions & { timeBudgetMs: number },
  warnings: string[],
): RawEvent[] {
  const lines = cleanLines(body, warnings);
  if (!lines.some((l) => /^BEGIN:VCALENDAR/i.test(l))) {
    warnings.push('ical: no VCALENDAR found');
    return [];
  }
  let roots: Component[];
  try {
    roots = parseWhole(lines.join('\r\n'));
  } catch (error) {
    warnings.push(`ical: file did not parse as a whole (${(error as Error).message}); reading event by event`);
    roots = parseSalvage(lines, warnings);
  }
  const masters: Component[] = [];
  const exceptions = new Map<string, Component[]>();
  let defaultZone: string | undefined;
  for (const root of roots) {
    defaultZone ??= resolveTimeZone(root.getFirstPropertyValue('x-wr-timezone'));
    for (const vevent of root.getAllSubcomponents('vevent')) {
      const uid = text(vevent, 'uid');
      if (uid && vevent.hasProperty('recurrence-id')) {
        const list = exceptions.get(uid);
        if (list) list.push(vevent);
        else exceptions.set(uid, [vevent]);
      } else masters.push(vevent);
    }
  }
  const masterUids = new Set(masters.map((m) => text(m, 'uid')).filter(Boolean));
  for (const [uid, list] of exceptions) if (!masterUids.has(uid)) masters.push(...list);
  return readMasters(
    masters,
    exceptions,
    { pageUrl, defaultZone, warnings },
    {
      horizon: opts.horizon ?? defaultHorizon(opts.now),
      maxOccurrences: opts.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES,
      maxEvents: opts.maxEvents ?? DEFAULT_MAX_EVENTS,
      timeBudgetMs: opts.timeBudgetMs,
    },
  );
}
