import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDatesInText, parseDateValue } from './dates.js';
import { detectFormat, extractAny } from './detect.js';
import { readFixture, readShared, SHARED_DATA, sharedDataPresent } from './fixtures/shared-data.js';

describe('detectFormat', () => {
  it('tells every fixture apart by its content', () => {
    const cases: [string, string][] = [
      ['sample-jsonld-events.html', 'html'],
      ['sample-calendar.ics', 'ics'],
      ['sample-rss.xml', 'rss'],
      ['sample-atom.xml', 'atom'],
      ['sample-tribe-events.json', 'wordpress-events'],
      ['sample-sitemap.xml', 'sitemap'],
      ['sample-sitemap-index.xml', 'sitemap'],
    ];
    for (const [file, format] of cases)
      expect(detectFormat(readFixture(file), undefined, 'https://a.example/x'), file).toBe(format);
  });

  it('uses Content-Type and URL when content alone says little', () => {
    expect(detectFormat('[{"name":"X","startDate":"2027-01-01"}]', 'application/json', 'https://a.example/')).toBe(
      'json-list',
    );
    expect(detectFormat('{"events":[]}', 'application/json', 'https://a.example/wp-json/tribe/events/v1/events')).toBe(
      'wordpress-events',
    );
    expect(detectFormat('hello', 'text/html; charset=utf-8', 'https://a.example/')).toBe('html');
    expect(detectFormat('\uFEFFBEGIN:VCALENDAR\r\n', 'text/plain', 'https://a.example/')).toBe('ics');
    expect(detectFormat('{"foo":1}', 'application/json', 'https://a.example/')).toBe('unknown');
    expect(detectFormat('%PDF-1.4', 'application/pdf', 'https://a.example/x.pdf')).toBe('unknown');
  });
});

