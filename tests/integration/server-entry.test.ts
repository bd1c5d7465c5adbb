import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

describe('the server entry point with embedded defaults', () => {
  let server: ServerProcess | undefined;
  afterEach(() => server?.cleanup());

  it('starts the bundled Meilisearch, prints its URL, answers /health and shuts down cleanly', async () => {
    // An empty store would crawl the bundled demo sites; the next test covers that.
    server = await startServerProcess({ DEMO_SITES: 'off' });
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      store: { ok: true },
      index: { ok: true, embedded: { state: 'running', restarts: 0 } },
    });
    expect(await server.stop()).toBe(0);
  });

  it('with DEMO_SITES=on, crawls the bundled demo sites after listening, so searches find events with no internet', async () => {
    server = await startServerProcess({ DEMO_SITES: 'on', DEMO_SITES_PORT: '0', OUTBOX_DRAIN_INTERVAL_MS: '200' });
    await server.waitForOutput(/Crawling \d+ bundled demo sites/);
    const url = server.url;
    await vi.waitFor(
      async () => {
        const res = await fetch(`${url}/api/search?limit=1`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { total: number }).total).toBeGreaterThanOrEqual(20);
      },
      { timeout: 90_000, interval: 250 },
    );
    const fields = (await (await fetch(`${url}/api/fields`)).json()) as { total: number };
    expect(fields.total).toBeGreaterThan(0);
    expect(await server.stop()).toBe(0);
  });
});
