import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DATA_DIR_LOCK_FILE,
  type DataDirLock,
  DataDirLockedError,
  type DataDirOwner,
} from './data-dir-lock.js';
import { processStartTime } from './process-identity.js';

let dataDir: string;
const held: DataDirLock[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fieldguide-lock-'));
});

afterEach(async () => {
  for (const lock of held.splice(0)) lock.release();
  await rm(dataDir, { recursive: true, force: true });
});

function acquire(options: Partial<Parameters<typeof acquireDataDirLock>[1]> = {}) {
  const lock = acquireDataDirLock(dataDir, { command: 'server', ...options });
  held.push(lock);
  return lock;
}

const lockFile = () => join(dataDir, DATA_DIR_LOCK_FILE);
const writeLock = (owner: Partial<DataDirOwner>) =>
  writeFile(lockFile(), JSON.stringify({ since: '2026-01-01T00:00:00.000Z', command: 'server', ...owner }));

/**
 * Runs `fixtures/take-lock.ts` as the current user, or as `nobody` when that is root (whom no file mode stops).
 */
function takeLockAsUnprivilegedUser(dir: string) {
  const node = [
    process.execPath,
    '--conditions=source',
    '--import',
    'tsx',
    join(import.meta.dirname, 'fixtures/take-lock.ts'),
    dir,
  ];
  const asRoot = process.getuid?.() === 0;
  const [command, ...args] = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...node] : node;
  return spawnSync(command!, args, { cwd: join(import.meta.dirname, '../../../..'), encoding: 'utf8' });
}

/** The pid of a process that has exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '0']);
  return pid!;
}

describe('acquireDataDirLock', () => {
  it('writes this process, its start time and, once known, its URL into the lock file', async () => {
    const lock = acquire();
    lock.setUrl('http://127.0.0.1:4000');

    const saved = JSON.parse(await readFile(lockFile(), 'utf8')) as DataDirOwner;
    expect(saved).toMatchObject({ pid: process.pid, command: 'server', url: 'http://127.0.0.1:4000' });
    expect(saved.startTime).toBe(processStartTime(process.pid));
  });

  it('refuses a second owner while the first lives, naming it', () => {
    acquire().setUrl('http://127.0.0.1:4000');

    const error = (() => {
      try {
        acquire();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toContain(`in use by a Fieldguide server (pid ${process.pid}, since `);
    expect((error as Error).message).toContain('at http://127.0.0.1:4000');
  });

  it('takes over the lock of a process that is gone, and says so', async () => {
    const pid = deadPid();
    await writeLock({ pid });
    const stale: DataDirOwner[] = [];

    const lock = acquire({ onStaleLock: (previous) => stale.push(previous) });

    expect(stale.map((owner) => owner.pid)).toEqual([pid]);
    expect(lock.owner.pid).toBe(process.pid);
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock whose pid now belongs to another process (a different start time)', async () => {
    await writeLock({ pid: process.pid, startTime: '1' });

    expect(acquire().owner.pid).toBe(process.pid);
  });

  it('takes over an unreadable lock file', async () => {
    await writeFile(lockFile(), 'not json');

    expect(acquire().owner.pid).toBe(process.pid);
  });

  it('says so when the data directory cannot be written', async () => {
    await chmod(dataDir, 0o555);
    const run = takeLockAsUnprivilegedUser(dataDir);

    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^DataDirUnwritableError: cannot take .* \(EACCES\): the data directory must be writable/,
    );
  });

  it('removes the lock on release, and only its own', async () => {
    const lock = acquire();
    lock.release();
    await expect(readFile(lockFile())).rejects.toMatchObject({ code: 'ENOENT' });

    await writeLock({ pid: 1, since: 'someone else' });
    lock.release();
    expect(JSON.parse(await readFile(lockFile(), 'utf8')).since).toBe('someone else');
  });
});
