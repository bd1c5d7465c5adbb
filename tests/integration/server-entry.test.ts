import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Resolves with the first stdout line matching `pattern`, or rejects when the process exits first. */
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
    child.on('exit', (code) =>
      reject(new Error(`server exited with ${code} before printing its URL:\n${out}\n${err}`)),
    );
  });
}

describe('the server entry point with embedded defaults', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-entry-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the bundled Meilisearch, prints its URL, answers /health and shuts down cleanly', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // An empty store would crawl the bundled demo sites; server-entry-demo.test.ts covers that.
      DEMO_SITES: 'off',
    };
    delete env.MEILI_URL;
    delete env.MEILI_MASTER_KEY;
    child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'server/src/server.ts'], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const [, url] = await waitForLine(child, /running at (http:\/\/\S+?)\/?\s/);
    const res = await fetch(`${url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', store: { ok: true }, index: { ok: true } });

    const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
