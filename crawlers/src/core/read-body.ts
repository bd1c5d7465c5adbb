import { type Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { FetchErrorCode, NonRetryableError } from './errors.js';

/** Options of {@link readBody}. */
export interface ReadBodyOptions {
  /** Most bytes accepted, counted on the wire AND after decompression. */
  maxBodyBytes: number;
  /** The response's Content-Encoding header (`gzip`, `br`, `deflate`, a list, or none). */
  contentEncoding?: string | undefined;
  /** Keep the first `maxBodyBytes` decoded bytes instead of failing (robots.txt). Default false. */
  truncate?: boolean;
  /** For error messages. */
  url: string;
}

/** A fully read (or truncated) body. */
export interface ReadBodyResult {
  body: Buffer;
  truncated: boolean;
}

/** Content codings we can decode; zstd needs Node 22. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

const STOP = Symbol('stop');

function createDecoders(contentEncoding: string | undefined, url: string): Transform[] {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  // Codings are listed in the order they were applied; undo them last first. Lenient flushes accept a
  // truncated stream, as browsers do.
  return codings.reverse().map((coding) => {
    switch (coding) {
      case 'gzip':
      case 'x-gzip':
        return zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      case 'deflate':
        return zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH });
      case 'br':
        return zlib.createBrotliDecompress({
          flush: zlib.constants.BROTLI_OPERATION_FLUSH,
          finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        });
      default:
        throw new NonRetryableError(FetchErrorCode.BAD_CONTENT, `unsupported Content-Encoding "${coding}"`, { url });
    }
  });
}

function tooLarge(url: string, maxBodyBytes: number, where: string): NonRetryableError {
  return new NonRetryableError(FetchErrorCode.TOO_LARGE, `body of ${url} exceeds ${maxBodyBytes} bytes${where}`, {
    url,
  });
}

/**
 * Streams a response body through its decompressors into memory, stopping as soon as either the compressed
 * or the decoded byte count passes `maxBodyBytes`, so a gzip bomb costs at most about `maxBodyBytes` of memory.
 * Throws {@link NonRetryableError} `FETCH_TOO_LARGE` or `FETCH_BAD_CONTENT`; stream errors (aborts, resets) pass
 * through unchanged for the caller to classify.
 */
export async function readBody(source: Readable, options: ReadBodyOptions): Promise<ReadBodyResult> {
  const { maxBodyBytes, url } = options;
  const decoders = createDecoders(options.contentEncoding, url);
  let decodeError: unknown;
  for (const decoder of decoders) decoder.once('error', (error) => (decodeError ??= error));

  let wireBytes = 0;
  const wireCounter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      wireBytes += chunk.length;
      if (wireBytes > maxBodyBytes && !options.truncate) callback(tooLarge(url, maxBodyBytes, ' on the wire'));
      else callback(null, chunk);
    },
  });

  const chunks: Buffer[] = [];
  let decodedBytes = 0;
  let truncated = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const room = maxBodyBytes - decodedBytes;
      if (chunk.length <= room) {
        decodedBytes += chunk.length;
        chunks.push(chunk);
        return callback();
      }
      if (!options.truncate) return callback(tooLarge(url, maxBodyBytes, decoders.length ? ' once decoded' : ''));
      chunks.push(chunk.subarray(0, room));
      decodedBytes = maxBodyBytes;
      truncated = true;
      callback(Object.assign(new Error('body truncated'), { [STOP]: true }));
    },
  });

  try {
    await pipeline([source, wireCounter, ...decoders, sink]);
  } catch (error) {
    if (truncated && error instanceof Error && STOP in error) return { body: Buffer.concat(chunks), truncated };
    if (error instanceof NonRetryableError) throw error;
    if (decodeError !== undefined && error === decodeError) {
      throw new NonRetryableError(
        FetchErrorCode.BAD_CONTENT,
        `cannot decode ${options.contentEncoding} body of ${url}`,
        {
          url,
          cause: error,
        },
      );
    }
    throw error;
  }
  return { body: Buffer.concat(chunks), truncated };
}
