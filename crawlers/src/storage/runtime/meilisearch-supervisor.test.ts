import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIndex } from '../search-index/search-index.js';
import { resolveMeilisearchBinary } from './meilisearch-runtime.js';
import {
  type MeilisearchExit,
  type SupervisedMeilisearch,
  type SuperviseMeilisearchOptions,
  superviseMeilisearch,
} from './meilisearch-supervisor.js';

let dir: string;
const supervised: SupervisedMeilisearch[] = [];
const servers: Server[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fieldguide-supervisor-'));
});

afterEach(async () => {
  await Promise.all(supervised.splice(0).map((meili) => meili.stop()));
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  await rm(dir, { recursive: true, force: true });
});

interface Heard {
  exits: { exit: MeilisearchExit; restartInMs: number }[];
  failures: { error: unknown; retryInMs: number }[];
  restarts: string[];
}

async function supervise(options: Partial<SuperviseMeilisearchOptions> = {}) {
  const heard: Heard = { exits: [], failures: [], restarts: [] };
  const meili = await superviseMeilisearch({
    dataDir: join(dir, 'meili'),
    maxIndexingMemory: '256MiB',
    onExit: (exit, restartInMs) => heard.exits.push({ exit, restartInMs }),
    onRestartFailed: (error, retryInMs) => heard.failures.push({ error, retryInMs }),
    onRestart: (running) => heard.restarts.push(running.url),
    ...options,
  });
  supervised.push(meili);
  return { meili, heard };
}

