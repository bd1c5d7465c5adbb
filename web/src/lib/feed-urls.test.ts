import { feedUrl } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { searchFeedTarget } from './feed-urls.js';

const ORIGIN = 'https://fieldguide.example';

describe('searchFeedTarget', () => {
  it("keys a search's feed by its filters, without paging or sort, as the server does", () => {
    const params = { q: 'nurse', field: ['health-science'], near: 'Minneapolis, MN', page: 3, sort: 'date' };
    expect(feedUrl(ORIGIN, searchFeedTarget(params), 'json')).toBe(
      'https://fieldguide.example/feeds/search.json?field=health-science&near=Minneapolis%2C+MN&q=nurse',
    );
    expect(feedUrl(ORIGIN, searchFeedTarget({}), 'atom')).toBe('https://fieldguide.example/feeds/search.atom');
  });
});
