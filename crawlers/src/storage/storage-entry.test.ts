import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./fixtures/loaded-packages.mjs', import.meta.url));
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/** Parsing libraries of the pipeline, which the API process should not load to open the store and the index. */
const PARSERS = ['cheerio', 'chrono-node', 'fast-xml-parser', 'ical.js', 'jsonrepair', 'iconv-lite', 'robots-parser'];

/** The npm packages that importing `specifier` loads in a fresh Node process. */
function loadedPackages(specifier: string): string[] {
  const child = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', script, specifier], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`importing ${specifier} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[]');
}

describe('@fieldguide/crawlers/storage', () => {
  it('loads the store and the index without any parsing library', () => {
    const loaded = loadedPackages('@fieldguide/crawlers/storage');
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'meilisearch']));
    expect(PARSERS.filter((name) => loaded.includes(name))).toEqual([]);
  });

  it('is told apart from the pipeline entry, which loads them', () => {
    const loaded = loadedPackages('@fieldguide/crawlers');
    expect(loaded).toEqual(expect.arrayContaining(PARSERS));
  });
});
