import ICAL from 'ical.js';
import { normalizeStatus } from '../normalize/normalize-status.js';
import { htmlToText } from '../normalize/normalize-text.js';
import { resolveTimeZone } from '../normalize/normalize-zone.js';
import type { ExtractResult, RawEvent, RawVenue } from './raw-event.js';
import { absoluteUrl, compact } from './util.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

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
}

const DEFAULT_MAX_OCCURRENCES = 100;
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

/** Unfolds lines and drops blank and malformed ones (with a warning), so one bad line doesn't sink the file. */
function cleanLines(body: string, warnings: string[]): string[] {
  const unfolded = body
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t]/g, '');
  const lines: string[] = [];
  let dropped = 0;
  let depth = 0;
  for (const line of unfolded.split('\n')) {
    if (!line.trim()) continue;
    if (!LINE.test(line)) {
      dropped++;
      continue;
    }
    const upper = line.toUpperCase();
    if (upper.startsWith('BEGIN:')) depth++;
    else if (upper.startsWith('END:')) depth--;
    else if (depth <= 0) {
      dropped++;
      continue;
    }
    lines.push(repairLine(line));
  }
  if (dropped > 0) warnings.push(`ical: ${dropped} malformed or stray line(s) ignored`);
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
  for (const event of events) {
    try {
      roots.push(
        ...parseWhole(['BEGIN:VCALENDAR', ...header, ...goodZones.flat(), ...event, 'END:VCALENDAR'].join('\r\n')),
      );
    } catch (error) {
      const uid = event.find((l) => /^UID[;:]/i.test(l))?.replace(/^UID[^:]*:/i, '');
      warnings.push(`ical: VEVENT ${uid ?? '(no UID)'} skipped: ${(error as Error).message}`);
    }
  }
  return roots;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface TimeValue {
  value: string;
  dateOnly: boolean;
  timeZone?: string;
}

/** How one ical.js time reads as a `RawEvent` date: UTC instant, offset instant, floating + zone, or date. */
function timeValue(t: Time, tzid: string | undefined, defaultZone: string | undefined): TimeValue {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
  const zone = resolveTimeZone(tzid) ?? (tzid ? undefined : defaultZone);
  if (t.isDate) return zone ? { value: date, dateOnly: true, timeZone: zone } : { value: date, dateOnly: true };
  const local = `${date}T${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
  const tz = t.zone as { tzid?: string } | undefined;
  if (tz?.tzid === 'UTC' || tz?.tzid === 'Z') return { value: `${local}Z`, dateOnly: false };
  if (zone) return { value: local, dateOnly: false, timeZone: zone };
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
): Pick<RawEvent, 'start' | 'end' | 'timeZone' | 'allDay'> {
  const s = timeValue(start, startTzid, ctx.defaultZone);
  const out: Pick<RawEvent, 'start' | 'end' | 'timeZone' | 'allDay'> = { start: s.value };
  if (s.timeZone) out.timeZone = s.timeZone;
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
  const base = baseFields(component, ctx);
  if (!base.title) {
    ctx.warnings.push(`ical: ${label} skipped: no SUMMARY`);
    return [];
  }
  const startTzid = tzidOf(component, 'dtstart');
  const endTzid = tzidOf(component, 'dtend');
  const start = event.startDate;
  if (!start || !Number.isFinite(start.year) || start.year < 1000) {
    ctx.warnings.push(`ical: ${label} skipped: no readable DTSTART`);
    return [];
  }
  const hasEnd = component.hasProperty('dtend') || component.hasProperty('duration');
  if (!event.isRecurring()) {
    const rid = event.isRecurrenceException() ? event.recurrenceId : undefined;
    return [
      {
        ...base,
        title: base.title,
        ...occurrenceDates(start, hasEnd ? event.endDate : undefined, startTzid, endTzid, ctx),
        ...(uid ? { uid: rid ? `${uid}#${recurrenceKey(rid)}` : uid } : {}),
      },
    ];
  }
  const out: RawEvent[] = [];
  const from = horizon.from.getTime();
  const to = horizon.to.getTime();
  const iterator = event.iterator();
  let iterations = 0;
  for (let next = iterator.next(); next; next = iterator.next()) {
    if (++iterations > MAX_ITERATIONS) {
      ctx.warnings.push(`ical: ${label}: stopped expanding after ${MAX_ITERATIONS} recurrences`);
      break;
    }
    const details = event.getOccurrenceDetails(next);
    // Floating times have no instant; reading them as UTC is close enough to place them in the window.
    if (details.startDate.toJSDate().getTime() > to + 14 * 3600 * 1000) break;
    if (details.endDate.toJSDate().getTime() < from - 14 * 3600 * 1000) continue;
    if (out.length >= maxOccurrences) {
      ctx.warnings.push(`ical: ${label}: kept the first ${maxOccurrences} occurrences in the horizon`);
      break;
    }
    const item = details.item;
    const isException = item.component !== component;
    const fields = isException ? baseFields(item.component, ctx) : base;
    const itemHasEnd = item.component.hasProperty('dtend') || item.component.hasProperty('duration') || hasEnd;
    out.push({
      ...base,
      ...fields,
      title: fields.title ?? base.title,
      ...occurrenceDates(
        details.startDate,
        itemHasEnd ? details.endDate : undefined,
        tzidOf(item.component, 'dtstart') ?? startTzid,
        tzidOf(item.component, 'dtend') ?? endTzid,
        ctx,
      ),
      ...(uid ? { uid: `${uid}#${recurrenceKey(details.recurrenceId)}` } : {}),
    });
  }
  return out;
}

/**
 * Extracts the events of an iCalendar file (ical.js): time zones from the file's VTIMEZONEs and from IANA or
 * Windows TZIDs, UTC, floating and all-day times, RRULE/RDATE/EXDATE and RECURRENCE-ID overrides expanded
 * within a horizon (each occurrence gets `uid` = `UID#RECURRENCE-ID`), STATUS, URL, LOCATION, GEO, ORGANIZER,
 * CATEGORIES. A malformed file yields warnings and whatever parsed; it never throws.
 */
export function extractIcal(body: string, pageUrl: string, opts: IcalExtractOptions = {}): ExtractResult {
  const warnings: string[] = [];
  const events: RawEvent[] = [];
  const horizon = opts.horizon ?? defaultHorizon(opts.now);
  const maxOccurrences = opts.maxOccurrences ?? DEFAULT_MAX_OCCURRENCES;
  const lines = cleanLines(body, warnings);
  if (!lines.some((l) => /^BEGIN:VCALENDAR/i.test(l))) {
    warnings.push('ical: no VCALENDAR found');
    return { events, warnings };
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
        exceptions.set(uid, [...(exceptions.get(uid) ?? []), vevent]);
      } else masters.push(vevent);
    }
  }
  const ctx: Ctx = { pageUrl, defaultZone, warnings };
  const masterUids = new Set(masters.map((m) => text(m, 'uid')).filter(Boolean));
  for (const [uid, list] of exceptions) if (!masterUids.has(uid)) masters.push(...list);
  for (const component of masters) {
    const uid = text(component, 'uid');
    try {
      const related = uid && !component.hasProperty('recurrence-id') ? (exceptions.get(uid) ?? []) : [];
      const event = new ICAL.Event(component, { strictExceptions: false, exceptions: related });
      events.push(...readEvent(component, event, ctx, horizon, maxOccurrences));
    } catch (error) {
      warnings.push(`ical: VEVENT ${uid ?? '(no UID)'} skipped: ${(error as Error).message}`);
    }
  }
  return { events, warnings };
}
