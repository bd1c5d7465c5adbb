import { MAX_EXPORT_EVENTS } from '@fieldguide/shared';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * Events the viewer saved, kept in this browser's localStorage (no account): ids with the title and start they
 * had when saved, so an event that has since gone can still be named. Every tab of the site sees the same list
 * (the `storage` event). Content this version cannot read is ignored, and kept aside under
 * {@link UNREADABLE_SAVED_EVENTS_KEY} before the list is first written over it.
 */

/** Where the list lives in localStorage. */
export const SAVED_EVENTS_KEY = 'fieldguide:saved-events';
/** Where content of {@link SAVED_EVENTS_KEY} that could not be read is kept, once, before it is replaced. */
export const UNREADABLE_SAVED_EVENTS_KEY = 'fieldguide:saved-events:unreadable';
/** The format written today: `{ "version": 1, "events": [SavedEvent, …] }`. */
export const SAVED_EVENTS_VERSION = 1;
/** Most events a list holds: as many as one `.ics` export takes. */
export const MAX_SAVED_EVENTS = MAX_EXPORT_EVENTS;

export interface SavedEvent {
  id: string;
  /** The title when saved. */
  title: string;
  /** The start when saved, ISO 8601. */
  start: string;
  /** When it was saved, ISO 8601. */
  savedAt: string;
}

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const NONE: readonly SavedEvent[] = Object.freeze([]);

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

function readEntry(value: unknown): SavedEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Record<string, unknown>;
  if (typeof entry.id !== 'string' || !ID.test(entry.id)) return undefined;
  return {
    id: entry.id,
    title: text(entry.title, 300),
    start: text(entry.start, 40),
    savedAt: text(entry.savedAt, 40),
  };
}

/**
 * The list stored as `raw`: empty for nothing, broken JSON, another version or another shape; entries that are
 * not events are dropped, repeats kept once, at most {@link MAX_SAVED_EVENTS}.
 */
export function parseSavedEvents(raw: string | null): { events: readonly SavedEvent[]; readable: boolean } {
  if (raw === null) return { events: NONE, readable: true };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { events: NONE, readable: false };
  }
  const stored = data as { version?: unknown; events?: unknown } | null;
  if (stored?.version !== SAVED_EVENTS_VERSION || !Array.isArray(stored.events))
    return { events: NONE, readable: false };
  const seen = new Set<string>();
  const events: SavedEvent[] = [];
  for (const value of stored.events) {
    const entry = readEntry(value);
    if (!entry || seen.has(entry.id)) continue;
    seen.add(entry.id);
    events.push(entry);
    if (events.length === MAX_SAVED_EVENTS) break;
  }
  return { events, readable: true };
}

export const serializeSavedEvents = (events: readonly SavedEvent[]): string =>
  JSON.stringify({ version: SAVED_EVENTS_VERSION, events });

/** localStorage, or undefined where the browser has none or refuses it (private modes, disabled storage). */
function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

const listeners = new Set<() => void>();
let snapshot: { raw: string | null; events: readonly SavedEvent[]; readable: boolean } = {
  raw: null,
  events: NONE,
  readable: true,
};
/** The list when localStorage cannot be used (none, or a write refused): kept for this page's life only. */
let inMemory: string | null = null;
let memoryOnly = false;

function readRaw(): string | null {
  const store = storage();
  if (!store || memoryOnly) return inMemory;
  try {
    return store.getItem(SAVED_EVENTS_KEY);
  } catch {
    return inMemory;
  }
}

/** The saved events, the same array until the stored list changes. */
export function getSavedEvents(): readonly SavedEvent[] {
  const raw = readRaw();
  if (raw !== snapshot.raw) snapshot = { raw, ...parseSavedEvents(raw) };
  return snapshot.events;
}

function write(events: readonly SavedEvent[]): void {
  getSavedEvents();
  const raw = serializeSavedEvents(events);
  const store = storage();
  try {
    if (!snapshot.readable && snapshot.raw !== null && store?.getItem(UNREADABLE_SAVED_EVENTS_KEY) === null) {
      store.setItem(UNREADABLE_SAVED_EVENTS_KEY, snapshot.raw);
    }
    if (store && !memoryOnly) store.setItem(SAVED_EVENTS_KEY, raw);
    else inMemory = raw;
  } catch {
    // Storage full or refused: the list lives on in this page rather than the save being lost.
    memoryOnly = true;
    inMemory = raw;
  }
  for (const listener of listeners) listener();
}

function onStorage(event: StorageEvent): void {
  if (event.key !== null && event.key !== SAVED_EVENTS_KEY) return;
  for (const listener of listeners) listener();
}

/** Calls `listener` when the list changes, in this tab or another. */
export function subscribeSavedEvents(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('storage', onStorage);
  };
}

/** Adds the event to the list (newest first); false when the list is full. */
export function saveEvent(event: { id: string; title: string; start: string }, now: Date = new Date()): boolean {
  const events = getSavedEvents();
  if (events.some((e) => e.id === event.id)) return true;
  if (events.length >= MAX_SAVED_EVENTS) return false;
  write([{ id: event.id, title: event.title, start: event.start, savedAt: now.toISOString() }, ...events]);
  return true;
}

export function unsaveEvent(id: string): void {
  const events = getSavedEvents();
  if (events.some((e) => e.id === id)) write(events.filter((e) => e.id !== id));
}

/** The saved events, re-rendering on every change (this tab's or another's). */
export const useSavedEvents = (): readonly SavedEvent[] =>
  useSyncExternalStore(subscribeSavedEvents, getSavedEvents, () => NONE);

/** Whether one event is saved, and a toggle that saves or removes it (false when the list was full). */
export function useSavedToggle(event: { id: string; title: string; start: string }) {
  const saved = useSavedEvents().some((e) => e.id === event.id);
  const { id, title, start } = event;
  const toggle = useCallback(() => {
    if (saved) {
      unsaveEvent(id);
      return true;
    }
    return saveEvent({ id, title, start });
  }, [saved, id, title, start]);
  return { saved, toggle };
}
