import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createStore } from '@fieldguide/crawlers/storage';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSeedEvents } from '../support/seed-events.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** `nobody`: file permissions bind it, as they do not bind root. */
const NOBODY = 65534;
const TOKEN = 'test-admin-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const isRoot = process.getuid?.() === 0;

if (!isRoot) {
  console.warn(
    'store-readonly: not running as root, so the server cannot be started as another user; the read-only store ' +
      'test runs only as root (as the CI does).',
  );
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Fails with a clear message when `nobody` cannot read the repository (a checkout under a private home). */
function assertRepoReadableByNobody() {
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      'require("fs").accessSync(process.argv[1], require("fs").constants.R_OK)',
      path.join(repoRoot, 'server/src/server.ts'),
    ],
    { uid: NOBODY, gid: NOBODY, encoding: 'utf8' },
  );
  if (probe.status !== 0) {
    throw new Error(`user nobody (65534) cannot read ${repoRoot}; make the checkout world-readable: ${probe.stderr}`);
  }
}

interface ServerAsNobody {
  child: ChildProcess;
  /** Its `DATA_DIR`: the lock only. */
  lockDir: string;
  url: string;
  output: () => string;
}

/**
 * The server entry as `nobody`, over the store `storeFile` in `dataDir`'s place and an external Meilisearch;
 * resolves once it printed its URL. Its `DATA_DIR` (the lock) is a directory of its own that nobody may write.
 */
async function startServerAsNobody(storeFile: string, meili: TestMeilisearch): Promise<ServerAsNobody> {
  const lockDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-readonly-lock-'));
  chownSync(lockDir, NOBODY, NOBODY);
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'server/src/server.ts'], {
    cwd: repoRoot,
    uid: NOBODY,
    gid: NOBODY,
    env: {
      PATH: process.env.PATH,
      HOME: tmpdir(),
      PORT: '0',
      DATA_DIR: lockDir,
      DATABASE_PATH: storeFile,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: meili.prefix,
      ADMIN_TOKEN: TOKEN,
      // Asked for, the demo crawl is refused (it would save sources) and the server stays up.
      DEMO_SITES: 'on',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`the server did not start within 30 s:\n${out}`)), 30_000);
    const check = () => {
      const match = /running at (http:\/\/\S+?)\/?\s/.exec(out);
      if (!match?.[1]) return;
      clearTimeout(deadline);
      child.stdout?.off('data', check);
      resolve(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(deadline);
      reject(new Error(`the server exited with ${code}:\n${out}`));
    });
  });
  return { child, lockDir, url, output: () => out };
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** How the data directory is left for nobody: the file is read-only either way. */
const LAYOUTS = [
  {
    name: 'a read-only file in a directory nobody cannot write',
    prepare: (dataDir: string) => chmodSync(dataDir, 0o755),
  },
  {
    name: 'a read-only file in a directory nobody owns',
    prepare: (dataDir: string) => chownSync(dataDir, NOBODY, NOBODY),
  },
];

describe.runIf(isRoot).each(LAYOUTS)('a store the server cannot write (as user nobody): $name', ({ prepare }) => {
  let meili: TestMeilisearch;
  let dataDir: string;
  let storeFile: string;
  let before: string;
  let server: ServerAsNobody | undefined;
  const events = buildSeedEvents(new Date());

  beforeAll(async () => {
    assertRepoReadableByNobody();
    meili = await startTestMeilisearch();
    dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-readonly-'));
    storeFile = path.join(dataDir, 'fieldguide.sqlite');
    const store = createStore({ path: storeFile });
    store.upsertEvents(events);
    store.close();
    // Owned by root: nobody may read the file, and not write it.
    chmodSync(storeFile, 0o444);
    prepare(dataDir);
    before = sha256(storeFile);
    server = await startServerAsNobody(storeFile, meili);
  }, 60_000);

  afterAll(async () => {
    await stop(server?.child);
    await meili?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (server) rmSync(server.lockDir, { recursive: true, force: true });
  });

  it('starts, and warns at start-up that the store is read-only, without trying the demo crawl', async () => {
    expect(server?.output()).toMatch(/the store is read-only to this process/);
    await vi.waitFor(() => expect(server?.output()).toMatch(/the demo sites cannot be saved and crawled/), {
      timeout: 10_000,
      interval: 50,
    });
  });

  it('reports it in /health: degraded, store answering with writable false, still 200', async () => {
    const res = await fetch(`${server?.url}/health`);
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({
      status: 'degraded',
      store: { ok: true, events: events.length, writable: false, error: expect.stringContaining('read-only') },
      index: { ok: true },
    });
  });

  it('serves reads from it', async () => {
    const event = events[0];
    const res = await fetch(`${server?.url}/api/events/${event?.id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).title).toBe(event?.title);
    const sources = await fetch(`${server?.url}/api/admin/sources`, { headers: auth });
    expect(sources.status).toBe(200);
  });

  it('answers every change 503 ERR_STORE_READONLY, JSON, and the file stays as it was', async () => {
    for (const [method, url, body] of [
      ['POST', '/api/admin/sources', { url: 'https://example.org/events' }],
      ['PATCH', '/api/admin/sources/some-source', { enabled: false }],
      ['POST', '/api/admin/sources/some-source/check', {}],
      ['POST', '/api/admin/crawls', {}],
      ['POST', '/api/suggestions', { url: 'https://example.org/events' }],
      ['POST', '/api/admin/suggestions/1/accept', {}],
      ['POST', '/api/admin/suggestions/1/refuse', { reason: 'not events' }],
    ] as const) {
      const res = await fetch(`${server?.url}${url}`, { method, headers: auth, body: JSON.stringify(body) });
      expect(res.status, `${method} ${url}`).toBe(503);
      expect(await res.json()).toMatchObject({
        statusCode: 503,
        code: 'ERR_STORE_READONLY',
        message: expect.stringContaining('read-only'),
      });
    }
    expect(sha256(storeFile)).toBe(before);
  });
});
