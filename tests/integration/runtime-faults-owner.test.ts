import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DATA_DIR_LOCK_FILE,
  isProcessAlive,
  MEILISEARCH_PID_FILE,
  resolveMeilisearchBinary,
} from '@fieldguide/crawlers/storage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ProcessInfo, processTree, stillAlive } from '../support/processes.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What the product promises: a stop, however it is asked for, ends every process within this. */
const STOP_LIMIT_MS = 10_000;

let dataDir: string;
const servers: ServerProcess[] = [];
const spawned: ChildProcess[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-owner-'));
});

afterEach(() => {
  for (const server of servers.splice(0)) server.cleanup();
  for (const child of spawned.splice(0)) {
    if (child.pid !== undefined && child.exitCode === null) killQuietly(-child.pid);
    child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function killQuietly(pid: number, signal: NodeJS.Signals = 'SIGKILL') {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

async function startServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const server = await startServerProcess({ DEMO_SITES: 'off', DATA_DIR: dataDir, ...env });
  servers.push(server);
  return server;
}

const meiliDir = () => path.join(dataDir, 'meilisearch');
const meiliPid = () => Number(readFileSync(path.join(meiliDir(), MEILISEARCH_PID_FILE), 'utf8'));

async function expectHealthy(url: string) {
  const res = await fetch(`${url}/health`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ store: { ok: true }, index: { ok: true } });
}

/** Runs `fieldguide <args>` on the test's data directory, as `pnpm fieldguide` does. */
function fieldguide(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'crawlers/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, MEILI_URL: '', MEILI_MASTER_KEY: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    spawned.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

async function expectAllGone(processes: readonly ProcessInfo[], withinMs: number) {
  await vi.waitFor(() => expect(stillAlive(processes).map((p) => `${p.pid} ${p.command}`)).toEqual([]), {
    timeout: withinMs,
    interval: 100,
  });
}

describe('one server per data directory', () => {
  it('refuses a second server on the same data directory, naming the first, and a crawl from the command line', async () => {
    const first = await startServer();
    const port = new URL(first.url).port;

    const refused = await startServerProcess({ DEMO_SITES: 'off', DATA_DIR: dataDir }).catch((error: Error) => error);

    expect(refused).toBeInstanceOf(Error);
    const message = (refused as Error).message;
    expect(message).toMatch(/^server exited with 1/);
    expect(message).toContain(`${dataDir} is in use by a Fieldguide server (pid ${first.child.pid}, since 20`);
    expect(message).toContain(`at http://127.0.0.1:${port}`);
    expect(message).toContain(DATA_DIR_LOCK_FILE);
    await expectHealthy(first.url);

    const crawl = await fieldguide(['crawl']);
    expect(crawl.code).toBe(1);
    expect(crawl.stderr).toContain(`is in use by a Fieldguide server (pid ${first.child.pid}`);
    const meili = processTree(first.child.pid!).find((p) => p.pid === meiliPid());
    expect(meili?.command).toContain(`--db-path ${path.join(meiliDir(), 'data.ms')}`);
  });

  it('kill -9 of the server leaves no Meilisearch after 5 s, and the next server takes over its stale lock', async () => {
    const first = await startServer();
    const meili = meiliPid();
    expect(isProcessAlive(meili)).toBe(true);

    first.child.kill('SIGKILL');
    await vi.waitFor(() => expect(isProcessAlive(meili)).toBe(false), { timeout: 5000, interval: 50 });

    const next = await startServer();
    await expectHealthy(next.url);
    expect(JSON.parse(readFileSync(path.join(dataDir, DATA_DIR_LOCK_FILE), 'utf8')).pid).toBe(next.child.pid);
  });

  it('stops a Meilisearch left running on its data directory before starting its own', async () => {
    // What a server killed with no chance to stop its Meilisearch leaves: one still running on its data.
    const leftover = spawn(
      resolveMeilisearchBinary(),
      ['--db-path', path.join(meiliDir(), 'data.ms'), '--http-addr', '127.0.0.1:0', '--no-analytics'],
      { cwd: dataDir, stdio: 'ignore' },
    );
    spawned.push(leftover);
    const leftoverExit = new Promise((resolve) => leftover.once('exit', resolve));
    await vi.waitFor(() => readFileSync(path.join(meiliDir(), 'data.ms', 'VERSION'), 'utf8'), {
      timeout: 10_000,
      interval: 50,
    });
    writeFileSync(path.join(meiliDir(), MEILISEARCH_PID_FILE), `${leftover.pid}\n`);

    const server = await startServer();

    await leftoverExit;
    expect(isProcessAlive(leftover.pid!)).toBe(false);
    expect(meiliPid()).not.toBe(leftover.pid);
    expect(isProcessAlive(meiliPid())).toBe(true);
    await expectHealthy(server.url);
  });
});

/** A client that sent half a request's headers: the server's close waits for it (up to its headers timeout). */
async function holdHalfARequest(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
  await once(socket, 'connect');
  socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
  return socket;
}

describe('a shutdown, once begun', () => {
  it('ends the process and its Meilisearch within 10 s whatever it waits on', async () => {
    const server = await startServer();
    const meili = meiliPid();
    const client = await holdHalfARequest(server.url);
    try {
      const started = Date.now();
      const code = await server.stop();

      expect(Date.now() - started).toBeLessThan(STOP_LIMIT_MS);
      expect(code).toBe(1);
      await vi.waitFor(() => expect(isProcessAlive(meili)).toBe(false), { timeout: 1000, interval: 50 });
    } finally {
      client.destroy();
    }
  });

  it('ends at once on a second signal', async () => {
    const server = await startServer({ LOG_LEVEL: 'info' });
    const meili = meiliPid();
    const client = await holdHalfARequest(server.url);
    try {
      const exited = once(server.child, 'exit');
      server.child.kill('SIGTERM');
      await vi.waitFor(() => expect(server.output()).toContain('shutting down'), { timeout: 5000, interval: 20 });
      const started = Date.now();
      server.child.kill('SIGINT');
      const [code] = await exited;

      expect(Date.now() - started).toBeLessThan(2000);
      expect(code).toBe(130);
      await vi.waitFor(() => expect(isProcessAlive(meili)).toBe(false), { timeout: 1000, interval: 50 });
    } finally {
      client.destroy();
    }
  });
});

interface PnpmStart {
  child: ChildProcess;
  /** `pnpm start` and everything below it, once the server listens. */
  processes: ProcessInfo[];
}

/** Runs the README's `pnpm start` in a process group of its own, and resolves once the server listens. */
async function pnpmStart(): Promise<PnpmStart> {
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DEMO_SITES: 'off', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`pnpm start exited with ${code}:\n${output}`))),
  );
  const url = await Promise.race([
    exited,
    vi.waitFor(
      () => {
        const match = output.match(/running at (http:\/\/\S+?)\/?\s/);
        if (!match) throw new Error(`not listening yet:\n${output}`);
        return match[1]!;
      },
      { timeout: 180_000, interval: 100 },
    ),
  ]);
  await expectHealthy(url);
  const processes = processTree(child.pid!);
  expect(processes.map((p) => p.command).join('\n')).toMatch(/server\/dist\/server\.js[\s\S]*meilisearch --db-path/);
  return { child, processes };
}

describe('stopping `pnpm start`', () => {
  it('SIGTERM to pnpm stops the server and its Meilisearch within 10 s', { timeout: 240_000 }, async () => {
    const { child, processes } = await pnpmStart();

    child.kill('SIGTERM');

    await expectAllGone(processes, STOP_LIMIT_MS);
    expect(() => readFileSync(path.join(dataDir, DATA_DIR_LOCK_FILE))).toThrow(/ENOENT/);
  });

  it('SIGTERM to its whole process group while the reader of its output exits stops every process within 10 s', {
    timeout: 240_000,
  }, async () => {
    const { child, processes } = await pnpmStart();

    child.stdout?.destroy();
    child.stderr?.destroy();
    process.kill(-child.pid!, 'SIGTERM');

    await expectAllGone(processes, STOP_LIMIT_MS);
  });
});
