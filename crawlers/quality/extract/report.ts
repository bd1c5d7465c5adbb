import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ExtractFormat } from './eval-set.js';
import { EVAL_NOW, type FormatScore, type RealWorldScore, SCORED_FIELDS, type ScoredField } from './evaluate.js';

const START = '<!-- extraction:start -->';
const END = '<!-- extraction:end -->';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const share = (num: number, den: number) => (den === 0 ? '–' : pct(num / den));
const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

const FIELD_HEADINGS: Record<ScoredField, string> = {
  start: 'start',
  end: 'end',
  zone: 'zone',
  place: 'place',
  url: 'url',
  allDay: 'all-day',
  format: 'attendance',
};

/** What each format's extraction is known to miss, as read off the cases' mistakes and the extractors' code. */
export const FORMAT_MISSES: Record<ExtractFormat, string> = {
  'json-ld': '',
  microdata: '',
  rdfa: '',
  microformats: '',
  schedule: '',
  ical: '',
  feed: '',
  'wordpress-events': '',
  localist: '',
  'json-list': '',
};

function eventsTable(scores: readonly FormatScore[]): string[] {
  return [
    '| format | documents | events expected | events found | matched | precision | recall | warnings | worst time per document |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...scores.map(
      (s) =>
        `| ${s.format} | ${s.documents} | ${s.expected} | ${s.found} | ${s.matched} | ${pct(s.precision)} | ${pct(s.recall)} | ${s.warnings} | ${ms(s.worstMs)} |`,
    ),
  ];
}

function fieldsTable(scores: readonly FormatScore[]): string[] {
  return [
    `| format | ${SCORED_FIELDS.map((f) => FIELD_HEADINGS[f]).join(' | ')} | found with zone assumed UTC |`,
    `| --- |${' ---: |'.repeat(SCORED_FIELDS.length + 1)}`,
    ...scores.map(
      (s) =>
        `| ${s.format} | ${SCORED_FIELDS.map((f) => share(s.correct[f], s.matched)).join(' | ')} | ${s.assumedUtc} of ${s.found} |`,
    ),
  ];
}

function realWorldTable(rows: readonly RealWorldScore[] | undefined): string[] {
  if (!rows) {
    return ['Not measured in this run: `/work/shared/data/real-world` (seen from the repo as `../shared`) was absent.'];
  }
  return [
    '| samples | documents | with events | events | with an end | zone known | with a city | with a url | warnings | worst time per document |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.folder} | ${r.documents} | ${r.withEvents} | ${r.events} | ${share(r.having.end, r.events)} | ${share(r.having.zone, r.events)} | ${share(r.having.place, r.events)} | ${share(r.having.url, r.events)} | ${r.warnings} | ${ms(r.worstMs)} (${r.worstDocument}) |`,
    ),
  ];
}

function missesList(scores: readonly FormatScore[]): string[] {
  return scores.flatMap((s) => [
    `### ${s.format}`,
    '',
    FORMAT_MISSES[s.format],
    '',
    ...(s.misdetected.length > 0 ? [`Detected as another format: ${s.misdetected.join('; ')}.`, ''] : []),
    ...(s.mistakes.length === 0 ? ['Every expected event and field right.'] : s.mistakes.map((m) => `- ${m}`)),
    '',
  ]);
}

/** The extraction section of docs/quality.md, in Markdown, between its markers. */
export function extractionSection(
  scores: readonly FormatScore[],
  realWorld: readonly RealWorldScore[] | undefined,
): string {
  return [
    START,
    '## Extraction',
    '',
    'Made by `pnpm quality` (`crawlers/quality/extract/`), which rewrites this section. Each document of the',
    'evaluation set goes through what a crawl does with a fetched body: `extractAny` (format detection, then the',
    'extractor: JSON-LD, microdata, RDFa and microformats together for HTML, `eventSchedule` expanded) and',
    '`normalizeRawEvent` (instants, zone, place, attendance mode), with no source default zone and recurring',
    `events expanded from ${EVAL_NOW.slice(0, 10)}.`,
    '',
    '### Evaluation set',
    '',
    '`crawlers/quality/extract/fixtures/<format>/<case>.expected.json`: hand-written documents per format, plus',
    "the extractors' own test documents (`crawlers/src/extract/fixtures/`), each with the events a person reads",
    "off it (title, start and end instants, the event's zone, venue city and country, url, all-day, attendance",
    "mode), written from the formats' specifications and the platforms' documentation. Expectations say what the",
    'document states, not what the extractors give: a zone the document does not imply is expected as UTC, one',
    "the calendar states is expected even when the event's own line gives only an offset.",
    '',
    'An expected and a found event match when their titles are equal (case and spacing aside) and their starts',
    'are within 26 hours, so a zone read wrong shows as a wrong start rather than a missed event. Precision is',
    'matched / found, recall matched / expected; field accuracy is over matched events.',
    '',
    ...eventsTable(scores),
    '',
    ...fieldsTable(scores),
    '',
    '### Real-world samples',
    '',
    "Calendars and pages from other projects' test suites, read in place from `/work/shared/data/real-world`",
    '(never copied here): no expectations, only what was found and how complete it is.',
    '',
    ...realWorldTable(realWorld),
    '',
    '### What each format misses',
    '',
    ...missesList(scores),
    'Regenerate with `pnpm quality`; `crawlers/quality/extract/extract-eval.test.ts` keeps floors under each',
    "format's precision and recall.",
    END,
  ].join('\n');
}

/** Replaces the extraction section of the file at `path`, appending it (with its markers) when absent. */
export function writeExtractionSection(section: string, path: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Data quality\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END, start);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
