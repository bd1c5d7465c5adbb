import { describe, expect, it } from 'vitest';
import { readFixture } from '../extract/fixtures/shared-data.js';
import { extractJsonLd } from '../extract/json-ld.js';
import { extractMicrodata } from '../extract/microdata.js';
import { normalizeRawEvent } from './normalize-event.js';

describe('normalizeRawEvent', () => {
  const { events } = extractJsonLd(
    readFixture('sample-jsonld-events.html'),
    'https://ship.example.org/annual-meeting-2027/',
  );

  it('turns the sample BusinessEvent into stored fields', () => {
    const { event, warnings } = normalizeRawEvent(events.find((e) => e.typeHint === 'BusinessEvent')!);
    expect(warnings).toEqual([]);
    expect(event).toMatchObject({
      title: 'SHIP Annual Meeting & Career Fair 2027',
      start: '2027-04-12T13:30:00Z',
      end: '2027-04-14T22:00:00Z',
      timeZone: 'America/Chicago',
      allDay: false,
      format: 'hybrid',
      status: 'scheduled',
      venue: { name: 'McCormick Place West', city: 'Chicago', region: 'IL', country: 'US', postalCode: '60616' },
      organizer: { name: 'Society of Health Informatics Professionals', url: 'https://ship.example.org/' },
      cost: { free: false, min: 395, max: 1295, currency: 'USD' },
      tags: ['health informatics', 'career fair', 'EHR'],
      typeHint: 'BusinessEvent',
    });
  });

  it('reads free online events and falls back to the source zone for all-day dates', () => {
    const webinar = normalizeRawEvent(events.find((e) => e.typeHint === 'EducationEvent')!).event!;
    expect(webinar).toMatchObject({ format: 'online', cost: { free: true }, start: '2027-02-03T17:00:00Z' });
    const expo = normalizeRawEvent(events.find((e) => e.typeHint === 'ExhibitionEvent')!).event!;
    expect(expo).toMatchObject({
      status: 'postponed',
      allDay: true,
      timeZone: 'America/Chicago',
      start: '2027-05-20T05:00:00Z',
      end: '2027-05-22T05:00:00Z',
      venue: { address: 'Austin, TX', city: 'Austin', region: 'TX', country: 'US' },
    });
  });

  it('rejects events it cannot date and explains why', () => {
    expect(normalizeRawEvent({ title: 'x', start: 'whenever', extractedBy: 'rss' })).toEqual({
      warnings: ['no time zone known; local times read as UTC', 'unreadable start "whenever"'],
    });
    expect(normalizeRawEvent({ title: '<script></script>', start: '2027-01-01', extractedBy: 'rss' })).toEqual({
      warnings: ['no title'],
    });
  });
});

describe('zones from places: local times without an offset', () => {
  const html = readFixture('venue-zones.html');
  const url = 'https://mountainwest.example.org/events/';
  const normalized = [...extractJsonLd(html, url).events, ...extractMicrodata(html, url).events].map(
    (raw) => normalizeRawEvent(raw).event!,
  );
  const byTitle = (title: string) => normalized.find((e) => e.title === title)!;

  it("take the venue's zone from its city and region (US) or country, else its coordinates, and say so", () => {
    expect(byTitle('Rocky Mountain Engineering Career Fair')).toMatchObject({
      start: '2027-04-15T16:00:00Z',
      end: '2027-04-15T21:00:00Z',
      timeZone: 'America/Denver',
      timeZoneSource: 'venue',
    });
    // A PostalAddress with a region and no country.
    expect(byTitle('Front Range Nursing Job Fair')).toMatchObject({
      start: '2027-05-06T15:30:00Z',
      timeZone: 'America/Denver',
      timeZoneSource: 'venue',
      venue: { city: 'Boulder', region: 'CO', country: 'US' },
    });
    expect(byTitle('Cross-border Logistics Forum')).toMatchObject({
      start: '2027-06-02T06:00:00Z',
      timeZone: 'Europe/Berlin',
      timeZoneSource: 'venue',
    });
    // No city or region, but coordinates.
    expect(byTitle('Union Station Hiring Happy Hour')).toMatchObject({
      start: '2027-06-15T23:00:00Z',
      timeZone: 'America/Denver',
      timeZoneSource: 'venue',
    });
    expect(byTitle('Salt Lake Tech Meetup')).toMatchObject({
      start: '2027-07-09T00:30:00Z',
      timeZone: 'America/Denver',
      timeZoneSource: 'venue',
    });
  });

  it('keep a stated offset as the instant, and fall back to UTC only with nothing to go on, recorded', () => {
    expect(byTitle('Careers Webinar With A Stated Zone')).toMatchObject({
      start: '2027-06-10T16:00:00Z',
      timeZone: 'America/Denver',
    });
    const nowhere = normalizeRawEvent(
      extractJsonLd(html, url).events.find((e) => e.title === 'Somewhere Networking Night')!,
    );
    expect(nowhere.event).toMatchObject({
      start: '2027-06-20T18:00:00Z',
      timeZone: 'UTC',
      timeZoneSource: 'assumed-utc',
    });
    expect(nowhere.warnings).toContain('no time zone known; local times read as UTC');
  });
});
