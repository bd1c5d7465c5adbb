import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The part of autocannon's result the benches read. Latencies in ms (whole ms), `duration` in s. */
export interface LoadResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  statusCodeStats: Record<string, { count: number }>;
  latency: { p50: number; p90: number; p99: number; totalCount: number };
  requests: { average: number; total: number };
}

export interface LoadOptions {
  /** `http://127.0.0.1:port`: loopback only. */
  base: string;
  /** Paths with their query strings, sent in turn by all connections together. */
  paths: readonly string[];
  connections: number;
  seconds: number;
}

/**
 * Runs autocannon in a child process, so its client work does not share the event loop of a server running in
 * this one, and resolves with its result.
 */
export function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const source = `
    process.once('message', async ({ autocannon, base, paths, connections, seconds }) => {
      let next = 0;
      const setupRequest = (req) => ({ ...req, path: paths[next++ % paths.length] });
      try {
        const result = await require(autocannon)({
          url: base,
          connections,
          duration: seconds,
          requests: [{ method: 'GET', setupRequest }],
        });
        process.send({ result }, () => process.exit(0));
      } catch (error) {
        process.send({ failed: String(error) }, () => process.exit(1));
      }
    });
  `;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send({ ...options, autocannon: require.resolve('autocannon') });
  return new Promise((resolve, reject) => {
    child.once('message', (message: { result: LoadResult } | { failed: string }) => {
      if ('failed' in message) reject(new Error(`autocannon failed: ${message.failed}`));
      else resolve(message.result);
    });
    child.once('exit', (code) => reject(new Error(`the autocannon process exited (${code}) without a result`)));
    child.once('error', reject);
  });
}

/** `"200: 1533, 503: 20"`. */
export const describeStatuses = (result: LoadResult) =>
  Object.entries(result.statusCodeStats)
    .map(([code, { count }]) => `${code}: ${count}`)
    .join(', ') || 'none';
