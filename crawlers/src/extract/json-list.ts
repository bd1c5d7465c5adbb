import { cleanTitle } from '../normalize/normalize-text.js';
import { parseDateValue } from './dates.js';
import type { ExtractResult, RawAttendanceMode, RawEvent } from './raw-event.js';
import { absoluteUrl, compact } from './util.js';

/** Options of {@link extractJsonList}. */
export interface JsonListOptions {
  /** The list's topic, e.g. `javascript` from `conferences/2027/javascript.json`; becomes `typeHint`. */
  topic?: string;
}

/** The result of {@link extractJsonList}, with how many entries the list held. */
export interface JsonListResult extends ExtractResult {
  /** Entries in the list, events or not. */
  total: number;
}

type Json = { [key: string]: unknown };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const pick = (o: Json, keys: string[]) => keys.map((k) => str(o[k])).find(Boolean);

/** The topic a conference-data path names: `conferences/2027/data.json` → `data`. */
export function topicFromPath(path: string): string | undefined {
  return /([^/\\]+)\.json$/i.exec(path)?.[1]?.toLowerCase();
}

/**
 * Extracts events from a JSON list in the open conference-data format (confs.tech): `name`, `url`,
 * `startDate`, `endDate`, `city`, `country`, `online`, `locales`, `cfpUrl`, `cfpEndDate`, `twitter`, …
 * Also takes `{ "conferences": [...] }`, `{ "events": [...] }` and `title`/`start`/`end`/`link` aliases.
 * Entries without a name or a readable start date are skipped, each with a warning that says why.
 * `uid` is `startDate@url`, because a conference keeps its URL from one year to the next.
 */
export function extractJsonList(body: string, pageUrl: string, opts: JsonListOptions = {}): JsonListResult {
  const warnings: string[] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return { events: [], warnings: [`json-list: not JSON (${(error as Error).message})`], total: 0 };
  }
  const list = Array.isArray(doc)
    ? doc
    : isObject(doc)
      ? [doc.conferences, doc.events, doc.items, doc.data].find(Array.isArray)
      : undefined;
  if (!list) return { events: [], warnings: ['json-list: no array of entries found'], total: 0 };
  const events: RawEvent[] = [];
  list.forEach((entry, index) => {
    const where = `json-list: entry ${index + 1}`;
    if (!isObject(entry)) {
      warnings.push(`${where} skipped: not an object`);
      return;
    }
    const title = cleanTitle(pick(entry, ['name', 'title']) ?? '');
    if (!title) {
      warnings.push(`${where} skipped: no name`);
      return;
    }
    const startText = pick(entry, ['startDate', 'start_date', 'start', 'date']);
    const start = parseDateValue(startText);
    if (!start) {
      warnings.push(
        `${where} "${title}" skipped: ${startText ? `unreadable startDate "${startText}"` : 'no startDate'}`,
      );
      return;
    }
    const end = parseDateValue(pick(entry, ['endDate', 'end_date', 'end']));
    const url = absoluteUrl(pick(entry, ['url', 'link', 'website']), pageUrl);
    const city = pick(entry, ['city']);
    const country = pick(entry, ['country']);
    const online = entry.online === true;
    const inPerson = Boolean(city || country);
    const mode: RawAttendanceMode = online ? (inPerson ? 'mixed' : 'online') : 'offline';
    const cfpEnd = parseDateValue(pick(entry, ['cfpEndDate', 'cfp_end_date']));
    const locales = pick(entry, ['locales']);
    events.push(
      compact<RawEvent>({
        title,
        url,
        start: start.value,
        end: end?.value,
        allDay: (start.dateOnly && (!end || end.dateOnly)) || undefined,
        uid: url ? `${start.value}@${url}` : undefined,
        attendanceMode: mode,
        venue: inPerson ? compact({ city: city ? cleanTitle(city) : undefined, country }) : undefined,
        virtualUrl: online ? url : undefined,
        typeHint: opts.topic,
        keywords: locales
          ? locales
              .split(/[,;\s]+/)
              .filter(Boolean)
              .map((l) => `lang:${l.toLowerCase()}`)
          : undefined,
        cfpUrl: absoluteUrl(pick(entry, ['cfpUrl', 'cfp_url']), pageUrl),
        cfpEnd: cfpEnd?.value,
        extractedBy: 'json-list',
      }),
    );
  });
  return { events, warnings, total: list.length };
}
