import { createStore, type Store } from '@fieldguide/crawlers/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrawlBusyError, createCrawlManager, UnknownSourceError } from './crawl-manager.js';

describe('crawl manager', () => {
  let store: Store;
  beforeEach(() => {
    store = createStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  it('runs one crawl at a time, even when two starts race', async () => {
    const finished: number[] = [];
    const manager = createCrawlManager({ store, onFinished: (run) => void finished.push(run.id) });
    const [a, b] = await Promise.allSettled([manager.start(), manager.start()]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(CrawlBusyError);
    const run = a.status === 'fulfilled' ? a.value : undefined;
    expect(run?.status).toBe('running');
    await manager.idle();
    expect(finished).toEqual([run?.id]);
    expect(manager.get(run?.id ?? 0)?.status).toBe('finished');
    expect(manager.active).toBeUndefined();
    const next = await manager.start();
    expect(next.id).toBeGreaterThan(run?.id ?? 0);
    await manager.close();
    expect(manager.list(10).map((r) => r.id)).toEqual([next.id, run?.id]);
  });

  it('refuses unknown sources before starting anything', async () => {
    const manager = createCrawlManager({ store });
    await expect(manager.start({ sourceIds: ['nope'] })).rejects.toBeInstanceOf(UnknownSourceError);
    expect(manager.active).toBeUndefined();
    expect(store.listCrawlRuns(10)).toEqual([]);
  });
});
