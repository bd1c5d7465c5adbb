import { describe, expect, it } from 'vitest';
import { readFixture, readShared, sharedDataPresent } from './fixtures/shared-data.js';
import { extractJsonLd, extractOrganizations } from './json-ld.js';

const PAGE = 'https://ship.example.org/annual-meeting-2027/';

describe('extractJsonLd on the sample page', () => {
  const { events, warnings } = extractJsonLd(readFixture('sample-jsonld-events.html'), PAGE);
  const byTitle = (t: string) => events.find((e) => e.title === t);

  it('reads events from @graph, ItemList nesting and a comment-wrapped block with trailing commas', () => {
    expect(events.map((e) => e.title)).toEqual([
      'SHIP Annual Meeting & Career Fair 2027',
      'Webinar: FHIR for Analysts',
      'Vendor Expo',
    ]);
  });

  it('maps a hybrid BusinessEvent with @id references, offers, organizer and performers', () => {
    const e = byTitle('SHIP Annual Meeting & Career Fair 2027')!;
    expect(e).toMatchObject({
      url: 'https://ship.example.org/annual-meeting-2027/',
      uid: 'https://ship.example.org/annual-meeting-2027/#event',
      start: '2027-04-12T08:30:00-05:00',
      end: '2027-04-14T17:00:00-05:00',
      attendanceMode: 'mixed',
      status: 'scheduled',
      virtualUrl: 'https://live.ship.example.org/am27',
      typeHint: 'BusinessEvent',
      organizer: { name: 'Society of Health Informatics Professionals', url: 'https://ship.example.org/' },
      performers: ['Dr. Amal Reyes', 'Jordan Lee'],
      offers: [{ lowPrice: 395, highPrice: 1295, currency: 'USD' }],
      keywords: ['health informatics', 'career fair', 'EHR'],
      image: 'https://ship.example.org/img/am27.jpg',
      extractedBy: 'json-ld',
    });
    expect(e.venue).toEqual({
      name: 'McCormick Place West',
      address: '2301 S King Dr',
      city: 'Chicago',
      region: 'Illinois',
      postalCode: '60616',
      country: 'United States',
      lat: 41.8514,
      lng: -87.6169,
    });
    expect(e.description).toBe('Three days of sessions.\n\nThe career fair runs on day two.');
    expect(e.descriptionHtml).toContain('<strong>career fair</strong>');
  });

  it('keeps online, free, all-day and postponed details; scripts are dropped from names and text', () => {
    expect(byTitle('Webinar: FHIR for Analysts')).toMatchObject({
      attendanceMode: 'online',
      virtualUrl: 'https://zoom.example.com/j/123',
      offers: [{ price: 0, currency: 'USD', isFree: true }],
      typeHint: 'EducationEvent',
    });
    expect(byTitle('Vendor Expo')).toMatchObject({
      start: '2027-05-20',
      end: '2027-05-21',
      allDay: true,
      status: 'postponed',
      venue: { address: 'Austin, TX' },
      typeHint: 'ExhibitionEvent',
    });
    const text = events.map((e) => `${e.title} ${e.description ?? ''}`).join(' ');
    expect(text).not.toContain('alert(');
  });

  it('warns about the repaired block, the broken block and the undated event instead of throwing', () => {
    expect(warnings).toEqual([
      expect.stringMatching(/^json-ld: block 2 was not valid JSON .*read after repair$/),
      expect.stringMatching(/^json-ld: block 3 skipped: not valid JSON/),
      'json-ld: SocialEvent "Member mixer" skipped: no startDate',
    ]);
  });

  it('extracts the organization with its job board link for discovery', () => {
    const { organizations } = extractOrganizations(readFixture('sample-jsonld-events.html'), PAGE);
    expect(organizations).toHaveLength(1);
    expect(organizations[0]).toMatchObject({
      name: 'Society of Health Informatics Professionals',
      types: ['Organization'],
      url: 'https://ship.example.org/',
      description: 'The professional home of health informatics practitioners.',
      logo: 'https://ship.example.org/img/logo.png',
      jobBoardUrl: 'https://careers.ship.example.org/jobs',
    });
    expect(organizations[0]!.sameAs).toHaveLength(2);
  });
});

