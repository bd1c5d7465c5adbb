import { type Static, type TLiteral, type TSchema, type TUnion, Type } from '@sinclair/typebox';
import { ASSOCIATION_SCOPES, type AssociationScope } from '../association/association.schema.js';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { EVENT_FORMATS, EVENT_TYPES, type EventFormat, type EventType } from '../event/event.schema.js';
import { resolveField } from '../taxonomy/taxonomy.js';

/** Orders the search API can return events in. */
export const SEARCH_SORTS = ['relevance', 'date', 'hiring', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** `free`: only events the source says are free; `paid`: only events the source says cost something. */
export const COST_FILTERS = ['free', 'paid'] as const;
export type CostFilter = (typeof COST_FILTERS)[number];

/**
 * Events open to every field under a field filter: `include` (the default) lists them with the field's own
 * events, `exclude` leaves them out. Without a field filter they are listed either way.
 */
export const ALL_FIELDS_MODES = ['include', 'exclude'] as const;
export type AllFieldsMode = (typeof ALL_FIELDS_MODES)[number];

/** Results per page when the query does not say. */
export const DEFAULT_PAGE_SIZE = 20;
/** Search radius around `near` when the query does not say, in kilometres. */
export const DEFAULT_RADIUS_KM = 50;
/** Largest accepted radius, in kilometres: half the Earth's circumference. */
export const MAX_RADIUS_KM = 20_000;

/** Longest relative window `within` accepts, in days (two years). */
export const MAX_WITHIN_DAYS = 730;

const KM_PER_MILE = 1.609344;
const MAX_LIST = 20;

/** A point on Earth in decimal degrees (WGS 84). */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/** A union of string literals whose static type is the literals' union, not `string`. */
const literalUnion = <const T extends readonly string[]>(values: T): TUnion<TLiteral<T[number]>[]> =>
  Type.Union(values.map((v) => Type.Literal(v)) as TLiteral<T[number]>[]);

const oneOrMany = <T extends TSchema>(item: T, maxItems: number) => Type.Union([item, Type.Array(item, { maxItems })]);

/** A cluster or pathway id, or a name or synonym {@link resolveField} understands; commas separate several. */
const FieldParamSchema = Type.String({ minLength: 1, maxLength: 100 });

/** A calendar date (`2026-05-01`, read in UTC) or an instant with its offset (`2026-05-01T09:00:00-05:00`). */
const DateParamSchema = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2}))?$',
  maxLength: 40,
});

const PageSchema = Type.Integer({ minimum: 1, maximum: 1000, default: 1 });
const LimitSchema = Type.Integer({ minimum: 1, maximum: 100, default: DEFAULT_PAGE_SIZE });

/**
 * The public event search API's query string. Parameters that take lists accept one value or repeated values.
 * Validate with it (Fastify's Ajv coerces numbers), then call {@link normalizeSearchQuery}.
 */
