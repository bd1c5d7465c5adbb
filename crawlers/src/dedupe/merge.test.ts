import type { Event } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { makeEvent } from '../storage/store/fixtures/sample-data.js';
import { mergeEvents } from './merge.js';

const primary: Event = makeEvent({
  id: 'a',
  title: 'Front Range Cyber Summit 2026',
  description: 'Short.',
  start: '2026-05-16T06:00:00Z',
  end: '2026-05-18T06:00:00Z',
  allDay: true,
  venue: { city: 'Denver', country: 'US' },
  fields: ['information-technology'],
  hiring: { score: 0.4, reasons: ['Conference'] },
  sources: [{ sourceId: 'list', url: 'https://hub.example.com/list.json', seenAt: '2026-03-01T00:00:00Z' }],
  firstSeen: '2026-03-01T00:00:00Z',
  lastSeen: '2026-03-01T00:00:00Z',
});
const other: Event = makeEvent({
  id: 'b',
  title: 'Front Range Cyber Summit',
  description: 'A longer description with the expo hall and the career lounge.',
  start: '2026-05-16T14:00:00Z',
  end: '2026-05-17T23:00:00Z',
  allDay: false,
  status: 'cancelled',
  venue: { name: 'Colorado Convention Center', city: 'Denver', region: 'CO', country: 'US' },
  fields: ['information-technology', 'stem'],
  hiring: { score: 0.9, reasons: ['Expo hall with exhibitors'] },
  organizer: { name: 'FRCITA' },
  sources: [{ sourceId: 'ics', url: 'https://frcita.example.org/calendar.ics', seenAt: '2026-03-02T00:00:00Z' }],
  firstSeen: '2026-02-01T00:00:00Z',
  lastSeen: '2026-03-02T00:00:00Z',
});

describe('mergeEvents', () => {
  it('keeps every source, the earliest firstSeen, the primary id and title, and the richer fields', () => {
    const merged = mergeEvents(primary, other);
    expect(merged).toMatchObject({
      id: 'a',
      title: 'Front Range Cyber Summit 2026',
      description: other.description,
      start: '2026-05-16T14:00:00Z',
      end: '2026-05-17T23:00:00Z',
      allDay: false,
      status: 'cancelled',
      venue: { name: 'Colorado Convention Center', city: 'Denver', region: 'CO', country: 'US' },
      fields: ['information-technology', 'stem'],
      hiring: { score: 0.9, reasons: ['Conference', 'Expo hall with exhibitors'] },
      organizer: { name: 'FRCITA' },
      firstSeen: '2026-02-01T00:00:00Z',
      lastSeen: '2026-03-02T00:00:00Z',
    });
    expect(merged.sources.map((s) => s.sourceId)).toEqual(['list', 'ics']);
  });

  it('changes nothing when the same record is merged in again', () => {
    const once = mergeEvents(primary, other);
    expect(mergeEvents(once, other)).toEqual(once);
    expect(mergeEvents(once, primary)).toEqual(once);
  });
});
