import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/shared-data.js';
import { extractRdfa, readRdfaNodes } from './rdfa.js';

const PAGE = 'https://msas.example.org/calendar';

describe('extractRdfa on the sample page', () => {
  const { events, warnings } = extractRdfa(readFixture('sample-rdfa.html'), PAGE);
  const byTitle = (t: string) => events.find((e) => e.title === t);

  it('reads the events of every vocab and CURIE form, and leaves markup without a vocabulary alone', () => {
    expect(events.map((e) => e.title)).toEqual([
      'Rocky Mountain Tax Summit 2027',
      'CPE Evening: Lease Accounting',
      'Audit Innovation Conference',
    ]);
    expect(events.every((e) => e.extractedBy === 'rdfa')).toBe(true);
  });

  it('maps a BusinessEvent with nested Place, PostalAddress, Offer and Organization', () => {
    expect(byTitle('Rocky Mountain Tax Summit 2027')).toEqual({
      title: 'Rocky Mountain Tax Summit 2027',
      description: 'Two days on state and federal tax updates, with a recruiting hall.',
      url: 'https://msas.example.org/events/tax-summit-2027',
      uid: 'https://msas.example.org/calendar#tax-summit',
      start: '2027-06-10T08:00:00-06:00',
      end: '2027-06-11T17:00:00-06:00',
      venue: {
        name: 'Colorado Convention Center',
        address: '700 14th St',
        city: 'Denver',
        region: 'CO',
        postalCode: '80202',
      },
      organizer: { name: 'Mountain States Accounting Society', url: 'https://msas.example.org/' },
      offers: [{ price: 249, currency: 'USD' }],
      typeHint: 'BusinessEvent',
      extractedBy: 'rdfa',
    });
  });

  it('expands prefixed CURIEs and follows a resource reference to a typed node elsewhere on the page', () => {
    expect(byTitle('CPE Evening: Lease Accounting')).toMatchObject({
      start: '2027-07-08T18:00:00-06:00',
      attendanceMode: 'offline',
      venue: { name: 'Boulder Public Library', address: '1001 Arapahoe Ave, Boulder, CO' },
      typeHint: 'EducationEvent',
    });
  });

  it('accepts an extension type ending in Event and all-day dates from meta content', () => {
    expect(byTitle('Audit Innovation Conference')).toMatchObject({
      start: '2027-09-21',
      end: '2027-09-23',
      allDay: true,
      typeHint: 'ConferenceEvent',
    });
  });

  it('skips an undated event with a warning', () => {
    expect(warnings).toEqual(['rdfa: Event "Members\' Mixer (date coming soon)" skipped: no startDate']);
  });
});

describe('readRdfaNodes', () => {
  it('reads nothing from a page without RDFa attributes, and keeps Open Graph properties out of events', () => {
    expect(readRdfaNodes(load('<p property="name">x</p>'), PAGE)).toEqual([]);
    const og = '<html prefix="og: https://ogp.me/ns#"><head><meta property="og:title" content="T"></head></html>';
    expect(readRdfaNodes(load(og), PAGE)).toEqual([]);
  });

  it('resets the vocabulary with vocab="" and keeps other vocabularies by their full IRI', () => {
    const html = `<div vocab="https://schema.org/" typeof="Event"><span property="name">A</span>
      <div vocab=""><span property="startDate">2027-01-01</span></div>
      <span prefix="dc: http://purl.org/dc/terms/" property="dc:title">B</span></div>`;
    expect(readRdfaNodes(load(html), PAGE)).toEqual([
      { '@type': ['Event'], name: 'A', 'http://purl.org/dc/terms/title': 'B' },
    ]);
  });

  it('stops at a depth no page needs, without overflowing the stack', () => {
    const deep = `<div vocab="https://schema.org/" typeof="Event">${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</div>`;
    expect(readRdfaNodes(load(deep), PAGE)).toEqual([{ '@type': ['Event'] }]);
  });
});

describe('extractRdfa with an eventSchedule', () => {
  it('expands a Schedule node given as the eventSchedule property', () => {
    const page = `<div vocab="https://schema.org/" typeof="Event" resource="#clinic">
      <span property="name">Tax Clinic for Volunteers</span>
      <div property="eventSchedule" typeof="Schedule">
        <meta property="repeatFrequency" content="P1M"><meta property="byMonthDay" content="1">
        <meta property="startDate" content="2027-01-01"><meta property="repeatCount" content="3">
        <meta property="startTime" content="10:00:00-07:00">
      </div></div>`;
    const { events } = extractRdfa(page, PAGE, { recurrence: { now: new Date('2026-12-01T00:00:00Z') } });
    expect(events.map((e) => [e.start, e.uid])).toEqual([
      ['2027-01-01T10:00:00-07:00', 'https://msas.example.org/calendar#clinic#2027-01-01T10:00:00-07:00'],
      ['2027-02-01T10:00:00-07:00', 'https://msas.example.org/calendar#clinic#2027-02-01T10:00:00-07:00'],
      ['2027-03-01T10:00:00-07:00', 'https://msas.example.org/calendar#clinic#2027-03-01T10:00:00-07:00'],
    ]);
  });
});
