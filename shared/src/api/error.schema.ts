import { type Static, Type } from '@sinclair/typebox';

/**
 * Every code the API's own errors carry. The server declares each once with its HTTP status and default message
 * (server/src/errors.ts); clients may switch on them.
 */
export const API_ERROR_CODES = [
  'ERR_BAD_PARAMETER',
  'ERR_BAD_REQUEST',
  'ERR_BAD_URL',
  'ERR_UNAUTHORIZED',
  'ERR_ADMIN_CLOSED',
  'ERR_NOT_FOUND',
  'ERR_ROUTE_NOT_FOUND',
  'ERR_CRAWL_RUNNING',
  'ERR_SOURCE_EXISTS',
  'ERR_SUGGESTION_DECIDED',
  'ERR_URL_REFUSED',
  'ERR_URL_TOO_LONG',
  'ERR_DISCOVERY_FAILED',
  'ERR_RATE_LIMITED',
  'ERR_INTERNAL',
  'ERR_INDEX_UNAVAILABLE',
  'ERR_STORE_READONLY',
  'ERR_QUEUE_UNAVAILABLE',
  'ERR_WIDGET_NOT_BUILT',
  'ERR_ALERTS_OFF',
  'ERR_MAIL_UNAVAILABLE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** A code Fastify gives a request it could not read (e.g. `FST_ERR_CTP_INVALID_MEDIA_TYPE`), passed through on 4xx. */
export type FrameworkErrorCode = `FST_${string}`;

/** The API's one error shape, for every 4xx and 5xx. */
export const ApiErrorSchema = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    code: Type.Unsafe<ApiErrorCode | FrameworkErrorCode>(
      Type.String({ description: 'stable machine-readable code, e.g. ERR_BAD_PARAMETER' }),
    ),
    message: Type.String({ description: 'what is wrong, naming the parameter when one is' }),
  },
  { title: 'ApiError' },
);
/** The body of an error answer: `{ statusCode, code, message }`. */
export type ApiErrorBody = Static<typeof ApiErrorSchema>;
