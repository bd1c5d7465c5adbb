import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { StorageConfig } from '../config.js';
import { type OpenedSearchIndex, openSearchIndex } from './open-search-index.js';

let dataDir: string;
let opened: OpenedSearchIndex | undefined;
const taker = createServer();

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'fieldguide-open-index-'));
});

afterEach(async () => {
  await opened?.close();
  if (taker.listening) await new Promise((resolve) => taker.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

const embeddedConfig = (): StorageConfig => ({
  dataDir,
  databasePath: join(dataDir, 'fieldguide.sqlite'),
  meili: { urls: [], indexPrefix: 'p_' },
});

it('follows the embedded Meilisearch to a new port when its old one was taken while it restarted', async () => {
  const restartedAt: string[] = [];
  opened = await openSearchIndex(embeddedConfig(), {
    // Runs as the exit is seen, well before the restart: another program takes the port meanwhile.
    onExit: () => taker.listen(Number(new URL(firstUrl).port), '127.0.0.1'),
    onRestart: (running) => restartedAt.push(running.url),
  });
  const { index, embedded } = opened;
  const firstUrl = embedded!.url;
  const identity = index.identity;
  await index.applySettings();

  embedded!.process.kill('SIGKILL');
  await vi.waitFor(() => expect(restartedAt).toHaveLength(1), { timeout: 15_000, interval: 20 });

  expect(restartedAt[0]).not.toBe(firstUrl);
  expect(taker.listening).toBe(true);
  expect(await index.health()).toEqual({ status: 'available' });
  expect(await index.listIndexes()).toEqual(expect.arrayContaining(['p_events', 'p_associations']));
  expect(index.identity).toBe(identity);
});

it('starts nothing when an external Meilisearch is configured', async () => {
  opened = await openSearchIndex({
    ...embeddedConfig(),
    meili: { urls: ['http://127.0.0.1:9'], masterKey: 'k', indexPrefix: '' },
  });
  expect(opened.embedded).toBeUndefined();
  expect(opened.index.identity).toBe('http://127.0.0.1:9#');
});
