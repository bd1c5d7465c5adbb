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
  'json-ld':
    'Reads `@graph`, `@id` references, ItemLists, every `*Event` type (ConferenceEvent, the pending Hackathon), ' +
    "HTML-commented blocks and trailing commas. A time without an offset takes the venue's zone when the place " +
    'names a city with its region, or a city and a country the gazetteer resolves; a place with only a venue name ' +
    'falls back to UTC, recorded on the event as `assumed-utc`. An offset alone gives the instant, not the zone ' +
    '(the event is then stored with UTC as its zone). Organizer-level hints (the society is in Denver) are not used.',
  microdata:
    'Nested itemscopes, `content`/`datetime`/`href` values and `*Event` types are read; an event without a url ' +
    "of its own gets the page's. A city with only a country (Sydney, AU; see below) gets no zone from " +
    'the gazetteer, so its local times fall back to UTC even when the place is known.',
  rdfa:
    'RDFa Lite: `vocab`, `prefix` and the predefined `schema:` prefix, `typeof`, `property`, `resource` ' +
    'and `about` references; values from `content`, `datetime`, `href`, `src` or text. Not read: `rel`/`rev` ' +
    'links, `inlist`, and vocabularies other than schema.org. Zones as for JSON-LD.',
  microformats:
    'h-event (microformats2) and classic hCalendar (`vevent`) are parsed by `microformats-parser`, the ' +
    'value-class pattern included, with `category` read as tags. Misses come from the places: a country written ' +
    'out ("France", "United Kingdom") is not always turned into its ISO code ("FX" and "UK" come out), and a ' +
    'city with only a country (Toronto, Canada) finds no zone, so such events are read in UTC and recorded as ' +
    '`assumed-utc`. `dt-duration`, `rrule` and `attendee` are not read.',
  schedule:
    'schema.org `Schedule` in JSON-LD, microdata or RDFa: weekly by day and monthly by day of the month, ' +
    'startTime/endTime in `scheduleTimezone` (summer time followed), the events without a `startDate` of their ' +
    'own. Occurrences are expanded only inside the window (a day before the clock to 18 months after) and at most ' +
    '100 per schedule; a schedule with an unreadable `repeatFrequency` is dropped with a warning.',
  ical:
    'RRULE/EXDATE/RDATE (PERIOD values included), overridden occurrences, X-WR-TIMEZONE for UTC-stored and ' +
    'floating events, Windows and vendor-prefixed TZIDs; a bad property costs that property or that event, and ' +
    'the hostile calendar (empty RRULE, a 10^18-week DURATION, a 4-billion-day step, deep nesting) is read in ' +
    'milliseconds. Misses: a custom VTIMEZONE (TZID "Chapter Local Time") gives the right instants but UTC as the ' +
    'zone, not the calendar\'s X-WR-TIMEZONE; a LOCATION that is a bare city ("Karlsruhe") or a street address ' +
    'with a postal code before the city is not read as a city (the country is).',
  feed:
    'RSS 2.0, RSS 1.0 with the event module and Atom with xCal dates; items without an event date are left ' +
    'out. A news post naming a date in its text is taken for an event on that date (precision), and "When: … ' +
    'Where: …" written on one line of a plain-text description is read for the date and times but not the ' +
    'place, so those times are read in UTC.',
  'wordpress-events':
    "The Events Calendar's REST API, lists and single events: UTC times, the site's zone (UTC-7 style zones as " +
    'Etc/GMT+7), venues, all-day events, events hidden from listings left out. No known misses on this set.',
  localist:
    "Localist's events API: each instance is an event, with geo block, experience (in person, hybrid, virtual) " +
    'and status. Instances carry offsets, so instants are right, but an event whose place has no city is ' +
    "stored with UTC as its zone (the API's calendar zone is not read), and an all-day instance then starts at " +
    'UTC midnight.',
  'json-list':
    'Lists of conferences (`name` or `title`, `url`, `link` or `website`, dates or times, `city`, `country`, ' +
    '`online`), as an array or under `conferences`, `events`, `items` or `data`; a day is read in its city\'s zone. A US city with a country but no state ("Chicago", "U.S.A.") finds no zone, so ' +
    'its days are read as UTC days (recorded as `assumed-utc`).',
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
    '',
    ...rows.map(
      (r) =>
        `Without any event (${r.folder}): ${r.withoutEvents.length === 0 ? 'none' : r.withoutEvents.map((f) => `\`${f}\``).join(', ')}.`,
    ),
  ];
}

function missesList(scores: readonly FormatScore[]): string[] {
  return scores.flatMap((s) => [
    `#### ${s.format}`,
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
    'matched / found, recall matched / expected; field accuracy is over matched events. A zone counts as right',
    'when it keeps the same clock as the expected one at the event and half a year on (America/New_York for a',
    'Michigan campus whose tz database zone is America/Detroit); UTC for a place in London does not.',
    '',
    ...eventsTable(scores),
    '',
    ...fieldsTable(scores),
    '',
    '### Real-world samples',
    '',
    "Calendars and pages from other projects' test suites, read in place from `/work/shared/data/real-world`",
    '(never copied here): no expectations, only what was found and how complete it is. Their events are mostly',
    'years old: single events are kept whatever their date, but a recurring series is expanded only inside the',
    'window, so a calendar holding only long-finished series gives no event. "Zone known" is any zone but the UTC',
    'fallback; "with an end" counts all-day events, which always get one.',
    '',
    ...realWorldTable(realWorld),
    '',
    '### What each format misses',
    '',
    ...missesList(scores),
    'Regenerate with `pnpm quality`; `crawlers/quality/extract/extract-eval.test.ts` keeps floors under each',
    "format's precision and recall and under the start, zone and place accuracy of all formats together.",
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
