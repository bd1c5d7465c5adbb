import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { cleanTitle, extractAny, type NormalizedEvent, normalizeRawEvent } from '@fieldguide/crawlers';
import { DateTime } from 'luxon';
import { readShared, SHARED_DATA, sharedDataPresent } from '../../src/extract/fixtures/shared-data.js';
import { EXTRACT_FORMATS, type ExpectedEvent, type ExtractCase, type ExtractFormat } from './eval-set.js';

/** The clock of every run, so recurring events expand into the same window each time. */
export const EVAL_NOW = '2027-01-01T00:00:00Z';

/** The fields scored on a matched event. */
export const SCORED_FIELDS = ['start', 'end', 'zone', 'place', 'url', 'allDay', 'format'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

/** What one document gave: normalized events, warnings, and the time extraction plus normalization took. */
export interface DocumentRun {
  detected: string;
  events: NormalizedEvent[];
  warnings: string[];
  ms: number;
}

/** Runs the product's extraction (format detection, extractor, normalization) over one document. */
export function runDocument(body: string, url: string, opts: { contentType?: string; now?: string } = {}): DocumentRun {
  const began = performance.now();
  const result = extractAny(body, url, {
    ...(opts.contentType ? { contentType: opts.contentType } : {}),
    ical: { now: new Date(opts.now ?? EVAL_NOW) },
  });
  const warnings = [...result.warnings];
  const events: NormalizedEvent[] = [];
  for (const raw of result.events) {
    const normalized = normalizeRawEvent(raw);
    warnings.push(...normalized.warnings);
    if (normalized.event) events.push(normalized.event);
  }
  return { detected: result.format, events, warnings, ms: performance.now() - began };
}

const titleKey = (title: string) => cleanTitle(title).toLowerCase();
// A zone read wrong moves the start by hours, not days: such an event still matches, with a wrong start.
const MATCH_WINDOW_MS = 26 * 3600 * 1000;

const sameInstant = (a: string | undefined, b: string | undefined) =>
  a === undefined || b === undefined ? a === b : Date.parse(a) === Date.parse(b);
const sameText = (a: string | undefined, b: string | undefined) =>
  (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

const HALF_YEAR_MS = 182 * 24 * 3600 * 1000;

/**
 * The same zone, or one keeping the same clock around the event (at its start and half a year on, so summer time
 * counts): America/New_York for Ann Arbor, whose tz database name is America/Detroit.
 */
function sameClock(expected: string, found: string, at: string): boolean {
  if (expected === found) return true;
  const t = Date.parse(at);
  return [t, t + HALF_YEAR_MS].every((ms) => {
    const a = DateTime.fromMillis(ms, { zone: expected });
    const b = DateTime.fromMillis(ms, { zone: found });
    return a.isValid && b.isValid && a.offset === b.offset;
  });
}

/** Which scored fields of a matched event are right. */
function fieldVerdicts(expected: ExpectedEvent, found: NormalizedEvent): Record<ScoredField, boolean> {
  return {
    start: sameInstant(expected.start, found.start),
    end: sameInstant(expected.end, found.end),
    zone:
      sameClock(expected.timeZone, found.timeZone, expected.start) &&
      (expected.timeZoneSource === undefined || expected.timeZoneSource === found.timeZoneSource),
    place: sameText(expected.city, found.venue?.city) && sameText(expected.country, found.venue?.country),
    url: expected.url === found.url,
    allDay: expected.allDay === found.allDay,
    format: expected.format === found.format,
  };
}

const placeText = (city?: string, country?: string) => [city, country].filter(Boolean).join(', ') || 'none';

/** A scored field of an event as the report shows it; `place` is given already written out. */
function fieldValue(field: ScoredField, e: ExpectedEvent | NormalizedEvent, place: string): string {
  if (field === 'zone') return e.timeZone;
  if (field === 'place') return place;
  if (field === 'allDay') return String(e.allDay);
  return e[field] ?? 'none';
}

/** "zone UTC, expected Europe/Paris". */
function fieldDifference(field: ScoredField, expected: ExpectedEvent, found: NormalizedEvent): string {
  const got = fieldValue(field, found, placeText(found.venue?.city, found.venue?.country));
  return `${field} ${got}, expected ${fieldValue(field, expected, placeText(expected.city, expected.country))}`;
}

/** Pairs expected and found events of one title whose starts are within a day, nearest first. */
function matchEvents(expected: readonly ExpectedEvent[], found: readonly NormalizedEvent[]) {
  const candidates: { e: number; f: number; gap: number }[] = [];
  expected.forEach((exp, e) => {
    found.forEach((got, f) => {
      const gap = Math.abs(Date.parse(exp.start) - Date.parse(got.start));
      if (titleKey(exp.title) === titleKey(got.title) && gap <= MATCH_WINDOW_MS) candidates.push({ e, f, gap });
    });
  });
  candidates.sort((a, b) => a.gap - b.gap);
  const usedE = new Set<number>();
  const usedF = new Set<number>();
  const pairs: [ExpectedEvent, NormalizedEvent][] = [];
  for (const c of candidates) {
    if (usedE.has(c.e) || usedF.has(c.f)) continue;
    usedE.add(c.e);
    usedF.add(c.f);
    pairs.push([expected[c.e]!, found[c.f]!]);
  }
  return {
    pairs,
    missed: expected.filter((_, i) => !usedE.has(i)),
    extra: found.filter((_, i) => !usedF.has(i)),
  };
}

/** Figures of one format over its cases. */
export interface FormatScore {
  format: ExtractFormat;
  documents: number;
  expected: number;
  found: number;
  matched: number;
  /** Matched / found; 1 when nothing was found. */
  precision: number;
  /** Matched / expected; 1 when nothing was expected. */
  recall: number;
  /** Matched events with the field right, per field. */
  correct: Record<ScoredField, number>;
  /** Found events whose local times were read as UTC for want of any zone. */
  assumedUtc: number;
  warnings: number;
  worstMs: number;
  /** Documents detected as something else than the extractor their folder names. */
  misdetected: string[];
  /** What went wrong, one line each: missed and extra events, wrong fields. */
  mistakes: string[];
}

const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

/** The extractor `detectFormat` should pick for a folder's documents. */
function expectedDetection(format: ExtractFormat, body: string): string[] {
  if (format === 'feed') return ['rss', 'atom'];
  if (format === 'ical') return ['ics'];
  if (format === 'wordpress-events' || format === 'localist' || format === 'json-list') return [format];
  return body.trimStart().startsWith('<') ? ['html'] : [];
}

function describe(e: { title: string; start: string }): string {
  return `"${e.title}" ${e.start}`;
}

/** Scores the cases of one format. */
export function scoreFormat(format: ExtractFormat, cases: readonly ExtractCase[]): FormatScore {
  const score: FormatScore = {
    format,
    documents: cases.length,
    expected: 0,
    found: 0,
    matched: 0,
    precision: 1,
    recall: 1,
    correct: { start: 0, end: 0, zone: 0, place: 0, url: 0, allDay: 0, format: 0 },
    assumedUtc: 0,
    warnings: 0,
    worstMs: 0,
    misdetected: [],
    mistakes: [],
  };
  for (const c of cases) {
    const run = runDocument(c.body, c.url, {
      ...(c.contentType ? { contentType: c.contentType } : {}),
      ...(c.now ? { now: c.now } : {}),
    });
    if (!expectedDetection(format, c.body).includes(run.detected)) score.misdetected.push(`${c.id} as ${run.detected}`);
    const { pairs, missed, extra } = matchEvents(c.expected, run.events);
    score.expected += c.expected.length;
    score.found += run.events.length;
    score.matched += pairs.length;
    score.assumedUtc += run.events.filter((e) => e.timeZoneSource === 'assumed-utc').length;
    score.warnings += run.warnings.length;
    score.worstMs = Math.max(score.worstMs, run.ms);
    for (const [expected, found] of pairs) {
      const verdicts = fieldVerdicts(expected, found);
      for (const field of SCORED_FIELDS) {
        if (verdicts[field]) score.correct[field] += 1;
      }
      const wrong = SCORED_FIELDS.filter((f) => !verdicts[f]).map((f) => fieldDifference(f, expected, found));
      if (wrong.length > 0) score.mistakes.push(`${c.id}: ${describe(expected)}: ${wrong.join('; ')}`);
    }
    for (const e of missed) score.mistakes.push(`${c.id}: missed ${describe(e)}`);
    for (const e of extra) score.mistakes.push(`${c.id}: not expected ${describe(e)}`);
  }
  score.precision = ratio(score.matched, score.found);
  score.recall = ratio(score.matched, score.expected);
  return score;
}

/** Scores every format of the evaluation set, in report order. */
export function evaluateExtraction(cases: readonly ExtractCase[]): FormatScore[] {
  return EXTRACT_FORMATS.map((format) =>
    scoreFormat(
      format,
      cases.filter((c) => c.format === format),
    ),
  );
}

/** Counts and field coverage of the events found in a folder of real-world documents (no expectations). */
export interface RealWorldScore {
  folder: string;
  documents: number;
  /** Documents that gave at least one event. */
  withEvents: number;
  /** The documents that gave none. */
  withoutEvents: string[];
  events: number;
  /** Events having the field, per field. */
  having: { end: number; zone: number; place: number; url: number };
  warnings: number;
  worstMs: number;
  worstDocument: string;
}

/** The real-world sample folders in `/work/shared/data/real-world`. */
export const REAL_WORLD_FOLDERS = ['ics', 'html'] as const;

const REAL_WORLD_URL = 'https://real-world.example/';

/** Runs extraction over one folder of real-world samples, read in place. */
function scoreRealWorldFolder(folder: string): RealWorldScore {
  const dir = path.join(SHARED_DATA, 'real-world', folder);
  const files = readdirSync(dir).sort();
  const score: RealWorldScore = {
    folder,
    documents: files.length,
    withEvents: 0,
    withoutEvents: [],
    events: 0,
    having: { end: 0, zone: 0, place: 0, url: 0 },
    warnings: 0,
    worstMs: 0,
    worstDocument: '',
  };
  for (const file of files) {
    const run = runDocument(readShared('real-world', folder, file), `${REAL_WORLD_URL}${file}`);
    if (run.events.length > 0) score.withEvents += 1;
    else score.withoutEvents.push(file);
    score.events += run.events.length;
    score.warnings += run.warnings.length;
    if (run.ms > score.worstMs) {
      score.worstMs = run.ms;
      score.worstDocument = file;
    }
    for (const e of run.events) {
      if (e.end) score.having.end += 1;
      if (e.timeZoneSource !== 'assumed-utc') score.having.zone += 1;
      if (e.venue?.city) score.having.place += 1;
      if (e.url) score.having.url += 1;
    }
  }
  return score;
}

/** The real-world rows, or `undefined` when `/work/shared/data` is not there. */
export function evaluateRealWorld(): RealWorldScore[] | undefined {
  if (!sharedDataPresent('real-world extraction samples')) return undefined;
  return REAL_WORLD_FOLDERS.map(scoreRealWorldFolder);
}