/** SIGKILLs the current process and resolves once it has exited. */
async function kill(meili: SupervisedMeilisearch) {
  const child = meili.process;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

async function isListening(port: number): Promise<boolean> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', resolve);
    });
    return false;
  } catch {
    return true;
  } finally {
    probe.close();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const portOf = (url: string) => Number(new URL(url).port);

/**
 * A meilisearch binary that writes its pid to `<dir>/launched`, refuses to start while `<dir>/refuse` exists and
 * waits `<dir>/delay` seconds first when that file exists.
 */
async function wrappedBinary(): Promise<string> {
  const script = join(dir, 'meilisearch-wrapper.sh');
  await writeFile(
    script,
    [
      '#!/bin/sh',
      // Written whole, then renamed into place: a reader never sees the file empty (a pid of 0 would name the
      // reader's own process group).
      `echo $$ > '${join(dir, 'launched.tmp')}' && mv '${join(dir, 'launched.tmp')}' '${join(dir, 'launched')}'`,
      `[ -e '${join(dir, 'refuse')}' ] && exit 3`,
      `[ -e '${join(dir, 'delay')}' ] && sleep "$(cat '${join(dir, 'delay')}')"`,
      `exec '${resolveMeilisearchBinary()}' "$@"`,
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  return script;
}

describe('superviseMeilisearch', () => {
  it('starts Meilisearch again on the same port with the same data after each kill, and says so', async () => {
    const { meili, heard } = await supervise({ restartDelayMs: 20 });
    const { url, masterKey } = meili;
    const index = createIndex({ url, masterKey });
    try {
      await index.prepareIndex('event', 'kept');
      expect(meili.status()).toEqual({ state: 'running', restarts: 0 });
      const exitHooks = process.listenerCount('exit');

      for (let round = 1; round <= 3; round++) {
        const before = meili.process.pid;
        await kill(meili);
        expect(meili.status().state).toBe('restarting');
        await meili.ready();
        expect(meili.process.pid).not.toBe(before);
        expect(meili.url).toBe(url);
        expect(meili.status()).toMatchObject({ state: 'running', restarts: round, lastExit: { signal: 'SIGKILL' } });
        expect(await index.health()).toEqual({ status: 'available' });
      }
      expect(await index.listIndexes()).toContain('kept');
      expect(heard.exits.map(({ exit }) => exit)).toEqual(
        Array.from({ length: 3 }, () => ({ at: expect.any(String), code: null, signal: 'SIGKILL' })),
      );
      expect(heard.restarts).toEqual([url, url, url]);
      expect(heard.failures).toEqual([]);
      // What the runtime held for each dead process is released: restarts pile nothing up.
      expect(process.listenerCount('exit')).toBe(exitHooks);
    } finally {
      await index.close();
    }
  });

  it('doubles the pause after quick exits up to the bound, and goes back to the first after a healthy run', async () => {
    const healthyAfterMs = 1500;
    const { meili, heard } = await supervise({ restartDelayMs: 20, maxRestartDelayMs: 70, healthyAfterMs });
    for (let round = 0; round < 4; round++) {
      await kill(meili);
      await meili.ready();
    }
    expect(heard.exits.map((e) => e.restartInMs)).toEqual([20, 40, 70, 70]);

    // What is tested here is time passing: a process that has run `healthyAfterMs` resets the pause.
    await sleep(healthyAfterMs);
    await kill(meili);
    await meili.ready();
    expect(heard.exits.at(-1)?.restartInMs).toBe(20);
  });

  it('keeps retrying a restart that fails, with growing pauses, until one succeeds', async () => {
    const binary = await wrappedBinary();
    const { meili, heard } = await supervise({ binary, restartDelayMs: 20, maxRestartDelayMs: 2000 });
    await writeFile(join(dir, 'refuse'), '');
    await kill(meili);
    await vi.waitFor(() => expect(heard.failures.length).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 20 });
    expect(meili.status()).toMatchObject({ state: 'restarting', restarts: 0 });
    expect(String(heard.failures[0]?.error)).toMatch(/exited \(3\) before it was available/);
    const pauses = heard.failures.map((f) => f.retryInMs);
    expect(pauses.slice(0, 3)).toEqual([40, 80, 160]);

    await rm(join(dir, 'refuse'));
    await meili.ready();
    expect(meili.status()).toMatchObject({ state: 'running', restarts: 1 });
    const index = createIndex(meili);
    try {
      expect(await index.health()).toEqual({ status: 'available' });
    } finally {
      await index.close();
    }
  });

  it('moves to another port when the old one was taken meanwhile', async () => {
    const { meili, heard } = await supervise({ restartDelayMs: 300 });
    const oldPort = portOf(meili.url);
    const taker = createServer();
    servers.push(taker);
    const exited = once(meili.process, 'exit');
    meili.process.kill('SIGKILL');
    await exited;
    await new Promise<void>((resolve) => taker.listen(oldPort, '127.0.0.1', resolve));

    await meili.ready();
    expect(portOf(meili.url)).not.toBe(oldPort);
    expect(heard.restarts).toEqual([meili.url]);
    const index = createIndex(meili);
    try {
      expect(await index.health()).toEqual({ status: 'available' });
    } finally {
      await index.close();
    }
  });

  it('never restarts after stop(), neither from a pending pause nor from a start under way', async () => {
    const pending = await supervise({ restartDelayMs: 60_000 });
    const pendingPort = portOf(pending.meili.url);
    await kill(pending.meili);
    expect(pending.meili.status().state).toBe('restarting');
    const waiting = expect(pending.meili.ready()).rejects.toThrow(/stopped/);
    await pending.meili.stop();
    await waiting;
    expect(pending.meili.status().state).toBe('stopped');
    expect(await isListening(pendingPort)).toBe(false);

    await rm(join(dir, 'meili'), { recursive: true, force: true });
    const binary = await wrappedBinary();
    const underway = await supervise({ binary, restartDelayMs: 0 });
    const underwayPort = portOf(underway.meili.url);
    await writeFile(join(dir, 'delay'), '1');
    await rm(join(dir, 'launched'));
    await kill(underway.meili);
    await vi.waitFor(() => expect(existsSync(join(dir, 'launched'))).toBe(true), { timeout: 5000, interval: 10 });
    await underway.meili.stop();
    expect(underway.meili.status().state).toBe('stopped');
    expect(underway.heard.restarts).toEqual([]);
    expect(await isListening(underwayPort)).toBe(false);
    expect(underway.meili.process.exitCode !== null || underway.meili.process.signalCode !== null).toBe(true);
  });

  it('bounds how long stop() waits for a start under way, which then stops what it started', async () => {
    const binary = await wrappedBinary();
    const { meili, heard } = await supervise({ binary, restartDelayMs: 0, stopGraceMs: 300 });
    await writeFile(join(dir, 'delay'), '2');
    await rm(join(dir, 'launched'));
    await kill(meili);
    await vi.waitFor(() => expect(existsSync(join(dir, 'launched'))).toBe(true), { timeout: 5000, interval: 10 });
    const pid = Number((await readFile(join(dir, 'launched'), 'utf8')).trim());
    expect(pid).toBeGreaterThan(1);

    const stopping = Date.now();
    await meili.stop();
    expect(Date.now() - stopping).toBeLessThan(1500);
    expect(isAlive(pid)).toBe(true);
    await vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 20_000, interval: 50 });
    expect(heard.restarts).toEqual([]);
  });

  it('stops for good: a stopped Meilisearch is not started again', async () => {
    const { meili, heard } = await supervise({ restartDelayMs: 0 });
    const port = portOf(meili.url);
    await meili.stop();
    expect(meili.status()).toEqual({ state: 'stopped', restarts: 0 });
    expect(heard.exits).toEqual([]);
    expect(await isListening(port)).toBe(false);
    await meili.stop();
  });
});
