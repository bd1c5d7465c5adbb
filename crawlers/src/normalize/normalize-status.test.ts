import { describe, expect, it } from 'vitest';
import { normalizeStatus, toEventStatus } from './normalize-status.js';

describe('normalizeStatus', () => {
  it('reads schema.org, iCalendar and plain-word statuses', () => {
    expect(normalizeStatus('https://schema.org/EventCancelled')).toBe('cancelled');
    expect(normalizeStatus('http://schema.org/EventMovedOnline')).toBe('moved-online');
    expect(normalizeStatus('EventRescheduled')).toBe('rescheduled');
    expect(normalizeStatus('schema:EventPostponed')).toBe('postponed');
    expect(normalizeStatus('CANCELLED')).toBe('cancelled');
    expect(normalizeStatus('canceled')).toBe('cancelled');
    expect(normalizeStatus('TENTATIVE')).toBe('scheduled');
    expect(normalizeStatus('on-schedule')).toBe('scheduled');
    expect(normalizeStatus('who knows')).toBeUndefined();
    expect(normalizeStatus(3)).toBeUndefined();
  });

  it('stores moved-online as scheduled, flagged', () => {
    expect(toEventStatus('moved-online')).toEqual({ status: 'scheduled', movedOnline: true });
    expect(toEventStatus(undefined)).toEqual({ status: 'scheduled', movedOnline: false });
    expect(toEventStatus('cancelled')).toEqual({ status: 'cancelled', movedOnline: false });
  });
});
