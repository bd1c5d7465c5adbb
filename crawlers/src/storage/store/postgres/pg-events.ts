import {
  type Association,
  AssociationSchema,
  assertValid,
  type Event,
  EventSchema,
  InstantSchema,
} from '@fieldguide/shared';
import type { AssociationMethods } from '../associations.js';
import type { EventMethods } from '../events.js';
import type { EventStamp, SourceRef, UpsertResult } from '../store.types.js';
import {
  assertValidEvents,
  planAssociationUpsert,
  planDelisting,
  planEventUpsert,
  type StoredDoc,
} from '../upsert-plans.js';
import { deleteEventStatement, type OutboxChange, outboxInsert } from './pg-outbox.js';
import type { Session } from './session.js';

const PAGE_SIZE = 256;

interface DocRow extends StoredDoc {
  id: string;
}

const parseDocs = <T>(rows: readonly { doc: string }[]): T[] => rows.map((row) => JSON.parse(row.doc) as T);

/** Saves `saved` events (one per id) with their source references, and writes `changes` to the outbox, in bulk. */
function queueEventSaves(
  session: Session,
  saved: readonly { value: Event; hash: string }[],
  changes: readonly OutboxChange[],
  createdAt: string,
): void {
  if (saved.length > 0) {
    const events = saved.map((s) => s.value);
    const column = <T>(pick: (event: Event, i: number) => T) => events.map(pick);
    session.queue({
      text: `INSERT INTO events (id, doc, content_hash, start_ms, end_ms, association_id, series_id, delisted,
               last_seen, updated_at)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[],
               $7::text[], $8::boolean[], $9::text[], $10::text[])
             ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, content_hash = excluded.content_hash,
               start_ms = excluded.start_ms, end_ms = excluded.end_ms, association_id = excluded.association_id,
               series_id = excluded.series_id, delisted = excluded.delisted, last_seen = excluded.last_seen,
               updated_at = excluded.updated_at`,
      values: [
        column((e) => e.id),
        column((e) => JSON.stringify(e)),
        saved.map((s) => s.hash),
        column((e) => Date.parse(e.start)),
        column((e) => (e.end === undefined ? null : Date.parse(e.end))),
        column((e) => e.associationId ?? null),
        column((e) => e.seriesId ?? null),
        column((e) => e.delisted),
        column((e) => e.lastSeen),
        column((e) => e.updatedAt),
      ],
    });
    const refs = events.flatMap((e) => e.sources.map((ref) => ({ id: e.id, ...ref })));
    session.queue({
      text: 'DELETE FROM event_sources WHERE event_id = ANY($1::text[])',
      values: [column((e) => e.id)],
    });
    session.queue({
      text: `INSERT INTO event_sources (event_id, source_id, url, seen_ms)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[])`,
      values: [
        refs.map((r) => r.id),
        refs.map((r) => r.sourceId),
        refs.map((r) => r.url),
        refs.map((r) => Date.parse(r.seenAt)),
      ],
    });
  }
  if (changes.length > 0) session.queue(outboxInsert(changes, createdAt));
}

/**
 * Events and associations of the PostgreSQL store. An upsert of a batch costs two round trips whatever its size:
 * the stored rows of its ids are read under the write lock, the plans made here, and every write sent in bulk
 * (`unnest` arrays) with the COMMIT.
 */
