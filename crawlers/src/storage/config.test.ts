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

describe('the Meilisearch replicas', () => {
  const key = { MEILI_MASTER_KEY: 'k'.repeat(16) };
  const problemsOf = (env: Record<string, string>) => {
    try {
      loadStorageConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).problems;
    }
    return [];
  };

  it('reads MEILI_URLS as a list of normalized URLs, and MEILI_URL as a list of one', () => {
    expect(loadStorageConfig({ ...key, MEILI_URLS: 'HTTP://Meili-A:7700/, https://meili-b:443 ,' }).meili.urls).toEqual(
      ['http://meili-a:7700', 'https://meili-b'],
    );
    expect(loadStorageConfig({ ...key, MEILI_URL: 'http://127.0.0.1:7700' }).meili.urls).toEqual([
      'http://127.0.0.1:7700',
    ]);
    expect(loadStorageConfig({}).meili.urls).toEqual([]);
  });

  it('refuses both variables at once, a bad URL, a URL listed twice and a list without a key', () => {
    expect(problemsOf({ ...key, MEILI_URLS: 'http://a:7700', MEILI_URL: 'http://b:7700' })).toEqual([
      'MEILI_URLS: set either MEILI_URLS or MEILI_URL, not both',
    ]);
    expect(problemsOf({ ...key, MEILI_URLS: 'http://a:7700,ftp://b,not a url' })).toEqual([
      'MEILI_URLS: not an http(s) URL: "ftp://b"',
      'MEILI_URLS: not a URL: "not a url"',
    ]);
    expect(problemsOf({ ...key, MEILI_URLS: 'http://a:7700,http://A:7700/' })).toEqual([
      'MEILI_URLS: http://a:7700 is listed twice',
    ]);
    expect(problemsOf({ ...key, MEILI_URL: 'http://user:pw@a:7700' })[0]).toMatch(/^MEILI_URL: .*no credentials/);
    expect(problemsOf({ MEILI_URLS: 'http://a:7700,http://b:7700' })).toEqual([
      'MEILI_MASTER_KEY: required when MEILI_URLS is set',
    ]);
    expect(problemsOf({ MEILI_URLS: ' , ' })).toEqual(['MEILI_URLS: lists no URL']);
  });
});
