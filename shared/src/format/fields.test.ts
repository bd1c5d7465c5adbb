import { describe, expect, it } from 'vitest';
import type { Event } from '../event/event.schema.js';
import { ALL_FIELDS_LABEL } from '../labels.js';
import { toSearchDocument } from '../search/index-contract.js';
import { eventFieldNames } from './fields.js';

describe('eventFieldNames', () => {
  it('shows "All fields" for an event open to every field, and the field names otherwise', () => {
    expect(eventFieldNames({ fields: [], pathways: [], allFields: true })).toEqual([ALL_FIELDS_LABEL]);
    expect(ALL_FIELDS_LABEL).toBe('All fields');
    expect(eventFieldNames({ fields: ['health-science'], pathways: [] })).toEqual(['Health Science']);
    expect(eventFieldNames({ fields: ['not-a-field'], pathways: [], allFields: false })).toEqual([]);
  });

  it('is what the index document carries, with the flags an older stored event lacks defaulted', () => {
    const event = {
      id: 'e1',
      title: 'Fall All-Majors Career Fair',
      description: '',
      url: 'https://example.edu/fair',
      type: 'career-fair',
      fields: [],
      pathways: [],
      tags: [],
      start: '2027-01-10T17:00:00Z',
      timeZone: 'America/Chicago',
      allDay: false,
      format: 'in-person',
      status: 'scheduled',
      hiring: { score: 0.85, reasons: [] },
      sources: [{ sourceId: 's', url: 'https://example.edu/fair', seenAt: '2026-12-01T00:00:00Z' }],
      delisted: false,
      firstSeen: '2026-12-01T00:00:00Z',
      lastSeen: '2026-12-01T00:00:00Z',
      updatedAt: '2026-12-01T00:00:00Z',
    } satisfies Event;
    expect(toSearchDocument(event)).toMatchObject({
      allFields: false,
      careerRelevant: true,
      relevanceReason: null,
      fieldNames: [],
    });
    const open = toSearchDocument({ ...event, allFields: true });
    expect(open).toMatchObject({ allFields: true, fieldNames: ['All fields'] });
    const hobby = toSearchDocument({
      ...event,
      careerRelevant: false,
      relevanceReason: 'Hobby, leisure or family event ("board game")',
    });
    expect(hobby).toMatchObject({
      careerRelevant: false,
      relevanceReason: 'Hobby, leisure or family event ("board game")',
    });
  });
});
