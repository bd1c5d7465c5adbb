import { describe, expect, it } from 'vitest';
import { formatEventWhen } from './event-when.js';

describe('formatEventWhen', () => {
  it("shows the time in the event's own zone, whatever the viewer's", () => {
    // 14:00 UTC on 10 March 2026 is 9:00 in Chicago (CDT, after the 8 March switch) and 15:00 in London.
    const when = formatEventWhen(
      { start: '2026-03-10T14:00:00Z', end: '2026-03-10T22:00:00Z', timeZone: 'America/Chicago', allDay: false },
      { locale: 'en-US' },
    );
    expect(when).toMatch(/Tue, Mar 10, 2026/);
    expect(when).toMatch(/9:00\s?AM/);
    expect(when).toMatch(/5:00\s?PM/);
    expect(when).toMatch(/CDT/);
    const london = formatEventWhen(
      { start: '2026-03-10T14:00:00Z', end: null, timeZone: 'Europe/London', allDay: false },
      { locale: 'en-GB' },
    );
    expect(london).toMatch(/14:00/);
    expect(london).toMatch(/GMT/);
  });

  it('shows dates only for all-day events, with an exclusive end', () => {
    const oneDay = formatEventWhen(
      { start: '2026-05-02T05:00:00Z', end: '2026-05-03T05:00:00Z', timeZone: 'America/Chicago', allDay: true },
      { locale: 'en-US' },
    );
    expect(oneDay).toBe('Sat, May 2, 2026');
    const twoDays = formatEventWhen(
      { start: '2026-05-02T05:00:00Z', end: '2026-05-04T05:00:00Z', timeZone: 'America/Chicago', allDay: true },
      { locale: 'en-US' },
    );
    expect(twoDays).toMatch(/May 2.*3, 2026/);
    expect(twoDays).not.toMatch(/4/);
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(
      formatEventWhen({ start: '2026-03-10T14:00:00Z', timeZone: 'Mars/Olympus', allDay: false }, { locale: 'en-US' }),
    ).toMatch(/2:00\s?PM UTC/);
  });

  it("shows online events in the viewer's zone, in-person and hybrid ones in their own, the zone named", () => {
    // Tue 15 Dec 2026, 6 PM Central = Wed 16 Dec 00:00 UTC.
    const webinar = {
      start: '2026-12-16T00:00:00Z',
      end: '2026-12-16T01:00:00Z',
      timeZone: 'UTC',
      allDay: false,
      format: 'online' as const,
    };
    expect(formatEventWhen(webinar, { viewerTimeZone: 'America/Chicago' })).toMatch(
      /^Tue, Dec 15, 2026, 6:00\s?–\s?7:00\s?PM CST$/,
    );
    expect(formatEventWhen(webinar)).toMatch(/Wed, Dec 16, 2026.*UTC$/);
    const fair = { ...webinar, timeZone: 'America/Chicago', format: 'in-person' as const };
    expect(formatEventWhen(fair, { viewerTimeZone: 'Europe/Berlin' })).toMatch(/Tue, Dec 15.*CST$/);
    const hybrid = { ...fair, format: 'hybrid' as const };
    expect(formatEventWhen(hybrid, { viewerTimeZone: 'Europe/Berlin' })).toMatch(/CST$/);
    expect(formatEventWhen(webinar, { viewerTimeZone: 'Not/AZone' })).toMatch(/UTC$/);
  });

  it('writes en-US whatever the runtime locale, unless told otherwise', () => {
    const event = { start: '2026-03-10T14:00:00Z', timeZone: 'Europe/Berlin', allDay: false };
    expect(formatEventWhen(event)).toMatch(/^Tue, Mar 10, 2026, 3:00\s?PM GMT\+1$/);
    expect(formatEventWhen(event, { locale: 'de-DE' })).toMatch(/Di\./);
  });
});
