// The process a crawl started by the server runs in (see crawl-process.ts): it opens the store where the request says, crawls,
// and reports each step to its parent over IPC. Fetching and parsing pages never holds up the server's searches.
import { createPostgresHostGate, runCrawl } from '@fieldguide/crawlers';
import { openConfiguredStore } from '@fieldguide/crawlers/storage';
import type { ChildMessage, CrawlRequest } from './crawl-process.js';

const send = (message: ChildMessage) =>
  new Promise<void>((resolve) => {
    if (!process.connected) return resolve();
    process.send?.(message, undefined, undefined, () => resolve());
  });

async function crawl(request: CrawlRequest): Promise<void> {
  const abort = new AbortController();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'abort') abort.abort();
  });
  // The server went away: end the run as interrupted rather than crawl on for nobody.
  process.once('disconnect', () => abort.abort());
  const store = openConfiguredStore(request.store);
  const hostGate = request.hostLeases ? createPostgresHostGate(request.hostLeases) : undefined;
  try {
    await runCrawl({
      store,
      ...(request.sourceIds ? { sourceIds: request.sourceIds } : {}),
      force: request.force,
      fetcher: hostGate ? { ...request.fetcher, hostGate } : request.fetcher,
      signal: abort.signal,
      onProgress: (progress) => void send({ type: 'progress', progress }),
    });
    await send({ type: 'done' });
  } catch (error) {
    await send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  } finally {
    await hostGate?.close(5000);
    store.close();
    process.disconnect?.();
    // Idle keep-alive sockets of the crawl's fetcher must not hold the run open.
    process.exit();
  }
}

process.once('message', (request: CrawlRequest) => void crawl(request));
