import { FieldguideError } from '../errors.js';
import { ASSOCIATION_INDEX_SETTINGS, EVENT_INDEX_SETTINGS, toEpochSeconds } from './index-contract.js';
import type { AllFieldsMode, GeoPoint, NormalizedAssociationQuery, NormalizedSearchQuery } from './query.schema.js';

/** Attributes of the events index a filter may test (`_geo` only through {@link geoRadius}). */
export type EventFilterAttribute = Exclude<(typeof EVENT_INDEX_SETTINGS.filterableAttributes)[number], '_geo'>;
/** Attributes of the associations index a filter may test. */
export type AssociationFilterAttribute = (typeof ASSOCIATION_INDEX_SETTINGS.filterableAttributes)[number];
export type FilterAttribute = EventFilterAttribute | AssociationFilterAttribute;
/** A value a filter compares with: strings are quoted, numbers must be finite. */
export type FilterValue = string | number | boolean;

declare const filterBrand: unique symbol;
/**
 * A Meilisearch filter expression built by this module's combinators, never from a raw string; pass it as the
 * search request's `filter`. Every compound expression carries its own parentheses.
 */
export type Filter = string & { readonly [filterBrand]: true };

/** Thrown when a filter would hold a value that cannot be sent safely; the search is not run. */
export class FilterBuildError extends FieldguideError {
  constructor(message: string) {
    super('FILTER_INVALID', message);
    this.name = 'FilterBuildError';
  }
}

const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set<string>(
  [...EVENT_INDEX_SETTINGS.filterableAttributes, ...ASSOCIATION_INDEX_SETTINGS.filterableAttributes].filter(
    (a) => a !== '_geo',
  ),
);

const asFilter = (text: string) => text as Filter;

function attribute(name: FilterAttribute): string {
  // The type already limits names; this guards callers that cast.
  if (!ALLOWED_ATTRIBUTES.has(name)) throw new FilterBuildError(`not a filterable attribute: ${JSON.stringify(name)}`);
  return name;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Quotes a string for a filter: `\` becomes `\\`, then `"` becomes `\"`, inside double quotes. Meilisearch reads it
 * back to exactly `value`. Lone UTF-16 surrogates are refused: they cannot travel in the request's JSON.
 */
export function quoteFilterString(value: string): string {
  if (LONE_SURROGATE.test(value)) throw new FilterBuildError('filter value is not well-formed Unicode');
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** Writes a finite number as a filter word; `1e+21` becomes `1e21`, since `+` would end the word. */
export function formatFilterNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FilterBuildError(`filter number must be finite, got ${String(value)}`);
  }
  return String(value).replace('e+', 'e');
}

function formatValue(value: FilterValue): string {
  switch (typeof value) {
    case 'string':
      return quoteFilterString(value);
    case 'number':
      return formatFilterNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      throw new FilterBuildError(`unsupported filter value type: ${typeof value}`);
  }
}

/** `attr = value`. */
export const eq = (attr: FilterAttribute, value: FilterValue): Filter =>
  asFilter(`${attribute(attr)} = ${formatValue(value)}`);

/** `attr IN [v1, v2, …]`: the attribute (or one element of an array attribute) equals one of `values` (≥ 1). */
export function inAny(attr: FilterAttribute, values: readonly FilterValue[]): Filter {
  if (values.length === 0) throw new FilterBuildError(`inAny(${attr}) needs at least one value`);
  return asFilter(`${attribute(attr)} IN [${values.map(formatValue).join(', ')}]`);
}

/** `attr >= value`. */
export const gte = (attr: FilterAttribute, value: number): Filter =>
  asFilter(`${attribute(attr)} >= ${formatFilterNumber(value)}`);

/** `attr <= value`. */
export const lte = (attr: FilterAttribute, value: number): Filter =>
  asFilter(`${attribute(attr)} <= ${formatFilterNumber(value)}`);

/** Documents whose `_geo` lies within `meters` of the point (degrees, WGS 84). */
export function geoRadius(lat: number, lng: number, meters: number): Filter {
  const [la, ln, m] = [formatFilterNumber(lat), formatFilterNumber(lng), formatFilterNumber(meters)];
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new FilterBuildError('geo point out of range');
  if (!(meters > 0)) throw new FilterBuildError('geo radius must be positive');
  return asFilter(`_geoRadius(${la}, ${ln}, ${m})`);
}

/** All of `parts`; `undefined` parts (no constraint) are skipped, and no parts at all give `undefined`. */
export function and(parts: readonly (Filter | undefined)[]): Filter | undefined {
  const present = parts.filter((p): p is Filter => p !== undefined);
  if (present.length <= 1) return present[0];
  return asFilter(`(${present.join(' AND ')})`);
}

