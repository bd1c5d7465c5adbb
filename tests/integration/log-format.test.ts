import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The start-up announcement the entry prints for people, beside the log lines. */
const ANNOUNCEMENT = /^Fieldguide is running at /;

/** The lines of a server's stdout that are log lines. */
function logLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line !== '' && !ANNOUNCEMENT.test(line));
}

/** Pids of a process's children (Linux). */
function childPids(pid: number): number[] {
  return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
}

const killQuietly = (pid: number | undefined) => {
  try {
    if (pid !== undefined) process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

/**
 * Runs the server entry on a terminal (util-linux `script` gives it a pseudo-terminal), asks for /health, stops it
 * with SIGTERM and returns what the terminal showed.
 */
async function terminalOutput(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-tty-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', DATA_DIR: dataDir, DEMO_SITES: 'off', LOG_LEVEL: 'info' };
  delete env.LOG_FORMAT;
  const command = `${process.execPath} --conditions=source --import tsx server/src/server.ts`;
  const terminal = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  terminal.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const exited = new Promise((resolve) => terminal.once('exit', resolve));
  let server: number | undefined;
  try {
    const url = await vi.waitFor(
      () => {
        const match = out.match(/running at (http:\/\/\S+?)\/?\s/);
        if (!match?.[1]) throw new Error(`no URL yet:\n${out}`);
        return match[1];
      },
      { timeout: 60_000, interval: 100 },
    );
    expect((await fetch(`${url}/health`)).status).toBe(200);
    [server] = childPids(terminal.pid ?? 0);
    process.kill(server ?? 0, 'SIGTERM');
    await exited;
    return out.replaceAll('\r', '');
  } finally {
    killQuietly(server);
    killQuietly(terminal.pid);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the server entry point’s logs', () => {
  let server: ServerProcess | undefined;
  afterEach(() => server?.cleanup());

  it('are JSON lines when stdout is not a terminal', async () => {
    server = await startServerProcess({ DEMO_SITES: 'off', LOG_LEVEL: 'info' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await server.stop()).toBe(0);

    const records = logLines(server.stdout()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const record of records) expect(record).toMatchObject({ level: expect.any(Number), msg: expect.any(String) });
    expect(records).toContainEqual(
      expect.objectContaining({ msg: 'incoming request', req: expect.objectContaining({ url: '/health' }) }),
    );
    expect(records).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal: 'SIGTERM' }));
  });

  it('are readable, colored lines on a terminal', async () => {
    const lines = logLines(await terminalOutput());

    const info = (message: string) => `\u001b[32mINFO\u001b[39m: \u001b[36m${message}\u001b[39m`;
    expect(lines.some((line) => line.endsWith(info('incoming request')))).toBe(true);
    expect(
      lines.some((line) => /^\[\d{2}:\d{2}:\d{2}\.\d{3}\] /.test(line) && line.endsWith(info('shutting down'))),
    ).toBe(true);
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
  });

  it('are readable lines with LOG_FORMAT=pretty, even into a pipe', async () => {
    server = await startServerProcess({ DEMO_SITES: 'off', LOG_LEVEL: 'info', LOG_FORMAT: 'pretty' });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(await server.stop()).toBe(0);

    const lines = logLines(server.stdout());
    const stamped = (message: string) => new RegExp(`^\\[\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\] INFO: ${message}$`);
    expect(lines.some((line) => stamped('incoming request').test(line))).toBe(true);
    expect(lines.some((line) => stamped('shutting down').test(line))).toBe(true);
    expect(lines).toContain('    signal: "SIGTERM"');
    expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
  });
});
