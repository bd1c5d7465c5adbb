import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort } from '../../runtime/free-port.js';
import { startTestPostgres, type TestPostgres } from '../../runtime/test-postgres.js';
import { StoreQueryError, StoreUnavailableError, StoreVersionError } from '../errors.js';
import { makeEvent } from '../fixtures/sample-data.js';
import { COUNTED_STEPS } from '../fixtures/store-engines.js';
import type { Store } from '../store.types.js';
import { migratePostgres, PG_MIGRATIONS, PG_SCHEMA_VERSION } from './pg-migrations.js';
import { createPostgresStore } from './postgres-store.js';
import { createSession, MIGRATION_LOCK, WRITE_LOCK } from './session.js';
import { createSqlBridge } from './sql-bridge.js';

const childScript = fileURLToPath(new URL('../fixtures/pg-store-child.ts', import.meta.url));
const packageDir = fileURLToPath(new URL('../../../..', import.meta.url));
const run = promisify(execFile);

/** Runs the fixture script in another Node process; resolves with its JSON line. */
async function runChild(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, ['--conditions=source', '--import', 'tsx', childScript, ...args], {
    cwd: packageDir,
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');
}

let server: TestPostgres;
const opened: Store[] = [];
const clients: pg.Client[] = [];

const freshDatabase = () => server.createDatabase();
const open = (url: string, options: Partial<Parameters<typeof createPostgresStore>[0]> = {}) => {
  const store = createPostgresStore({ url, ...options });
  opened.push(store);
  return store;
};
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  clients.push(client);
  await client.connect();
  return client;
}

beforeAll(async () => {
  server = await startTestPostgres();
});

afterAll(async () => {
  await server?.stop();
});

afterEach(async () => {
  for (const store of opened.splice(0)) store.close();
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
});

