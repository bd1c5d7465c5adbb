// The worker thread of the Postgres store's synchronous bridge (see sql-bridge.ts): one `pg` connection, and for each
// request a list of parameterized statements run in order, optionally in one transaction. It knows nothing of the
// store: every statement comes from the calling thread. Imports `pg` and Node only, so it loads as fast as possible.
import { type MessagePort, workerData } from 'node:worker_threads';
import pg from 'pg';
import type { BridgeReply, BridgeRequest, BridgeSettings, StatementResult } from './sql-bridge.types.js';

const settings = workerData as BridgeSettings & { port: MessagePort; signal: SharedArrayBuffer };
const signal = new Int32Array(settings.signal);

// bigint counts and sequence numbers as numbers: they stay far below 2^53 in this store.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

let client: pg.Client | undefined;

async function connection(continues: boolean): Promise<pg.Client> {
  if (client) return client;
  // A transaction open on the connection that was lost is gone with it: running its next statements on a new
  // connection would commit them on their own.
  if (continues)
    throw Object.assign(new Error('the connection was lost in the middle of a transaction'), { lost: true });
  const fresh = new pg.Client({
    connectionString: settings.url,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    lock_timeout: settings.lockTimeoutMs,
    keepAlive: true,
    application_name: 'fieldguide',
  });
  fresh.on('error', () => {
    if (client === fresh) client = undefined;
  });
  try {
    await fresh.connect();
  } catch (error) {
    await fresh.end().catch(() => {});
    throw error;
  }
  client = fresh;
  return fresh;
}

async function runStatements(request: BridgeRequest): Promise<StatementResult[]> {
  const db = await connection(request.continues);
  const results: StatementResult[] = [];
  if (request.transaction) await db.query('BEGIN');
  try {
    for (const statement of request.statements) {
      const result = await db.query(
        statement.values ? { text: statement.text, values: [...statement.values] } : statement.text,
      );
      // A text of several statements (a migration step) answers with one result per statement: keep the last.
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult) : result;
      results.push({ rows: last.rows, rowCount: last.rowCount ?? 0 });
    }
    if (request.transaction) await db.query('COMMIT');
  } catch (error) {
    if (request.transaction && client === db) await db.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return results;
}

function describe(error: unknown): BridgeReply {
  const e = error as { message?: string; code?: string; lost?: boolean };
  // Errors from the server carry a SQLSTATE of five characters; anything else is the connection (refused, timed out,
  // reset, DNS), whatever Node or pg called it.
  const sqlState = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
  if (!sqlState && client) {
    const dead = client;
    client = undefined;
    void dead.end().catch(() => {});
  }
  return {
    ok: false,
    error: { message: e.message ?? String(error), ...(sqlState ? { sqlState } : { unavailable: true }) },
  };
}

settings.port.on('message', async (request: BridgeRequest) => {
  let reply: BridgeReply;
  if (request.close) {
    await client?.end().catch(() => {});
    client = undefined;
    reply = { ok: true, results: [] };
  } else {
    try {
      reply = { ok: true, results: await runStatements(request) };
    } catch (error) {
      reply = describe(error);
    }
  }
  settings.port.postMessage(reply);
  // One more answer: the count the caller waits to see move (a store of 1 could not tell this answer from the last).
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
  if (request.close) settings.port.close();
});
