import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The server's entry point (`server/src/server.ts`) running as its own process, as `pnpm start` runs it. */
export interface ServerProcess {
  child: ChildProcess;
  /** Its `DATA_DIR`. */
  dataDir: string;
  /** The URL the server printed, without a trailing slash. */
  url: string;
  /** Everything the server wrote to stdout so far. */
  stdout(): string;
  /** What it wrote so far, stdout then stderr. */
  output(): string;
  /** Resolves with the first stdout match of `pattern`; rejects when the process exits first. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
  /** Kills what is left and removes the data dir (unless the caller gave it as `DATA_DIR`). */
  cleanup(): void;
}

/**
 * Starts the server entry on a free port with a fresh data dir (or the `DATA_DIR` of `env`), and resolves once it
 * printed its URL. Its store and index are what `env` names: the SQLite file of its data dir and the embedded
 * Meilisearch unless `env` sets `DATABASE_URL` (PostgreSQL, with the crawl queue) or `MEILI_URL`/`MEILI_URLS`
 * (external replicas, with `MEILI_MASTER_KEY`).
 * @throws Error with the server's output when it exits before.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const ownDataDir = env.DATA_DIR === undefined;
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'fieldguide-entry-'));
  // Only what `env` itself names: never a store or a Meilisearch this test process happens to have in its own.
  const {
    MEILI_URL: _url,
    MEILI_URLS: _urls,
    MEILI_MASTER_KEY: _key,
    DATABASE_URL: _database,
    ...inherited
  } = process.env;
  const childEnv: NodeJS.ProcessEnv = { ...inherited, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env };
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'server/src/server.ts'], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const waitForOutput = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = out.match(pattern);
        if (match) {
          child.stdout?.off('data', check);
          resolve(match);
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}\n${err}`)));
      check();
    });
  const cleanup = () => {
    child.kill('SIGKILL');
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const [, url] = await waitForOutput(/running at (http:\/\/\S+?)\/?\s/);
    return {
      child,
      dataDir,
      url: url!,
      stdout: () => out,
      waitForOutput,
      output: () => `${out}${err}`,
      cleanup,
      stop: () =>
        new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