describe('migrations on PostgreSQL', () => {
  it('applies every step once when several processes migrate an empty database at once', async () => {
    const url = await freshDatabase();
    const outputs = await Promise.all([runChild('migrate', url), runChild('migrate', url), runChild('migrate', url)]);
    expect(outputs).toEqual([{ migrated: true }, { migrated: true }, { migrated: true }]);
    const client = await connect(url);
    const { rows } = await client.query('SELECT step FROM migration_runs ORDER BY step');
    expect(rows).toEqual([{ step: 1 }, { step: 2 }]);
    const version = await client.query('SELECT version FROM fieldguide_schema');
    expect(version.rows).toEqual([{ version: PG_MIGRATIONS.length + COUNTED_STEPS.length }]);
  });

  it('applies no step twice when another process applied them all while this one waited for the lock', async () => {
    const url = await freshDatabase();
    const other = await connect(url);
    await other.query('BEGIN');
    await other.query(WRITE_LOCK);
    await other.query(MIGRATION_LOCK);
    // This process reads the version (no table yet), then waits for the locks the other holds.
    const waiting = runChild('migrate', url);
    const deadline = Date.now() + 30_000;
    while ((await other.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rowCount === 0) {
      if (Date.now() > deadline) throw new Error('the migrating process never waited for the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const steps = [...PG_MIGRATIONS, ...COUNTED_STEPS];
    for (const step of steps) await other.query(step.sql);
    await other.query('CREATE TABLE fieldguide_schema (version integer NOT NULL)');
    await other.query('INSERT INTO fieldguide_schema (version) VALUES ($1)', [steps.at(-1)?.version]);
    await other.query('COMMIT');

    expect(await waiting).toEqual({ migrated: true });
    expect((await other.query('SELECT step FROM migration_runs ORDER BY step')).rows).toEqual([
      { step: 1 },
      { step: 2 },
    ]);
  });

  it('refuses a database from a newer version with a clear error, leaving it alone', async () => {
    const url = await freshDatabase();
    await runChild('migrate', url);
    const newer = PG_SCHEMA_VERSION + COUNTED_STEPS.length;
    expect(() => open(url)).toThrow(StoreVersionError);
    expect(() => open(url)).toThrow(`schema version ${newer}, newer than the ${PG_SCHEMA_VERSION}`);
    const client = await connect(url);
    expect((await client.query('SELECT version FROM fieldguide_schema')).rows).toEqual([{ version: newer }]);
  });

  it('rolls back a step that fails, leaving the version where it was', async () => {
    const url = await freshDatabase();
    open(url).close();
    const session = createSession(
      createSqlBridge({ url, where: url, connectTimeoutMs: 5000, statementTimeoutMs: 10_000, lockTimeoutMs: 5000 }),
    );
    try {
      const broken = {
        version: PG_SCHEMA_VERSION + 1,
        sql: 'CREATE TABLE half (x integer); SELECT * FROM missing_table',
      };
      expect(() => migratePostgres(session, url, [...PG_MIGRATIONS, broken])).toThrow(/missing_table/);
      const [state] = session.run([
        { text: "SELECT (SELECT version FROM fieldguide_schema) AS version, to_regclass('half') IS NULL AS gone" },
      ]);
      expect(state?.rows).toEqual([{ version: PG_SCHEMA_VERSION, gone: true }]);
    } finally {
      session.close();
    }
  });
});

describe('concurrent writers on PostgreSQL', () => {
  it('loses no write when two processes upsert the same events at once', async () => {
    const url = await freshDatabase();
    open(url).close();
    const [a, b] = await Promise.all([
      runChild('upsert', url, 'a', '200', '10', '2'),
      runChild('upsert', url, 'b', '200', '10', '2'),
    ]);
    const store = open(url);
    expect(store.countEvents()).toBe(200);
    for (let i = 0; i < 200; i += 1) {
      expect(
        store
          .getEvent(`ev-${i}`)
          ?.sources.map((s) => s.sourceId)
          .sort(),
        `ev-${i}`,
      ).toEqual(['a', 'b']);
    }
    // Each event: inserted by one process, then updated by the other (its source added), one outbox entry each.
    const statuses = [...(a.statuses as string[]), ...(b.statuses as string[])];
    expect(statuses.filter((s) => s === 'inserted')).toHaveLength(200);
    expect(statuses.filter((s) => s === 'updated')).toHaveLength(200);
    expect(store.outboxSize()).toBe(400);
  });

  it('keeps the work of a transaction around a nested write that failed and was caught', () => {
    return freshDatabase().then((url) => {
      const store = open(url);
      store.transaction(() => {
        store.upsertEvent(makeEvent({ id: 'kept' }));
        expect(() =>
          store.transaction(() => {
            store.upsertEvent(makeEvent({ id: 'dropped' }));
            throw new Error('this source failed');
          }),
        ).toThrow('this source failed');
      });
      expect([...store.iterateEvents()].map((e) => e.id)).toEqual(['kept']);
      expect(store.readOutbox(10).map((e) => e.entityId)).toEqual(['kept']);
    });
  });
});

describe('writable() on PostgreSQL', () => {
  it('is true for a role that may write, false for one that may only read, whose writes are refused', async () => {
    const url = await freshDatabase();
    const writer = open(url);
    expect(writer.writable()).toBe(true);
    writer.upsertEvent(makeEvent());
    // A run left by a process that is gone: the reader's opening must not try to mark it interrupted.
    const admin = await connect(url);
    await admin.query(
      `INSERT INTO crawl_runs (started_at, status, pid, host) VALUES ('2026-11-01T00:00:00Z', 'running', NULL, NULL)`,
    );
    await admin.query('CREATE ROLE reader LOGIN');
    await admin.query('GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader');

    const reader = open(url.replace('postgres@', 'reader@'));
    expect(reader.writable()).toBe(false);
    expect(reader.getEvent('ev-1')?.title).toBe(makeEvent().title);
    expect(() => reader.upsertEvent(makeEvent({ id: 'ev-2' }))).toThrow(StoreQueryError);
    expect(writer.countEvents()).toBe(1);
  });
});

describe('text PostgreSQL cannot hold', () => {
  it('keeps a NUL character of a note or a fetch error as U+FFFD instead of failing the write', async () => {
    const store = open(await freshDatabase());
    const preview = {
      url: 'https://example.org/',
      kind: null,
      sources: [],
      association: null,
      eventCount: 0,
      events: [],
      nothingFound: 'no events',
      warnings: [],
    };
    const { suggestion } = store.recordSuggestion({
      url: 'https://example.org/',
      normalizedUrl: 'https://example.org/',
      note: 'spring\0meeting',
      preview,
    });
    expect(suggestion.note).toBe('spring\uFFFDmeeting');
    store.recordFetch({
      url: 'https://example.org/',
      status: null,
      error: 'bad\0header',
      fetchedAt: '2026-11-01T00:00:00Z',
    });
    expect(store.lastFetch('https://example.org/')?.error).toBe('bad\uFFFDheader');
  });
});

describe('the outbox on PostgreSQL', () => {
  it('holds back entries committed after one whose transaction is still open, until it ends', async () => {
    const url = await freshDatabase();
    const store = open(url);
    const writer = await connect(url);
    await writer.query('BEGIN');
    await writer.query(
      "INSERT INTO outbox (entity, entity_id, op, created_at) VALUES ('event', 'held', 'upsert', '2026-11-01T00:00:00Z')",
    );
    store.upsertEvent(makeEvent({ id: 'later' }));
    expect(store.outboxSize()).toBe(1);
    expect(store.readOutbox(10)).toEqual([]);

    await writer.query('COMMIT');
    const entries = store.readOutbox(10);
    expect(entries.map((e) => e.entityId)).toEqual(['held', 'later']);
    expect(entries[0]!.seq).toBeLessThan(entries[1]!.seq);
  });
});

describe('an unreachable PostgreSQL', () => {
  it('fails opening with an error naming the URL without its password, at once when refused', async () => {
    const port = await findFreePort();
    const url = `postgres://fieldguide:secret@127.0.0.1:${port}/fieldguide`;
    const started = Date.now();
    const error = (() => {
      try {
        open(url);
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error?.message).toContain(`postgres://fieldguide:***@127.0.0.1:${port}/fieldguide`);
    expect(error?.message).not.toContain('secret');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('gives up on a server that accepts connections but never answers, within the connection timeout', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const started = Date.now();
      expect(() => open(`postgres://fieldguide@127.0.0.1:${port}/fieldguide`, { connectTimeoutMs: 1000 })).toThrow(
        StoreUnavailableError,
      );
      expect(Date.now() - started).toBeLessThan(1000 + 10_000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('answers a clear error within the deadline once the server stops, and says it cannot write', async () => {
    const own = await startTestPostgres();
    try {
      const store = open(own.url);
      store.upsertEvent(makeEvent());
      await own.stop();
      const started = Date.now();
      expect(() => store.countEvents()).toThrow(StoreUnavailableError);
      expect(() => store.upsertEvent(makeEvent({ id: 'ev-2' }))).toThrow(`the store at ${own.url}`);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(store.writable()).toBe(false);
    } finally {
      await own.stop();
    }
  });
});
