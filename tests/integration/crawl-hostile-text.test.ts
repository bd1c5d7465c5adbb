import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CrawlSummary, runCrawl } from '@fieldguide/crawlers';
import type { Event, Source } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { htmlToShownText, parseAtom, parseJsonFeed, parseRss } from './feeds-spec-checks.js';

const HOST = 'fieldguide.test';
/** A `<` that starts a tag, an end tag, a comment, CDATA or a processing instruction. */
const TAG_START = /<[a-z/!?]/i;
/** What crawled text must never hold: controls (the search index's highlight marks among them), bidi overrides. */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uE000-\uF8FF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Titles as a hostile page writes them, and as they must be stored. Every one names "Nursing" once. */
const TITLES: { page: string; stored: string }[] = [
  { page: 'Nursing career fair <svg/onload=alert(1)> spring', stored: 'Nursing career fair spring' },
  { page: '<img src=x onerror=alert(1)>Nursing hiring day', stored: 'Nursing hiring day' },
  { page: '&lt;script&gt;alert(1)&lt;/script&gt;Nursing job expo', stored: 'Nursing job expo' },
  { page: '&#60;img src=x onerror=alert(1)&#x3E;Nursing résumé review', stored: 'Nursing résumé review' },
  // The index marks matched words with U+0002 and U+0003: a page that writes them must not forge a match.
  {
    page: '\u0002Apply\u0003 \u0002today\u0003: Nursing interview clinic \u202Eflow\u202C',
    stored: 'Apply today: Nursing interview clinic flow',
  },
  {
    page: 'Nursing <!-- <img src=x onerror=alert(1)> -->open house <![CDATA[<b onmouseover=alert(1)>x</b>]]>',
    stored: 'Nursing open house x',
  },
  { page: 'Nursing ]]> <b>mentoring</b> night ]]>', stored: 'Nursing ]]> mentoring night ]]>' },
  {
    page: 'Nursing pay talk: salary < $50k, C<T> and <CODE/CRAFTS>',
    stored: 'Nursing pay talk: salary < $50k, C<T> and <CODE/CRAFTS>',
  },
];
const ICS_TITLE = { page: 'Nursing <svg/onload=alert(1)> shadowing \u0002day\u0003', stored: 'Nursing shadowing day' };
const DESCRIPTION =
  'Registered nurses and nursing students meet hiring managers from three hospitals; bring your resume. ' +
  '\u0002Forged\u0003 <img src=x onerror=alert(1)> &lt;svg/onload=alert(1)&gt; end \u202Etxet\u202C.';
const STORED_DESCRIPTION =
  'Registered nurses and nursing students meet hiring managers from three hospitals; bring your resume. ' +
  'Forged end txet.';

const DAY_MS = 86_400_000;
/** A minute-rounded instant `days` from now. */
const inDays = (days: number) => new Date(Math.floor((Date.now() + days * DAY_MS) / 60_000) * 60_000).toISOString();

/** A title that is markup only: nothing of it is text, so the event is left out and the run says why. */
const MARKUP_ONLY_TITLE = '<svg/onload=alert(1)><img src=x onerror=alert(1)>';

function eventsPage(): string {
  const titles = [...TITLES, { page: MARKUP_ONLY_TITLE }];
  const events = titles.map((title, i) => ({
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: title.page,
    description: DESCRIPTION,
    startDate: inDays(3 + i),
    endDate: inDays(3 + i + 0.1),
    url: `/events/${i}`,
    location: {
      '@type': 'Place',
      name: '<svg/onload=alert(1)>Hall \u0002A\u0003',
      address: { '@type': 'PostalAddress', addressLocality: 'Chicago', addressRegion: 'IL', addressCountry: 'US' },
    },
    organizer: { '@type': 'Organization', name: '<b onmouseover=alert(1)>Nurses</b> \u202EGuild' },
  }));
  // As sites write JSON-LD: "<" escaped so that no string ends the script element.
  const json = JSON.stringify(events).replaceAll('<', '\\u003c');
  return `<!doctype html><html><head><title>Nursing events</title>
<script type="application/ld+json">${json}</script></head><body><h1>Nursing events</h1></body></html>`;
}

