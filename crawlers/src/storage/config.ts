import path from 'node:path';
import { type Static, type TObject, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { readMeiliUrls } from './search-index/replica-name.js';

// Meilisearch reads sizes with other units too; these two are enough and cannot be misread (MB vs MiB).
const INDEXING_MEMORY_PATTERN = '^[1-9][0-9]*(MiB|GiB)$';

/** Environment variables of the storage side, shared by the server and the `fieldguide` CLI. */
export const StorageEnvSchema = Type.Object({
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  DATABASE_PATH: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  MEILI_URL: Type.Optional(Type.String({ minLength: 1 })),
  MEILI_URLS: Type.Optional(Type.String({ minLength: 1 })),
  MEILI_MASTER_KEY: Type.Optional(Type.String({ minLength: 1 })),
  MEILI_BIN: Type.Optional(Type.String({ minLength: 1 })),
  MEILI_INDEX_PREFIX: Type.String({ pattern: '^[a-zA-Z0-9_-]*$', default: '' }),
  MEILI_MAX_INDEXING_MEMORY: Type.Optional(Type.String({ pattern: INDEXING_MEMORY_PATTERN })),
  MEILI_MAX_INDEXING_THREADS: Type.Optional(Type.Integer({ minimum: 1, maximum: 1024 })),
});

/** Where the canonical store and the search index are. */
export interface StorageConfig {
  dataDir: string;
  /** The SQLite file of the canonical store, used when `databaseUrl` is unset. */
  databasePath: string;
  /**
   * PostgreSQL (`postgres://user:password@host:5432/db`): the canonical store instead of the SQLite file, and where
   * the crawl job queue and the host leases live, so several servers and crawl workers share them.
   */
  databaseUrl?: string;
  meili: {
    /**
     * The Meilisearch replicas the API searches and the outbox feeds, normalized (`MEILI_URLS`, or `MEILI_URL` as a
     * list of one); empty: the bundled binary, started embedded.
     */
    urls: readonly string[];
    masterKey?: string;
    binary?: string;
    indexPrefix: string;
    /** The embedded Meilisearch's `--max-indexing-memory`, e.g. `'4GiB'`; unset: a quarter of the RAM. */
    maxIndexingMemory?: string;
    /** The embedded Meilisearch's `--max-indexing-threads`; unset: every core. */
    maxIndexingThreads?: number;
  };
}

/** Thrown at start-up when the environment is invalid; the process stops, listing every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** `url` with its password replaced by `***`, fit for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    // Unparsable: whatever follows the scheme may be a password.
    return `${/^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0] ?? ''}…`;
  }
}

function isPostgresUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * Parses the variables `schema` names from `env`, applying defaults and converting numbers.
 * @throws ConfigError naming every bad variable.
 */
export function parseEnv<S extends TObject>(schema: S, env: Record<string, string | undefined>): Static<S> {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = Value.Default(schema, Value.Convert(schema, raw));
  const problems = [...Value.Errors(schema, parsed)].map((e) => {
    const name = e.path.replace(/^\//, '');
    return `${name}: ${e.message}${name in raw ? ` (got ${JSON.stringify(raw[name])})` : ''}`;
  });
  if ('MEILI_URL' in schema.properties) problems.push(...meiliUrlProblems(env));
  const databaseUrl = 'DATABASE_URL' in schema.properties ? env.DATABASE_URL : undefined;
  if (databaseUrl && !isPostgresUrl(databaseUrl)) {
    problems.push(
      `DATABASE_URL: must be a postgres:// or postgresql:// URL of the database (got ${JSON.stringify(redactDatabaseUrl(databaseUrl))})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed as Static<S>;
}

/** What is wrong with `MEILI_URL` / `MEILI_URLS` / `MEILI_MASTER_KEY` together. */
function meiliUrlProblems(env: Record<string, string | undefined>): string[] {
  const { urls, problems } = readMeiliUrls(env.MEILI_URLS, env.MEILI_URL);
  if (urls.length > 0 && !env.MEILI_MASTER_KEY) {
    problems.push(`MEILI_MASTER_KEY: required when ${env.MEILI_URLS ? 'MEILI_URLS' : 'MEILI_URL'} is set`);
  }
  return problems;
}

/** The storage part of the configuration, from already parsed variables. */
export function toStorageConfig(e: Static<typeof StorageEnvSchema>): Readonly<StorageConfig> {
  const dataDir = path.resolve(e.DATA_DIR);
  return Object.freeze({
    dataDir,
    databasePath: path.resolve(e.DATABASE_PATH ?? path.join(dataDir, 'fieldguide.sqlite')),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    meili: Object.freeze({
      urls: Object.freeze(readMeiliUrls(e.MEILI_URLS, e.MEILI_URL).urls),
      masterKey: e.MEILI_MASTER_KEY,
      binary: e.MEILI_BIN,
      indexPrefix: e.MEILI_INDEX_PREFIX,
      maxIndexingMemory: e.MEILI_MAX_INDEXING_MEMORY,
      maxIndexingThreads: e.MEILI_MAX_INDEXING_THREADS,
    }),
  });
}

/**
 * Whether a process needs the data directory to itself: it holds the SQLite store or the embedded Meilisearch. With
 * PostgreSQL and an external Meilisearch nothing lives there, and several servers may share the store.
 */
export const needsDataDirLock = (config: Pick<StorageConfig, 'databaseUrl' | 'meili'>): boolean =>
  !(config.databaseUrl && config.meili.urls.length > 0);

export const loadStorageConfig = (env: Record<string, string | undefined> = process.env) =>
  toStorageConfig(parseEnv(StorageEnvSchema, env));
