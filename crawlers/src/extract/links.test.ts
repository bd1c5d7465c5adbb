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
import { calendarPlatform, platformCalendarUrl } from './platform-feeds.js';

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

describe('event and campus calendar platforms', () => {
  it("gives a Meetup group's iCalendar feed for its page and its events pages, and nothing for Meetup's own pages", () => {
    const feed = 'https://www.meetup.com/denver-devops-meetup/events/ical/';
    expect(platformCalendarUrl('https://www.meetup.com/denver-devops-meetup/')).toBe(feed);
    expect(platformCalendarUrl('https://meetup.com/denver-devops-meetup/events/301234567/')).toBe(feed);
    expect(platformCalendarUrl('https://www.meetup.com/en-AU/denver-devops-meetup/events/')).toBe(feed);
    expect(platformCalendarUrl('https://www.meetup.com/find/?keywords=nursing')).toBeUndefined();
    expect(platformCalendarUrl('https://www.meetup.com/topics/nursing/')).toBeUndefined();
    expect(platformCalendarUrl('https://www.meetup.com/denver-devops-meetup/members/')).toBeUndefined();
    expect(platformCalendarUrl('https://notmeetup.com/denver-devops-meetup/')).toBeUndefined();
    expect(platformCalendarUrl('https://api.lu.ma/ics/get?entity=calendar&id=cal-AbCdEf123456')).toBe(
      'https://api.lu.ma/ics/get?entity=calendar&id=cal-AbCdEf123456',
    );
    expect(platformCalendarUrl('https://api.lu.ma/ics/other')).toBeUndefined();
    expect(platformCalendarUrl('not a url')).toBeUndefined();
  });

  it('names the platform of a feed', () => {
    expect(calendarPlatform('https://www.meetup.com/mile-high-nurses/events/ical/')).toBe('Meetup');
    expect(calendarPlatform('https://api.lu.ma/ics/get?entity=calendar&id=cal-Zx9Yw8Vu7T')).toBe('Luma');
    expect(calendarPlatform('https://nurses.example.org/events.ics')).toBeUndefined();
    expect(calendarPlatform('::')).toBeUndefined();
  });

  it("finds the feeds of the Meetup groups and Luma calendars an association's page links to", () => {
    const page = `<a href="https://www.meetup.com/mile-high-nurses/">Our Meetup group</a>
      <a href="https://api.lu.ma/ics/get?entity=calendar&amp;id=cal-Zx9Yw8Vu7T">Subscribe (Luma)</a>
      <a href="https://lu.ma/mile-high-nurses">Luma</a>`;
    const { links } = extractLinks(page, 'https://milehighnurses.example.org/');
    expect(links).toEqual([
      { url: 'https://www.meetup.com/mile-high-nurses/events/ical/', kind: 'ics' },
      { url: 'https://api.lu.ma/ics/get?entity=calendar&id=cal-Zx9Yw8Vu7T', kind: 'ics' },
    ]);
  });

  it("reads a Meetup group's own page for its feed only, not the similar groups it links to", () => {
    const page = `<a href="/mile-high-nurses/events/301/">Next meetup</a>
      <a href="https://www.meetup.com/boulder-nurse-educators/">Similar group</a>`;
    const { links } = extractLinks(page, 'https://www.meetup.com/mile-high-nurses/');
    expect(links.filter((l) => l.kind === 'ics')).toEqual([
      { url: 'https://www.meetup.com/mile-high-nurses/events/ical/', kind: 'ics' },
    ]);
  });

  it('reads a Luma calendar page for the feed of the calendar id it names most', () => {
    const page = `<script id="__NEXT_DATA__" type="application/json">{"calendar":{"api_id":"cal-Q1w2E3r4T5",
      "name":"Rocky Mountain UX"},"featured":[{"calendar_api_id":"cal-Q1w2E3r4T5"},{"calendar_api_id":"cal-Other12345"}]}</script>`;
    const { links } = extractLinks(page, 'https://lu.ma/rocky-mountain-ux');
    expect(links).toEqual([{ url: 'https://api.lu.ma/ics/get?entity=calendar&id=cal-Q1w2E3r4T5', kind: 'ics' }]);
    expect(extractLinks(page, 'https://elsewhere.example.org/').links).toEqual([]);
  });

  it("finds a Trumba calendar's feed from a link to it or the widget a page embeds", () => {
    expect(platformCalendarUrl('https://www.trumba.com/calendars/uw-career-center.rss')).toBe(
      'https://www.trumba.com/calendars/uw-career-center.ics',
    );
    expect(platformCalendarUrl('https://trumba.com/calendars/uw-career-center')).toBe(
      'https://www.trumba.com/calendars/uw-career-center.ics',
    );
    expect(platformCalendarUrl('https://www.trumba.com/help/')).toBeUndefined();
    const page = `<script src="https://www.trumba.com/scripts/spuds.js"></script>
      <script>$Trumba.addSpud({ webName: "career-center-events", spudType: "main" });
      $Trumba.addSpud({ webName: "career-center-events", spudType: "upcoming" });</script>`;
    const { links } = extractLinks(page, 'https://careers.example.edu/events/');
    expect(links).toEqual([{ url: 'https://www.trumba.com/calendars/career-center-events.ics', kind: 'ics' }]);
    expect(calendarPlatform(links[0]!.url)).toBe('Trumba');
  });

  it("finds a LiveWhale calendar's feed on its own pages, and LiveWhale feed links on others", () => {
    const calendarPage = `<html><head><link rel="stylesheet" href="/live/resource/css/calendar.css">
      <script src="/livewhale/theme/core/scripts/frontend.js"></script></head>
      <body><a href="/live/ical/events/group/Engineering">Engineering events (iCal)</a></body></html>`;
    expect(extractLinks(calendarPage, 'https://calendar.example.edu/calendar').links).toEqual([
      { url: 'https://calendar.example.edu/live/ical/events', kind: 'ics' },
    ]);
    const elsewhere = '<script src="https://cdn.example.net/live/resource/x.js"></script>';
    expect(extractLinks(elsewhere, 'https://careers.example.edu/').links).toEqual([]);
    const linking = '<a href="https://calendar.example.edu/live/ical/events/group/Career%20Services">Subscribe</a>';
    const { links } = extractLinks(linking, 'https://careers.example.edu/');
    expect(links).toEqual([
      { url: 'https://calendar.example.edu/live/ical/events/group/Career%20Services', kind: 'ics' },
    ]);
    expect(calendarPlatform(links[0]!.url)).toBe('LiveWhale');
  });

  it("finds Localist's events API from a widget a page embeds or a link to the API", () => {
    const page = `<div id="localist-widget-81234567" class="localist-widget"></div>
      <script defer src="https://calendar.example.edu/widget/view?schools=example&days=31&num=50&container=localist-widget-81234567"></script>
      <script src="https://cdn.example.net/widget/view?container=other"></script>
      <a href="https://events.example.org/api/2/events?group_id=77">Our events as JSON</a>`;
    const { links } = extractLinks(page, 'https://careers.example.edu/');
    expect(links).toEqual([
      { url: 'https://calendar.example.edu/api/2/events?days=365&pp=100', kind: 'json' },
      { url: 'https://events.example.org/api/2/events?group_id=77', kind: 'json' },
    ]);
    expect(links.map((l) => calendarPlatform(l.url))).toEqual(['Localist', 'Localist']);
  });
});
