import { FieldguideError } from '@fieldguide/shared';
import {
  type Config,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { Agent, type Dispatcher, request } from 'undici';

export type {
  EnqueuedTask,
  Health,
  Index,
  IndexStats,
  MultiSearchParams,
  SearchParams,
  SearchResponse,
  Settings,
  Task,
} from 'meilisearch';
export type { Meilisearch };

/** Thrown when Meilisearch answers with an error or a task fails; the operation did not happen and retrying it unchanged will not help. */
export class IndexError extends FieldguideError {
  /** Meilisearch's error code (`index_not_found`, `invalid_search_filter`…), when it gave one. */
  readonly meiliCode: string | undefined;
  /** HTTP status of Meilisearch's answer, when there was one. */
  readonly httpStatus: number | undefined;

  constructor(
    message: string,
    options?: ErrorOptions & { meiliCode?: string; httpStatus?: number },
    code = 'INDEX_ERROR',
  ) {
    super(code, message, options);
    this.name = 'IndexError';
    this.meiliCode = options?.meiliCode;
    this.httpStatus = options?.httpStatus;
  }
}

/** Thrown when Meilisearch cannot be reached or does not answer in time; the server answers 503 and the outbox keeps its entries for a later drain. */
export class IndexUnavailableError extends IndexError {
  constructor(message: string, options?: ErrorOptions & { httpStatus?: number }) {
    super(message, options, 'INDEX_UNAVAILABLE');
    this.name = 'IndexUnavailableError';
  }
}

export interface MeilisearchClientOptions {
  /** Base URL of Meilisearch, e.g. `http://127.0.0.1:7700`. */
  url: string;
  /** Master key (or any key with the needed actions). */
  masterKey: string;
  /** Per-request deadline in milliseconds, after which the call fails with {@link IndexUnavailableError}; default 10 000. */
  timeoutMs?: number;
}

/** The official client, wired to a keep-alive undici agent; `close()` releases the agent's sockets. */
export interface MeilisearchConnection {
  client: Meilisearch;
  close(): Promise<void>;
}

interface MeilisearchErrorBody {
  message?: string;
  code?: string;
}

const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Creates the Meilisearch client. Requests go through `undici.request` on a keep-alive agent rather than
 * through `fetch`: `fetch` asks for a compressed answer and on this machine decoding it costs ~45 ms a
 * search, while `undici.request` asks for none and adds well under a millisecond (`pnpm bench:meili-transport`).
 * Errors come out as {@link IndexError} / {@link IndexUnavailableError} through {@link callMeilisearch}.
 */
export function createMeilisearchClient(options: MeilisearchClientOptions): MeilisearchConnection {
  const timeoutMs = options.timeoutMs ?? 10_000;
  // Shorter than actix-web's 5 s keep-alive, so we never write a request on a socket the server is closing.
  // The deadline is the agent's (no answer, or a body that stalls, for `timeoutMs`) rather than the client's
  // `timeout`, which costs an AbortController and a timer for every request.
  const agent = new Agent({
    keepAliveTimeout: 4000,
    keepAliveMaxTimeout: 4000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const config: Config = {
    host: options.url,
    apiKey: options.masterKey,
    httpClient: (input, init) => send(agent, input, init),
  };
  return { client: new Meilisearch(config), close: () => agent.close() };
}

/** The client hands every plain request the same `Headers` object: convert it once. */
const plainHeaders = new WeakMap<Headers, Record<string, string>>();

function toPlainHeaders(headers: RequestInit['headers']): Record<string, string> {
  if (!(headers instanceof Headers)) return Object.fromEntries(new Headers(headers));
  let plain = plainHeaders.get(headers);
  if (!plain) {
    plain = Object.fromEntries(headers);
    plainHeaders.set(headers, plain);
  }
  return plain;
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** The official client's `httpClient` contract: resolve with the parsed body, throw on an error status. */
async function send(agent: Agent, input: string | URL | Request, init: RequestInit | undefined): Promise<unknown> {
  const url = input instanceof Request ? input.url : input;
  const signal = init?.signal ?? undefined;
  let statusCode: number;
  let text: string;
  try {
    const response = await request(url, {
      dispatcher: agent,
      method: (init?.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: toPlainHeaders(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
      signal,
    });
    statusCode = response.statusCode;
    text = await response.body.text();
  } catch (error) {
    // An abort of the client's own (its wait for a task) goes back unchanged: it recognises it by the reason.
    if (signal?.aborted) throw signal.reason;
    if (TIMEOUT_CODES.has((error as NodeJS.ErrnoException).code ?? '')) {
      throw new IndexUnavailableError(`Meilisearch did not answer in time (${(error as Error).message})`, {
        cause: error,
      });
    }
    throw error;
  }
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not Meilisearch talking (a proxy's error page?): keep the text for the message.
  }
  const ok = statusCode >= 200 && statusCode < 300;
  if (ok && (body !== undefined || text === '')) return body;
  const details = (body ?? {}) as MeilisearchErrorBody;
  const message = `Meilisearch answered ${statusCode}: ${details.message ?? text.slice(0, 200)}`;
  if (UNAVAILABLE_STATUSES.has(statusCode)) throw new IndexUnavailableError(message, { httpStatus: statusCode });
  throw new IndexError(message, { meiliCode: details.code, httpStatus: statusCode });
}

/** Runs one Meilisearch call and translates whatever it throws into {@link IndexError} / {@link IndexUnavailableError}. */
export async function callMeilisearch<T>(action: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toIndexError(action, error);
  }
}

/** Our coded error for anything the Meilisearch client (or our transport under it) threw. */
export function toIndexError(action: string, error: unknown): IndexError {
  if (error instanceof IndexError) return error;
  if (error instanceof MeilisearchRequestError) {
    const cause = error.cause;
    if (cause instanceof IndexError) return withAction(action, cause);
    return new IndexUnavailableError(`${action}: cannot reach Meilisearch (${describe(cause)})`, { cause: error });
  }
  if (error instanceof MeilisearchApiError) {
    return new IndexError(`${action}: ${error.message}`, {
      cause: error,
      meiliCode: error.cause?.code,
      httpStatus: error.response.status,
    });
  }
  if (error instanceof MeilisearchTaskTimeOutError) {
    return new IndexError(`${action}: ${error.message}`, { cause: error });
  }
  return new IndexError(`${action}: ${describe(error)}`, { cause: error });
}

function withAction(action: string, error: IndexError): IndexError {
  const message = `${action}: ${error.message}`;
  if (error instanceof IndexUnavailableError) {
    return new IndexUnavailableError(message, { cause: error, httpStatus: error.httpStatus });
  }
  return new IndexError(message, { cause: error, meiliCode: error.meiliCode, httpStatus: error.httpStatus });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
