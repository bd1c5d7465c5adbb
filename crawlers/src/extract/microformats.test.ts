import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/shared-data.js';
import { extractMicroformats } from './microformats.js';

const PAGE = 'https://pnne.example.org/events/';

describe('extractMicroformats on the sample page', () => {
  const { events, warnings } = extractMicroformats(readFixture('sample-microformats.html'), PAGE);
  const byTitle = (t: string) => events.find((e) => e.title === t);

  it('reads every h-event and classic vevent, nested in an h-feed too, in page order', () => {
    expect(events.map((e) => e.title)).toEqual([
      'Clinical Simulation Workshop',
      'Spring Nursing Career Fair',
      'Charting Without Burnout',
    ]);
    expect(events.every((e) => e.extractedBy === 'microformats')).toBe(true);
  });

  it('maps an h-event with an h-card location, e-content and categories', () => {
    expect(byTitle('Clinical Simulation Workshop')).toEqual({
      title: 'Clinical Simulation Workshop',
      description: 'Hands-on simulation scenarios for nurse educators.',
      descriptionHtml: '<p>Hands-on <strong>simulation</strong> scenarios for nurse educators.</p>',
      url: 'https://pnne.example.org/events/clinical-simulation-2027',
      start: '2027-03-04T09:00:00-08:00',
      end: '2027-03-04T16:30:00-08:00',
      venue: {
        name: 'Harborview Learning Center',
        address: '325 9th Ave',
        city: 'Seattle',
        region: 'Washington',
        postalCode: '98104',
        country: 'USA',
        lat: 47.604,
        lng: -122.324,
      },
      keywords: ['nursing education', 'simulation'],
      extractedBy: 'microformats',
    });
  });

  it('reads classic hCalendar: summary, dtstart/dtend from abbr titles, a vcard location with its adr', () => {
    expect(byTitle('Spring Nursing Career Fair')).toMatchObject({
      url: 'https://pnne.example.org/events/spring-career-fair',
      start: '2027-04-15T10:00:00-07:00',
      end: '2027-04-15T14:00:00-07:00',
      description: 'Meet hiring managers from 40 hospitals and clinics.',
      venue: {
        name: 'Oregon Convention Center',
        address: '777 NE Martin Luther King Jr Blvd',
        city: 'Portland',
        region: 'OR',
      },
    });
  });

  it('takes a dt-end with only a time on the start day, and a URL location as the place to join', () => {
    expect(byTitle('Charting Without Burnout')).toMatchObject({
      url: 'https://pnne.example.org/webinars/charting',
      start: '2027-05-06T12:00:00',
      end: '2027-05-06T13:00:00',
      virtualUrl: 'https://meet.example.com/pnne-charting',
    });
  });

  it('skips an undated h-event with a warning', () => {
    expect(warnings).toEqual([
      'microformats: Event "Date to be announced: Preceptor Roundtable" skipped: no startDate',
    ]);
  });
});

describe('extractMicroformats on other pages', () => {
  it('does not parse a page without event class names', () => {
    const page = '<html><body><div class="h-card"><span class="p-name">Ada</span></div></body></html>';
    expect(extractMicroformats(page, PAGE)).toEqual({ events: [], warnings: [] });
  });

  it('reads dates split with the value-class pattern, as hCalendar pages write them', () => {
    const page = `<div class="vevent"><span class="summary">Résumé Clinic</span>
      <span class="dtstart"><time class="value" datetime="2027-11-03">Nov 3</time>, from
      <span class="value">17:30</span></span> to <span class="dtend"><span class="value">19:00</span></span></div>`;
    expect(extractMicroformats(page, PAGE).events).toMatchObject([
      { title: 'Résumé Clinic', start: '2027-11-03T17:30:00', end: '2027-11-03T19:00:00' },
    ]);
  });

  it('reads a minimal vevent that names the event page with a relative URL', () => {
    const page = `<div class="vevent"><a class="url" href="fair.html"><span class="summary">Fall Fair</span></a>
      <span class="dtstart">2027-10-01</span></div>`;
    expect(extractMicroformats(page, PAGE).events).toEqual([
      {
        title: 'Fall Fair',
        url: 'https://pnne.example.org/events/fair.html',
        start: '2027-10-01',
        allDay: true,
        extractedBy: 'microformats',
      },
    ]);
  });
});