export const SearchQuerySchema = Type.Object(
  {
    /** Full-text query. */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    field: Type.Optional(oneOrMany(FieldParamSchema, MAX_LIST)),
    /** Under a field filter, whether events open to all fields are listed too; default `include`. */
    allFields: Type.Optional(literalUnion(ALL_FIELDS_MODES)),
    type: Type.Optional(oneOrMany(literalUnion(EVENT_TYPES), MAX_LIST)),
    format: Type.Optional(oneOrMany(literalUnion(EVENT_FORMATS), MAX_LIST)),
    /** Events still running at or after this date or instant; default: now. */
    from: Type.Optional(DateParamSchema),
    /** Events starting at or before this instant, or on or before this date (the whole day, UTC). */
    to: Type.Optional(DateParamSchema),
    /**
     * A window relative to `from` (default now): `"90d"`, `"12w"`, 1 to {@link MAX_WITHIN_DAYS} days. Feeds of a
     * search take it instead of `to`, so a subscription keeps looking ahead instead of running dry. Not with `to`.
     */
    within: Type.Optional(Type.String({ pattern: '^\\s*\\d{1,4}\\s*[dDwW]\\s*$', maxLength: 12 })),
    /** `"lat,lng"` in decimal degrees, or a place name the server resolves. */
    near: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** Distance around `near`: `"50km"`, `"30mi"`, or a bare number of kilometres. */
    radius: Type.Optional(
      Type.String({ pattern: '^\\s*\\d{1,6}(\\.\\d{1,6})?\\s*([kK][mM]|[mM][iI])?\\s*$', maxLength: 20 }),
    ),
    cost: Type.Optional(literalUnion(COST_FILTERS)),
    /** Minimum hiring score, 0–1. */
    hiring: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
    /** Only the events of this association (its id), as its page, feeds and embeds follow it. */
    association: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', minLength: 1, maxLength: 128 })),
    sort: Type.Optional(literalUnion(SEARCH_SORTS)),
    page: Type.Optional(PageSchema),
    limit: Type.Optional(LimitSchema),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuerySchema>;

/** The public association search API's query string; validate with it, then call {@link normalizeAssociationQuery}. */
export const AssociationQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    field: Type.Optional(oneOrMany(FieldParamSchema, MAX_LIST)),
    scope: Type.Optional(oneOrMany(literalUnion(ASSOCIATION_SCOPES), MAX_LIST)),
    /** ISO 3166-1 alpha-2, either case. */
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    page: Type.Optional(PageSchema),
    limit: Type.Optional(LimitSchema),
  },
  { additionalProperties: false },
);
export type AssociationQuery = Static<typeof AssociationQuerySchema>;

/** A search query with names resolved to ids, units converted and defaults applied: what the filter builder takes. */
export interface NormalizedSearchQuery {
  /** Full-text query, trimmed; `''` for none. */
  q: string;
  /** Cluster ids; an event in any of them, or in any of `pathways`, matches. */
  fields: string[];
  /** Pathway ids. */
  pathways: string[];
  /** Whether a field filter also matches events open to all fields (`include`, the default). */
  allFields: AllFieldsMode;
  /** Event types; empty means any. */
  types: EventType[];
  /** Event formats; empty means any. */
  formats: EventFormat[];
  /** Earliest instant a matching event may still be running at, ISO 8601 UTC. */
  from: string;
  /** Latest instant a matching event may start at, ISO 8601 UTC (from `to`, or `from` plus `within`). */
  to?: string;
  /** The relative window as days, when the query gave `within`. */
  withinDays?: number;
  /** The point to search around, when `near` was coordinates. */
  near?: GeoPoint;
  /** The place name to search around, when `near` was not coordinates; the server resolves it. */
  nearText?: string;
  /** Search radius around the point, in kilometres. */
  radiusKm: number;
  cost?: CostFilter;
  /** Minimum hiring score, 0–1. */
  minHiring?: number;
  /** Only this association's events. */
  associationId?: string;
  sort: SearchSort;
  /** 1-based page number. */
  page: number;
  /** Results per page. */
  limit: number;
}

/** An association query with names resolved to ids and defaults applied. */
export interface NormalizedAssociationQuery {
  q: string;
  fields: string[];
  pathways: string[];
  scopes: AssociationScope[];
  /** ISO 3166-1 alpha-2, upper case. */
  country?: string;
  region?: string;
  page: number;
  limit: number;
}

