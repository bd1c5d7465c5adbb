import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** How a `fieldguide` command ended and what it printed. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A `fieldguide` command left running (a worker): what it printed so far, and how it ended. */
export interface CliProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr as they came. */
  output(): string;
  /** Resolves with its exit code (`null` when a signal ended it). */
  exited: Promise<number | null>;
}

/** Spawns `fieldguide <args>` the way `pnpm fieldguide` runs it, with `env` over the test's environment. */
function spawnCli(args: readonly string[], env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'crawlers/src/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `fieldguide <args>` the way `pnpm fieldguide` does, with `env` over the test's environment. */
export function runFieldguide(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts `fieldguide <args>` and returns at once, for a command that runs until stopped (`worker`). A variable set
 * to `undefined` in `env` is left out of its environment.
 */
export function startFieldguide(args: readonly string[], env: Record<string, string | undefined>): CliProcess {
  const child = spawnCli(args, env);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk;
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}
