import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

/** One request as the server saw it; times are `performance.now()` milliseconds, like the scheduler's clock. */
export interface RequestLogEntry {
  method: string;
  /** Path and query string. */
  path: string;
  /** The Host header as sent. */
  host: string;
  /** The address the request arrived on (127.0.0.2 …): which "host" it was for. */
  localAddress: string;
  headers: IncomingHttpHeaders;
  startedAt: number;
  /** Wall clock at arrival, for comparing with HTTP dates. */
  startedAtEpochMs: number;
  /**
   * When the handler ended the response (before its last bytes left, so no client can have seen the end
   * earlier), or when the connection dropped; undefined while in flight.
   */
  endedAt: number | undefined;
  status: number | undefined;
  /** Body bytes the handler wrote. */
  bytesSent: number;
  /** True when the connection closed before the response was complete. */
  aborted: boolean;
}

/** Serves one path; may misbehave. */
export type HostileHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  entry: RequestLogEntry,
) => void | Promise<void>;

/** A loopback HTTP server whose every request is logged. */
export interface HostileServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly hostname: string;
  readonly port: number;
  /** `hostname:port`. */
  readonly host: string;
  /** Absolute URL of `path` on this server. */
  url(path: string): string;
  /** Every request so far, in arrival order. */
  readonly log: RequestLogEntry[];
  /** The logged requests whose path (without query) is `pathname`. */
  requests(pathname: string): RequestLogEntry[];
  /** Serves `pathname` (exact match) with `handler`; unrouted paths answer 404. */
  route(pathname: string, handler: HostileHandler): void;
  close(): Promise<void>;
}

/** Options of {@link startHostileServer}. */
export interface HostileServerOptions {
  /** A loopback address to listen on; 127.0.0.2, 127.0.0.3… act as other hosts. Default 127.0.0.1. */
  hostname?: string;
  routes?: Record<string, HostileHandler>;
}