function eventsCalendar(): string {
  const stamp = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hostile//EN',
    'BEGIN:VEVENT',
    'UID:shadowing@hostile.test',
    `DTSTAMP:${stamp(inDays(0))}`,
    `DTSTART:${stamp(inDays(20))}`,
    `DTEND:${stamp(inDays(20.1))}`,
    `SUMMARY:${ICS_TITLE.page}`,
    `DESCRIPTION:${DESCRIPTION.replaceAll(';', '\\;')}`,
    'LOCATION:Chicago\\, IL',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** The hostile site on loopback: the JSON-LD page, the calendar, and robots.txt allowing both. */
async function startHostileTextSite(): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const bodies: Record<string, [string, string]> = {
      '/robots.txt': ['text/plain', 'User-agent: *\nAllow: /\n'],
      '/events.html': ['text/html; charset=utf-8', eventsPage()],
      '/events.ics': ['text/calendar; charset=utf-8', eventsCalendar()],
    };
    const body = bodies[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': body?.[0] ?? 'text/plain' });
    res.end(body?.[1] ?? 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function source(id: string, url: string, kind: Source['kind']): Source {
  return {
    id,
    url,
    kind,
    fields: ['health-science'],
    pathways: [],
    recrawlMinutes: 1440,
    enabled: true,
    allowPrivateNetwork: true,
    health: { eventsFound: 0, errorCount: 0 },
  };
}

interface SearchHit {
  id: string;
  title: string;
  description: string;
  highlights: Record<'title' | 'description' | 'organizer' | 'venueName' | 'city', [number, number][]>;
}

describe('crawling hostile text: tags and control characters never reach the store, search or feeds', () => {
  let site: { server: Server; origin: string };
  let t: TestApp;
  let summary: CrawlSummary;
  let stored: Event[];
  const expectedTitles = [...TITLES, ICS_TITLE].map((title) => title.stored).sort();
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: HOST } });

  beforeAll(async () => {
    site = await startHostileTextSite();
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
    summary = await runCrawl({
      store: t.app.store,
      sources: [
        source('hostile-page', `${site.origin}/events.html`, 'html'),
        source('hostile-calendar', `${site.origin}/events.ics`, 'ics'),
      ],
      fetcher: { perHostDelayMs: 20, retryBaseDelayMs: 10 },
    });
    await t.app.outbox.drainNow();
    stored = [...t.app.store.iterateEvents()];
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    site?.server.close();
  });

  it('stores every event with plain-text titles, descriptions, places and organizers', () => {
    expect(summary.run.status).toBe('finished');
    expect(summary.totals.errors).toBe(0);
    const page = summary.sources.find((s) => s.sourceId === 'hostile-page');
    expect(page?.warnings).toEqual([
      `${site.origin}/events.html: json-ld: Event named ${JSON.stringify(MARKUP_ONLY_TITLE)} skipped: its name is markup, with no text`,
    ]);
    expect(stored.map((e) => e.title).sort()).toEqual(expectedTitles);
    for (const event of stored) {
      const texts = [event.title, event.description, event.venue?.name, event.organizer?.name].filter(
        (text): text is string => text !== undefined,
      );
      for (const text of texts) expect(text, event.title).not.toMatch(INVISIBLE);
      if (!event.title.includes('C<T>')) expect(event.title).not.toMatch(TAG_START);
      expect(event.description).toBe(STORED_DESCRIPTION);
    }
    const fromPage = stored.filter((e) => e.title !== ICS_TITLE.stored);
    expect(fromPage.map((e) => e.venue?.name)).toEqual(fromPage.map(() => 'Hall A'));
    expect(fromPage.map((e) => e.organizer?.name)).toEqual(fromPage.map(() => 'Nurses Guild'));
  });

  it('highlights only the words the query matched: no page can forge the marks', async () => {
    const res = await get('/api/search?q=nursing&limit=50');
    expect(res.statusCode, res.body).toBe(200);
    const hits = (res.json() as { hits: SearchHit[] }).hits;
    expect(hits).toHaveLength(expectedTitles.length);
    for (const hit of hits) {
      const marked = [
        ...hit.highlights.title.map(([from, to]) => hit.title.slice(from, to)),
        ...hit.highlights.description.map(([from, to]) => hit.description.slice(from, to)),
      ];
      expect(hit.highlights.title.length, hit.title).toBe(1);
      for (const word of marked) expect(word, hit.title).toMatch(/^nurs/i);
      expect(hit.title).not.toMatch(INVISIBLE);
      expect(hit.description).not.toMatch(INVISIBLE);
    }
    expect(hits.map((h) => h.title).sort()).toEqual(expectedTitles);
  });

  it('writes the titles into RSS, Atom and JSON Feed as text, with no markup and unbroken CDATA', async () => {
    const rss = await get('/feeds/search.rss?q=nursing');
    expect(rss.statusCode, rss.body).toBe(200);
    expect(rss.body).not.toMatch(INVISIBLE);
    const rssTitles = parseRss(rss.body).items.map((item) => item.title);
    // A "<" that would start markup is escaped in an RSS title; "< $50k" stays as it is.
    expect([...rssTitles].sort()).toEqual(expectedTitles.map((title) => title.replace(/<(?=[a-z/!?])/gi, '&lt;')));
    for (const title of rssTitles) expect(title).not.toMatch(TAG_START);

    const atom = await get('/feeds/search.atom?q=nursing');
    expect(atom.statusCode, atom.body).toBe(200);
    const atomTitles = parseAtom(atom.body).entries.map((entry) => htmlToShownText(entry.title));
    expect(atomTitles.sort()).toEqual(expectedTitles);

    const json = await get('/feeds/search.json?q=nursing');
    expect(json.statusCode, json.body).toBe(200);
    const jsonItems = parseJsonFeed(json.body).items;
    expect(jsonItems.map((item) => item.title).sort()).toEqual(expectedTitles);
    for (const item of jsonItems) expect(item.content_text).toContain(STORED_DESCRIPTION);
  });
});
