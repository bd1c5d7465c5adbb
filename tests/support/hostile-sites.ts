import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { hostile } from '@fieldguide/crawlers/testing';

type RequestLogEntry = hostile.RequestLogEntry;

/** One hostile site as the test sees it: where it is, and (after the crawl) what it served. */
export interface HostileSite {
  origin: string;
  url(path: string): string;
}

/** The hostile fixture sites of `hostile-sites-child.ts`, running in their own process. */
export interface HostileSites {
  a: HostileSite;
  b: HostileSite;
  /** Every request each site saw, in arrival order. */
  logs(): Promise<{ a: RequestLogEntry[]; b: RequestLogEntry[] }>;
  close(): Promise<void>;
}

const site = (origin: string): HostileSite => ({ origin, url: (p) => new URL(p, origin).href });

/** Starts the hostile sites in a child process and resolves once they listen. */
export async function startHostileSites(): Promise<HostileSites> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', path.join(import.meta.dirname, 'hostile-sites-child.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const newline = out.indexOf('\n');
      if (newline >= 0) resolve(out.slice(0, newline));
    });
    child.once('exit', (code) => reject(new Error(`hostile sites exited with ${code} before listening`)));
  });
  const where = JSON.parse(first) as { a: string; b: string; control: string };
  return {
    a: site(where.a),
    b: site(where.b),
    async logs() {
      const res = await fetch(`${where.control}/logs`);
      return (await res.json()) as { a: RequestLogEntry[]; b: RequestLogEntry[] };
    },
    async close() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
