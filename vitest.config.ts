import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources under the "source" export condition,
// so tests need no build step.
const conditions = ['source', 'module', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    projects: [
      { extends: true, test: { name: 'shared', root: 'shared', environment: 'node' } },
      { extends: true, test: { name: 'crawlers', root: 'crawlers', environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'server', root: 'server', environment: 'node', testTimeout: 30_000, hookTimeout: 60_000 } },
      { extends: true, test: { name: 'tests', root: 'tests', environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 } },
    ],
  },
});
