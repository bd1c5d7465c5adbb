import { feedUrls } from '@fieldguide/shared';
import ICAL from 'ical.js';
import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import type { FeedDocument } from './feed-document.js';
import { foldIcalLines, renderIcal } from './ical.js';
import { HOSTILE_TEXT, testEvent } from './test-events.js';

type Component = InstanceType<typeof ICAL.Component>;

function doc(events: FeedDocument['events'], title = 'Fieldguide — Information Technology events'): FeedDocument {
  const origin = 'https://fieldguide.example.org';
  return {
    title,
    description: 'Upcoming IT events',
    homeUrl: `${origin}/fields/information-technology`,
    urls: feedUrls(origin, { kind: 'field', id: 'information-technology' }),
    origin,
    uidHost: 'fieldguide.example.org',
    events,
    updated: new Date('2027-01-10T12:00:00Z'),
  };
}

const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));

/** Parses with ical.js and registers the file's own VTIMEZONEs, as a calendar client would. */
function parse(text: string): { calendar: Component; events: Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

describe('renderIcal', () => {
  it('writes local times with a TZID and its VTIMEZONE, which parse back to the stored instants', () => {
    const events = [
      testEvent({ id: 'chicago' }),
      testEvent({ id: 'london', timeZone: 'Europe/London', start: '2027-07-01T08:30:00.000Z', end: undefined }),
      // An alias is written under its canonical id, with that zone's definition.
      testEvent({ id: 'alias', timeZone: 'US/Pacific', start: '2027-11-07T09:30:00.000Z', end: undefined }),
    ];
    const text = renderIcal(doc(events));
    const { calendar, events: parsed } = parse(text);
    expect(calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual([
      'America/Chicago',
      'Europe/London',
      'America/Los_Angeles',
    ]);
    const byUid = new Map(parsed.map((e) => [String(e.getFirstPropertyValue('uid')), new ICAL.Event(e)]));
    for (const event of events) {
      const back = byUid.get(`${event.id}@fieldguide.example.org`);
      expect(back, event.id).toBeDefined();
      expect(back?.startDate.toJSDate().toISOString()).toBe(event.start);
      expect(back?.endDate.toJSDate().toISOString()).toBe(event.end ?? event.start);
    }
    expect(byUid.get('chicago@fieldguide.example.org')?.startDate.zone?.tzid).toBe('America/Chicago');
    expect(byUid.get('alias@fieldguide.example.org')?.startDate.zone?.tzid).toBe('America/Los_Angeles');
    expect(text).toContain('DTSTART;TZID=America/Chicago:20270312T080000');
  });

  it('writes UTC instants for UTC events and for zones it cannot describe', () => {
    const text = renderIcal(doc([testEvent({ id: 'online', timeZone: 'UTC', format: 'online', venue: undefined })]));
    expect(text).toContain('DTSTART:20270312T140000Z');
    expect(text).not.toContain('BEGIN:VTIMEZONE');
  });

  it('writes all-day events as DATEs with an exclusive end, in the event’s zone', () => {
    // Local midnights in Auckland (UTC+13 in March): the UTC dates differ from the local ones.
    const event = testEvent({
      id: 'fair',
      allDay: true,
      timeZone: 'Pacific/Auckland',
      start: '2027-03-11T11:00:00.000Z',
      end: '2027-03-13T11:00:00.000Z',
    });
    const text = renderIcal(doc([event]));
    expect(text).toContain('DTSTART;VALUE=DATE:20270312');
    expect(text).toContain('DTEND;VALUE=DATE:20270314');
    const back = new ICAL.Event(parse(text).events[0] as Component);
    expect(back.startDate.isDate).toBe(true);
    expect(back.startDate.toString()).toBe('2027-03-12');
    expect(back.endDate.toString()).toBe('2027-03-14');
  });

  it('round-trips hostile text, status, location, geo, organizer, URL and categories', () => {
    const event = testEvent({
      title: HOSTILE_TEXT,
      description: HOSTILE_TEXT,
      status: 'cancelled',
      organizer: { name: 'Org "Quoted"; Inc, Ltd', url: 'https://org.example.org/a;b,c?x=1&y=2' },
      url: 'https://events.example.org/e?a=1,2;3',
      fields: ['agriculture-food-natural-resources'],
      venue: { name: 'Hall; A, B', city: 'Minneapolis', country: 'US', lat: 44.98, lng: -93.26 },
    });
    const text = renderIcal(doc([event], `Fieldguide — events matching “a, b; c\nd”`));
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const { calendar, events } = parse(text);
    // ical.js reads X- properties raw; calendar apps read them as TEXT (RFC 5545 §3.8.8.2), escapes and all.
    expect(unescapeText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(
      'Fieldguide — events matching “a, b; c d”',
    );
    expect(calendar.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT6H');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT6H');
    const vevent = events[0] as Component;
    const back = new ICAL.Event(vevent);
    expect(back.summary).toBe(HOSTILE_TEXT.replace('\n', ' '));
    expect(back.description).toContain(HOSTILE_TEXT);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(back.location).toBe('Hall; A, B, Minneapolis, US');
    expect(vevent.getFirstPropertyValue('geo')).toEqual([44.98, -93.26]);
    expect(vevent.getFirstPropertyValue('url')).toBe('https://events.example.org/e?a=1%2C2%3B3');
    const organizer = vevent.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe("Org 'Quoted'; Inc, Ltd");
    expect(organizer?.getFirstValue()).toBe('https://org.example.org/a;b,c?x=1&y=2');
    expect(vevent.getFirstProperty('categories')?.getValues()).toEqual([
      'Agriculture, Food & Natural Resources',
      'Conference',
    ]);
    expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-01-10T12:00:00Z');
  });

  it('writes the same bytes for the same events', () => {
    const events = [testEvent()];
    expect(renderIcal(doc(events))).toBe(renderIcal(doc(events)));
  });
});

describe('foldIcalLines', () => {
  it('folds exactly as ical-generator does, multi-byte characters and surrogate pairs included', () => {
    const samples = [
      '',
      'short',
      'x'.repeat(74),
      'x'.repeat(75),
      'x'.repeat(300),
      `DESCRIPTION:${'café – naïve 🎉 '.repeat(20)}`,
      `A:${'é'.repeat(80)}\r\nB:${'🎉'.repeat(40)}\r\n\r\nC:${'x'.repeat(73)}🎉🎉`,
      `SUMMARY:${'日本語'.repeat(30)}`,
    ];
    for (const sample of samples) expect(foldIcalLines(sample)).toBe(foldLines(sample));
  });
});
