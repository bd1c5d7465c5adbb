import type Database from 'better-sqlite3';
import {
  assertOutboxCursor,
  assertOutboxLimit,
  defaultOutboxCursor,
  formatDataStamp,
  type OutboxStamp,
} from './outbox-rules.js';
import type { OutboxEntity, OutboxEntry, Store } from './store.types.js';

/** The outbox methods of the store, plus `add` for the writers (call it inside their transaction). */
export interface Outbox
  extends Pick<
    Store,
    | 'readOutbox'
    | 'ackOutbox'
    | 'outboxSize'
    | 'lastOutboxSeq'
    | 'dataStamp'
    | 'outboxCursor'
    | 'setOutboxCursor'
    | 'forgetOutboxReplica'
    | 'listOutboxCursors'
    | 'claimOutboxReplica'
    | 'releaseOutboxReplica'
  > {
  add(entity: OutboxEntity, entityId: string, op: OutboxEntry['op']): void;
}

export function createOutbox(db: Database.Database, nowIso: () => string): Outbox {
  const insert = db.prepare<[OutboxEntity, string, OutboxEntry['op'], string]>(
    'INSERT INTO outbox (entity, entity_id, op, created_at) VALUES (?, ?, ?, ?)',
  );
  const read = db.prepare<[number, number], OutboxEntry>(
    'SELECT seq, entity, entity_id AS entityId, op, created_at AS createdAt FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const ack = db.prepare<[number]>('DELETE FROM outbox WHERE seq <= ?');
  const count = db.prepare<[], number>('SELECT count(*) FROM outbox').pluck();
  // AUTOINCREMENT keeps the highest seq ever written in sqlite_sequence, even once every row is acknowledged;
  // the lowest pending seq moves with each acknowledged drain.
  const stamp = db.prepare<[], OutboxStamp>(
    `SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'outbox') AS written,
            (SELECT min(seq) FROM outbox) AS pending,
            (SELECT sum(cursor) FROM outbox_replicas) AS applied`,
  );
  const storedCursor = db.prepare<[string], number>('SELECT cursor FROM outbox_replicas WHERE replica = ?').pluck();
  const writeCursor = db.prepare<[string, number]>(
    `INSERT INTO outbox_replicas (replica, cursor) VALUES (?, ?)
     ON CONFLICT (replica) DO UPDATE SET cursor = excluded.cursor`,
  );
  const dropCursor = db.prepare<[string]>('DELETE FROM outbox_replicas WHERE replica = ?');
  const cursors = db.prepare<[], { replica: string; seq: number }>(
    'SELECT replica, cursor AS seq FROM outbox_replicas ORDER BY replica',
  );
  const prune = db.prepare('DELETE FROM outbox WHERE seq <= (SELECT min(cursor) FROM outbox_replicas)');
  const claim = db.prepare<[string, string, number, number, string]>(
    `INSERT INTO outbox_replicas (replica, cursor, holder, claimed_until_ms) VALUES (?, 0, ?, ?)
     ON CONFLICT (replica) DO UPDATE SET holder = excluded.holder, claimed_until_ms = excluded.claimed_until_ms
     WHERE outbox_replicas.holder IS NULL OR outbox_replicas.claimed_until_ms < ? OR outbox_replicas.holder = ?`,
  );
  const release = db.prepare<[string, string]>(
    'UPDATE outbox_replicas SET holder = NULL, claimed_until_ms = NULL WHERE replica = ? AND holder = ?',
  );
  /** Where a replica without a cursor starts: see {@link Store.outboxCursor}. */
  const defaultCursor = () => defaultOutboxCursor(stamp.get());

  return {
    add: (entity, entityId, op) => {
      insert.run(entity, entityId, op, nowIso());
    },
    readOutbox: (limit, afterSeq = 0) => {
      return read.all(afterSeq, assertOutboxLimit(limit));
    },
    ackOutbox: (seq) => {
      ack.run(seq);
    },
    outboxSize: () => count.get() ?? 0,
    lastOutboxSeq: () => stamp.get()?.written ?? 0,
    dataStamp: () => formatDataStamp(stamp.get()),
    outboxCursor: (replica) => storedCursor.get(replica) ?? defaultCursor(),
    setOutboxCursor: db.transaction((replica: string, seq: number) => {
      writeCursor.run(replica, assertOutboxCursor(seq));
      prune.run();
    }),
    forgetOutboxReplica: db.transaction((replica: string) => {
      dropCursor.run(replica);
      prune.run();
    }),
    listOutboxCursors: () => cursors.all(),
    claimOutboxReplica: db.transaction((replica: string, holder: string, ttlMs: number) => {
      const nowMs = Date.parse(nowIso());
      const known = storedCursor.get(replica);
      const taken = claim.run(replica, holder, nowMs + ttlMs, nowMs, holder).changes > 0;
      // A claim on a replica without a cursor gives it the default one, not 0 (which would keep every entry).
      if (taken && known === undefined) writeCursor.run(replica, defaultCursor());
      return taken;
    }),
    releaseOutboxReplica: (replica, holder) => {
      release.run(replica, holder);
    },
  };
}
