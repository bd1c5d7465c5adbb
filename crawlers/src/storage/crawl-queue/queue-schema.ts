import type pg from 'pg';

/** Steps of this module's own tables, applied in order once each; the version is their count. */
const STEPS: readonly string[] = [
  `CREATE TABLE host_leases (
     host text PRIMARY KEY,
     holder text,
     lease_expires_at timestamptz,
     next_use_at timestamptz NOT NULL DEFAULT now()
   )`,
];

const SCHEMA_LOCK = 'fieldguide:queue-schema';

/** Runs `fn` in a transaction on a client of `pool`: committed when it resolves, rolled back when it throws. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `fn` while a client of `pool` holds the session-level advisory lock named `name`. */
export async function withSessionLock<T>(pool: pg.Pool, name: string, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/**
 * Creates or upgrades the tables of the crawl workers (`host_leases`) in the database's default schema. Several
 * processes may call it at once: each step runs once, under a transaction-scoped advisory lock.
 */
export async function ensureQueueSchema(pool: pg.Pool): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SCHEMA_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS fieldguide_queue_version (version integer NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM fieldguide_queue_version');
    const current = rows[0]?.version ?? 0;
    if (current > STEPS.length) {
      throw new Error(
        `the crawl queue tables are at version ${current}, newer than the ${STEPS.length} this Fieldguide knows`,
      );
    }
    for (const step of STEPS.slice(current)) await client.query(step);
    if (rows.length === 0) await client.query('INSERT INTO fieldguide_queue_version VALUES ($1)', [STEPS.length]);
    else await client.query('UPDATE fieldguide_queue_version SET version = $1', [STEPS.length]);
  });
}