const asList = <T>(value: T | readonly T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? [...(value as readonly T[])] : [value as T];

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Resolves `field` values to cluster and pathway ids, recording an issue for each value it cannot resolve. */
function resolveFields(raw: string | readonly string[] | undefined, issues: ValidationIssue[]) {
  const fields: string[] = [];
  const pathways: string[] = [];
  for (const value of asList(raw)) {
    // A whole value may itself hold commas ("Agriculture, Food & Natural Resources"); split only when it fails.
    const whole = resolveField(value.trim());
    const parts = whole
      ? [{ text: value, ref: whole }]
      : value
          .split(',')
          .map((text) => text.trim())
          .filter((text) => text !== '')
          .map((text) => ({ text, ref: resolveField(text) }));
    if (parts.length === 0) issues.push({ path: '/field', message: 'names no field' });
    for (const { text, ref } of parts) {
      if (!ref) issues.push({ path: '/field', message: `unknown field ${JSON.stringify(text)}` });
      else if (ref.pathwayId) pathways.push(ref.pathwayId);
      else fields.push(ref.clusterId);
    }
  }
  return { fields: unique(fields), pathways: unique(pathways) };
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a date or instant parameter to epoch milliseconds; a date is its first (`end` false) or last ms in UTC. */
function parseDateParam(value: string, end: boolean): number | undefined {
  const date = DATE_ONLY.exec(value);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
    return end ? ms + 86_400_000 - 1 : ms;
  }
  const [, y, m, d, hh, mm, ss] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value) ?? [];
  if (y === undefined || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const calendar = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (calendar.getUTCMonth() !== Number(m) - 1 || calendar.getUTCDate() !== Number(d)) return undefined;
  return ms;
}

const WITHIN = /^\s*(\d{1,4})\s*([dw])\s*$/i;

/** Parses a relative window such as `"90d"` or `"12w"` to days; undefined when malformed or out of range. */
export function parseWithinDays(text: string): number | undefined {
  const match = WITHIN.exec(text);
  if (!match) return undefined;
  const days = Number(match[1]) * (match[2]?.toLowerCase() === 'w' ? 7 : 1);
  return days >= 1 && days <= MAX_WITHIN_DAYS ? days : undefined;
}

const LAT_LNG = /^\s*([+-]?\d{1,3}(?:\.\d+)?)\s*,\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$/;

/** Parses `"lat,lng"`; undefined when `text` is not coordinates, an issue when they are out of range. */
function parseNear(text: string, issues: ValidationIssue[]): GeoPoint | undefined {
  const match = LAT_LNG.exec(text);
  if (!match) return undefined;
  const lat = Number(match[1]);
  const lng = Number(match[2]);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    issues.push({ path: '/near', message: 'coordinates must be latitude -90..90, longitude -180..180' });
    return undefined;
  }
  return { lat, lng };
}

const RADIUS = /^\s*(\d+(?:\.\d+)?)\s*(km|mi)?\s*$/i;

/**
 * Parses a radius such as `"50km"`, `"30 mi"` or `"25"` (kilometres) to kilometres; undefined when malformed,
 * zero or over {@link MAX_RADIUS_KM}.
 */
export function parseRadiusKm(text: string): number | undefined {
  const match = RADIUS.exec(text);
  if (!match) return undefined;
  const km = Number(match[1]) * (match[2]?.toLowerCase() === 'mi' ? KM_PER_MILE : 1);
  return km > 0 && km <= MAX_RADIUS_KM ? km : undefined;
}

function checkPaging(raw: { page?: number; limit?: number }, issues: ValidationIssue[]) {
  const page = raw.page ?? 1;
  const limit = raw.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(page) || page < 1 || page > 1000) issues.push({ path: '/page', message: 'must be 1..1000' });
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) issues.push({ path: '/limit', message: 'must be 1..100' });
  return { page, limit };
}

/**
 * Turns a validated {@link SearchQuery} into a {@link NormalizedSearchQuery}: field names to ids, `near` to a
 * point (or `nearText` for a place name), `radius` to km, `from` defaulted to `now`, `sort` defaulted to
 * relevance with a query and date without. Pure. Throws a {@link ValidationError} naming each bad parameter
 * (an unknown field, an impossible date, `from` after `to`, `sort=distance` without `near`, …).
 */
