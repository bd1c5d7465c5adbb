import { FieldguideError } from '@fieldguide/shared';
import { DateTime } from 'luxon';

/** Thrown when the demo content is invalid (bad sites.yaml, unknown placeholder); the demo sites do not start. */
export class DemoContentError extends FieldguideError {
  constructor(message: string, options?: ErrorOptions) {
    super('DEMO_CONTENT_INVALID', message, options);
    this.name = 'DemoContentError';
  }
}

/** The output forms of `{{date …}}`; see crawlers/demo-sites/README.md for examples. */
export const DATE_FORMATS = [
  'iso',
  'iso-utc',
  'local',
  'ical',
  'ical-utc',
  'rfc822',
  'wp',
  'wp-utc',
  'text',
  'text-gb',
  'clock',
  'clock-24',
  'year',
  'month',
] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** What placeholders are resolved against. */
export interface PlaceholderContext {
  /** "Today" is the calendar day of this instant in the placeholder's zone. */
  now: Date;
  /** Zone used when a `{{date}}` names none (the site's zone), IANA name. */
  timeZone: string;
  /** The site whose file is being resolved; `{{origin}}` without an id means this one. */
  siteId?: string;
  /** Origin (`http://127.0.0.2:41234`) of every site, by site id. */
  origins: ReadonlyMap<string, string>;
}

const PLACEHOLDER = /\{\{\s*([a-z-]+)((?:\s+[^\s{}]+)*)\s*\}\}/g;
const OFFSET = /^([+-])(\d{1,4})([dw])$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A parsed `{{date <offset> [HH:MM] [zone] [format]}}`. */
export interface DateSpec {
  /** Days after (negative: before) the current day. */
  days: number;
  time?: { hour: number; minute: number };
  zone?: string;
  format: DateFormat;
}

/** Parses the arguments of a `{{date}}` placeholder; tokens are told apart by their shape, in any order. */
export function parseDateSpec(args: readonly string[]): DateSpec {
  let days: number | undefined;
  let time: DateSpec['time'];
  let zone: string | undefined;
  let format: DateFormat = 'iso';
  for (const token of args) {
    const offset = OFFSET.exec(token);
    const clock = TIME.exec(token);
    if (offset) {
      const n = Number(offset[2]) * (offset[3] === 'w' ? 7 : 1);
      days = offset[1] === '-' ? -n : n;
    } else if (clock) {
      time = { hour: Number(clock[1]), minute: Number(clock[2]) };
    } else if ((DATE_FORMATS as readonly string[]).includes(token)) {
      format = token as DateFormat;
    } else if (token.includes('/') || token === 'UTC') {
      if (!DateTime.now().setZone(token).isValid) throw new DemoContentError(`unknown time zone "${token}"`);
      zone = token;
    } else {
      throw new DemoContentError(`unexpected "${token}" in a date placeholder`);
    }
  }
  if (days === undefined) throw new DemoContentError('a date placeholder needs an offset such as +30d or -20d');
  return { days, ...(time ? { time } : {}), ...(zone ? { zone } : {}), format };
}

/** The local date-time a spec stands for: `days` after today (in its zone) at its time (midnight if none). */
export function resolveDateTime(spec: DateSpec, now: Date, defaultZone: string): DateTime {
  const zone = spec.zone ?? defaultZone;
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return today.plus({ days: spec.days }).set({ hour: spec.time?.hour ?? 0, minute: spec.time?.minute ?? 0 });
}

/** Formats a resolved date-time; formats that carry a time give only the date when the spec has none. */
export function formatDate(dt: DateTime, spec: DateSpec): string {
  const hasTime = spec.time !== undefined;
  const utc = dt.toUTC();
  switch (spec.format) {
    case 'iso':
      return hasTime ? dt.toISO({ suppressMilliseconds: true })! : dt.toISODate()!;
    case 'iso-utc':
      return utc.toISO({ suppressMilliseconds: true })!;
    case 'local':
      return hasTime ? dt.toFormat("yyyy-MM-dd'T'HH:mm:ss") : dt.toISODate()!;
    case 'ical':
      return hasTime ? dt.toFormat("yyyyMMdd'T'HHmmss") : dt.toFormat('yyyyMMdd');
    case 'ical-utc':
      return utc.toFormat("yyyyMMdd'T'HHmmss'Z'");
    case 'rfc822':
      return dt.setLocale('en-US').toFormat('ccc, dd LLL yyyy HH:mm:ss ZZZ');
    case 'wp':
      return dt.toFormat('yyyy-MM-dd HH:mm:ss');
    case 'wp-utc':
      return utc.toFormat('yyyy-MM-dd HH:mm:ss');
    case 'text':
      return dt.setLocale('en-US').toFormat('cccc, LLLL d, yyyy');
    case 'text-gb':
      return dt.setLocale('en-GB').toFormat('cccc d LLLL yyyy');
    case 'clock':
      return dt.setLocale('en-US').toFormat('h:mm a');
    case 'clock-24':
      return dt.toFormat('HH:mm');
    case 'year':
      return dt.toFormat('yyyy');
    case 'month':
      return dt.setLocale('en-US').toFormat('LLLL');
  }
}

function originOf(ctx: PlaceholderContext, args: readonly string[]): string {
  if (args.length > 1) throw new DemoContentError('origin and host take at most one site id');
  const id = args[0] ?? ctx.siteId;
  if (!id) throw new DemoContentError('origin placeholder without a site id outside a site');
  const origin = ctx.origins.get(id);
  if (!origin) throw new DemoContentError(`unknown site "${id}" in an origin placeholder`);
  return origin;
}

/**
 * Replaces every `{{date …}}`, `{{origin [site]}}` and `{{host [site]}}` in `text`.
 * Throws {@link DemoContentError} on any placeholder it does not understand, so none survives into a response.
 */
export function resolvePlaceholders(text: string, ctx: PlaceholderContext): string {
  const out = text.replace(PLACEHOLDER, (_match, name: string, rawArgs: string) => {
    const args = rawArgs.trim() ? rawArgs.trim().split(/\s+/) : [];
    switch (name) {
      case 'date': {
        const spec = parseDateSpec(args);
        return formatDate(resolveDateTime(spec, ctx.now, ctx.timeZone), spec);
      }
      case 'origin':
        return originOf(ctx, args);
      case 'host':
        return new URL(originOf(ctx, args)).host;
      default:
        throw new DemoContentError(`unknown placeholder "{{${name}}}"`);
    }
  });
  const left = out.indexOf('{{');
  if (left !== -1) throw new DemoContentError(`malformed placeholder near "${out.slice(left, left + 40)}"`);
  return out;
}