export function createPgEvents(session: Session, nowIso: () => string): EventMethods & AssociationMethods {
  const writeEvents = (events: readonly Event[]): UpsertResult[] =>
    session.write(() => {
      const ids = [...new Set(events.map((e) => e.id))];
      const rows = session.rows<DocRow>('SELECT id, doc, content_hash FROM events WHERE id = ANY($1::text[])', [ids]);
      const stored = new Map<string, StoredDoc>(rows.map((r) => [r.id, r]));
      const saved = new Map<string, { value: Event; hash: string }>();
      const changes: OutboxChange[] = [];
      const results = events.map((event): UpsertResult => {
        const plan = planEventUpsert(stored.get(event.id), event, nowIso);
        if (plan.save) {
          saved.set(event.id, plan.save);
          stored.set(event.id, { doc: JSON.stringify(plan.save.value), content_hash: plan.save.hash });
        }
        if (plan.outbox) changes.push(['event', event.id, 'upsert']);
        return { id: event.id, status: plan.status };
      });
      queueEventSaves(session, [...saved.values()], changes, nowIso());
      return results;
    });

  const delist = (sourceId: string, seenIds: ReadonlySet<string>, startedMs: number): number =>
    session.write(() => {
      // Listed events whose every reference is to this source and none of them seen since the crawl began.
      const candidates = session.rows<DocRow>(
        `SELECT e.id, e.doc, e.content_hash FROM event_sources s JOIN events e ON e.id = s.event_id
         WHERE s.source_id = $1 AND NOT e.delisted
           AND NOT EXISTS (SELECT 1 FROM event_sources o WHERE o.event_id = e.id AND o.source_id <> $1)
         GROUP BY e.id HAVING max(s.seen_ms) < $2`,
        [sourceId, startedMs],
      );
      const gone = candidates.filter((c) => !seenIds.has(c.id));
      queueEventSaves(
        session,
        gone.map((c) => planDelisting(c, nowIso)),
        gone.map((c): OutboxChange => ['event', c.id, 'upsert']),
        nowIso(),
      );
      return gone.length;
    });

  function* pages<T>(table: 'events' | 'associations'): IterableIterator<T> {
    let after = '';
    for (;;) {
      const rows = session.rows<DocRow>(`SELECT id, doc FROM ${table} WHERE id > $1 ORDER BY id LIMIT $2`, [
        after,
        PAGE_SIZE,
      ]);
      yield* parseDocs<T>(rows);
      const last = rows.at(-1);
      if (!last || rows.length < PAGE_SIZE) return;
      after = last.id;
    }
  }

  const docOf = <T>(table: 'events' | 'associations', id: string): T | undefined =>
    parseDocs<T>(session.rows<DocRow>(`SELECT doc FROM ${table} WHERE id = $1`, [id]))[0];
  const countOf = (table: 'events' | 'associations') =>
    session.rows<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)[0]?.n ?? 0;

  return {
    upsertEvent: (event) => writeEvents([assertValid(EventSchema, event, 'event')])[0] as UpsertResult,
    upsertEvents: (events) => writeEvents(assertValidEvents(events)),
    getEvent: (id) => docOf<Event>('events', id),
    getEvents: (ids) => {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return [];
      const rows = session.rows<DocRow>('SELECT id, doc FROM events WHERE id = ANY($1::text[])', [wanted]);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return parseDocs<Event>(wanted.flatMap((id) => byId.get(id) ?? []));
    },
    deleteEvent: (id) =>
      (session.atomically([deleteEventStatement(id, nowIso())], { lock: true })[0]?.rowCount ?? 0) > 0,
    iterateEvents: () => pages<Event>('events'),
    countEvents: () => countOf('events'),
    findEventsStartingBetween: (fromMs, toMs) =>
      parseDocs(
        session.rows('SELECT doc FROM events WHERE start_ms >= $1 AND start_ms < $2 ORDER BY start_ms, id', [
          fromMs,
          toMs,
        ]),
      ),
    listUpcomingEventStamps: (nowMs) =>
      session.rows<EventStamp>(
        `SELECT id, updated_at AS "updatedAt" FROM events
         WHERE NOT delisted AND coalesce(end_ms, start_ms) >= $1
           AND coalesce((doc::jsonb ->> 'careerRelevant')::boolean, true)
         ORDER BY id COLLATE "C"`,
        [nowMs],
      ),
    listSourceRefs: (sourceId) =>
      session.rows<SourceRef>(
        'SELECT event_id AS "eventId", url FROM event_sources WHERE source_id = $1 ORDER BY url, event_id',
        [sourceId],
      ),
    listSeriesEvents: (seriesId) =>
      parseDocs(session.rows('SELECT doc FROM events WHERE series_id = $1 ORDER BY start_ms, id', [seriesId])),
    markDelisted: (sourceId, seenIds, crawlStartedAt) =>
      delist(sourceId, seenIds, Date.parse(assertValid(InstantSchema, crawlStartedAt, 'crawlStartedAt'))),
    upsertAssociation: (input) => {
      const association = assertValid(AssociationSchema, input, 'association');
      return session.write(() => {
        const stored = session.rows<DocRow>('SELECT id, doc, content_hash FROM associations WHERE id = $1', [
          association.id,
        ])[0];
        const plan = planAssociationUpsert(stored, association, nowIso);
        if (plan.save) {
          const { value, hash } = plan.save;
          session.queue({
            text: `INSERT INTO associations (id, doc, content_hash, updated_at) VALUES ($1, $2, $3, $4)
                   ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, content_hash = excluded.content_hash,
                     updated_at = excluded.updated_at`,
            values: [association.id, JSON.stringify(value), hash, value.updatedAt],
          });
          session.queue(outboxInsert([['association', association.id, 'upsert']], nowIso()));
        }
        return { id: association.id, status: plan.status };
      });
    },
    getAssociation: (id) => docOf<Association>('associations', id),
    iterateAssociations: () => pages<Association>('associations'),
    countAssociations: () => countOf('associations'),
  };
}
