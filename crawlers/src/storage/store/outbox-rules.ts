// What both store engines say about the outbox beyond their SQL: argument checks, where a replica without a
// cursor starts, and how the data stamp reads.

/** The outbox figures the data stamp and the default cursor come from. */
export interface OutboxStamp {
  /** The highest seq ever written (null: none yet). */
  written: number | null;
  /** The lowest seq still in the outbox (null: drained). */
  pending: number | null;
  /** The sum of the replicas' cursors (null: no replica has one). */
  applied: number | null;
}

export function assertOutboxLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`outbox limit must be a whole number ≥ 0: ${limit}`);
  return limit;
}

export function assertOutboxCursor(seq: number): number {
  if (!Number.isInteger(seq) || seq < 0) throw new RangeError(`outbox cursor must be a whole number ≥ 0: ${seq}`);
  return seq;
}

/** Where a replica without a cursor starts: see `Store.outboxCursor`. */
export const defaultOutboxCursor = (stamp: OutboxStamp | undefined): number =>
  stamp?.pending != null ? stamp.pending - 1 : (stamp?.written ?? 0);

export const formatDataStamp = (stamp: OutboxStamp | undefined): string =>
  `${stamp?.written ?? 0}.${stamp?.pending ?? 'drained'}.${stamp?.applied ?? 0}`;
