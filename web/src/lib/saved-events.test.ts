import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  getSavedEvents,
  MAX_SAVED_EVENTS,
  parseSavedEvents,
  SAVED_EVENTS_KEY,
  saveEvent,
  serializeSavedEvents,
  UNREADABLE_SAVED_EVENTS_KEY,
  unsaveEvent,
  useSavedEvents,
} from './saved-events.js';

const event = (id: string) => ({ id, title: `Event ${id}`, start: '2027-03-10T15:00:00.000Z' });
const NOW = new Date('2026-12-09T12:00:00Z');

afterEach(() => localStorage.clear());

describe('reading a stored list', () => {
  it('reads what it writes', () => {
    const events = [{ ...event('a'), savedAt: NOW.toISOString() }];
    expect(parseSavedEvents(serializeSavedEvents(events))).toEqual({ events, readable: true });
    expect(parseSavedEvents(null)).toEqual({ events: [], readable: true });
  });

  it('ignores broken JSON, another version and another shape', () => {
    for (const raw of [
      '{not json',
      'null',
      '[]',
      '"a,b"',
      JSON.stringify({ version: 2, events: [{ id: 'a' }] }),
      JSON.stringify({ version: '1', events: [{ id: 'a' }] }),
      JSON.stringify({ version: 1, events: { id: 'a' } }),
    ]) {
      expect(parseSavedEvents(raw), raw).toEqual({ events: [], readable: false });
    }
  });

  it('drops entries that are not events, keeps repeats once, and holds at most the maximum', () => {
    const raw = JSON.stringify({
      version: 1,
      events: [
        { id: 'a', title: 'A', start: 'x', savedAt: 'y' },
        { id: '../etc/passwd' },
        { id: 42 },
        null,
        'b',
        { id: 'a', title: 'again' },
        { id: 'c', title: { html: '<b>' } },
      ],
    });
    expect(parseSavedEvents(raw).events).toEqual([
      { id: 'a', title: 'A', start: 'x', savedAt: 'y' },
      { id: 'c', title: '', start: '', savedAt: '' },
    ]);
    const many = Array.from({ length: MAX_SAVED_EVENTS + 5 }, (_, i) => ({ id: `e${i}` }));
    expect(parseSavedEvents(JSON.stringify({ version: 1, events: many })).events).toHaveLength(MAX_SAVED_EVENTS);
  });
});

describe('the saved list in this browser', () => {
  it('saves newest first, removes, and survives a reload (it lives in localStorage)', () => {
    expect(saveEvent(event('a'), NOW)).toBe(true);
    expect(saveEvent(event('b'), NOW)).toBe(true);
    expect(saveEvent(event('a'), NOW)).toBe(true);
    expect(getSavedEvents().map((e) => e.id)).toEqual(['b', 'a']);
    expect(JSON.parse(localStorage.getItem(SAVED_EVENTS_KEY) ?? '')).toMatchObject({
      version: 1,
      events: [{ id: 'b', title: 'Event b', savedAt: NOW.toISOString() }, { id: 'a' }],
    });
    unsaveEvent('b');
    expect(getSavedEvents().map((e) => e.id)).toEqual(['a']);
  });

  it('refuses one more event when full', () => {
    for (let i = 0; i < MAX_SAVED_EVENTS; i++) saveEvent(event(`e${i}`), NOW);
    expect(saveEvent(event('one-more'), NOW)).toBe(false);
    expect(getSavedEvents()).toHaveLength(MAX_SAVED_EVENTS);
  });

  it('keeps unreadable content aside before the first save replaces it', () => {
    localStorage.setItem(SAVED_EVENTS_KEY, '{"version":7,"events":"from the future"}');
    expect(getSavedEvents()).toEqual([]);
    saveEvent(event('a'), NOW);
    expect(localStorage.getItem(UNREADABLE_SAVED_EVENTS_KEY)).toBe('{"version":7,"events":"from the future"}');
    expect(getSavedEvents().map((e) => e.id)).toEqual(['a']);
  });

  it('follows changes made in another tab (the storage event)', () => {
    const { result } = renderHook(() => useSavedEvents());
    expect(result.current).toEqual([]);
    const raw = serializeSavedEvents([{ ...event('from-other-tab'), savedAt: NOW.toISOString() }]);
    act(() => {
      localStorage.setItem(SAVED_EVENTS_KEY, raw);
      window.dispatchEvent(new StorageEvent('storage', { key: SAVED_EVENTS_KEY, newValue: raw }));
    });
    expect(result.current.map((e) => e.id)).toEqual(['from-other-tab']);
    act(() => {
      localStorage.clear();
      window.dispatchEvent(new StorageEvent('storage', { key: null }));
    });
    expect(result.current).toEqual([]);
  });

  it('keeps the list in the page when the browser refuses to store it', async () => {
    // A fresh copy of the module: once storage refuses a write, a page keeps its list in memory for good.
    vi.resetModules();
    const fresh = await import('./saved-events.js');
    fresh.saveEvent(event('a'), NOW);
    const setItem = vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    });
    try {
      expect(fresh.saveEvent(event('b'), NOW)).toBe(true);
      expect(fresh.getSavedEvents().map((e) => e.id)).toEqual(['b', 'a']);
      expect(setItem).toHaveBeenCalled();
      expect(localStorage.getItem(SAVED_EVENTS_KEY)).not.toContain('"b"');
    } finally {
      setItem.mockRestore();
    }
  });
});
