import type Database from 'better-sqlite3';
import type { OutboxEntity, OutboxEntry, Store } from './store.types.js';

/** The outbox methods of the store, plus `add` for the writers (call it inside their transaction). */
export interface Outbox extends Pick<Store, 'readOutbox' | 'ackOutbox' | 'outboxSize' | 'dataStamp'> {
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
  const stamp = db.prepare<[], { written: number | null; pending: number | null }>(
    `SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'outbox') AS written,
            (SELECT min(seq) FROM outbox) AS pending`,
  );

  return {
    add: (entity, entityId, op) => {
      insert.run(entity, entityId, op, nowIso());
    },
    readOutbox: (limit, afterSeq = 0) => {
      if (!Number.isInteger(limit) || limit < 0)
        throw new RangeError(`outbox limit must be a whole number ≥ 0: ${limit}`);
      return read.all(afterSeq, limit);
    },
    ackOutbox: (seq) => {
      ack.run(seq);
    },
    outboxSize: () => count.get() ?? 0,
    dataStamp: () => {
      const row = stamp.get();
      return `${row?.written ?? 0}.${row?.pending ?? 'drained'}`;
    },
  };
}
