import { describe, expect, it } from 'vitest';
import { eventIcsUrl, feedUrl, webcalUrl } from './feed-urls.js';

const ORIGIN = 'https://fieldguide.example';

describe('feedUrl', () => {
  it("gives a field's feed by cluster or pathway id", () => {
    expect(feedUrl({ kind: 'field', id: 'information-technology' }, 'ics', ORIGIN)).toBe(
      'https://fieldguide.example/feeds/fields/information-technology.ics',
    );
    expect(feedUrl({ kind: 'field', id: 'health-science/therapeutic-services' }, 'rss', ORIGIN)).toBe(
      'https://fieldguide.example/feeds/fields/health-science/therapeutic-services.rss',
    );
  });

  it("gives a search's feed with the search's filters, without paging or sort", () => {
    const params = { q: 'nurse', field: ['health-science'], near: 'Minneapolis, MN', page: 3, sort: 'date' };
    expect(feedUrl({ kind: 'search', params }, 'json', ORIGIN)).toBe(
      'https://fieldguide.example/feeds/search.json?q=nurse&field=health-science&near=Minneapolis%2C+MN',
    );
    expect(feedUrl({ kind: 'search', params: {} }, 'atom', ORIGIN)).toBe(
      'https://fieldguide.example/feeds/search.atom',
    );
  });
});

describe('webcalUrl', () => {
  it('swaps the scheme only', () => {
    expect(webcalUrl('https://fieldguide.example/feeds/fields/finance.ics?x=1')).toBe(
      'webcal://fieldguide.example/feeds/fields/finance.ics?x=1',
    );
    expect(webcalUrl('http://127.0.0.1:3000/feeds/search.ics')).toBe('webcal://127.0.0.1:3000/feeds/search.ics');
  });
});

describe('eventIcsUrl', () => {
  it("points at the feeds route's event file", () => {
    expect(eventIcsUrl('tc-nursing-fair', ORIGIN)).toBe('https://fieldguide.example/feeds/events/tc-nursing-fair.ics');
  });
});
