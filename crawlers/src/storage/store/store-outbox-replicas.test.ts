import { describe, expect, it } from 'vitest';
import { makeEvent } from './fixtures/sample-data.js';
import { storeEngines, storeTestContext } from './fixtures/store-engines.js';

describe.each(storeEngines())('$name store', (engine) => {
  const t = storeTestContext(engine);

  const write = (...ids: string[]) => ids.map((id) => t.store.upsertEvent(makeEvent({ id })));
  const seqs = () => t.store.readOutbox(100).map((e) => e.seq);

  describe('outbox cursors of search-index replicas', () => {
    it('starts a replica without a cursor before the oldest pending entry, or after the last one written', () => {
      expect(t.store.outboxCursor('a')).toBe(0);
      write('e1', 'e2');
      const [first, second] = seqs();
      expect(t.store.outboxCursor('a')).toBe(first! - 1);
      t.store.ackOutbox(second!);
      expect(t.store.outboxCursor('a')).toBe(second);
    });

    it('keeps an entry until every replica with a cursor has applied it', () => {
      write('e1', 'e2', 'e3');
      const [s1, s2, s3] = seqs();
      t.store.setOutboxCursor('a', s3!);
      expect(seqs()).toEqual([]);

      write('e4', 'e5');
      const [s4, s5] = seqs();
      t.store.setOutboxCursor('b', s3!);
      t.store.setOutboxCursor('a', s5!);
      expect(seqs()).toEqual([s4, s5]);
      expect(t.store.readOutbox(10, t.store.outboxCursor('b')).map((e) => e.entityId)).toEqual(['e4', 'e5']);
      expect(t.store.readOutbox(10, t.store.outboxCursor('a'))).toEqual([]);
      expect(t.store.listOutboxCursors()).toEqual([
        { replica: 'a', seq: s5 },
        { replica: 'b', seq: s3 },
      ]);

      t.store.setOutboxCursor('b', s4!);
      expect(seqs()).toEqual([s5]);
      t.store.forgetOutboxReplica('b');
      expect(seqs()).toEqual([]);
      expect(t.store.listOutboxCursors()).toEqual([{ replica: 'a', seq: s5 }]);
      expect([s1, s2].every((s) => s! < s3!)).toBe(true);
      expect(() => t.store.setOutboxCursor('a', -1)).toThrow(RangeError);
    });

    it('tells the last seq ever written, also once every entry is applied', () => {
      expect(t.store.lastOutboxSeq()).toBe(0);
      write('e1', 'e2');
      const last = seqs().at(-1)!;
      expect(t.store.lastOutboxSeq()).toBe(last);
      t.store.setOutboxCursor('a', last);
      expect(seqs()).toEqual([]);
      expect(t.store.lastOutboxSeq()).toBe(last);
    });

    it('changes the data stamp when a cursor moves', () => {
      write('e1');
      const [s1] = seqs();
      t.store.setOutboxCursor('a', 0);
      t.store.setOutboxCursor('b', 0);
      const before = t.store.dataStamp();
      t.store.setOutboxCursor('a', s1!);
      const afterA = t.store.dataStamp();
      expect(afterA).not.toBe(before);
      t.store.setOutboxCursor('b', s1!);
      expect(t.store.dataStamp()).not.toBe(afterA);
      expect(t.store.dataStamp()).toBe(t.store.dataStamp());
    });

    it('lets one holder at a time drain a replica, until its claim runs out or it lets go', () => {
      write('e1', 'e2');
      const [s1] = seqs();
      expect(t.store.claimOutboxReplica('a', 'p1', 30_000)).toBe(true);
      // Claiming registers the replica where a replica without a cursor starts, keeping what is pending.
      expect(t.store.outboxCursor('a')).toBe(s1! - 1);
      expect(seqs()).toHaveLength(2);
      expect(t.store.claimOutboxReplica('a', 'p2', 30_000)).toBe(false);
      expect(t.store.claimOutboxReplica('b', 'p2', 30_000)).toBe(true);
      t.clock.tick(20_000);
      expect(t.store.claimOutboxReplica('a', 'p1', 30_000)).toBe(true);
      t.clock.tick(20_000);
      expect(t.store.claimOutboxReplica('a', 'p2', 30_000)).toBe(false);
      t.clock.tick(11_000);
      expect(t.store.claimOutboxReplica('a', 'p2', 30_000)).toBe(true);
      t.store.releaseOutboxReplica('a', 'p1');
      expect(t.store.claimOutboxReplica('a', 'p1', 30_000)).toBe(false);
      t.store.releaseOutboxReplica('a', 'p2');
      expect(t.store.claimOutboxReplica('a', 'p1', 30_000)).toBe(true);
      expect(t.store.outboxCursor('a')).toBe(s1! - 1);
    });
  });
});
