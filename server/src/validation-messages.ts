import type { ValidationError } from '@fieldguide/shared';
import type { FastifySchemaValidationError } from 'fastify';

const MAX_LISTED_VALUES = 12;

/** The parameter an Ajv error is about: the first segment of its path, or the property it names. */
function parameterOf(error: FastifySchemaValidationError): string | undefined {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (params.additionalProperty !== undefined) return params.additionalProperty;
  const segment = error.instancePath.split('/')[1];
  if (segment) return segment.replaceAll('~1', '/').replaceAll('~0', '~');
  return params.missingProperty;
}

/**
 * One sentence for Fastify's schema validation errors that names the parameter and says what is wrong, e.g.
 * `querystring parameter 'type' must be one of: conference, seminar, …` or `querystring parameter 'foo' is not
 * a known parameter`. Never echoes patterns or schema internals.
 */
export function describeSchemaError(errors: readonly FastifySchemaValidationError[], where: string): string {
  const first = errors[0];
  if (!first) return `${where} is invalid`;
  const name = parameterOf(first);
  const subject = name === undefined ? where : `${where} parameter '${name}'`;
  if (first.keyword === 'additionalProperties') return `${subject} is not a known parameter`;
  if (first.keyword === 'required') return `${subject} is required`;
  const same = errors.filter((e) => parameterOf(e) === name);
  const allowed = same
    .filter((e) => e.keyword === 'const' || e.keyword === 'enum')
    .flatMap((e) => {
      const params = e.params as { allowedValue?: unknown; allowedValues?: unknown[] };
      return params.allowedValues ?? [params.allowedValue];
    })
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
  if (allowed.length > 0) {
    const unique = [...new Set(allowed)];
    const listed = unique.slice(0, MAX_LISTED_VALUES).join(', ');
    return `${subject} must be one of: ${listed}${unique.length > MAX_LISTED_VALUES ? ', …' : ''}`;
  }
  if (same.some((e) => e.keyword === 'maxItems')) return `${subject} is repeated too many times`;
  if (first.keyword === 'pattern' || first.keyword === 'format') return `${subject} is malformed`;
  if (first.keyword === 'type' && same.some((e) => e.keyword === 'anyOf')) return `${subject} is malformed`;
  return `${subject} ${first.message ?? 'is invalid'}`;
}

/** One sentence for a ValidationError from the query normalizers, naming the parameter, e.g. `parameter 'near' …`. */
export function describeValidationError(error: ValidationError): string {
  const first = error.issues[0];
  if (!first) return error.message;
  const name = first.path.replace(/^\//, '').split('/')[0];
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})`
      : '';
  return `${name ? `parameter '${name}'` : 'the query'} ${first.message}${more}`;
}