/** Any of `parts` (≥ 1). */
export function or(parts: readonly Filter[]): Filter {
  if (parts.length === 0) throw new FilterBuildError('or() needs at least one part');
  if (parts.length === 1) return parts[0] as Filter;
  return asFilter(`(${parts.join(' OR ')})`);
}

/** The negation of `part`. */
export const not = (part: Filter): Filter => asFilter(`(NOT ${part})`);

/** What {@link buildEventFilter} needs besides the query. */
export interface EventFilterOptions {
  /** The current instant: events that ended before it are left out unless `includePast`. */
  now: Date;
  /** The point to search around when the server resolved `nearText`; overrides `query.near`. */
  near?: GeoPoint;
  /**
   * What stands for "within the radius of the point" when the caller worked it out from grid cells (see
   * `coverCircle`); default Meilisearch's `_geoRadius`, which reads its whole geo tree on every search.
   */
  nearFilter?: Filter;
  /** Keep events that already ended (admin views); default false. */
  includePast?: boolean;
  /** Keep events no source publishes any more; default false. */
  includeDelisted?: boolean;
  /** Keep events classified as not career-relevant (hobby, leisure; admin views); default false. */
  includeNotCareerRelevant?: boolean;
}

const fieldFilter = (
  fields: readonly string[],
  pathways: readonly string[],
  allFields: AllFieldsMode = 'exclude',
): Filter | undefined => {
  const parts = [
    fields.length > 0 ? inAny('fields', fields) : undefined,
    pathways.length > 0 ? inAny('pathways', pathways) : undefined,
  ].filter((p): p is Filter => p !== undefined);
  if (parts.length === 0) return undefined;
  return or(allFields === 'include' ? [...parts, eq('allFields', true)] : parts);
};

/**
 * The events index filter for a search: upcoming (`end >= max(from, now)`), not delisted, career-relevant (documents
 * indexed before the attribute existed count as relevant), and every constraint the query sets. A cluster id
 * matches `fields`, a pathway id `pathways`; several fields match any of them; with `allFields: 'include'` an event
 * open to all fields matches every field filter: `(fields IN [...] OR pathways IN [...] OR allFields = true)`.
 * Undefined only when the options turn off every default and the query sets nothing.
 */
export function buildEventFilter(query: NormalizedSearchQuery, options: EventFilterOptions): Filter | undefined {
  const fromSec = toEpochSeconds(query.from);
  const nowSec = Math.floor(options.now.getTime() / 1000);
  const endFloor = options.includePast ? fromSec : Math.max(fromSec, nowSec);
  const point = options.near ?? query.near;
  return and([
    options.includeDelisted ? undefined : eq('delisted', false),
    options.includeNotCareerRelevant ? undefined : not(eq('careerRelevant', false)),
    gte('end', endFloor),
    query.to === undefined ? undefined : lte('start', toEpochSeconds(query.to)),
    fieldFilter(query.fields, query.pathways, query.allFields),
    query.types.length > 0 ? inAny('type', query.types) : undefined,
    query.formats.length > 0 ? inAny('format', query.formats) : undefined,
    query.cost === undefined ? undefined : eq('costFree', query.cost === 'free'),
    query.minHiring === undefined ? undefined : gte('hiring', query.minHiring),
    query.associationId === undefined ? undefined : eq('associationId', query.associationId),
    point ? (options.nearFilter ?? geoRadius(point.lat, point.lng, query.radiusKm * 1000)) : undefined,
  ]);
}

/**
 * The events index `sort` for a search: date → soonest first, hiring → strongest signal first then soonest,
 * distance → nearest first (needs a point), relevance → Meilisearch's ranking, or soonest first without `q`.
 */
export function buildEventSort(query: NormalizedSearchQuery, options: { near?: GeoPoint } = {}): string[] {
  switch (query.sort) {
    case 'relevance':
      return query.q === '' ? ['start:asc'] : [];
    case 'date':
      return ['start:asc'];
    case 'hiring':
      return ['hiring:desc', 'start:asc'];
    case 'distance': {
      const point = options.near ?? query.near;
      if (!point) throw new FilterBuildError('sorting by distance needs a point');
      if (Math.abs(point.lat) > 90 || Math.abs(point.lng) > 180) throw new FilterBuildError('geo point out of range');
      return [`_geoPoint(${formatFilterNumber(point.lat)}, ${formatFilterNumber(point.lng)}):asc`, 'start:asc'];
    }
  }
}

/** The associations index filter for a search; undefined when the query sets no constraint. */
export function buildAssociationFilter(query: NormalizedAssociationQuery): Filter | undefined {
  return and([
    fieldFilter(query.fields, query.pathways),
    query.scopes.length > 0 ? inAny('scope', query.scopes) : undefined,
    query.country === undefined ? undefined : eq('country', query.country),
    query.region === undefined ? undefined : eq('region', query.region),
  ]);
}
