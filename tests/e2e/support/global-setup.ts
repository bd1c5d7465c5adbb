import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp } from './build-web.js';
import { describeChromium, findChromium } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the production build of the web app, made once per run; pass it to `buildApp({ webRoot })`. */
    webRoot: string;
  }
}

/** Says which Chromium the browser specs will use, unpacking the packaged one now rather than in each worker. */
async function reportChromium(): Promise<void> {
  try {
    console.info(`Browser specs use ${describeChromium(await findChromium())}`);
  } catch (error) {
    // Integration tests need no browser: only the browser specs fail, each with this message.
    console.warn(error instanceof Error ? error.message : error);
  }
}

/**
 * Builds the web app once for the whole `tests` project and removes the build when the run ends; finds the
 * browser the specs drive.
 */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-web-'));
  await Promise.all([buildWebApp(outDir), reportChromium()]);
  project.provide('webRoot', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
