import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadedPackages, PARSING_LIBRARIES } from '../testing/loaded-packages.js';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

describe('@fieldguide/crawlers/storage', () => {
  it('loads the store and the index without any parsing library', () => {
    const loaded = loadedPackages('@fieldguide/crawlers/storage', packageDir);
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'meilisearch']));
    expect(PARSING_LIBRARIES.filter((name) => loaded.includes(name))).toEqual([]);
  });

  it('is told apart from the pipeline entry, which loads them', () => {
    const loaded = loadedPackages('@fieldguide/crawlers', packageDir);
    expect(loaded).toEqual(expect.arrayContaining([...PARSING_LIBRARIES]));
  });
});
