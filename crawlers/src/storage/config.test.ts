import { describe, expect, it } from 'vitest';
import { ConfigError, loadStorageConfig, needsDataDirLock } from './config.js';

describe('the embedded Meilisearch indexing settings', () => {
  it('are unset by default, so the runtime sizes them to the machine', () => {
    const { meili } = loadStorageConfig({});
    expect(meili.maxIndexingMemory).toBeUndefined();
    expect(meili.maxIndexingThreads).toBeUndefined();
  });

  it('read a size in MiB or GiB and a whole number of threads', () => {
    const { meili } = loadStorageConfig({ MEILI_MAX_INDEXING_MEMORY: '4GiB', MEILI_MAX_INDEXING_THREADS: '3' });
    expect(meili).toMatchObject({ maxIndexingMemory: '4GiB', maxIndexingThreads: 3 });
  });

  it('refuse anything else, naming both variables', () => {
    for (const [memory, threads] of [
      ['4GB', '0'],
      ['lots', '-2'],
      ['0MiB', 'all'],
    ]) {
      const error = (() => {
        try {
          loadStorageConfig({ MEILI_MAX_INDEXING_MEMORY: memory, MEILI_MAX_INDEXING_THREADS: threads });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((problem) => problem.split(':')[0])).toEqual([
        'MEILI_MAX_INDEXING_MEMORY',
        'MEILI_MAX_INDEXING_THREADS',
      ]);
    }
  });
});

describe('DATABASE_URL', () => {
  it('selects PostgreSQL for a postgres:// or postgresql:// URL, and the SQLite file otherwise', () => {
    expect(loadStorageConfig({}).databaseUrl).toBeUndefined();
    for (const url of ['postgres://fg:secret@db.internal:5432/fieldguide', 'postgresql://db.internal/fieldguide']) {
      expect(loadStorageConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    }
  });

  it('refuses anything else with a clear error that does not show the password', () => {
    for (const url of ['mysql://fg:secret@db/fieldguide', 'db.internal:5432', 'postgres://', 'postgres://fg:secret@']) {
      const error = (() => {
        try {
          loadStorageConfig({ DATABASE_URL: url });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, url).toBeInstanceOf(ConfigError);
      const [problem] = (error as ConfigError).problems;
      expect(problem).toMatch(/^DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
      expect(problem).not.toContain('secret');
    }
  });
});

describe('needsDataDirLock', () => {
  it('is false only with PostgreSQL and an external Meilisearch, where nothing lives in the data directory', () => {
    const postgres = 'postgres://db.internal/fieldguide';
    const external = { MEILI_URL: 'http://meili:7700', MEILI_MASTER_KEY: 'k' };
    expect(needsDataDirLock(loadStorageConfig({}))).toBe(true);
    expect(needsDataDirLock(loadStorageConfig({ DATABASE_URL: postgres }))).toBe(true);
    expect(needsDataDirLock(loadStorageConfig(external))).toBe(true);
    expect(needsDataDirLock(loadStorageConfig({ DATABASE_URL: postgres, ...external }))).toBe(false);
  });
});
