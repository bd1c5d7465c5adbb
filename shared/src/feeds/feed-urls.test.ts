import { describe, expect, it } from 'vitest';
import { canonicalFeedQuery, eventIcsUrl, type FeedTarget, feedUrl, feedUrls, webcalUrl } from './feed-urls.js';

describe('feed URLs', () => {
  it('builds every format of a field or search feed, and webcal for calendars', () => {
    const origin = 'https://fg.example.org';
    expect(feedUrls(origin, { kind: 'field', id: 'health-science/therapeutic-services' })).toEqual({
      ics: `${origin}/feeds/fields/health-science/therapeutic-services.ics`,
      webcal: 'webcal://fg.example.org/feeds/fields/health-science/therapeutic-services.ics',
      rss: `${origin}/feeds/fields/health-science/therapeutic-services.rss`,
      atom: `${origin}/feeds/fields/health-science/therapeutic-services.atom`,
      json: `${origin}/feeds/fields/health-science/therapeutic-services.json`,
    });
    expect(feedUrls(origin, { kind: 'search', queryString: 'q=a' }).rss).toBe(`${origin}/feeds/search.rss?q=a`);
    expect(feedUrls(origin, { kind: 'search', queryString: '' }).json).toBe(`${origin}/feeds/search.json`);
    expect(webcalUrl('http://localhost:3000/feeds/x.ics')).toBe('webcal://localhost:3000/feeds/x.ics');
    expect(eventIcsUrl(origin, 'ev_1')).toBe(`${origin}/feeds/events/ev_1.ics`);
  });

  it('keys a search by its filters: paging and sort dropped, names in order, repeats kept', () => {
    const params = new URLSearchParams('sort=date&q=nurse&page=3&field=IT&limit=5&field=finance');
    expect(canonicalFeedQuery(params)).toBe('field=IT&field=finance&q=nurse');
    const search: FeedTarget = {
      kind: 'search',
      queryString: canonicalFeedQuery(new URLSearchParams('q=a+b&near=Minneapolis%2C+MN')),
    };
    expect(feedUrl('https://fg.example.org', search, 'json')).toBe(
      'https://fg.example.org/feeds/search.json?near=Minneapolis%2C+MN&q=a+b',
    );
  });
});
