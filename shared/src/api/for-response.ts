import type { TSchema } from '@sinclair/typebox';

/** Formats the domain schemas define for their own checks; a response serializer does not know them. */
const DOMAIN_FORMATS = new Set(['http-url', 'time-zone']);

/**
 * A copy of a domain schema fit for a response: its custom formats dropped (a serializer would warn on each, and
 * responses are not validated anyway). TypeBox's symbols are kept, so it stays a TypeBox schema.
 */
export function forResponse<T extends TSchema>(schema: T): T {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string | symbol, unknown> = {};
    for (const key of Reflect.ownKeys(value)) {
      const v = (value as Record<string | symbol, unknown>)[key];
      if (key === 'format' && typeof v === 'string' && DOMAIN_FORMATS.has(v)) continue;
      out[key] = copy(v);
    }
    return out;
  };
  return copy(schema) as T;
}
