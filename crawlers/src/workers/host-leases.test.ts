import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFetcher, type Fetcher } from '../core/fetcher.js';
import { startTestPostgres, type TestPostgres } from '../storage/runtime/test-postgres.js';
import { type LoggedRequest, type LoggedServer, startLoggedServer } from './fixtures/logged-server.js';
import { createPostgresHostGate, type PostgresHostGate } from './host-leases.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const DELAY_MS = 150;
/** Postgres's clock and this process's are one machine's; the rounding of timers and timestamps stays below this. */
const CLOCK_SLACK_MS = 5;

let postgres: TestPostgres;
let server: LoggedServer | undefined;
const gates: PostgresHostGate[] = [];
const fetchers: Fetcher[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await Promise.all(gates.splice(0).map((g) => g.close(1000)));
  await server?.close();
  server = undefined;
  const client = new pg.Client(postgres.url);
  await client.connect();
  await client.query('DELETE FROM host_leases').catch(() => undefined);
  await client.end();
});

afterAll(async () => {
  await postgres?.stop();
});

/** A fetcher of its own with a gate of its own (its own connections), as a second worker would have. */
function worker(origin: string, leaseTimeoutMs = 10_000): Fetcher {
  const gate = createPostgresHostGate({ databaseUrl: postgres.url, leaseTimeoutMs });
  gates.push(gate);
  const fetcher = createFetcher({
    allowPrivateOrigins: [origin],
    perHostDelayMs: DELAY_MS,
    retryBaseDelayMs: 50,
    hostGate: gate,
  });
  fetchers.push(fetcher);
  return fetcher;
}

function finished(log: readonly LoggedRequest[]): Required<LoggedRequest>[] {
  return log
    .filter((r): r is Required<LoggedRequest> => r.endedAt !== undefined)
    .sort((a, b) => a.arrivedAt - b.arrivedAt);
}

describe('host leases in PostgreSQL', () => {
  it('let two workers take turns at one host: no two requests overlap, and each waits the delay', async () => {
    server = await startLoggedServer(() => ({ delayMs: 40 }));
    const origin = server.origin;
    const [a, b] = [worker(origin), worker(origin)];
    await Promise.all([
      ...[1, 2, 3].map((n) => a.fetch(`${origin}/a${n}`)),
      ...[1, 2, 3].map((n) => b.fetch(`${origin}/b${n}`)),
    ]);
    const requests = finished(server.log);
    // Six pages and each worker's robots.txt.
    expect(requests).toHaveLength(8);
    expect(new Set(requests.map((r) => r.path[1]))).toEqual(new Set(['a', 'b', 'r']));
    for (let i = 1; i < requests.length; i += 1) {
      const previous = requests[i - 1]!;
      const gap = requests[i]!.arrivedAt - previous.endedAt;
      expect(gap, `${previous.path} → ${requests[i]!.path}`).toBeGreaterThanOrEqual(DELAY_MS - CLOCK_SLACK_MS);
    }
  });

  it('pause the host for every worker when one is answered Retry-After', async () => {
    server = await startLoggedServer((requestPath, nth) =>
      requestPath === '/busy' && nth === 1 ? { status: 503, headers: { 'retry-after': '1' } } : {},
    );
    const origin = server.origin;
    const [a, b] = [worker(origin), worker(origin)];
    const busy = a.fetch(`${origin}/busy`);
    await vi.waitFor(() => expect(server?.log.find((r) => r.status === 503)?.endedAt).toBeDefined(), {
      timeout: 10_000,
    });
    const pausedAt = server.log.find((r) => r.status === 503)!.arrivedAt;
    await b.fetch(`${origin}/other`);
    await busy;
    const others = server.log.filter((r) => r.arrivedAt > pausedAt);
    expect(others.map((r) => r.path).sort()).toEqual(['/busy', '/other', '/robots.txt']);
    for (const request of others) expect(request.arrivedAt - pausedAt).toBeGreaterThanOrEqual(1000 - CLOCK_SLACK_MS);
  });

  it('free a lease whose holder was killed mid-request once the lease timeout has passed', async () => {
    server = await startLoggedServer((requestPath) => (requestPath === '/hang' ? { hang: true } : {}));
    const origin = server.origin;
    const leaseTimeoutMs = 1500;
    const child = spawn(
      process.execPath,
      [
        '--conditions=source',
        '--import',
        'tsx',
        path.join(here, 'fixtures/hold-lease.ts'),
        postgres.url,
        '127.0.0.1',
        String(leaseTimeoutMs),
        `${origin}/hang`,
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(child);
    let stdout = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    await vi.waitFor(() => expect(stdout).toContain('acquired'), { timeout: 20_000 });
    const takenBefore = Date.now();
    await vi.waitFor(() => expect(server?.log.some((r) => r.path === '/hang')).toBe(true), { timeout: 10_000 });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const result = await worker(origin).fetch(`${origin}/after`);
    const waited = Date.now() - takenBefore;
    expect(result.status).toBe(200);
    expect(waited).toBeGreaterThanOrEqual(leaseTimeoutMs - 200);
    expect(waited).toBeLessThan(leaseTimeoutMs + 5000);
  });
});
