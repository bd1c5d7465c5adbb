import { describe, expect, it } from 'vitest';
import { formatEventWhen } from './event-when.js';

describe('formatEventWhen', () => {
  it("shows the time in the event's own zone, whatever the viewer's", () => {
    // 14:00 UTC on 10 March 2026 is 9:00 in Chicago (CDT, after the 8 March switch) and 15:00 in London.
    const when = formatEventWhen(
      { start: '2026-03-10T14:00:00Z', end: '2026-03-10T22:00:00Z', timeZone: 'America/Chicago', allDay: false },
      'en-US',
    );
    expect(when).toMatch(/Tue, Mar 10, 2026/);
    expect(when).toMatch(/9:00\s?AM/);
    expect(when).toMatch(/5:00\s?PM/);
    expect(when).toMatch(/CDT/);
    const london = formatEventWhen(
      { start: '2026-03-10T14:00:00Z', end: null, timeZone: 'Europe/London', allDay: false },
      'en-GB',
    );
    expect(london).toMatch(/14:00/);
    expect(london).toMatch(/GMT/);
  });

  it('shows dates only for all-day events, with an exclusive end', () => {
    const oneDay = formatEventWhen(
      { start: '2026-05-02T05:00:00Z', end: '2026-05-03T05:00:00Z', timeZone: 'America/Chicago', allDay: true },
      'en-US',
    );
    expect(oneDay).toBe('Sat, May 2, 2026');
    const twoDays = formatEventWhen(
      { start: '2026-05-02T05:00:00Z', end: '2026-05-04T05:00:00Z', timeZone: 'America/Chicago', allDay: true },
      'en-US',
    );
    expect(twoDays).toMatch(/May 2.*3, 2026/);
    expect(twoDays).not.toMatch(/4/);
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(
      formatEventWhen({ start: '2026-03-10T14:00:00Z', timeZone: 'Mars/Olympus', allDay: false }, 'en-US'),
    ).toMatch(/2:00\s?PM UTC/);
  });
});
