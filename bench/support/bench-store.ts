import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { loadStorageConfig, openConfiguredStore, redactDatabaseUrl, type Store } from '@fieldguide/crawlers/storage';
import pg from 'pg';

/** The canonical stores the scale bench can measure (`BENCH_STORES`). */
export const STORE_KINDS = ['sqlite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

/** A canonical store for one run of the bench, reached the way the product reaches it. */
export interface BenchStore {
  kind: StoreKind;
  /** `SQLite` or `PostgreSQL`: what the report calls it. */
  label: string;
  /** The variables that point the server at it (`DATABASE_PATH`, or `DATABASE_URL`); the other one is blanked. */
  env: Record<string, string>;
  /** One sentence on the engine and its settings, for the report. */
  description: string;
  /** Opens it as the CLI and the server do (`openConfiguredStore`). */
  open(): Store;
  /** Bytes it takes: the SQLite file and its journal, or the PostgreSQL database. */
  bytes(): Promise<number>;
  /** Leaves the database as the bench found it: empty (SQLite's file goes with the bench's temp dir). */
  dispose(): Promise<void>;
}

/** Thrown before anything is written when the PostgreSQL database already holds tables and no reset was asked for. */
export class BenchDatabaseNotEmptyError extends Error {
  constructor(url: string, tables: readonly string[]) {
    super(
      `the database at ${redactDatabaseUrl(url)} already holds ${tables.length} tables (${tables.slice(0, 5).join(', ')}` +
        `${tables.length > 5 ? ', …' : ''}): the bench writes its events there and drops every table when done, ` +
        'so it runs only on an empty database. Create one for it (createdb fieldguide_bench), or set BENCH_RESET=1 ' +
        'to drop these tables first.',
    );
    this.name = 'BenchDatabaseNotEmptyError';
  }
}

const SYSTEM_SCHEMAS = "('pg_catalog', 'information_schema')";
/** The job queue's own schema (pg-boss), created by a server on PostgreSQL. */
const QUEUE_SCHEMA = 'pgboss';

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach the PostgreSQL at ${redactDatabaseUrl(url)} (DATABASE_URL): ${reason}`, {
      cause: error,
    });
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Bytes allocated on disk to `files` (those missing count 0). */
async function fileBytes(files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (s) => s.blocks * 512,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function listTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
      WHERE schemaname NOT IN ${SYSTEM_SCHEMAS} ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/** Drops every table outside the system schemas, and the job queue's schema. */
async function dropTables(client: pg.Client): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(QUEUE_SCHEMA)} CASCADE`);
  const tables = await listTables(client);
  if (tables.length > 0) await client.query(`DROP TABLE IF EXISTS ${tables.join(', ')} CASCADE`);
}

async function describePostgres(client: pg.Client): Promise<string> {
  const settings = [
    'server_version',
    'fsync',
    'synchronous_commit',
    'full_page_writes',
    'shared_buffers',
    'max_wal_size',
  ];
  const { rows } = await client.query<{ name: string; setting: string }>(
    'SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name',
    [settings],
  );
  const value = Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  const { server_version: version, ...rest } = value;
  return `PostgreSQL ${version} over loopback TCP (${Object.entries(rest)
    .map(([name, setting]) => `${name}=${setting}`)
    .join(', ')})`;
}

/**
 * The store of one run: a SQLite file in `dir`, or the PostgreSQL database at `databaseUrl`, which must hold no
 * table unless `reset` (BENCH_RESET=1) allows dropping them first.
 * @throws BenchDatabaseNotEmptyError when the database holds tables and `reset` is false.
 */
export async function prepareBenchStore(
  kind: StoreKind,
  dir: string,
  options: { databaseUrl?: string; reset: boolean },
): Promise<BenchStore> {
  if (kind === 'sqlite') {
    const env = { DATABASE_PATH: join(dir, 'fieldguide.sqlite'), DATABASE_URL: '' };
    return {
      kind,
      label: 'SQLite',
      env,
      description: 'SQLite (WAL, a file in the temporary directory)',
      open: () => openConfiguredStore(loadStorageConfig({ DATA_DIR: dir, ...env })),
      bytes: () => fileBytes([env.DATABASE_PATH, `${env.DATABASE_PATH}-wal`, `${env.DATABASE_PATH}-shm`]),
      dispose: async () => {},
    };
  }
  const url = options.databaseUrl;
  if (!url) throw new Error('BENCH_STORES names postgres: set DATABASE_URL to an empty PostgreSQL database');
  const description = await withClient(url, async (client) => {
    const tables = await listTables(client);
    if (tables.length > 0 && !options.reset) throw new BenchDatabaseNotEmptyError(url, tables);
    await dropTables(client);
    return describePostgres(client);
  });
  const env = { DATABASE_URL: url, DATABASE_PATH: '' };
  return {
    kind,
    label: 'PostgreSQL',
    env,
    description,
    open: () => openConfiguredStore(loadStorageConfig({ DATA_DIR: dir, ...env })),
    bytes: () =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size');
        return Number(rows[0]!.size);
      }),
    dispose: () => withClient(url, dropTables),
  };
}
