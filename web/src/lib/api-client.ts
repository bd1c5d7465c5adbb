import type { ApiErrorBody, ApiErrorCode, FrameworkErrorCode } from '@fieldguide/shared';
import { env } from '../config/env.js';

/** What an {@link ApiError} may carry: the API's codes, or ours when the API sent none. */
export type ClientErrorCode =
  | ApiErrorCode
  | FrameworkErrorCode
  | 'ERR_NETWORK'
  | 'ERR_BAD_RESPONSE'
  | `ERR_HTTP_${number}`;

/** Thrown for every failed API call; UI code shows `message` and may branch on `status` and `code`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
    /** The API's stable code (`ERR_NOT_FOUND`, …), or `ERR_NETWORK` / `ERR_HTTP_<status>` when it sent none. */
    readonly code: ClientErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A query-string value: arrays repeat the key, `undefined`, `null` and `''` are left out. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** Encodes params as a query string (without `?`), keys in the given order, arrays as repeated keys. */
export function toQueryString(params: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  return search.toString();
}

/** The URL of an API path (`/api/search`) with its query, against the configured base. */
export function apiUrl(path: string, params?: Record<string, QueryValue>): string {
  const query = toQueryString(params);
  return `${env.apiBaseUrl}${path}${query ? `?${query}` : ''}`;
}

export interface RequestOptions {
  params?: Record<string, QueryValue>;
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  signal?: AbortSignal;
}

const isErrorBody = (body: unknown): body is Pick<ApiErrorBody, 'code' | 'message'> =>
  typeof body === 'object' &&
  body !== null &&
  typeof (body as { code?: unknown }).code === 'string' &&
  typeof (body as { message?: unknown }).message === 'string';

/**
 * Calls the API and returns its JSON body. Throws an {@link ApiError} for a network failure, a non-2xx status
 * (carrying the API's `{ code, message }` when it sent one) or a body that is not JSON; rethrows aborts as they are.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.params), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'ERR_NETWORK', 'Could not reach the server. Check your connection and try again.', {
      cause: error,
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    if (response.ok) throw new ApiError(response.status, 'ERR_BAD_RESPONSE', 'The server sent a malformed answer.');
    throw new ApiError(response.status, `ERR_HTTP_${response.status}`, httpMessage(response), { cause: error });
  }
  if (!response.ok) {
    if (isErrorBody(body)) throw new ApiError(response.status, body.code, body.message);
    throw new ApiError(response.status, `ERR_HTTP_${response.status}`, httpMessage(response));
  }
  return body as T;
}

function httpMessage(response: Response): string {
  return `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
}
