import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { EventSchema } from './event/event.schema.js';
import { assertValid } from './validation.js';

const valid = {
  id: 'ev-1',
  title: 'Midwest Nursing Career Fair',
  description: 'Meet hospital recruiters.',
  url: 'https://example.org/events/1',
  type: 'career-fair',
  fields: ['health-science'],
  pathways: [],
  tags: [],
  start: '2027-03-04T15:00:00Z',
  timeZone: 'America/Chicago',
  allDay: false,
  format: 'in-person',
  status: 'scheduled',
  hiring: { score: 0.9, reasons: ['Career fair'] },
  sources: [{ sourceId: 'demo', url: 'https://example.org/events/1', seenAt: '2026-11-01T00:00:00Z' }],
  delisted: false,
  firstSeen: '2026-11-01T00:00:00Z',
  lastSeen: '2026-11-01T00:00:00Z',
  updatedAt: '2026-11-01T00:00:00Z',
};

describe('assertValid', () => {
  it('accepts a complete event', () => {
    expect(assertValid(EventSchema, valid, 'event').title).toBe(valid.title);
  });

  it.each([
    ['a javascript: url', { url: 'javascript:alert(1)' }, '/url'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, '/timeZone'],
    ['a start without offset', { start: '2027-03-04 15:00' }, '/start'],
    ['an unknown type', { type: 'party' }, '/type'],
    ['a hiring score over 1', { hiring: { score: 1.5, reasons: [] } }, '/hiring/score'],
  ])('rejects %s, naming the path', (_name, patch, path) => {
    const attempt = () => assertValid(EventSchema, { ...valid, ...patch }, 'event');
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
      expect((error as ValidationError).message).toMatch(/^invalid event: /);
    }
  });
});
