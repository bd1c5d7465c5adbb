import { describe, expect, it } from 'vitest';
import { ConfigError, loadStorageConfig } from './config.js';

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
