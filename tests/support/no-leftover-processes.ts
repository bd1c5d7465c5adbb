import { randomBytes } from 'node:crypto';
import { type ProcessInfo, processesWithEnv } from './processes.js';

/** Set for the whole test run; every process a test starts inherits it, so it can be told from anyone else's. */
const MARKER = 'FIELDGUIDE_TEST_RUN';
const SETTLE_MS = 5000;
const POLL_MS = 100;

/**
 * A vitest global setup: marks the run's environment, and after the run fails naming every process started by it
 * (a Meilisearch, a Chromium, a server) that is still alive. Other people's processes on the machine carry no mark.
 */
export default function setup() {
  process.env[MARKER] ??= `${process.pid}-${randomBytes(4).toString('hex')}`;
  const marker = process.env[MARKER];
  return async () => {
    const deadline = Date.now() + SETTLE_MS;
    let left = leftovers(marker);
    while (left.length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      left = leftovers(marker);
    }
    if (left.length > 0) {
      // They are ours (they carry the mark): stopped, so the next run starts clean.
      for (const p of left) kill(p.pid);
      // vitest reports an error thrown here without failing the run.
      process.exitCode = 1;
      throw new Error(
        `${left.length} process(es) started by this test run outlived it (now killed):\n` +
          left.map((p) => `  pid ${p.pid}: ${p.command.slice(0, 300)}`).join('\n'),
      );
    }
  };
}

function leftovers(marker: string): ProcessInfo[] {
  // The runner and its workers carry the mark too, and end after this check.
  return processesWithEnv(MARKER, marker).filter((p) => p.pid !== process.pid && !/[\\/]vitest[\\/]/.test(p.command));
}

function kill(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone meanwhile.
  }
}