describe('extractJsonLd on hostile input', () => {
  it('returns nothing and never throws on garbage', () => {
    for (const body of [
      '',
      '<script type="application/ld+json">',
      '<script type="application/ld+json">null</script>',
      '\u0000\u0001<<<',
    ]) {
      expect(extractJsonLd(body, PAGE).events).toEqual([]);
    }
  });

  it('gives a lone event without url the page URL, resolves relative urls, and ignores non-http urls', () => {
    const body = `<script type="application/ld+json; charset=utf-8">{"@type":"Hackathon","name":"Hack","startDate":"2027-06-01T09:00","image":"javascript:alert(1)","organizer":"City Lab"}</script>`;
    const { events } = extractJsonLd(body, PAGE);
    expect(events).toEqual([
      {
        title: 'Hack',
        start: '2027-06-01T09:00:00',
        url: PAGE,
        organizer: { name: 'City Lab' },
        typeHint: 'Hackathon',
        extractedBy: 'json-ld',
      },
    ]);
  });
});

describe('extractJsonLd on real pages (../shared/data/real-world/html)', () => {
  const read = (name: string) => readShared('real-world', 'html', name);
  const URL = 'https://www.songkick.com/';

  it('reads the Songkick pages', () => {
    if (!sharedDataPresent('real-world JSON-LD pages')) return;
    const gigography = extractJsonLd(read('extruct__songkick-artist-gigography-maximo-park.html'), URL);
    expect(gigography.events).toHaveLength(49);
    expect(gigography.events[0]).toMatchObject({
      title: 'BBC Radio 6 Music Festival 2015',
      start: '2015-02-20',
      end: '2015-02-22',
      allDay: true,
      typeHint: 'MusicEvent',
    });
    const years = extractJsonLd(read('extruct__songkick-artist-years-and-years-2015.html'), URL);
    expect(years.events).toHaveLength(13);
    expect(years.events[0]).toMatchObject({
      start: '2015-10-26T19:00:00Z',
      venue: { name: 'Cliffs Pavillion', country: 'UK' },
    });
    expect(extractJsonLd(read('extruct__songkick-artist-elysianfields.html'), URL).events).toHaveLength(4);
    const owl = extractJsonLd(read('extruct__songkick-concert-elysian-fields-owl-music-parlor-2015.html'), URL).events;
    expect(owl).toHaveLength(1);
    expect(owl[0]).toMatchObject({
      title: 'Elysian Fields',
      start: '2015-10-31T19:30:00-04:00',
      venue: { name: 'The Owl Music Parlor', city: 'Brooklyn', region: 'NY', postalCode: '11225', lat: 40.660109 },
    });
    const tove = extractJsonLd(read('extruct__songkick-concert-tovestyrke.html'), URL).events;
    expect(tove.map((e) => e.start)).toEqual(['2017-06-12T20:00:00+01:00']);
  });

  it('keeps 15 of the 16 eventful.com blocks: two repaired, one unrepairable skipped with a warning', () => {
    if (!sharedDataPresent('real-world JSON-LD pages')) return;
    const { events, warnings } = extractJsonLd(
      read('any23__html-jsonld-unescaped-characters.html'),
      'https://losangeles.eventful.com/events',
    );
    expect(events).toHaveLength(15);
    expect(warnings.filter((w) => w.includes('skipped'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('repair'))).toHaveLength(2);
    expect(events[0]).toMatchObject({
      title: 'Jackson Browne',
      start: '2018-08-04T19:30:00',
      venue: { name: 'The Greek Theatre', city: 'Los Angeles', region: 'California' },
      image:
        'https://d1marr3m5x4iac.cloudfront.net/images/perspectivecrop373by249/I0-001/003/492/453-7.jpeg_/jackson-browne-53.jpeg',
    });
  });

  it('repairs trailing commas but skips the ";" and ",," blocks of the EventON page', () => {
    if (!sharedDataPresent('real-world JSON-LD pages')) return;
    const { events, warnings } = extractJsonLd(read('any23__html-jsonld-commas.html'), 'http://golfavisen.dk/');
    expect(events.map((e) => e.title)).toEqual([
      'BARBASOL CHAMPIONSHIP',
      'PINNACLE BANK CHAMPIONSHIP',
      'THE OPEN CHAMPIONSHIP',
    ]);
    expect(events[0]).toMatchObject({ start: '2018-07-19', end: '2018-07-19', allDay: true });
    expect(warnings.filter((w) => w.includes('skipped'))).toHaveLength(2);
  });
});
