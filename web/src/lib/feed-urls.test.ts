import { feedUrl } from '@fieldguide/shared';
import { describe, expect, it } from 'vitest';
import { rollingWindow, searchFeedTarget } from './feed-urls.js';

const ORIGIN = 'https://fieldguide.example';
const now = new Date('2026-12-06T15:00:00Z');

describe('searchFeedTarget', () => {
  it("keys a search's feed by its filters, without paging or sort, as the server does", () => {
    const params = { q: 'nurse', field: ['health-science'], near: 'Minneapolis, MN', page: 3, sort: 'date' };
    expect(feedUrl(ORIGIN, searchFeedTarget(params), 'json')).toBe(
      'https://fieldguide.example/feeds/search.json?field=health-science&near=Minneapolis%2C+MN&q=nurse',
    );
    expect(feedUrl(ORIGIN, searchFeedTarget({}), 'atom')).toBe('https://fieldguide.example/feeds/search.atom');
  });

  it('turns a date window into a rolling one unless fixed dates are asked for', () => {
    const params = { q: 'nurse', from: '2026-12-06', to: '2027-03-06' };
    expect(searchFeedTarget(params, { now })).toEqual({ kind: 'search', queryString: 'q=nurse&within=91d' });
    expect(searchFeedTarget({ q: 'nurse', to: '2026-12-19' }, { now })).toEqual({
      kind: 'search',
      queryString: 'q=nurse&within=14d',
    });
    expect(searchFeedTarget({ q: 'nurse', from: '2026-12-10' }, { now })).toEqual({
      kind: 'search',
      queryString: 'q=nurse',
    });
    expect(searchFeedTarget(params, { fixedDates: true, now })).toEqual({
      kind: 'search',
      queryString: 'from=2026-12-06&q=nurse&to=2027-03-06',
    });
  });

  it("counts a window without a start from the viewer's today, not UTC's", () => {
    const chicagoEvening = new Date('2026-12-07T02:00:00Z');
    expect(rollingWindow({ to: '2026-12-19' }, chicagoEvening, 'America/Chicago')).toBe('14d');
    expect(rollingWindow({ to: '2026-12-19' }, chicagoEvening, 'UTC')).toBe('13d');
  });

  it('caps the window at two years and at least a day', () => {
    expect(rollingWindow({ from: '2026-01-01', to: '2030-01-01' }, now)).toBe('730d');
    expect(rollingWindow({ to: '2026-12-01' }, now)).toBe('1d');
    expect(rollingWindow({}, now)).toBeUndefined();
  });
});
