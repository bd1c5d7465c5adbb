import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestMeilisearch, type TestMeilisearch } from '@fieldguide/crawlers/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildAppOver } from '../support/app.js';

// Meilisearch runs its tasks one after another: a server starting while another drains a large backlog into the same
// replica finds its settings task queued behind that work for minutes. Here a loopback proxy holds the settings
// requests back, as such a queue would, and the server must start anyway and apply them once they go through.

let meili: TestMeilisearch;
let proxy: Server;
let proxyUrl: string;
let dataDir: string;
let app: FastifyInstance | undefined;
/** Settings requests held back, released by `release()`. */
const held: (() => void)[] = [];
let holding = false;

const isSettingsRequest = (method = '', url = '') => method === 'PATCH' && /\/indexes\/[^/]+\/settings/.test(url);

function forward(incoming: import('node:http').IncomingMessage, outgoing: ServerResponse): void {
  const target = new URL(incoming.url ?? '/', meili.url);
  const upstream = request(target, { method: incoming.method, headers: incoming.headers }, (answer) => {
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  upstream.on('error', () => outgoing.destroy());
  incoming.pipe(upstream);
}

beforeAll(async () => {
  meili = await startTestMeilisearch();
  proxy = createServer((incoming, outgoing) => {
    if (holding && isSettingsRequest(incoming.method, incoming.url)) held.push(() => forward(incoming, outgoing));
    else forward(incoming, outgoing);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  dataDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-start-behind-'));
});

afterAll(async () => {
  await app?.close();
  proxy?.closeAllConnections();
  await new Promise((resolve) => proxy?.close(resolve));
  await meili?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** How many settings updates Meilisearch has carried out. */
async function settingsUpdates(): Promise<number> {
  const answer = await fetch(`${meili.url}/tasks?types=settingsUpdate&statuses=succeeded&limit=1`, {
    headers: { authorization: `Bearer ${meili.masterKey}` },
  });
  return ((await answer.json()) as { total: number }).total;
}

describe('a server whose index settings wait behind other work on Meilisearch', () => {
  it('starts and answers, then applies the settings once Meilisearch reaches them', async () => {
    const env = { MEILI_INDEX_PREFIX: meili.prefix, DEMO_SITES: 'off', CATALOG: 'off' };
    // A server that ran before made the indexes, as in a deployment where another server is draining.
    const first = await buildAppOver({ url: meili.url, masterKey: meili.masterKey }, dataDir, env);
    await first.ready();
    await first.close();
    const before = await settingsUpdates();
    holding = true;

    app = await buildAppOver({ url: proxyUrl, masterKey: meili.masterKey }, dataDir, env);
    // Fastify gives a plugin 10 s to start by default: a start that waited on the settings would fail here.
    await app.ready();
    expect(held.length).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/search?q=nurse' })).statusCode).toBe(200);

    holding = false;
    for (const release of held.splice(0)) release();
    await vi.waitFor(async () => expect(await settingsUpdates()).toBeGreaterThan(before), {
      timeout: 30_000,
      interval: 200,
    });
  });
});
