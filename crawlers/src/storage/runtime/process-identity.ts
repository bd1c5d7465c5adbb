import { readFileSync } from 'node:fs';

/**
 * When a process started, in clock ticks since boot (field 22 of `/proc/<pid>/stat`): together with the pid it
 * names one process, so a pid recycled by another program is not mistaken for it. `undefined` when the process
 * does not exist, is a zombie, or there is no `/proc` (then {@link isProcessAlive} falls back to signal 0).
 */
export function processStartTime(pid: number): string | undefined {
  const stat = readProc(pid, 'stat');
  if (stat === undefined) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces or parentheses of its own.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  return fields[19];
}

/** Whether `pid` is a live process (not a zombie) and, when `startTime` is given, the same one as then. */
export function isProcessAlive(pid: number, startTime?: string): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (hasProc()) {
    const now = processStartTime(pid);
    return now !== undefined && (startTime === undefined || now === startTime);
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The arguments a process was started with (`/proc/<pid>/cmdline`), or `undefined` when it cannot be read. */
export function processArguments(pid: number): string[] | undefined {
  const cmdline = readProc(pid, 'cmdline');
  if (!cmdline) return undefined;
  return cmdline.replace(/\0$/, '').split('\0');
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

let procMounted: boolean | undefined;
function hasProc(): boolean {
  procMounted ??= readProc(process.pid, 'stat') !== undefined;
  return procMounted;
}
