import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebApp } from './build-web.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the production build of the web app, made once per run; pass it to `buildApp({ webRoot })`. */
    webRoot: string;
  }
}

/** Builds the web app once for the whole `tests` project and removes the build when the run ends. */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-web-'));
  await buildWebApp(outDir);
  project.provide('webRoot', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
