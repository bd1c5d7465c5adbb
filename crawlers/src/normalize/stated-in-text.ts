import type { RawVenue } from '../extract/raw-event.js';
import { isOnlinePlace } from './normalize-place.js';

/** A local time of day. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** The time of day a text states for its event: a start, maybe an end, maybe the zone they are in. */
export interface StatedTime {
  start: ClockTime;
  end?: ClockTime;
  /** IANA zone of a named US or Canadian zone ("Central", "CT", "EST"), when the text names one. */
  timeZone?: string;
}

// US and Canadian zone names as event pages write them after a time.
const ZONES: Readonly<Record<string, string>> = {
  eastern: 'America/New_York',
  et: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  central: 'America/Chicago',
  ct: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  mountain: 'America/Denver',
  mt: 'America/Denver',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  pacific: 'America/Los_Angeles',
  pt: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  alaska: 'America/Anchorage',
  akst: 'America/Anchorage',
  akdt: 'America/Anchorage',
  hawaii: 'Pacific/Honolulu',
  hst: 'Pacific/Honolulu',
  atlantic: 'America/Halifax',
};

const CLOCK = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?`;
const CLOCK_24 = String.raw`([01]?\d|2[0-3]):([0-5]\d)`;
const DASH = String.raw`\s*(?:-|–|—|to|until)\s*`;
const ZONE = String.raw`(?:\s*\(?\s*(eastern|central|mountain|pacific|alaska|hawaii|atlantic|[ecmp][sd]?t|ak[sd]t|hst)(?:\s+(?:standard\s+|daylight\s+)?time)?\s*\)?)?`;

// "7:00 PM – 8:00 PM (Central)", "7–8 pm CT", "10 a.m. to 3 p.m. Eastern"; then "19:00–20:00"; then "at 7 PM".
const RANGE_12 = new RegExp(
  String.raw`\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?\s?m\b\.?)?${DASH}${CLOCK}${ZONE}`,
  'i',
);
const RANGE_24 = new RegExp(String.raw`\b${CLOCK_24}${DASH}${CLOCK_24}\b${ZONE}`, 'i');
const SINGLE_12 = new RegExp(String.raw`\b${CLOCK}${ZONE}`, 'i');

const to24 = (hour: number, meridiem: string | undefined): number =>
  meridiem === undefined ? hour : (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);

const clock = (hour: number, minute: number): ClockTime | undefined =>
  hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 ? { hour, minute } : undefined;

const zoneOf = (word: string | undefined): string | undefined => (word ? ZONES[word.toLowerCase()] : undefined);

function withZone(time: StatedTime, word: string | undefined): StatedTime {
  const zone = zoneOf(word);
  return zone ? { ...time, timeZone: zone } : time;
}

/**
 * The time of day a description states for its event: the first time range ("7:00 PM – 8:00 PM (Central)",
 * "10 a.m. to 3 p.m. CT", "19:00–20:00"), else the first single time with am/pm ("doors at 6:30 pm"), with the
 * US or Canadian zone named right after it. Bare numbers are never read as times. Pure.
 */
export function statedTime(text: string): StatedTime | undefined {
  const sample = text.slice(0, 5000);
  const range = RANGE_12.exec(sample);
  if (range) {
    const endMeridiem = range[6];
    const startMeridiem = range[3] ?? endMeridiem;
    const endHour = to24(Number(range[4]), endMeridiem);
    let startHour = to24(Number(range[1]), startMeridiem);
    // "11–1 pm": the start's half of the day is the other one.
    if (range[3] === undefined && startHour > endHour) startHour -= 12;
    const start = clock(startHour, Number(range[2] ?? 0));
    const end = clock(endHour, Number(range[5] ?? 0));
    if (start && end && Number(range[1]) <= 12 && Number(range[4]) <= 12) return withZone({ start, end }, range[7]);
  }
  const range24 = RANGE_24.exec(sample);
  if (range24) {
    const start = clock(Number(range24[1]), Number(range24[2]));
    const end = clock(Number(range24[3]), Number(range24[4]));
    if (start && end) return withZone({ start, end }, range24[5]);
  }
  const single = SINGLE_12.exec(sample);
  if (single && Number(single[1]) >= 1 && Number(single[1]) <= 12) {
    const start = clock(to24(Number(single[1]), single[3]), Number(single[2] ?? 0));
    if (start) return withZone({ start }, single[4]);
  }
  return undefined;
}

const PLACE_LINE = /^\s*(?:where|location|venue|place)\s*:\s*(.+)$/im;
const ONLINE_WORDING =
  /\b(?:webinar|webcast|livestream(?:ed)?|live[- ]?stream(?:ed)?|(?:via|on|over) (?:zoom|microsoft teams|teams|google meet|webex)|(?:online|virtual) (?:event|session|class|course|meeting|workshop|seminar|panel|conference|fair|career fair|info session|information session|program|training|meetup))\b/i;

/** The place a description states on a "Where:" or "Location:" line, when it is not "Online". */
export function statedPlace(text: string): RawVenue | undefined {
  const line = PLACE_LINE.exec(text.slice(0, 5000))?.[1]?.trim();
  if (!line || line.length > 300 || isOnlinePlace(line) || ONLINE_WORDING.test(line)) return undefined;
  return { address: line };
}

/**
 * True when the title or description says the event happens online: a "Where: Online" line, or wording such as
 * "webinar", "online session", "via Zoom", "virtual career fair". For events that have no physical place.
 */
export function saysOnline(title: string, description: string): boolean {
  const place = PLACE_LINE.exec(description.slice(0, 5000))?.[1]?.trim();
  if (place && (isOnlinePlace(place) || ONLINE_WORDING.test(place))) return true;
  return ONLINE_WORDING.test(title) || ONLINE_WORDING.test(description.slice(0, 5000)) || /^online\b/i.test(title);
}