describe('extractAny', () => {
  it('merges JSON-LD and microdata on one page without duplicates', () => {
    if (!sharedDataPresent('real-world HTML in extractAny')) return;
    const result = extractAny(
      readShared('real-world', 'html', 'any23__html-jsonld-commas.html'),
      'http://golfavisen.dk/',
    );
    expect(result.format).toBe('html');
    expect(result.events.map((e) => [e.title, e.extractedBy])).toEqual([
      ['BARBASOL CHAMPIONSHIP', 'json-ld'],
      ['PINNACLE BANK CHAMPIONSHIP', 'json-ld'],
      ['THE OPEN CHAMPIONSHIP', 'json-ld'],
      ['LE VAUDREUIL GOLF CHALLENGE', 'microdata'],
      ['INGEN TURNERING DENNE UGE', 'microdata'],
    ]);
  });

  it('runs on every real file without throwing and picks the right extractor', () => {
    if (!sharedDataPresent('real-world files in extractAny')) return;
    let events = 0;
    for (const dir of ['html', 'ics']) {
      for (const file of readdirSync(path.join(SHARED_DATA, 'real-world', dir))) {
        const result = extractAny(readShared('real-world', dir, file), 'https://example.org/page', {
          ical: { horizon: { from: new Date('2000-01-01T00:00:00Z'), to: new Date('2030-01-01T00:00:00Z') } },
        });
        expect(result.format, file).toBe(dir);
        expect(result.events.length, file).toBeGreaterThan(0);
        events += result.events.length;
      }
    }
    expect(events).toBeGreaterThan(500);
  });

  it('adds RDFa and microformats events to the JSON-LD ones, each event once', () => {
    const page = `<html><head><script type="application/ld+json">
      {"@context":"https://schema.org","@type":"Event","name":"Data Science Career Night","startDate":"2027-05-12T18:00"}
      </script></head><body>
      <div vocab="https://schema.org/" typeof="Event"><span property="name">Data Science Career Night</span>
        <meta property="startDate" content="2027-05-12T18:00"></div>
      <div vocab="https://schema.org/" typeof="EducationEvent"><span property="name">SQL Bootcamp</span>
        <meta property="startDate" content="2027-05-20"></div>
      <div class="h-event"><span class="p-name">Portfolio Review</span><time class="dt-start" datetime="2027-05-27">May 27</time></div>
      <div class="vevent"><span class="summary">SQL Bootcamp</span><span class="dtstart">2027-05-20</span></div>
      </body></html>`;
    const result = extractAny(page, 'https://datasociety.example.org/events');
    expect(result.events.map((e) => [e.title, e.extractedBy])).toEqual([
      ['Data Science Career Night', 'json-ld'],
      ['SQL Bootcamp', 'rdfa'],
      ['Portfolio Review', 'microformats'],
    ]);
  });

  it("expands a page's eventSchedule in the recurrence window it is given", () => {
    const page = `<script type="application/ld+json">{"@type":"Event","name":"Weekly Resume Lab",
      "eventSchedule":{"@type":"Schedule","repeatFrequency":"P1W","byDay":"Wednesday","startTime":"16:00"}}</script>`;
    const window = { from: new Date('2027-02-01T00:00:00Z'), to: new Date('2027-02-28T00:00:00Z') };
    const result = extractAny(page, 'https://careers.example.edu/labs', { format: 'html', ical: { horizon: window } });
    expect(result.events.map((e) => e.start)).toEqual([
      '2027-02-03T16:00:00',
      '2027-02-10T16:00:00',
      '2027-02-17T16:00:00',
      '2027-02-24T16:00:00',
    ]);
  });

  it('reads as many events from each real-world HTML page as before RDFa and microformats were read', () => {
    if (!sharedDataPresent('real-world HTML in extractAny')) return;
    const expected: Record<string, Record<string, number>> = {
      'any23__html-jsonld-commas.html': { 'json-ld': 3, microdata: 2 },
      'any23__html-jsonld-unescaped-characters.html': { 'json-ld': 15 },
      'any23__microdata-bad-properties.html': { microdata: 5 },
      'extruct__schemaorg-example-Event.001.html': { microdata: 1 },
      'extruct__schemaorg-example-Event.008.html': { microdata: 1 },
      'extruct__songkick-artist-elysianfields.html': { 'json-ld': 4 },
      'extruct__songkick-artist-gigography-maximo-park.html': { 'json-ld': 49 },
      'extruct__songkick-artist-years-and-years-2015.html': { 'json-ld': 13 },
      'extruct__songkick-concert-elysian-fields-owl-music-parlor-2015.html': { 'json-ld': 1 },
      'extruct__songkick-concert-tovestyrke.html': { 'json-ld': 1 },
    };
    const dir = path.join(SHARED_DATA, 'real-world', 'html');
    const found: Record<string, Record<string, number>> = {};
    for (const file of readdirSync(dir).filter((f) => f in expected)) {
      const counts: Record<string, number> = {};
      for (const e of extractAny(readShared('real-world', 'html', file), 'https://a.example/').events) {
        counts[e.extractedBy] = (counts[e.extractedBy] ?? 0) + 1;
      }
      found[file] = counts;
    }
    expect(found).toEqual(expected);
  });

  it('returns pagination for the WordPress API and the listing page', () => {
    const wp = extractAny(
      readFixture('sample-tribe-events.json'),
      'https://asla-chapter.example.org/wp-json/tribe/events/v1/events',
    );
    expect(wp.nextPageUrl).toMatch(/page=2/);
    const listing = extractAny(readFixture('sample-listing.html'), 'https://www.apa-sample.example.org/events/');
    expect(listing.nextPageUrl).toBe('https://www.apa-sample.example.org/events/page/2/');
    expect(listing.jobBoardUrl).toBe('https://jobs.apa-sample.example.org/');
    const sitemap = extractAny(readFixture('sample-sitemap.xml'), 'https://www.apa-sample.example.org/sitemap.xml');
    expect(sitemap.links.map((l) => l.url)).toEqual([
      'https://www.apa-sample.example.org/events/annual-convention-2027/',
      'https://www.apa-sample.example.org/webinars/ethics-2027/',
    ]);
    expect(extractAny('x', 'https://a.example/').warnings).toEqual(['extract: unrecognized format']);
  });
});

describe('dates in source text', () => {
  it('reads ISO, one-digit, basic and written-out forms; rejects impossible dates', () => {
    expect(parseDateValue('2027-03-04')).toEqual({ value: '2027-03-04', dateOnly: true });
    expect(parseDateValue('2027-3-4T9:05')).toEqual({ value: '2027-03-04T09:05:00', dateOnly: false });
    expect(parseDateValue('2027-03-04T09:00:00.000+0100')?.value).toBe('2027-03-04T09:00:00+01:00');
    expect(parseDateValue('2027-03-04T09:00:00+00:00')?.value).toBe('2027-03-04T09:00:00Z');
    expect(parseDateValue('20270304T090000Z')?.value).toBe('2027-03-04T09:00:00Z');
    expect(parseDateValue('2018-7-19T00-00-00-00')?.value).toBe('2018-07-19');
    expect(parseDateValue('Wednesday, August  8, 2018  7:00 PM')?.value).toBe('2018-08-08T19:00:00');
    expect(parseDateValue('2027-02-30')).toBeUndefined();
    expect(parseDateValue('next Tuesday')).toBeUndefined();
    expect(parseDateValue(42)).toBeUndefined();
  });

  it('finds dated phrases with a year, ranges included', () => {
    expect(findDatesInText('Summit, March 4–6, 2027, Denver').map((d) => [d.start.value, d.end?.value])).toEqual([
      ['2027-03-04', '2027-03-06'],
    ]);
    expect(findDatesInText('See you on Dec 3!')).toEqual([]);
  });
});
