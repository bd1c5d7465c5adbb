import { ValidationError } from '@fieldguide/shared';
import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { describeSchemaError, describeValidationError } from './validation-messages.js';

const err = (e: Partial<FastifySchemaValidationError>): FastifySchemaValidationError =>
  ({
    keyword: 'type',
    instancePath: '',
    schemaPath: '#',
    params: {},
    message: 'is invalid',
    ...e,
  }) as FastifySchemaValidationError;

describe('describeSchemaError', () => {
  it('names an unknown parameter', () => {
    const message = describeSchemaError(
      [err({ keyword: 'additionalProperties', params: { additionalProperty: 'foo' } })],
      'querystring',
    );
    expect(message).toBe("querystring parameter 'foo' is not a known parameter");
  });

  it('lists the allowed values of a union of literals, also for a repeated value', () => {
    const errors = [
      err({ keyword: 'const', instancePath: '/type/1', params: { allowedValue: 'conference' } }),
      err({ keyword: 'const', instancePath: '/type/1', params: { allowedValue: 'seminar' } }),
      err({ keyword: 'anyOf', instancePath: '/type', params: {} }),
    ];
    expect(describeSchemaError(errors, 'querystring')).toBe(
      "querystring parameter 'type' must be one of: conference, seminar",
    );
  });

  it('hides patterns and keeps plain Ajv messages', () => {
    expect(
      describeSchemaError(
        [err({ keyword: 'pattern', instancePath: '/radius', message: 'must match pattern "^x$"' })],
        'querystring',
      ),
    ).toBe("querystring parameter 'radius' is malformed");
    expect(
      describeSchemaError(
        [err({ keyword: 'maximum', instancePath: '/limit', message: 'must be <= 100' })],
        'querystring',
      ),
    ).toBe("querystring parameter 'limit' must be <= 100");
    expect(describeSchemaError([err({ keyword: 'maxItems', instancePath: '/field' })], 'querystring')).toBe(
      "querystring parameter 'field' is repeated too many times",
    );
    expect(describeSchemaError([], 'params')).toBe('params is invalid');
  });
});

describe('describeValidationError', () => {
  it('names the first bad parameter and counts the others', () => {
    const error = new ValidationError('search query', [
      { path: '/near', message: 'names no place we know' },
      { path: '/sort', message: 'distance needs near' },
    ]);
    expect(describeValidationError(error)).toBe("parameter 'near' names no place we know (and 1 more problem)");
  });
});
