import type { Event } from '@fieldguide/shared';
import type { Store } from '../storage/store/store.types.js';
import { DEFAULT_THRESHOLDS, type MatchResult, type MatchThresholds, matchEvents } from './match.js';
import { mergeEvents } from './merge.js';

/** What dedupe reads from the store: the events around a start time, and an event by id. */
export type DedupeLookup = Pick<Store, 'findEventsStartingBetween' | 'getEvent'>;

/** One incoming event folded into another record. */
export interface DedupeMerge {
  /** The incoming event's own id. */
  from: string;
  /** The id it was merged into (an event of the same batch or of the store). */
  into: string;
  reason: MatchResult['reason'] | 'same-id';
}

/** The events to write, and where each incoming event went. */
export interface DedupeOutcome {
  /** One event per distinct event, merged with what the store already had; ready for `upsertEvents`. */
  events: Event[];
  /** Incoming id → the id it is stored under (itself unless merged into another event). */
  idMap: Map<string, string>;
  merges: DedupeMerge[];
}

/** Options of {@link dedupeEvents}. */
export interface DedupeOptions {
  thresholds?: Readonly<MatchThresholds>;
}

const HOUR_MS = 3_600_000;
// A day in any zone lies within 38 h of an instant on it (UTC−12 … UTC+14).
const WINDOW_MS = 38 * HOUR_MS;

const isSingleSource = (event: Event, sourceIds: ReadonlySet<string>): boolean =>
  event.sources.every((ref) => sourceIds.has(ref.sourceId));

/**
 * Folds a batch of incoming events into distinct events: an event with the id of a stored one updates it
 * (keeping what other sources added); otherwise an event that {@link matchEvents} finds in the batch or in the
 * store (events starting within a day of it) is merged into that one, which keeps its id and `firstSeen`, the
 * union of sources and the richer fields. Pure apart from the store reads; the caller upserts `events`, in the
 * same synchronous step so no other batch can slip in between.
 */
export function dedupeEvents(
  incoming: readonly Event[],
  lookup?: DedupeLookup,
  options: DedupeOptions = {},
): DedupeOutcome {
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const out = new Map<string, Event>();
  const idMap = new Map<string, string>();
  const merges: DedupeMerge[] = [];

  const candidatesFor = (event: Event): Event[] => {
    const startMs = Date.parse(event.start);
    const fromStore = lookup?.findEventsStartingBetween(startMs - WINDOW_MS, startMs + WINDOW_MS) ?? [];
    const batch = [...out.values()];
    const inBatch = new Set(batch.map((e) => e.id));
    return [...batch, ...fromStore.filter((e) => !inBatch.has(e.id))];
  };

  for (const event of incoming) {
    const inBatch = out.get(event.id);
    if (inBatch) {
      out.set(event.id, mergeEvents(inBatch, event));
      idMap.set(event.id, event.id);
      merges.push({ from: event.id, into: event.id, reason: 'same-id' });
      continue;
    }
    const stored = lookup?.getEvent(event.id);
    if (stored) {
      const sources = new Set(event.sources.map((ref) => ref.sourceId));
      // The record's own source speaks first; what other sources added to it stays.
      out.set(event.id, isSingleSource(stored, sources) ? event : mergeEvents(event, stored));
      idMap.set(event.id, event.id);
      continue;
    }
    let best: { target: Event; match: MatchResult } | undefined;
    for (const candidate of candidatesFor(event)) {
      const match = matchEvents(candidate, event, thresholds);
      if (!match.duplicate) continue;
      if (
        !best ||
        (match.sameUrl && !best.match.sameUrl) ||
        (match.sameUrl === best.match.sameUrl && match.title.score > best.match.title.score)
      ) {
        best = { target: candidate, match };
      }
    }
    if (!best) {
      out.set(event.id, event);
      idMap.set(event.id, event.id);
      continue;
    }
    const base = out.get(best.target.id) ?? best.target;
    out.set(base.id, mergeEvents(base, event));
    idMap.set(event.id, base.id);
    merges.push({ from: event.id, into: base.id, reason: best.match.reason });
  }
  return { events: [...out.values()], idMap, merges };
}
