import { describe, expect, it } from 'vitest';
import { extractFeed } from './feed.js';
import { readFixture } from './fixtures/shared-data.js';

describe('extractFeed', () => {
  it('takes RSS items as events only when a date is found: ev: elements, a date in the title or the text', () => {
    const { events, links, warnings, format, title } = extractFeed(
      readFixture('sample-rss.xml'),
      'https://nln.example.org/feed/',
    );
    expect(format).toBe('rss');
    expect(title).toBe('Nursing Leaders Network – News & Events');
    expect(events.map((e) => [e.title, e.start, e.end ?? null])).toEqual([
      ['Spring Leadership Summit', '2027-04-22T09:00:00-04:00', '2027-04-23T16:00:00-04:00'],
      ['Virtual Career Fair – March 4, 2027', '2027-03-04', null],
      ['Chapter meeting recap', '2027-05-12T18:30:00', null],
    ]);
    expect(events[0]).toMatchObject({
      uid: 'nln-event-101',
      url: 'https://nln.example.org/events/spring-summit/',
      venue: { address: 'Hynes Convention Center, Boston, MA' },
      organizer: { name: 'Nursing Leaders Network' },
      keywords: ['Leadership'],
      description: 'Two days for nurse managers and directors.',
      extractedBy: 'rss',
    });
    expect(events[1]).toMatchObject({ url: 'https://nln.example.org/events/virtual-career-fair', allDay: true });
    expect(links.map((l) => l.url)).toEqual([
      'https://nln.example.org/events/spring-summit/',
      'https://nln.example.org/events/virtual-career-fair',
      'https://nln.example.org/news/recap/',
      'https://nln.example.org/news/board/',
    ]);
    expect(warnings).toEqual(['feed: 1 item(s) without an event date were not taken as events']);
  });

  it('reads Atom entries with xCal dates, HTML titles and the rel="next" page', () => {
    const result = extractFeed(readFixture('sample-atom.xml'), 'https://meetup.example.net/feed.atom');
    expect(result.format).toBe('atom');
    expect(result.events).toEqual([
      {
        title: 'Streaming at scale',
        description: 'Talks on Kafka and Flink.',
        url: 'https://meetup.example.net/e/streaming',
        start: '2027-02-11T18:00:00Z',
        end: '2027-02-11T20:00:00Z',
        uid: 'tag:meetup.example.net,2027:e-1',
        venue: { address: 'Online' },
        keywords: ['Kafka'],
        extractedBy: 'atom',
      },
    ]);
    expect(result.links).toContainEqual({ url: 'https://meetup.example.net/posts/update', kind: 'event-page' });
    expect(result.links.at(-1)).toEqual({ url: 'https://meetup.example.net/feed.atom?page=2', kind: 'next-page' });
  });

  it('ignores the publication date alone', () => {
    const rss = `<rss version="2.0"><channel><title>x</title><item><title>Hello</title><pubDate>Mon, 04 Jan 2027 15:00:00 +0000</pubDate><link>https://a.example/x</link></item></channel></rss>`;
    const result = extractFeed(rss, 'https://a.example/feed');
    expect(result.events).toEqual([]);
    expect(result.links).toEqual([{ url: 'https://a.example/x', kind: 'event-page' }]);
  });

  it('reports malformed or foreign XML without throwing', () => {
    expect(extractFeed('<rss><channel><item>', 'https://a.example/').events).toEqual([]);
    expect(extractFeed('<html><body>hi</body></html>', 'https://a.example/').warnings).toEqual([
      'feed: neither RSS nor Atom',
    ]);
    expect(extractFeed('not xml at all', 'https://a.example/').format).toBe('unknown');
  });
});