export function normalizeSearchQuery(raw: SearchQuery, options: { now: Date }): NormalizedSearchQuery {
  const issues: ValidationIssue[] = [];
  const q = (raw.q ?? '').trim();
  const { fields, pathways } = resolveFields(raw.field, issues);
  const types = unique(asList(raw.type));
  const formats = unique(asList(raw.format));

  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('now is not a valid date');
  const fromMs = raw.from === undefined ? nowMs : parseDateParam(raw.from, false);
  const toMs = raw.to === undefined ? undefined : parseDateParam(raw.to, true);
  if (fromMs === undefined) issues.push({ path: '/from', message: 'is not a valid date' });
  if (raw.to !== undefined && toMs === undefined) issues.push({ path: '/to', message: 'is not a valid date' });
  if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) {
    issues.push({ path: '/to', message: 'must not be before from' });
  }
  let withinDays: number | undefined;
  if (raw.within !== undefined) {
    withinDays = parseWithinDays(raw.within);
    if (withinDays === undefined)
      issues.push({ path: '/within', message: `must be like "90d" or "12w", 1 to ${MAX_WITHIN_DAYS} days` });
    else if (raw.to !== undefined) issues.push({ path: '/within', message: 'give either to or within, not both' });
  }

  const nearRaw = raw.near?.trim() ?? '';
  const near = nearRaw === '' ? undefined : parseNear(nearRaw, issues);
  const nearText = nearRaw !== '' && !LAT_LNG.test(nearRaw) ? nearRaw : undefined;
  let radiusKm = DEFAULT_RADIUS_KM;
  if (raw.radius !== undefined) {
    const parsed = parseRadiusKm(raw.radius);
    if (parsed === undefined)
      issues.push({ path: '/radius', message: `must be like "50km" or "30mi", 0 < radius ≤ ${MAX_RADIUS_KM} km` });
    else radiusKm = parsed;
  }

  if (raw.hiring !== undefined && !(raw.hiring >= 0 && raw.hiring <= 1)) {
    issues.push({ path: '/hiring', message: 'must be a number 0..1' });
  }
  const sort: SearchSort = raw.sort ?? (q === '' ? 'date' : 'relevance');
  if (sort === 'distance' && nearRaw === '') issues.push({ path: '/sort', message: 'distance needs near' });
  const { page, limit } = checkPaging(raw, issues);

  if (issues.length > 0) throw new ValidationError('search query', issues);
  const result: NormalizedSearchQuery = {
    q,
    fields,
    pathways,
    allFields: raw.allFields ?? 'include',
    types,
    formats,
    from: new Date(fromMs as number).toISOString(),
    radiusKm,
    sort,
    page,
    limit,
  };
  if (toMs !== undefined) result.to = new Date(toMs).toISOString();
  if (withinDays !== undefined) {
    result.withinDays = withinDays;
    result.to = new Date((fromMs as number) + withinDays * 86_400_000).toISOString();
  }
  if (near) result.near = near;
  if (nearText !== undefined) result.nearText = nearText;
  if (raw.cost !== undefined) result.cost = raw.cost;
  if (raw.hiring !== undefined) result.minHiring = raw.hiring;
  if (raw.association !== undefined) result.associationId = raw.association;
  return result;
}

/** Turns a validated {@link AssociationQuery} into a {@link NormalizedAssociationQuery}; throws like {@link normalizeSearchQuery}. */
export function normalizeAssociationQuery(raw: AssociationQuery): NormalizedAssociationQuery {
  const issues: ValidationIssue[] = [];
  const { fields, pathways } = resolveFields(raw.field, issues);
  const country = raw.country?.toUpperCase();
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) {
    issues.push({ path: '/country', message: 'must be an ISO 3166-1 alpha-2 code' });
  }
  const region = raw.region?.trim();
  const { page, limit } = checkPaging(raw, issues);
  if (issues.length > 0) throw new ValidationError('association query', issues);
  const result: NormalizedAssociationQuery = {
    q: (raw.q ?? '').trim(),
    fields,
    pathways,
    scopes: unique(asList(raw.scope)),
    page,
    limit,
  };
  if (country !== undefined) result.country = country;
  if (region) result.region = region;
  return result;
}
