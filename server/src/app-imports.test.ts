import { fileURLToPath } from 'node:url';
import { loadedPackages, PARSING_LIBRARIES } from '@fieldguide/crawlers/testing';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('the API process', () => {
  it('builds its app without the crawl pipeline: no parsing library is loaded until a crawl or discovery runs', () => {
    const loaded = loadedPackages(new URL('./app.ts', import.meta.url).href, packageDir);
    expect(loaded).toEqual(expect.arrayContaining(['better-sqlite3', 'fastify']));
    expect(PARSING_LIBRARIES.filter((name) => loaded.includes(name))).toEqual([]);
  });
});
