import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Resolves with the first stdout match of `pattern`; rejects when the process exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const match = out.match(pattern);
      if (match) resolve(match);
    });
    child.stderr?.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}\n${err}`)));
  });
}

describe('the server entry point with DEMO_SITES=on', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-entry-demo-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('crawls the bundled demo sites after listening, so searches find events with no internet', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO_SITES: 'on',
      OUTBOX_DRAIN_INTERVAL_MS: '200',
    };
    delete env.MEILI_URL;
    delete env.MEILI_MASTER_KEY;
    child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'server/src/server.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [, url] = await waitForLine(child, /running at (http:\/\/\S+?)\/?\s/);
    await waitForLine(child, /Crawling \d+ bundled demo sites/);

    let total = 0;
    const deadline = Date.now() + 90_000;
    while (total < 20 && Date.now() < deadline) {
      const res = await fetch(`${url}/api/search?limit=1`);
      expect(res.status).toBe(200);
      total = ((await res.json()) as { total: number }).total;
      if (total < 20) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(total, 'upcoming demo events found by search').toBeGreaterThanOrEqual(20);
    const fields = (await (await fetch(`${url}/api/fields`)).json()) as { total: number };
    expect(fields.total).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
