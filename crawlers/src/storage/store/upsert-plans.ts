import { type Association, assertValid, type Event, EventSchema, type Source } from '@fieldguide/shared';
import { associationContentHash, canonicalJson, eventContentHash, sourceContentHash } from './content-hash.js';
import { laterInstant, mergeSourceRefs } from './merge-sources.js';
import type { UpsertResult } from './store.types.js';

// What both store engines decide about an upsert, from the stored row and the incoming value; each engine only
// reads the row before and writes what the plan says after.

/** A stored document with the hash of its content. */
export interface StoredDoc {
  doc: string;
  content_hash: string;
}

/** What to write for an upsert: the value to save (none when nothing changed) and whether the index must hear of it. */
export interface UpsertPlan<T> {
  status: UpsertResult['status'];
  save?: { value: T; hash: string };
  outbox: boolean;
}

const seenPart = (event: Event) => canonicalJson([event.lastSeen, event.sources]);

/** `events` checked against the schema, one error naming the first invalid one (`events[i]`). */
export function assertValidEvents(events: readonly Event[]): readonly Event[] {
  for (const [i, event] of events.entries()) assertValid(EventSchema, event, `events[${i}]`);
  return events;
}

/**
 * An event upsert: sources merged with the stored ones, `firstSeen` kept, the later `lastSeen`; a real change gets
 * `updatedAt` now and an outbox entry, a new sighting alone is saved without either.
 */
export function planEventUpsert(stored: StoredDoc | undefined, event: Event, nowIso: () => string): UpsertPlan<Event> {
  if (!stored) {
    const value = { ...event, sources: mergeSourceRefs([], event.sources), updatedAt: nowIso() };
    return { status: 'inserted', save: { value, hash: eventContentHash(value) }, outbox: true };
  }
  const previous = JSON.parse(stored.doc) as Event;
  const merged: Event = {
    ...event,
    sources: mergeSourceRefs(previous.sources, event.sources),
    firstSeen: previous.firstSeen,
    lastSeen: laterInstant(previous.lastSeen, event.lastSeen),
    updatedAt: previous.updatedAt,
  };
  // `updatedAt` is not part of the hash, so the hash of `merged` holds for the saved value too.
  const hash = eventContentHash(merged);
  if (hash !== stored.content_hash) {
    return { status: 'updated', save: { value: { ...merged, updatedAt: nowIso() }, hash }, outbox: true };
  }
  if (seenPart(merged) !== seenPart(previous))
    return { status: 'unchanged', save: { value: merged, hash }, outbox: false };
  return { status: 'unchanged', outbox: false };
}

/** A stored event no longer listed by its only source: a real change, with an outbox entry. */
export function planDelisting(stored: StoredDoc, nowIso: () => string): { value: Event; hash: string } {
  const value: Event = { ...(JSON.parse(stored.doc) as Event), delisted: true, updatedAt: nowIso() };
  return { value, hash: eventContentHash(value) };
}

/** An association upsert: `firstSeen` kept; a real change gets `updatedAt` now and an outbox entry. */
export function planAssociationUpsert(
  stored: StoredDoc | undefined,
  association: Association,
  nowIso: () => string,
): UpsertPlan<Association> {
  const previous = stored && (JSON.parse(stored.doc) as Association);
  const next: Association = previous
    ? { ...association, firstSeen: previous.firstSeen, updatedAt: previous.updatedAt }
    : association;
  const hash = associationContentHash(next);
  if (stored && hash === stored.content_hash) return { status: 'unchanged', outbox: false };
  return {
    status: stored ? 'updated' : 'inserted',
    save: { value: { ...next, updatedAt: nowIso() }, hash },
    outbox: true,
  };
}

/** A source's configuration as stored (its health apart), and whether saving it changes anything. */
export function planSourceUpsert(
  storedHash: string | undefined,
  source: Source,
): { status: UpsertResult['status']; config: string; health: string; hash: string; enabled: boolean } {
  const { health, ...config } = source;
  const hash = sourceContentHash(config);
  const status = storedHash === undefined ? 'inserted' : storedHash === hash ? 'unchanged' : 'updated';
  return { status, config: JSON.stringify(config), health: JSON.stringify(health), hash, enabled: source.enabled };
}
