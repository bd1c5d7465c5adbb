import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = path.resolve(import.meta.dirname, '../..');
const DEPCRUISE = path.join(REPO, 'node_modules/.bin/depcruise');

/** Runs the repo's dependency rule over a tree as `pnpm deps` does, and reads back the violations it prints. */
function cruise(root: string): { status: number | null; violations: string[] } {
  const run = spawnSync(
    DEPCRUISE,
    [
      '--config',
      path.join(REPO, '.dependency-cruiser.cjs'),
      '--output-type',
      'err',
      'shared',
      'crawlers',
      'server',
      'web',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.error) throw run.error;
  const violations = [...run.stdout.matchAll(/^\s*error (\S+: \S+ → \S+)$/gm)].map((m) => m[1] as string);
  return { status: run.status, violations };
}

/** A package of the planted workspace: its name and its public entries, as the real ones declare them. */
const PACKAGES: Record<string, Record<string, string>> = {
  shared: { '.': './src/index.ts' },
  crawlers: { '.': './src/index.ts', './storage': './src/storage/index.ts' },
  server: { '.': './src/index.ts' },
  web: { '.': './src/index.ts' },
};

/**
 * A workspace shaped like ours with one wrong-way import per layer beside the imports each layer may make, so the
 * check is shown to fail on the first kind and pass the second.
 */
const PLANTED: Record<string, string> = {
  'shared/src/index.ts': 'export const event = 1;\n',
  'shared/src/wrong.ts': "import { app } from '@fieldguide/server';\nexport const x = app;\n",
  'crawlers/src/storage/index.ts': "import { event } from '@fieldguide/shared';\nexport const store = event;\n",
  'crawlers/src/storage/wrong.ts': "import { detect } from '../extract/detect.js';\nexport const y = detect;\n",
  'crawlers/src/extract/detect.ts': "import { store } from '../storage/index.js';\nexport const detect = store;\n",
  'crawlers/src/index.ts': "export { detect } from './extract/detect.js';\n",
  'server/src/index.ts': "import { store } from '@fieldguide/crawlers/storage';\nexport const app = store;\n",
  'server/src/routes/wrong.ts': "import { detect } from '@fieldguide/crawlers';\nexport const z = detect;\n",
  'server/src/crawls/run.ts': "import { detect } from '@fieldguide/crawlers';\nexport const run = detect;\n",
  'server/src/deep.ts': "import { store } from '../../crawlers/src/storage/index.js';\nexport const d = store;\n",
  'web/src/index.ts': "import { event } from '@fieldguide/shared';\nexport const ok = event;\n",
  'web/src/wrong.ts': "import { store } from '@fieldguide/crawlers/storage';\nexport const w = store;\n",
};

describe('the dependency rule (pnpm deps)', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'fieldguide-deps-'));
    copyFileSync(path.join(REPO, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
    mkdirSync(path.join(root, 'node_modules/@fieldguide'), { recursive: true });
    for (const [name, entries] of Object.entries(PACKAGES)) {
      const exports = Object.fromEntries(Object.entries(entries).map(([entry, file]) => [entry, { source: file }]));
      mkdirSync(path.join(root, name));
      writeFileSync(path.join(root, name, 'package.json'), JSON.stringify({ name: `@fieldguide/${name}`, exports }));
      symlinkSync(path.join(root, name), path.join(root, 'node_modules/@fieldguide', name), 'dir');
    }
    for (const [file, text] of Object.entries(PLANTED)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('fails on a wrong-way import in each layer, naming the rule, and on nothing else', () => {
    const { status, violations } = cruise(root);
    expect(status).not.toBe(0);
    expect(violations.sort()).toEqual(
      [
        'packages-through-their-entries: server/src/deep.ts → crawlers/src/storage/index.ts',
        'server-pipeline-only-where-crawls-run: server/src/routes/wrong.ts → crawlers/src/index.ts',
        'shared-imports-nothing-of-ours: shared/src/wrong.ts → server/src/index.ts',
        'storage-below-pipeline: crawlers/src/storage/wrong.ts → crawlers/src/extract/detect.ts',
        'web-imports-shared-only: web/src/wrong.ts → crawlers/src/storage/index.ts',
      ].sort(),
    );
  });
});
