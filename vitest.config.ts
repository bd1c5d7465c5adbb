import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources under the "source" export condition, so tests
// need no build step. Only Vite's own resolution gets it: dependencies loaded by Node keep Node's defaults.
const conditions = ['source', ...defaultServerConditions];
// Fails the run naming any process a test started (Meilisearch, Chromium, a server) that outlived it.
const noLeftoverProcesses = path.resolve(import.meta.dirname, 'tests/support/no-leftover-processes.ts');

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    // Most test files spend their time waiting on the processes they start (Meilisearch, PostgreSQL, Chromium,
    // servers), so even a 2-core machine runs two files at once (Vitest's default there is one).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'shared', root: 'shared', environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'crawlers',
          root: 'crawlers',
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: [noLeftoverProcesses],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          root: 'server',
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: [noLeftoverProcesses],
        },
      },
      {
        extends: true,
        test: {
          name: 'tests',
          root: 'tests',
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Builds the web app once for the end-to-end specs; they read its folder with inject('webRoot').
          globalSetup: ['e2e/support/global-setup.ts', noLeftoverProcesses],
        },
      },
      {
        extends: true,
        test: { name: 'web', root: 'web', environment: 'happy-dom', setupFiles: ['src/testing/setup.ts'] },
      },
    ],
  },
});
