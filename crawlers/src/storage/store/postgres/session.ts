import type { SqlBridge } from './sql-bridge.js';
import type { Statement, StatementResult } from './sql-bridge.types.js';

/** The advisory lock keys of the store (`pg_advisory_xact_lock(int, int)`): "FGST", then what the lock guards. */
const LOCK_CLASS = 0x46475354;
export const WRITE_LOCK = `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, 1)`;
export const MIGRATION_LOCK = `SELECT pg_advisory_xact_lock(${LOCK_CLASS}, 2)`;

/**
 * The store's side of its one connection: statements whose answer is not needed are queued and sent with the next
 * call (so a transaction's BEGIN, its writes and its COMMIT cost no round trip of their own), and write
 * transactions nest as savepoints.
 */
export interface Session {
  /** Runs the queued statements, then `statements`; returns the results of `statements`. */
  run(statements: readonly Statement[]): StatementResult[];
  /** The rows of one statement. */
  rows<R>(text: string, values?: readonly unknown[]): R[];
  /** Sends `statement` with the next call; its failure fails that call. */
  queue(statement: Statement): void;
  /**
   * Runs `fn` in a write transaction that holds the store-wide write lock from its start (a savepoint when nested),
   * committed when `fn` returns and rolled back when it throws.
   */
  write<T>(fn: () => T, options?: { settings?: readonly Statement[] }): T;
  /**
   * Runs `fn` with calls that may take up to `deadlineMs` each instead of the bridge's deadline (migrations); `fn`'s
   * transactions should raise the server's timeouts to match (`write`'s `settings`).
   */
  patiently<T>(deadlineMs: number, fn: () => T): T;
  /**
   * Runs `statements` atomically in one round trip: in a transaction of their own (holding the write lock when
   * `lock`), or within the transaction already open.
   */
  atomically(statements: readonly Statement[], options?: { lock?: boolean }): StatementResult[];
  close(): void;
}

export function createSession(bridge: SqlBridge): Session {
  let queued: Statement[] = [];
  let depth = 0;
  /** Whether a BEGIN has reached the server and no COMMIT or ROLLBACK yet. */
  let open = false;
  let deadlineMs: number | undefined;

  const run = (statements: readonly Statement[]): StatementResult[] => {
    const sent = [...queued, ...statements];
    const opens = queued.some((s) => s.text === 'BEGIN');
    queued = [];
    if (sent.length === 0) return [];
    const results = bridge.run(sent, { continues: open, ...(deadlineMs ? { deadlineMs } : {}) });
    if (opens) open = true;
    return results.slice(sent.length - statements.length);
  };

  const end = (text: string) => {
    try {
      run([{ text }]);
    } finally {
      open = false;
    }
  };

  /** Undoes the transaction or savepoint `level` began at `mark` in the queue; what never reached the server is dropped. */
  const rollback = (level: number, mark: number) => {
    const began = level === 0 ? 'BEGIN' : `SAVEPOINT s${level}`;
    if (queued[mark]?.text === began) {
      queued.length = mark;
      return;
    }
    queued = [];
    try {
      if (level === 0) end('ROLLBACK');
      else run([{ text: `ROLLBACK TO SAVEPOINT s${level}` }, { text: `RELEASE SAVEPOINT s${level}` }]);
    } catch {
      // The connection is gone, and the transaction with it; the error that brought us here says why.
      if (level === 0) open = false;
    }
  };

  const write = <T>(fn: () => T, { settings = [] }: { settings?: readonly Statement[] } = {}): T => {
    const level = depth;
    const mark = queued.length;
    // Settings (SET LOCAL) come before the lock, so they govern the wait for it too.
    if (level === 0) queued.push({ text: 'BEGIN' }, ...settings, { text: WRITE_LOCK });
    else queued.push({ text: `SAVEPOINT s${level}` });
    depth += 1;
    try {
      const result = fn();
      if (result instanceof Promise) throw new TypeError('a store transaction must be synchronous');
      if (level === 0) end('COMMIT');
      else run([{ text: `RELEASE SAVEPOINT s${level}` }]);
      return result;
    } catch (error) {
      rollback(level, mark);
      throw error;
    } finally {
      depth = level;
    }
  };

  return {
    run,
    rows: <R>(text: string, values?: readonly unknown[]) => run([{ text, values }])[0]?.rows as R[],
    queue: (statement) => {
      queued.push(statement);
    },
    write,
    patiently: (ms, fn) => {
      const before = deadlineMs;
      deadlineMs = ms;
      try {
        return fn();
      } finally {
        deadlineMs = before;
      }
    },
    atomically: (statements, { lock = false } = {}) => {
      if (depth > 0 || queued.length > 0) return write(() => run(statements));
      const sent = lock ? [{ text: WRITE_LOCK }, ...statements] : statements;
      return bridge.run(sent, { transaction: true }).slice(sent.length - statements.length);
    },
    close: () => bridge.close(),
  };
}
