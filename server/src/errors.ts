import { IndexUnavailableError, isStoreReadOnlyError, QueueUnavailableError } from '@fieldguide/crawlers/storage';
import {
  type ApiErrorBody,
  type ApiErrorCode,
  ApiErrorSchema,
  type FrameworkErrorCode,
  ValidationError,
} from '@fieldguide/shared';
import type { FastifyError, FastifyReply } from 'fastify';
import { describeSchemaError, describeValidationError } from './validation-messages.js';

/** An error code's HTTP status and the message it carries when the thrower gives none. */
interface ErrorEntry {
  status: number;
  message: string;
}

/** Every error the API answers with, once: its status and default message. The codes are `shared`'s. */
export const ERRORS = {
  ERR_BAD_PARAMETER: { status: 400, message: 'a parameter is not valid' },
  // Also a 4xx of Fastify's that came without a code of its own: its status is kept.
  ERR_BAD_REQUEST: { status: 400, message: 'the request is not valid' },
  ERR_BAD_URL: { status: 400, message: 'the URL is not validly encoded' },
  ERR_UNAUTHORIZED: { status: 401, message: 'a valid bearer token is required' },
  ERR_ADMIN_CLOSED: {
    status: 403,
    message: 'the admin API is closed: the server was started without ADMIN_TOKEN',
  },
  ERR_NOT_FOUND: { status: 404, message: 'not found' },
  ERR_ROUTE_NOT_FOUND: { status: 404, message: 'no such route' },
  ERR_CRAWL_RUNNING: { status: 409, message: 'a crawl is running; wait for it to finish' },
  ERR_SOURCE_EXISTS: { status: 409, message: 'a source with this id exists already' },
  ERR_SUGGESTION_DECIDED: { status: 409, message: 'the suggestion was accepted already: its source exists' },
  ERR_URL_REFUSED: {
    status: 400,
    message: "the URL is on a private network or one of this server's own ports; only public web pages can be read",
  },
  ERR_URL_TOO_LONG: { status: 414, message: 'a path segment of the URL is too long' },
  ERR_DISCOVERY_FAILED: { status: 422, message: 'the URL could not be read' },
  ERR_RATE_LIMITED: { status: 429, message: 'too many requests' },
  ERR_INTERNAL: { status: 500, message: 'internal server error' },
  ERR_INDEX_UNAVAILABLE: {
    status: 503,
    message: 'search is temporarily unavailable; try again in a moment',
  },
  ERR_STORE_READONLY: {
    status: 503,
    message:
      'the store is read-only: changes cannot be saved until the server can write its data directory (DATA_DIR) again',
  },
  ERR_QUEUE_UNAVAILABLE: {
    status: 503,
    message: "the crawl queue's PostgreSQL (DATABASE_URL) cannot be reached; nothing was queued, try again later",
  },
  ERR_ALERTS_OFF: {
    status: 503,
    message: 'email alerts are not configured on this server (it was started without SMTP_URL); use its feeds instead',
  },
  ERR_MAIL_UNAVAILABLE: {
    status: 503,
    message: 'the confirmation mail could not be sent right now; try again in a few minutes',
  },
  ERR_WIDGET_NOT_BUILT: {
    status: 503,
    message: 'the embed widget is not built: run `pnpm build` (or `pnpm --filter @fieldguide/web build`) and restart',
  },
} as const satisfies Record<ApiErrorCode, ErrorEntry>;

/** An error the API answers with: its HTTP status, a stable code and a message safe to show. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode | FrameworkErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ApiError';
  }

  /** The answer's body, `{ statusCode, code, message }`. */
  toBody(): ApiErrorBody {
    return { statusCode: this.statusCode, code: this.code, message: this.message };
  }
}

/** The error of `code` from the catalogue, with its status, and `message` or the code's default one. */
export function apiError(code: ApiErrorCode, message?: string, options?: ErrorOptions): ApiError {
  const entry: ErrorEntry = ERRORS[code];
  return new ApiError(entry.status, code, message ?? entry.message, options);
}

/** The errors whose message says more than the catalogue's default. */
export const errors = {
  notFound: (what: string) => apiError('ERR_NOT_FOUND', `${what} not found`),
  routeNotFound: (method: string, url: string) =>
    apiError('ERR_ROUTE_NOT_FOUND', `no route for ${method} ${url.split('?')[0]}`),
  badParameter: (name: string, problem: string) => apiError('ERR_BAD_PARAMETER', `parameter '${name}' ${problem}`),
  rateLimited: (after: string) => apiError('ERR_RATE_LIMITED', `too many requests; retry in ${after}`),
} as const;

type StatusOf<C extends ApiErrorCode> = (typeof ERRORS)[C]['status'];

/** Response schemas for the errors of `codes`, by their statuses, for a route's `response`. */
export function errorResponses<const C extends readonly ApiErrorCode[]>(
  ...codes: C
): { [S in StatusOf<C[number]>]: typeof ApiErrorSchema } {
  return Object.fromEntries(codes.map((code) => [ERRORS[code].status, ApiErrorSchema])) as {
    [S in StatusOf<C[number]>]: typeof ApiErrorSchema;
  };
}

/** Errors every public read route can answer with: a bad parameter, the rate limit, search down. */
export const readErrorResponses = errorResponses('ERR_BAD_PARAMETER', 'ERR_RATE_LIMITED', 'ERR_INDEX_UNAVAILABLE');

/**
 * Turns any thrown value into the API's one error shape, keeping 4xx messages and masking 5xx: Meilisearch being
 * unreachable is a 503, so is a write the store file refuses, a bad parameter (ours or the schema's) a 400 naming it, a 4xx of Fastify's keeps its code.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof IndexUnavailableError) return apiError('ERR_INDEX_UNAVAILABLE');
  if (isStoreReadOnlyError(error)) return apiError('ERR_STORE_READONLY');
  if (error instanceof QueueUnavailableError) return apiError('ERR_QUEUE_UNAVAILABLE');
  if (error instanceof ValidationError) return apiError('ERR_BAD_PARAMETER', describeValidationError(error));
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    return apiError(
      'ERR_BAD_PARAMETER',
      describeSchemaError(fastifyError.validation, fastifyError.validationContext ?? 'request'),
    );
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return new ApiError(
      status,
      (fastifyError.code as FrameworkErrorCode | undefined) ?? 'ERR_BAD_REQUEST',
      fastifyError.message,
    );
  }
  return apiError('ERR_INTERNAL');
}

/** Answers with `error`: its status and `{ statusCode, code, message }`. */
export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.statusCode).send(error.toBody());
}
