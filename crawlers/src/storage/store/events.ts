import { assertValid, type Event, EventSchema, InstantSchema } from '@fieldguide/shared';
import type Database from 'better-sqlite3';
import type { Outbox } from './outbox.js';
import type { EventStamp, SourceRef, Store, UpsertResult } from './store.types.js';
import { assertValidEvents, planDelisting, planEventUpsert } from './upsert-plans.js';

const PAGE_SIZE = 256;

/** The event methods of the store, which each engine implements. */
export type EventMethods = Pick<
  Store,
  | 'upsertEvent'
  | 'upsertEvents'
  | 'getEvent'
  | 'getEvents'
  | 'deleteEvent'
  | 'iterateEvents'
  | 'countEvents'
  | 'markDelisted'
  | 'findEventsStartingBetween'
  | 'listUpcomingEventStamps'
  | 'listSourceRefs'
  | 'listSeriesEvents'
>;

interface EventRow {
  id: string;
  doc: string;
  content_hash: string;
}

interface EventColumns {
  id: string;
  doc: string;
  content_hash: string;
  start_ms: number;
  end_ms: number | null;
  association_id: string | null;
  delisted: number;
  last_seen: string;
  updated_at: string;
}

/** Events: upserts that compare content, merge sources and write the outbox in the same transaction. */
export function createEvents(db: Database.Database, outbox: Outbox, nowIso: () => string): EventMethods {
  const row = db.prepare<[string], EventRow>('SELECT id, doc, content_hash FROM events WHERE id = ?');
  const put = db.prepare<[EventColumns]>(
    `INSERT INTO events (id, doc, content_hash, start_ms, end_ms, association_id, delisted, last_seen, updated_at)
     VALUES (@id, @doc, @content_hash, @start_ms, @end_ms, @association_id, @delisted, @last_seen, @updated_at)
     ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, content_hash = excluded.content_hash,
       start_ms = excluded.start_ms, end_ms = excluded.end_ms, association_id = excluded.association_id,
       delisted = excluded.delisted, last_seen = excluded.last_seen, updated_at = excluded.updated_at`,
  );
  const clearRefs = db.prepare<[string]>('DELETE FROM event_sources WHERE event_id = ?');
  const addRef = db.prepare<[string, string, string, number]>(
    'INSERT INTO event_sources (event_id, source_id, url, seen_ms) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare<[string]>('DELETE FROM events WHERE id = ?');
  const page = db.prepare<[string, number], EventRow>(
    'SELECT id, doc, content_hash FROM events WHERE id > ? ORDER BY id LIMIT ?',
  );
  const count = db.prepare<[], number>('SELECT count(*) FROM events').pluck();
  const startingBetween = db.prepare<[number, number], { doc: string }>(
    'SELECT doc FROM events WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id',
  );
  const upcomingStamps = db.prepare<[number], EventStamp>(
    `SELECT id, updated_at AS updatedAt FROM events
     WHERE delisted = 0 AND coalesce(end_ms, start_ms) >= ?
       AND coalesce(json_extract(doc, '$.careerRelevant'), 1) <> 0
     ORDER BY id`,
  );
  const ofSeries = db.prepare<[string], { doc: string }>(
    "SELECT doc FROM events WHERE json_extract(doc, '$.seriesId') = ? ORDER BY start_ms, id",
  );
  const refsOf = db.prepare<[string], SourceRef>(
    'SELECT event_id AS eventId, url FROM event_sources WHERE source_id = ? ORDER BY url, event_id',
  );
  // Listed events whose every reference is to this source and none of them seen since the crawl began.
  const delistCandidates = db.prepare<{ sourceId: string; startedMs: number }, EventRow>(
    `SELECT e.id, e.doc, e.content_hash FROM event_sources s JOIN events e ON e.id = s.event_id
     WHERE s.source_id = @sourceId AND e.delisted = 0
       AND NOT EXISTS (SELECT 1 FROM event_sources o WHERE o.event_id = e.id AND o.source_id <> @sourceId)
     GROUP BY e.id
     HAVING max(s.seen_ms) < @startedMs`,
  );

  const save = (event: Event, hash: string) => {
    put.run({
      id: event.id,
      doc: JSON.stringify(event),
      content_hash: hash,
      start_ms: Date.parse(event.start),
      end_ms: event.end === undefined ? null : Date.parse(event.end),
      association_id: event.associationId ?? null,
      delisted: event.delisted ? 1 : 0,
      last_seen: event.lastSeen,
      updated_at: event.updatedAt,
    });
    clearRefs.run(event.id);
    for (const ref of event.sources) addRef.run(event.id, ref.sourceId, ref.url, Date.parse(ref.seenAt));
  };

  const write = (event: Event): UpsertResult => {
    const plan = planEventUpsert(row.get(event.id), event, nowIso);
    if (plan.save) save(plan.save.value, plan.save.hash);
    if (plan.outbox) outbox.add('event', event.id, 'upsert');
    return { id: event.id, status: plan.status };
  };

  // Writers run IMMEDIATE (see `transaction` in store.ts).
  const writeOne = db.transaction(write);
  const writeMany = db.transaction((events: readonly Event[]) => events.map(write));
  const removeOne = db.transaction((id: string) => {
    if (remove.run(id).changes === 0) return false;
    outbox.add('event', id, 'delete');
    return true;
  });
  const delist = db.transaction((sourceId: string, seenIds: ReadonlySet<string>, startedMs: number) => {
    let delisted = 0;
    for (const candidate of delistCandidates.all({ sourceId, startedMs })) {
      if (seenIds.has(candidate.id)) continue;
      const { value, hash } = planDelisting(candidate, nowIso);
      save(value, hash);
      outbox.add('event', candidate.id, 'upsert');
      delisted += 1;
    }
    return delisted;
  });

  return {
    upsertEvent: (event) => writeOne.immediate(assertValid(EventSchema, event, 'event')),
    upsertEvents: (events) => writeMany.immediate(assertValidEvents(events)),
    getEvent: (id) => {
      const stored = row.get(id);
      return stored && (JSON.parse(stored.doc) as Event);
    },
    getEvents: (ids) => {
      const events: Event[] = [];
      for (const id of new Set(ids)) {
        const stored = row.get(id);
        if (stored) events.push(JSON.parse(stored.doc) as Event);
      }
      return events;
    },
    deleteEvent: (id) => removeOne.immediate(id),
    *iterateEvents() {
      let after = '';
      for (;;) {
        const rows = page.all(after, PAGE_SIZE);
        for (const r of rows) yield JSON.parse(r.doc) as Event;
        const last = rows.at(-1);
        if (!last || rows.length < PAGE_SIZE) return;
        after = last.id;
      }
    },
    countEvents: () => count.get() ?? 0,
    findEventsStartingBetween: (fromMs, toMs) =>
      startingBetween.all(fromMs, toMs).map((r) => JSON.parse(r.doc) as Event),
    listUpcomingEventStamps: (nowMs) => upcomingStamps.all(nowMs),
    listSourceRefs: (sourceId) => refsOf.all(sourceId),
    listSeriesEvents: (seriesId) => ofSeries.all(seriesId).map((r) => JSON.parse(r.doc) as Event),
    markDelisted: (sourceId, seenIds, crawlStartedAt) =>
      delist.immediate(sourceId, seenIds, Date.parse(assertValid(InstantSchema, crawlStartedAt, 'crawlStartedAt'))),
  };
}
