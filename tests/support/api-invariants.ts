import { EventSearchResponseSchema } from '@fieldguide/shared';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';

/** A hit of `GET /api/search`, as far as the invariants look at it. */
interface Hit {
  id: string;
  fields: string[];
  pathways: string[];
  allFields?: boolean;
  type: string;
  format: string;
  costFree: boolean | null;
  hiring: number;
  start: string;
  end: string | null;
  distanceKm?: number;
}

interface Echo {
  fields: string[];
  pathways: string[];
  allFields?: 'include' | 'exclude';
  types: string[];
  formats: string[];
  from: string;
  to?: string;
  near?: { lat: number; lng: number };
  radiusKm: number;
  cost?: 'free' | 'paid';
  hiring?: number;
}

/**
 * Checks that every hit of a `GET /api/search` answer satisfies the query the server echoed: so no parameter,
 * however hostile, widened the filter beyond what it says.
 */
export function expectHitsMatchEcho(body: { hits: Hit[]; query: Echo }, now: Date): void {
  const q = body.query;
  const floorSec = Math.max(Math.floor(Date.parse(q.from) / 1000), Math.floor(now.getTime() / 1000) - 60);
  for (const hit of body.hits) {
    const where = `hit ${hit.id} for ${JSON.stringify(q)}`;
    if (q.fields.length + q.pathways.length > 0) {
      const inField = hit.fields.some((f) => q.fields.includes(f)) || hit.pathways.some((p) => q.pathways.includes(p));
      // An event open to all fields matches every field filter, unless the query leaves them out.
      const openToAll = hit.allFields === true && q.allFields !== 'exclude';
      expect(inField || openToAll, where).toBe(true);
    }
    if (q.types.length > 0) expect(q.types, where).toContain(hit.type);
    if (q.formats.length > 0) expect(q.formats, where).toContain(hit.format);
    if (q.cost !== undefined) expect(hit.costFree, where).toBe(q.cost === 'free');
    if (q.hiring !== undefined) expect(hit.hiring, where).toBeGreaterThanOrEqual(q.hiring);
    expect(Math.floor(Date.parse(hit.end ?? hit.start) / 1000), where).toBeGreaterThanOrEqual(floorSec);
    if (q.to !== undefined) expect(Date.parse(hit.start), where).toBeLessThanOrEqual(Date.parse(q.to));
    if (q.near) {
      expect(hit.distanceKm, where).toBeDefined();
      expect(hit.distanceKm as number, where).toBeLessThanOrEqual(q.radiusKm * 1.001 + 0.1);
    }
  }
}

/** The schema with every object closed: a property it does not declare fails the check. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = closed(value);
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSearchResponse = ajv.compile(closed(JSON.parse(JSON.stringify(EventSearchResponseSchema))) as object);

/**
 * Checks a `GET /api/search` answer against the response schema of the OpenAPI document, with no property beyond
 * it: the route serializes natively, so this is what keeps its answers to the documented shape.
 */
export function expectSearchResponseSchema(body: unknown): void {
  const valid = validateSearchResponse(body);
  const errors = (validateSearchResponse.errors ?? []).map(
    (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
  );
  expect(valid, errors.join('; ')).toBe(true);
}
