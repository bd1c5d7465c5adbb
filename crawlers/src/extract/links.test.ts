import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtures/shared-data.js';
import {
  extractLinks,
  findJobBoardLink,
  parseSitemap,
  sitemapsFromRobots,
  webcalToHttps,
  wordpressEventsUrl,
} from './links.js';

const PAGE = 'https://www.apa-sample.example.org/events/';

describe('extractLinks', () => {
  const { links, jobBoardUrl } = extractLinks(readFixture('sample-listing.html'), PAGE);
  const of = (kind: string) => links.filter((l) => l.kind === kind).map((l) => l.url);

  it('finds feeds, calendars, the WordPress events API and the next page', () => {
    expect(of('feed')).toEqual(['https://www.apa-sample.example.org/events/feed/']);
    expect(of('ics')).toEqual([
      'https://www.apa-sample.example.org/events/?ical=1',
      'https://www.apa-sample.example.org/events/all.ics',
      'https://www.apa-sample.example.org/downloads/board.ics',
      'https://www.apa-sample.example.org/events/?ical=1&tribe_display=list',
    ]);
    expect(of('wordpress-events')).toEqual(['https://www.apa-sample.example.org/wp-json/tribe/events/v1/events']);
    expect(of('next-page')).toEqual(['https://www.apa-sample.example.org/events/page/2/']);
    expect(of('json')).toEqual([]);
  });

  it('keeps same-site event-looking pages once, without fragments, PDFs or other sites', () => {
    expect(of('event-page')).toEqual([
      'https://www.apa-sample.example.org/events/annual-convention-2027/',
      'https://www.apa-sample.example.org/events/webinar-ethics/',
      'https://apa-sample.example.org/conference/2027',
    ]);
  });

  it('prefers a "Career Center" link over a bare "Careers" one', () => {
    expect(jobBoardUrl).toBe('https://jobs.apa-sample.example.org/');
    const $ = load('<a href="/careers/">Careers</a><a href="/about">About</a>');
    expect(findJobBoardLink($, 'https://x.example/')).toBe('https://x.example/careers/');
    expect(findJobBoardLink(load('<a href="/about">About</a>'), 'https://x.example/')).toBeUndefined();
  });
});

describe('link helpers', () => {
  it('turns webcal into https and REST roots into the events endpoint', () => {
    expect(webcalToHttps('webcal://cal.example.org/a.ics')).toBe('https://cal.example.org/a.ics');
    expect(webcalToHttps('https://cal.example.org/a.ics')).toBeUndefined();
    const plainPage = new URL('http://cal.example.org/events/');
    expect(webcalToHttps('webcal://cal.example.org/a.ics', plainPage)).toBe('http://cal.example.org/a.ics');
    expect(webcalToHttps('webcal://other.example.org/a.ics', plainPage)).toBe('https://other.example.org/a.ics');
    expect(webcalToHttps('webcals://cal.example.org/a.ics', plainPage)).toBe('https://cal.example.org/a.ics');
    expect(wordpressEventsUrl('https://a.example/wp-json/')).toBe('https://a.example/wp-json/tribe/events/v1/events');
    expect(wordpressEventsUrl('https://a.example/blog/wp-json')).toBe(
      'https://a.example/blog/wp-json/tribe/events/v1/events',
    );
    expect(wordpressEventsUrl('https://a.example/?rest_route=/')).toBe(
      'https://a.example/?rest_route=%2Ftribe%2Fevents%2Fv1%2Fevents',
    );
  });

  it('reads Sitemap lines from robots.txt', () => {
    const robots =
      'User-agent: *\nDisallow: /admin\nSitemap: https://a.example/sitemap_index.xml\nsitemap:/news-sitemap.xml\n';
    expect(sitemapsFromRobots(robots, 'https://a.example/robots.txt')).toEqual([
      'https://a.example/sitemap_index.xml',
      'https://a.example/news-sitemap.xml',
    ]);
  });

  it('parses urlset, sitemapindex and text sitemaps', () => {
    const urlset = parseSitemap(readFixture('sample-sitemap.xml'), 'https://www.apa-sample.example.org/sitemap.xml');
    expect(urlset.type).toBe('urlset');
    expect(urlset.entries).toHaveLength(4);
    expect(urlset.entries[1]).toEqual({
      url: 'https://www.apa-sample.example.org/events/annual-convention-2027/',
      lastmod: '2027-01-05T10:00:00+00:00',
    });
    const index = parseSitemap(
      readFixture('sample-sitemap-index.xml'),
      'https://www.apa-sample.example.org/sitemap_index.xml',
    );
    expect(index.type).toBe('sitemapindex');
    expect(index.entries.map((e) => e.url)).toEqual([
      'https://www.apa-sample.example.org/post-sitemap.xml',
      'https://www.apa-sample.example.org/tribe_events-sitemap.xml',
    ]);
    expect(
      parseSitemap('https://a.example/x\nnot a url\nhttps://a.example/y\n', 'https://a.example/s.txt').entries,
    ).toEqual([{ url: 'https://a.example/x' }, { url: 'https://a.example/y' }]);
    expect(parseSitemap('<html></html>', 'https://a.example/s.xml').type).toBe('unknown');
  });
});
