import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The hand-written extraction cases: `crawlers/quality/extract/fixtures/<format>/<case>.expected.json`. */
export const EXTRACT_FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const CRAWLERS_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The formats evaluated, in the order of the report: one fixture folder each. */
export const EXTRACT_FORMATS = [
  'json-ld',
  'microdata',
  'rdfa',
  'microformats',
  'schedule',
  'ical',
  'feed',
  'wordpress-events',
  'localist',
  'json-list',
] as const;
export type ExtractFormat = (typeof EXTRACT_FORMATS)[number];

/** One event a person read off a document: what a correct extraction gives after normalization. */
export interface ExpectedEvent {
  title: string;
  /** UTC instant (`2027-03-04T17:00:00Z`); for an all-day event, local midnight of its first day. */
  start: string;
  /** UTC instant, exclusive for all-day events; absent when the document gives no end. */
  end?: string;
  /** IANA zone the event's local times are in. */
  timeZone: string;
  /** Where the zone is known from, when the case checks it (`stated`, `calendar`, `venue`, `assumed-utc`). */
  timeZoneSource?: string;
  /** The venue's city; absent for an online event or a document that names no city. */
  city?: string;
  /** ISO 3166-1 alpha-2 code of the venue's country, when the document gives or implies one. */
  country?: string;
  /** Absolute URL of the event's page; absent when the document gives none. */
  url?: string;
  allDay: boolean;
  /** Attendance mode: `in-person`, `online` or `hybrid`. */
  format: string;
}

/** One document with the events it holds. */
export interface ExtractCase {
  format: ExtractFormat;
  /** `<format>/<case>`. */
  id: string;
  /** What the case is about. */
  note: string;
  /** The URL the document is read as if fetched from (relative links resolve against it). */
  url: string;
  contentType?: string;
  /** The clock recurring events are expanded from (their window: a day before to 18 months after). */
  now?: string;
  body: string;
  expected: ExpectedEvent[];
}

interface ExpectedFile {
  note: string;
  url: string;
  contentType?: string;
  now?: string;
  /** A document elsewhere in the crawler package (an extractor test fixture), relative to `crawlers/`. */
  document?: string;
  events: ExpectedEvent[];
}

const EXPECTED = '.expected.json';

function documentPath(dir: string, name: string, file: ExpectedFile): string {
  if (file.document) return path.join(CRAWLERS_ROOT, file.document);
  const sibling = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && !f.endsWith(EXPECTED));
  if (!sibling) throw new Error(`${path.join(dir, name)}${EXPECTED} has no document beside it`);
  return path.join(dir, sibling);
}

/** Every case of one format folder, sorted by name. */
function loadFormat(format: ExtractFormat, root: string): ExtractCase[] {
  const dir = path.join(root, format);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(EXPECTED))
    .sort()
    .map((f) => {
      const name = f.slice(0, -EXPECTED.length);
      const file = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ExpectedFile;
      return {
        format,
        id: `${format}/${name}`,
        note: file.note,
        url: file.url,
        ...(file.contentType ? { contentType: file.contentType } : {}),
        ...(file.now ? { now: file.now } : {}),
        body: readFileSync(documentPath(dir, name, file), 'utf8'),
        expected: file.events,
      };
    });
}

/** The whole evaluation set, format by format. */
export function loadExtractCases(root = EXTRACT_FIXTURES): ExtractCase[] {
  return EXTRACT_FORMATS.flatMap((format) => loadFormat(format, root));
}