/** Starts a {@link HostileServer} on a free port. */
export async function startHostileServer(options: HostileServerOptions = {}): Promise<HostileServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const routes = new Map<string, HostileHandler>(Object.entries(options.routes ?? {}));
  const log: RequestLogEntry[] = [];

  const server = http.createServer((req, res) => {
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      host: req.headers.host ?? '',
      localAddress: req.socket.localAddress ?? '',
      headers: req.headers,
      startedAt: performance.now(),
      startedAtEpochMs: Date.now(),
      endedAt: undefined,
      status: undefined,
      bytesSent: 0,
      aborted: false,
    };
    log.push(entry);
    // Stamped when `end()` is called rather than on 'finish', which a busy machine may deliver after the client
    // already read the whole answer: a late stamp would make a polite client look hasty.
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      entry.endedAt ??= performance.now();
      return end(...args);
    }) as ServerResponse['end'];
    res.on('finish', () => {
      entry.endedAt ??= performance.now();
      entry.status = res.statusCode;
    });
    res.on('close', () => {
      entry.endedAt ??= performance.now();
      entry.aborted = !res.writableFinished;
    });
    const pathname = new URL(entry.path, 'http://x').pathname;
    const handler = routes.get(pathname) ?? text('not found', { status: 404 });
    Promise.resolve(handler(req, res, entry)).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname}:${port}`;

  return {
    origin,
    hostname,
    port,
    host: `${hostname}:${port}`,
    url: (path) => new URL(path, origin).href,
    log,
    requests: (pathname) => log.filter((entry) => new URL(entry.path, 'http://x').pathname === pathname),
    route(pathname, handler) {
      routes.set(pathname, handler);
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes a chunk and counts it in the log entry. */
function write(res: ServerResponse, entry: RequestLogEntry, chunk: Buffer | string): boolean {
  entry.bytesSent += Buffer.byteLength(chunk);
  return res.write(chunk);
}

const closed = (res: ServerResponse): boolean => res.destroyed || res.writableEnded;

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A plain response. */
export function text(
  body: string | Buffer,
  options: { status?: number; headers?: Record<string, string> } = {},
): HostileHandler {
  return (_req, res, entry) => {
    res.writeHead(options.status ?? 200, { 'content-type': 'text/plain; charset=utf-8', ...options.headers });
    entry.bytesSent += Buffer.byteLength(body);
    res.end(body);
  };
}

/** An HTML page; `contentType` lets a test send a misleading or missing charset. */
export function html(body: string | Buffer, contentType = 'text/html; charset=utf-8'): HostileHandler {
  return text(body, { headers: { 'content-type': contentType } });
}

/** Answers after `delayMs`, so requests visibly overlap (or don't). */
export function delayed(delayMs: number, handler: HostileHandler): HostileHandler {
  return async (req, res, entry) => {
    await wait(delayMs);
    if (!closed(res)) await handler(req, res, entry);
  };
}

/** The n-th request gets `handlers[n]`; the last handler serves every request after that. */
export function sequence(...handlers: HostileHandler[]): HostileHandler {
  let calls = 0;
  return (req, res, entry) => {
    const handler = handlers[Math.min(calls, handlers.length - 1)];
    calls += 1;
    if (!handler) throw new Error('sequence() needs at least one handler');
    return handler(req, res, entry);
  };
}

/** A redirect to `location` (absolute or relative). */
export function redirect(location: string, status = 302): HostileHandler {
  return text('', { status, headers: { location } });
}

/** Sends `totalBytes` one byte every `intervalMs`: alive enough to dodge idle timeouts, far too slow to finish. */
export function slowDrip(options: { intervalMs?: number; totalBytes?: number } = {}): HostileHandler {
  const intervalMs = options.intervalMs ?? 100;
  const totalBytes = options.totalBytes ?? 1000;
  return async (_req, res, entry) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(totalBytes) });
    res.flushHeaders();
    for (let sent = 0; sent < totalBytes && !closed(res); sent += 1) {
      write(res, entry, 'x');
      await wait(intervalMs);
    }
    if (!closed(res)) res.end();
  };
}

/**
 * Streams `totalBytes` (default 50 MB) in chunks, honouring backpressure, so `entry.bytesSent` shows how much the
 * client actually pulled before hanging up. Without `declareLength` there is no Content-Length (chunked).
 */
export function hugeBody(
  options: { totalBytes?: number; chunkBytes?: number; declareLength?: boolean } = {},
): HostileHandler {
  const totalBytes = options.totalBytes ?? 50_000_000;
  const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, 'a');
  return async (_req, res, entry) => {
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      ...(options.declareLength ? { 'content-length': String(totalBytes) } : {}),
    });
    while (entry.bytesSent < totalBytes && !closed(res)) {
      const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - entry.bytesSent));
      if (!write(res, entry, piece)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    if (!closed(res)) res.end();
  };
}

const bombs = new Map<number, Buffer>();

/** A small gzip body that inflates to `decodedBytes` (default 20 MiB) of zeros. */
export function gzipBomb(options: { decodedBytes?: number } = {}): HostileHandler {
  const decodedBytes = options.decodedBytes ?? 20 * 1024 * 1024;
  return (_req, res, entry) => {
    let bomb = bombs.get(decodedBytes);
    if (!bomb) {
      bomb = zlib.gzipSync(Buffer.alloc(decodedBytes), { level: 9 });
      bombs.set(decodedBytes, bomb);
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-encoding': 'gzip',
      'content-length': String(bomb.length),
    });
    entry.bytesSent += bomb.length;
    res.end(bomb);
  };
}

/** A page with an ETag and a Last-Modified date that answers 304 to a matching conditional GET. */
export function conditional(options: { body: string; etag?: string; lastModified?: Date }): HostileHandler {
  return (req, res, entry) => {
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
    if (options.etag) headers.etag = options.etag;
    if (options.lastModified) headers['last-modified'] = options.lastModified.toUTCString();
    const ifNoneMatch = req.headers['if-none-match'];
    const ifModifiedSince = req.headers['if-modified-since'];
    const etagMatches = options.etag !== undefined && ifNoneMatch !== undefined && ifNoneMatch === options.etag;
    const notModifiedSince =
      ifNoneMatch === undefined &&
      options.lastModified !== undefined &&
      ifModifiedSince !== undefined &&
      Date.parse(ifModifiedSince) >= Math.floor(options.lastModified.getTime() / 1000) * 1000;
    if (etagMatches || notModifiedSince) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    entry.bytesSent += Buffer.byteLength(options.body);
    res.end(options.body);
  };
}

/**
 * Checks a host's log against politeness: requests must not overlap and each must start at least `minGapMs`
 * after the previous one ended. After a response the client hung up on (a capped body, a timed-out drip) the
 * server's stamp is when it noticed, which on a busy machine can be a few ms after the client let go; such gaps
 * may fall short by `hangUpSlackMs` (default 0). Returns one line per violation (empty when polite).
 */
export function politenessViolations(
  log: readonly RequestLogEntry[],
  minGapMs: number,
  options: { hangUpSlackMs?: number } = {},
): string[] {
  const sorted = [...log].sort((a, b) => a.startedAt - b.startedAt);
  const violations: string[] = [];
  for (let index = 1; index < sorted.length; index += 1) {
    const previous = sorted[index - 1];
    const current = sorted[index];
    if (!previous || !current) continue;
    if (previous.endedAt === undefined) {
      violations.push(`${current.path} started while ${previous.path} was still in flight`);
      continue;
    }
    const gap = current.startedAt - previous.endedAt;
    const least = previous.aborted ? minGapMs - (options.hangUpSlackMs ?? 0) : minGapMs;
    if (gap < least) {
      const how = previous.aborted ? 'was hung up on' : 'ended';
      violations.push(`${current.path} started ${gap.toFixed(1)} ms after ${previous.path} ${how} (< ${least} ms)`);
    }
  }
  return violations;
}
