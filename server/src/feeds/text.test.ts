import { describe, expect, it } from 'vitest';
import { canonicalFeedQuery, eventIcsUrl, feedUrls, webcalUrl } from './feed-urls.js';
import { cdataText, escapeHtml, feedText, oneLine, textToHtml, xmlAttribute } from './text.js';

describe('feed text', () => {
  it('drops what XML and iCalendar cannot carry and keeps the rest', () => {
    expect(feedText('a\u0000b\u0007c\r\nd\te\uFFFEf\uD800g 🎉')).toBe('abc\nd\tefg 🎉');
    expect(oneLine(' a\n b\t c ')).toBe('a b c');
  });

  it('escapes text for HTML fields and attributes', () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    expect(textToHtml('a<b\nc')).toBe('a&lt;b<br>\nc');
    expect(xmlAttribute('A & B <c>')).toBe('A &amp; B &lt;c&gt;');
  });

  it('leaves the first CDATA end to the writer and splits every later one', () => {
    expect(cdataText('no end')).toBe('no end');
    expect(cdataText('a]]>b')).toBe('a]]>b');
    const split = ']]]]><![CDATA[>';
    expect(cdataText('a]]>b]]>c]]>')).toBe(`a]]>b${split}c${split}`);
    // What the writer then does to the first one gives a well-formed section.
    const written = `<![CDATA[${cdataText('a]]>b]]>c').replace(']]>', split)}]]>`;
    expect(written).toBe(`<![CDATA[a${split}b${split}c]]>`);
  });
});

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
  });
});
