import type { Outbox } from '../outbox.js';
import {
  assertOutboxCursor,
  assertOutboxLimit,
  defaultOutboxCursor,
  formatDataStamp,
  type OutboxStamp,
} from '../outbox-rules.js';
import type { OutboxEntity, OutboxEntry } from '../store.types.js';
import type { Session } from './session.js';
import type { Statement } from './sql-bridge.types.js';

/** One outbox entry to write: what changed, its id, and how. */
export type OutboxChange = [entity: OutboxEntity, entityId: string, op: OutboxEntry['op']];

/**
 * Writes outbox entries (in `seq` order, the order given) from the rows of `source`, a query naming `entity`,
 * `entity_id`, `op`, `created_at` and an ordering column `n`; and records the highest seq written. One statement,
 * after the common table expressions `before` (each followed by a comma), which `source` may read.
 */
const addFrom = (source: string, values: readonly unknown[], before = ''): Statement => ({
  text: `WITH ${before} added AS (
      INSERT INTO outbox (entity, entity_id, op, created_at)
      SELECT entity, entity_id, op, created_at FROM (${source}) AS changes ORDER BY n
      RETURNING seq)
    UPDATE outbox_written SET seq = (SELECT max(seq) FROM added) WHERE EXISTS (SELECT 1 FROM added)`,
  values,
});

/** The statement writing `changes` to the outbox, at `createdAt`. */
export const outboxInsert = (changes: readonly OutboxChange[], createdAt: string): Statement =>
  addFrom(
    `SELECT u.entity, u.entity_id, u.op, $4::text AS created_at, u.n
     FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS u(entity, entity_id, op, n)`,
    [changes.map((c) => c[0]), changes.map((c) => c[1]), changes.map((c) => c[2]), createdAt],
  );

/** Deletes event `$1` and writes its outbox `delete` (at `$2`) when there was one: one row changed, else none. */
export const deleteEventStatement = (id: string, createdAt: string): Statement =>
  addFrom(
    `SELECT 'event' AS entity, id AS entity_id, 'delete' AS op, $2::text AS created_at, 1 AS n FROM gone`,
    [id, createdAt],
    'gone AS (DELETE FROM events WHERE id = $1 RETURNING id),',
  );

const STAMP = `SELECT (SELECT seq FROM outbox_written) AS written, (SELECT min(seq) FROM outbox) AS pending,
  (SELECT sum(cursor)::bigint FROM outbox_replicas) AS applied`;
const PRUNE = { text: 'DELETE FROM outbox WHERE seq <= (SELECT min(cursor) FROM outbox_replicas)' };
/** Where a replica without a cursor starts, in SQL: see {@link defaultOutboxCursor}. */
const DEFAULT_CURSOR = '(SELECT coalesce((SELECT min(seq) - 1 FROM outbox), (SELECT seq FROM outbox_written)))';

/**
 * The outbox of the PostgreSQL store. Writers add entries with {@link outboxInsert} in their own transaction, which
 * holds the store's write lock: entries are written one transaction at a time, so `seq` order is commit order.
 * `readOutbox` still returns only entries whose transaction is older than every transaction running now (`tx <
 * pg_snapshot_xmin(pg_current_snapshot())`): an entry is never read while one with a smaller `seq` may yet commit,
 * so a reader's cursor never passes an entry that becomes visible later.
 */
export function createPgOutbox(session: Session, nowIso: () => string): Omit<Outbox, 'add'> {
  const stamp = () => session.rows<OutboxStamp>(STAMP)[0];
  const storedCursor = (replica: string) =>
    session.rows<{ cursor: number }>('SELECT cursor FROM outbox_replicas WHERE replica = $1', [replica])[0]?.cursor;
  return {
    readOutbox: (limit, afterSeq = 0) =>
      session.rows<OutboxEntry>(
        `SELECT seq, entity, entity_id AS "entityId", op, created_at AS "createdAt" FROM outbox
         WHERE seq > $1 AND tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY seq LIMIT $2`,
        [afterSeq, assertOutboxLimit(limit)],
      ),
    ackOutbox: (seq) => {
      session.run([{ text: 'DELETE FROM outbox WHERE seq <= $1', values: [seq] }]);
    },
    outboxSize: () => session.rows<{ n: number }>('SELECT count(*) AS n FROM outbox')[0]?.n ?? 0,
    lastOutboxSeq: () => stamp()?.written ?? 0,
    dataStamp: () => formatDataStamp(stamp()),
    outboxCursor: (replica) => storedCursor(replica) ?? defaultOutboxCursor(stamp()),
    setOutboxCursor: (replica, seq) => {
      session.atomically([
        {
          text: `INSERT INTO outbox_replicas (replica, cursor) VALUES ($1, $2)
                 ON CONFLICT (replica) DO UPDATE SET cursor = excluded.cursor`,
          values: [replica, assertOutboxCursor(seq)],
        },
        PRUNE,
      ]);
    },
    forgetOutboxReplica: (replica) => {
      session.atomically([{ text: 'DELETE FROM outbox_replicas WHERE replica = $1', values: [replica] }, PRUNE]);
    },
    listOutboxCursors: () =>
      session.rows<{ replica: string; seq: number }>(
        'SELECT replica, cursor AS seq FROM outbox_replicas ORDER BY replica',
      ),
    claimOutboxReplica: (replica, holder, ttlMs) => {
      const nowMs = Date.parse(nowIso());
      // A replica claimed before it has a cursor starts where a replica without one does, not at 0 (which would
      // keep every entry).
      const [claim] = session.run([
        {
          text: `INSERT INTO outbox_replicas (replica, cursor, holder, claimed_until_ms)
                 VALUES ($1, ${DEFAULT_CURSOR}, $2, $3)
                 ON CONFLICT (replica) DO UPDATE SET holder = excluded.holder, claimed_until_ms = excluded.claimed_until_ms
                 WHERE outbox_replicas.holder IS NULL OR outbox_replicas.claimed_until_ms < $4
                   OR outbox_replicas.holder = $2`,
          values: [replica, holder, nowMs + ttlMs, nowMs],
        },
      ]);
      return (claim?.rowCount ?? 0) > 0;
    },
    releaseOutboxReplica: (replica, holder) => {
      session.run([
        {
          text: 'UPDATE outbox_replicas SET holder = NULL, claimed_until_ms = NULL WHERE replica = $1 AND holder = $2',
          values: [replica, holder],
        },
      ]);
    },
  };
}
