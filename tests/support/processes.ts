import { readdirSync, readFileSync } from 'node:fs';

/** A process as `/proc` shows it. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Its arguments joined by spaces. */
  command: string;
}

/** Every live process of this machine that `/proc` lets us read (zombies left out). */
export function listProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readProc(entry, 'stat');
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') continue;
    const command = (readProc(entry, 'cmdline') ?? '').replace(/\0$/, '').replaceAll('\0', ' ');
    processes.push({ pid: Number(entry), ppid: Number(fields[1]), command });
  }
  return processes;
}

/** `pid` and every process below it, as they are now. */
export function processTree(pid: number): ProcessInfo[] {
  const all = listProcesses();
  const tree = all.filter((p) => p.pid === pid);
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i]!.pid));
  return tree;
}

/** Those of `processes` still alive (a zombie counts as gone). */
export function stillAlive(processes: readonly ProcessInfo[]): ProcessInfo[] {
  const alive = new Set(listProcesses().map((p) => p.pid));
  return processes.filter((p) => alive.has(p.pid));
}

/** Live processes whose environment holds `name=value`: only our own are readable. */
export function processesWithEnv(name: string, value: string): ProcessInfo[] {
  const needle = `\0${name}=${value}\0`;
  return listProcesses().filter((p) => `\0${readProc(String(p.pid), 'environ') ?? ''}`.includes(needle));
}

function readProc(pid: string, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}
