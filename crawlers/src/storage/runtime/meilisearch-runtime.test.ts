import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIndex } from '../search-index/search-index.js';
import {
  defaultIndexingMemory,
  defaultIndexingThreads,
  MEILISEARCH_PID_FILE,
  MeilisearchStartError,
  type RunningMeilisearch,
  resolveMeilisearchBinary,
  startMeilisearch,
} from './meilisearch-runtime.js';
import { isProcessAlive } from './process-identity.js';

let dataDir: string;
const running: RunningMeilisearch[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fieldguide-runtime-'));
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((meili) => meili.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

async function start(options: Partial<Parameters<typeof startMeilisearch>[0]> = {}) {
  const meili = await startMeilisearch({ dataDir, ...options });
  running.push(meili);
  return meili;
}

const get = async (url: string, key?: string) => {
  const response = await request(url, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
};

describe('startMeilisearch', () => {
  it('starts on a free loopback port, in production mode with a generated key that it saves', async () => {
    const meili = await start();

    expect(meili.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await get(`${meili.url}/health`)).toEqual({ status: 200, body: { status: 'available' } });
    expect((await readFile(join(dataDir, 'master-key'), 'utf8')).trim()).toBe(meili.masterKey);
    expect(Buffer.byteLength(meili.masterKey)).toBeGreaterThanOrEqual(16);
    expect((await get(`${meili.url}/indexes`)).status).toBe(401);
    expect((await get(`${meili.url}/indexes`, meili.masterKey)).status).toBe(200);
    expect(await readFile(join(dataDir, 'meilisearch.log'), 'utf8')).toMatch(/Environment:\s+"production"/);
  });

  it('indexes with the threads and memory it is given, at the lowest CPU priority, and answers searches at normal priority', async () => {
    const meili = await start({ maxIndexingThreads: 2, maxIndexingMemory: '300MiB' });
    const pid = meili.process.pid!;

    const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    expect(args[args.indexOf('--max-indexing-threads') + 1]).toBe('2');
    expect(args[args.indexOf('--max-indexing-memory') + 1]).toBe('300MiB');
    const niceByThread = new Map<string, number[]>();
    for (const tid of await readdir(`/proc/${pid}/task`)) {
      const name = (await readFile(`/proc/${pid}/task/${tid}/comm`, 'utf8')).trim();
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // Field 19 of stat is the nice value; fields are counted after the parenthesised name.
      const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      niceByThread.set(name, [...(niceByThread.get(name) ?? []), nice]);
    }
    expect(niceByThread.get('indexing-thread')).toEqual([19, 19]);
    expect(niceByThread.get('scheduler')).toEqual([19]);
    expect(niceByThread.get('meilisearch')).toEqual([0]);
    expect(niceByThread.get('actix-rt|system')?.every((nice) => nice === 0)).toBe(true);
  });

  it('sizes indexing to the machine by default: every core, a quarter of the RAM', () => {
    expect(defaultIndexingThreads()).toBe(availableParallelism());
    expect(defaultIndexingMemory(24 * 2 ** 30)).toBe('6144MiB');
    expect(defaultIndexingMemory(512 * 2 ** 20)).toBe('256MiB');
  });

  it('reuses the saved key and data after a restart', async () => {
    const first = await start();
    const index = createIndex({ url: first.url, masterKey: first.masterKey });
    await index.prepareIndex('event', 'kept');
    await index.close();
    await first.stop();
    expect(first.process.exitCode !== null || first.process.signalCode !== null).toBe(true);

    const second = await start();
    expect(second.masterKey).toBe(first.masterKey);
    expect((await get(`${second.url}/indexes/kept`, second.masterKey)).body.uid).toBe('kept');
  });

  it('fails with the log tail when Meilisearch exits at start', async () => {
    const error = await start({ maxIndexingMemory: 'lots' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MeilisearchStartError);
    expect((error as Error).message).toMatch(/exited .* before it was available/);
    expect((error as Error).message).toMatch(/max-indexing-memory|lots/i);
  });

  it('reports a binary that exits at once as exited, every time, not after the start timeout', async () => {
    const binary = join(dataDir, 'exits-at-once');
    await writeFile(binary, '#!/bin/sh\necho "refusing to start" >&2\nexit 3\n', { mode: 0o755 });

    for (let attempt = 0; attempt < 20; attempt++) {
      const error = await start({ binary, startTimeoutMs: 3000 }).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(/exited \(3\) before it was available[\s\S]*refusing to start/);
    }
  });

  it('runs in development mode with a short key, and stop() twice is fine', async () => {
    const meili = await start({ masterKey: 'short' });

    expect(meili.masterKey).toBe('short');
    expect(await readFile(join(dataDir, 'meilisearch.log'), 'utf8')).toMatch(/Environment:\s+"development"/);
    expect((await get(`${meili.url}/indexes`, 'short')).status).toBe(200);
    await meili.stop();
    await meili.stop();
    expect(meili.process.exitCode !== null || meili.process.signalCode !== null).toBe(true);
  });
});

describe('one Meilisearch per data dir, none outliving its owner', () => {
  const pidFile = () => join(dataDir, MEILISEARCH_PID_FILE);

  it('names the running Meilisearch in a pid file, removed when it stops', async () => {
    const meili = await start();
    expect(Number(await readFile(pidFile(), 'utf8'))).toBe(meili.process.pid);

    await meili.stop();
    await expect(readFile(pidFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('stops a Meilisearch left running on the same data dir before starting its own', async () => {
    const leftover = await startMeilisearch({ dataDir });
    const leftoverExit = new Promise((resolve) => leftover.process.once('exit', resolve));
    const stopped: number[] = [];

    const meili = await start({ onLeftoverStopped: (pid) => stopped.push(pid) });

    expect(stopped).toEqual([leftover.process.pid]);
    await leftoverExit;
    expect(Number(await readFile(pidFile(), 'utf8'))).toBe(meili.process.pid);
    expect(await get(`${meili.url}/health`)).toEqual({ status: 200, body: { status: 'available' } });
  });

  it('leaves alone a process whose pid the file names but that runs on another data dir', async () => {
    const other = await mkdtemp(join(tmpdir(), 'fieldguide-runtime-other-'));
    try {
      const elsewhere = await startMeilisearch({ dataDir: other });
      running.push(elsewhere);
      await writeFile(pidFile(), `${elsewhere.process.pid}\n`);

      await start();
      expect(isProcessAlive(elsewhere.process.pid!)).toBe(true);
    } finally {
      await Promise.all(running.splice(0).map((meili) => meili.stop()));
      await rm(other, { recursive: true, force: true });
    }
  });

  it.each(['auto', 'watchdog'] as const)('dies with its owner killed outright (orphan guard %s)', async (guard) => {
    const holder = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'src/storage/runtime/fixtures/hold-meilisearch.ts', dataDir, guard],
      { cwd: resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let pid: number | undefined;
    try {
      const line = await new Promise<string>((resolveLine, reject) => {
        let out = '';
        holder.stdout.on('data', (chunk) => {
          out += chunk;
          if (out.includes('\n')) resolveLine(out);
        });
        holder.once('exit', (code) => reject(new Error(`holder exited with ${code}: ${out}`)));
      });
      const started = JSON.parse(line) as { pid: number; orphanGuard: string };
      pid = started.pid;
      expect(started.orphanGuard).toBe(guard === 'auto' ? 'pdeathsig' : 'watchdog');
      expect(isProcessAlive(pid)).toBe(true);
      holder.kill('SIGKILL');
      await vi.waitFor(() => expect(isProcessAlive(started.pid)).toBe(false), { timeout: 5000, interval: 50 });
    } finally {
      holder.kill('SIGKILL');
      if (pid !== undefined && isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});

describe('resolveMeilisearchBinary', () => {
  it('returns an executable binary by default', () => {
    const binary = resolveMeilisearchBinary({});
    expect(() => accessSync(binary, constants.X_OK)).not.toThrow();
  });

  it('honours MEILI_BIN and refuses a file that cannot run', async () => {
    const script = join(dataDir, 'not-executable');
    await writeFile(script, 'plain text', { mode: 0o644 });

    expect(() => resolveMeilisearchBinary({ MEILI_BIN: script })).toThrow(MeilisearchStartError);
    await chmod(script, 0o755);
    expect(resolveMeilisearchBinary({ MEILI_BIN: script })).toBe(script);
  });
});
