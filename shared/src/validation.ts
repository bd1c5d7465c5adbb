import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { ValidationError } from './errors.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

// Building a DateTimeFormat is costly and events name few distinct zones; the cap keeps junk input from growing it.
const knownZones = new Map<string, boolean>();
const KNOWN_ZONES_MAX = 2000;

function isTimeZone(value: string): boolean {
  const known = knownZones.get(value);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownZones.size < KNOWN_ZONES_MAX) knownZones.set(value, valid);
  return valid;
}

/**
 * Registers the string formats our schemas use with TypeBox's checker. Fastify's Ajv knows
 * `date-time` and `uri` itself; `http-url` and `time-zone` are ours and are added there too.
 */
export function registerFormats(): void {
  if (!FormatRegistry.Has('date-time'))
    FormatRegistry.Set('date-time', (v) => ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)));
  if (!FormatRegistry.Has('http-url')) FormatRegistry.Set('http-url', isHttpUrl);
  if (!FormatRegistry.Has('time-zone')) FormatRegistry.Set('time-zone', isTimeZone);
}

/** The custom formats as plain predicates, for validators other than TypeBox's (Ajv in the server). */
export const customFormats = { 'http-url': isHttpUrl, 'time-zone': isTimeZone } as const;

registerFormats();

/** Returns every issue of `value` against `schema`; an empty list means the value is valid. */
export function findIssues(schema: TSchema, value: unknown) {
  return [...Value.Errors(schema, value)].map((e) => ({ path: e.path, message: e.message }));
}

/** Returns `value` typed by `schema`, or throws a {@link ValidationError} listing what is wrong. */
export function assertValid<T extends TSchema>(schema: T, value: unknown, what: string): Static<T> {
  if (Value.Check(schema, value)) return value;
  throw new ValidationError(what, findIssues(schema, value));
}
