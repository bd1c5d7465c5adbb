import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestMeilisearch, type TestMeilisearch } from '../runtime/test-meilisearch.js';
import { callMeilisearch, createMeilisearchClient, IndexError, IndexUnavailableError } from './client.js';

let meili: TestMeilisearch;

beforeAll(async () => {
  meili = await startTestMeilisearch();
});

afterAll(async () => {
  await meili?.stop();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Meilisearch client', () => {
  it('talks to Meilisearch', async () => {
    const { client, close } = createMeilisearchClient({ url: meili.url, masterKey: meili.masterKey });
    try {
      expect(await callMeilisearch('health', () => client.health())).toEqual({ status: 'available' });
      const version = await callMeilisearch('version', () => client.getVersion());
      expect(version.pkgVersion).toMatch(/^\d+\.\d+\.\d+/);
    } finally {
      await close();
    }
  });

  it('turns an error answer into IndexError with Meilisearch’s code and status', async () => {
    const { client, close } = createMeilisearchClient({ url: meili.url, masterKey: meili.masterKey });
    try {
      const error = await callMeilisearch('stats', () => client.index(`${meili.prefix}missing`).getStats()).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(IndexError);
      expect(error).not.toBeInstanceOf(IndexUnavailableError);
      expect(error).toMatchObject({ code: 'INDEX_ERROR', meiliCode: 'index_not_found', httpStatus: 404 });
      expect((error as Error).message).toMatch(/^stats: Meilisearch answered 404/);
      expect((error as Error).cause).toBeInstanceOf(IndexError);
    } finally {
      await close();
    }
  });

  it('rejects a wrong key as IndexError, not as unavailable', async () => {
    const { client, close } = createMeilisearchClient({ url: meili.url, masterKey: 'wrong-key-wrong-key' });
    try {
      const error = await callMeilisearch('list', () => client.getIndexes()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INDEX_ERROR', meiliCode: 'invalid_api_key', httpStatus: 403 });
    } finally {
      await close();
    }
  });

  it('reports IndexUnavailableError when nothing listens', async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise((resolve) => server.close(resolve));
    const { client, close } = createMeilisearchClient({ url, masterKey: 'k' });
    try {
      const error = await callMeilisearch('health', () => client.health()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IndexUnavailableError);
      expect(error).toMatchObject({ code: 'INDEX_UNAVAILABLE' });
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
      expect((error as Error).cause).toBeDefined();
    } finally {
      await close();
    }
  });

  it('reports IndexUnavailableError when Meilisearch does not answer in time, or a 502/503 comes back', async () => {
    let mode: 'hang' | '503' | 'html' = 'hang';
    const server = createServer((_request, response) => {
      if (mode === '503') response.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"busy"}');
      if (mode === 'html') response.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
    });
    const url = await listen(server);
    const { client, close } = createMeilisearchClient({ url, masterKey: 'k', timeoutMs: 100 });
    try {
      const hung = await callMeilisearch('search', () => client.index('x').search('q')).catch((e: unknown) => e);
      expect(hung).toBeInstanceOf(IndexUnavailableError);
      expect((hung as Error).message).toMatch(/did not answer in time/);

      mode = '503';
      const busy = await callMeilisearch('search', () => client.index('x').search('q')).catch((e: unknown) => e);
      expect(busy).toBeInstanceOf(IndexUnavailableError);
      expect(busy).toMatchObject({ httpStatus: 503 });
      expect((busy as Error).message).toMatch(/busy/);

      mode = 'html';
      const proxied = await callMeilisearch('search', () => client.index('x').search('q')).catch((e: unknown) => e);
      expect(proxied).toBeInstanceOf(IndexUnavailableError);
      expect((proxied as Error).message).toMatch(/502: <h1>Bad gateway/);
    } finally {
      await close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
