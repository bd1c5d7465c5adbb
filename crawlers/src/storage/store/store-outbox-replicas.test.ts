import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeEvent, tempStorePath, testClock } from './fixtures/sample-data.js';
import { createStore } from './store.js';
import type { Store } from './store.types.js';

let temp: ReturnType<typeof tempStorePath>;
let clock: ReturnType<typeof testClock>;
let store: Store;

beforeEach(() => {
  temp = tempStorePath();
  clock = testClock();
  store = createStore({ path: temp.path, now: clock.now });
});

afterEach(() => {
  store.close();
  temp.cleanup();
});

const write = (...ids: string[]) => ids.map((id) => store.upsertEvent(makeEvent({ id })));
const seqs = () => store.readOutbox(100).map((e) => e.seq);

describe('outbox cursors of search-index replicas', () => {
  it('starts a replica without a cursor before the oldest pending entry, or after the last one written', () => {
    expect(store.outboxCursor('a')).toBe(0);
    write('e1', 'e2');
    const [first, second] = seqs();
    expect(store.outboxCursor('a')).toBe(first! - 1);
    store.ackOutbox(second!);
    expect(store.outboxCursor('a')).toBe(second);
  });

  it('tells the last seq ever written, also once every entry is applied', () => {
    expect(store.lastOutboxSeq()).toBe(0);
    write('e1', 'e2');
    const last = seqs().at(-1)!;
    expect(store.lastOutboxSeq()).toBe(last);
    store.setOutboxCursor('a', last);
    expect(seqs()).toEqual([]);
    expect(store.lastOutboxSeq()).toBe(last);
  });

  it('keeps an entry until every replica with a cursor has applied it', () => {
    write('e1', 'e2', 'e3');
    const [s1, s2, s3] = seqs();
    store.setOutboxCursor('a', s3!);
    expect(seqs()).toEqual([]);

    write('e4', 'e5');
    const [s4, s5] = seqs();
    store.setOutboxCursor('b', s3!);
    store.setOutboxCursor('a', s5!);
    expect(seqs()).toEqual([s4, s5]);
    expect(store.readOutbox(10, store.outboxCursor('b')).map((e) => e.entityId)).toEqual(['e4', 'e5']);
    expect(store.readOutbox(10, store.outboxCursor('a'))).toEqual([]);
    expect(store.listOutboxCursors()).toEqual([
      { replica: 'a', seq: s5 },
      { replica: 'b', seq: s3 },
    ]);

    store.setOutboxCursor('b', s4!);
    expect(seqs()).toEqual([s5]);
    store.forgetOutboxReplica('b');
    expect(seqs()).toEqual([]);
    expect(store.listOutboxCursors()).toEqual([{ replica: 'a', seq: s5 }]);
    expect([s1, s2].every((s) => s! < s3!)).toBe(true);
    expect(() => store.setOutboxCursor('a', -1)).toThrow(RangeError);
  });

  it('changes the data stamp when a cursor moves', () => {
    write('e1');
    const [s1] = seqs();
    store.setOutboxCursor('a', 0);
    store.setOutboxCursor('b', 0);
    const before = store.dataStamp();
    store.setOutboxCursor('a', s1!);
    const afterA = store.dataStamp();
    expect(afterA).not.toBe(before);
    store.setOutboxCursor('b', s1!);
    expect(store.dataStamp()).not.toBe(afterA);
    expect(store.dataStamp()).toBe(store.dataStamp());
  });

  it('lets one holder at a time drain a replica, until its claim runs out or it lets go', () => {
    write('e1', 'e2');
    const [s1] = seqs();
    expect(store.claimOutboxReplica('a', 'p1', 30_000)).toBe(true);
    // Claiming registers the replica where a replica without a cursor starts, keeping what is pending.
    expect(store.outboxCursor('a')).toBe(s1! - 1);
    expect(seqs()).toHaveLength(2);
    expect(store.claimOutboxReplica('a', 'p2', 30_000)).toBe(false);
    expect(store.claimOutboxReplica('b', 'p2', 30_000)).toBe(true);
    clock.tick(20_000);
    expect(store.claimOutboxReplica('a', 'p1', 30_000)).toBe(true);
    clock.tick(20_000);
    expect(store.claimOutboxReplica('a', 'p2', 30_000)).toBe(false);
    clock.tick(11_000);
    expect(store.claimOutboxReplica('a', 'p2', 30_000)).toBe(true);
    store.releaseOutboxReplica('a', 'p1');
    expect(store.claimOutboxReplica('a', 'p1', 30_000)).toBe(false);
    store.releaseOutboxReplica('a', 'p2');
    expect(store.claimOutboxReplica('a', 'p1', 30_000)).toBe(true);
    expect(store.outboxCursor('a')).toBe(s1! - 1);
  });
});
