import type { Event } from '@fieldguide/shared';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp, upcomingSeed } from '../support/seed-events.js';
import {
  htmlToShownText,
  parseAtom,
  parseIcal,
  parseJsonFeed,
  parseRss,
  unescapeIcalText,
} from './feeds-spec-checks.js';

const IT = 'information-technology';
const HOST = 'fieldguide.test';
const ORIGIN = `http://${HOST}`;

/** Markup, CDATA ends, entities, line breaks and iCalendar separators. */
const HOSTILE_TITLE = 'Hack & <script>alert("x")</script> ]]> one ]]> two; a, b \\ c &amp; café 🎉';
const HOSTILE_DESCRIPTION = `${HOSTILE_TITLE}\nSecond line <b>bold</b>; third, "quoted" ]]>`;
const ZONE_ALIASES: Record<string, string> = {};

function extraEvents(base: Event): Event[] {
  const day = 86_400_000;
  const soon = (days: number) => new Date(Math.floor((Date.now() + days * day) / 60_000) * 60_000).toISOString();
  return [
    {
      ...base,
      id: 'it-hostile',
      title: HOSTILE_TITLE,
      description: HOSTILE_DESCRIPTION,
      url: 'https://events.example.org/hostile?a=1&b=2',
      start: soon(2),
      end: soon(2.2),
      timeZone: 'Europe/London',
      organizer: { name: 'Org "Q"; Inc, Ltd', url: 'https://org.example.org/' },
    },
    { ...base, id: 'it-cancelled', title: 'Cancelled Cloud Day', status: 'cancelled', start: soon(4), end: soon(4.1) },
    {
      ...base,
      id: 'it-all-day',
      title: 'All-day Hiring Expo',
      allDay: true,
      timeZone: 'America/Chicago',
      // Local midnights in Chicago, two days.
      start: new Date(Date.UTC(2099, 0, 5, 6)).toISOString(),
      end: new Date(Date.UTC(2099, 0, 7, 6)).toISOString(),
    },
  ];
}

describe('feeds', () => {
  let t: TestApp;
  let expectedIt: Event[];
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
    const now = new Date();
    const { events } = await seedApp(t.app, now);
    const base = events.find((e) => e.id === 'it-devops-mpls') as Event;
    t.app.store.upsertEvents(extraEvents(base));
    await t.app.outbox.drainNow();
    const stored = [...t.app.store.iterateEvents()];
    expectedIt = upcomingSeed(stored, now)
      .filter((e) => e.fields.includes(IT))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(expectedIt.length).toBeGreaterThan(10);
  });
  afterAll(async () => t?.close());

  describe('iCalendar', () => {
    it('lists the field’s upcoming events, soonest first, at their stored instants and zones', async () => {
      const res = await get(`/feeds/fields/${IT}.ics`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=900');
      const { calendar, events } = parseIcal(res.body);
      expect(unescapeIcalText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(
        'Fieldguide — Information Technology events',
      );
      expect(calendar.getFirstPropertyValue('x-wr-caldesc')).toBeTruthy();
      expect(res.body).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n');
      expect(res.body).toContain('\r\nX-PUBLISHED-TTL:PT6H\r\n');
      expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(expectedIt.map((e) => `${e.id}@${HOST}`));
      for (const [i, vevent] of events.entries()) {
        const stored = expectedIt[i] as Event;
        const parsed = new ICAL.Event(vevent);
        if (stored.allDay) {
          expect(parsed.startDate.isDate).toBe(true);
          expect(parsed.startDate.toString()).toBe('2099-01-05');
          expect(parsed.endDate.toString()).toBe('2099-01-07');
          continue;
        }
        expect(parsed.startDate.toJSDate().toISOString(), stored.id).toBe(stored.start);
        expect(parsed.endDate.toJSDate().toISOString(), stored.id).toBe(stored.end);
        const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
        if (stored.timeZone === 'UTC') expect(tzid).toBeUndefined();
        else expect(tzid, stored.id).toBe(ZONE_ALIASES[stored.timeZone] ?? stored.timeZone);
        expect(vevent.getFirstPropertyValue('dtstamp')?.toString()).toBe(stored.updatedAt.replace(/\.\d+Z$/, 'Z'));
        expect(vevent.getFirstPropertyValue('url')).toBe(stored.url.replace(/,/g, '%2C').replace(/;/g, '%3B'));
        if (stored.venue?.lat !== undefined) {
          expect(vevent.getFirstPropertyValue('geo')).toEqual([stored.venue.lat, stored.venue.lng]);
          expect(String(vevent.getFirstPropertyValue('location'))).toContain(stored.venue.city);
        }
        expect(vevent.getFirstProperty('categories')?.getValues()).toContain('Information Technology');
      }
      const cancelled = events.find((e) => e.getFirstPropertyValue('uid') === `it-cancelled@${HOST}`);
      expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED');
    });

    it('carries hostile text as text, and the organizer with its address', async () => {
      const res = await get(`/feeds/fields/${IT}.ics`);
      const vevent = parseIcal(res.body).events.find((e) => e.getFirstPropertyValue('uid') === `it-hostile@${HOST}`);
      expect(vevent).toBeDefined();
      const parsed = new ICAL.Event(vevent as InstanceType<typeof ICAL.Component>);
      expect(parsed.summary).toBe(HOSTILE_TITLE);
      expect(parsed.description).toContain(HOSTILE_DESCRIPTION);
      const organizer = vevent?.getFirstProperty('organizer');
      expect(organizer?.getParameter('cn')).toBe("Org 'Q'; Inc, Ltd");
      expect(organizer?.getFirstValue()).toBe('https://org.example.org/');
    });

    it('serves one event as an .ics attachment, past ones too', async () => {
      const res = await get('/feeds/events/it-past-hackathon.ics');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="it-past-hackathon.ics"');
      const { events } = parseIcal(res.body);
      expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([`it-past-hackathon@${HOST}`]);
      expect(new ICAL.Event(events[0] as InstanceType<typeof ICAL.Component>).summary).toBe('Winter Hackathon');
    });
  });

  describe('RSS, Atom and JSON Feed', () => {
    it('RSS 2.0 lists the same events with plain-text titles and escaped HTML descriptions', async () => {
      const res = await get(`/feeds/fields/${IT}.rss`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      const { channel, items } = parseRss(res.body);
      expect(String(channel.title)).toBe('Fieldguide — Information Technology events');
      expect(items.map((i) => i.link)).toEqual(expectedIt.map((e) => `${ORIGIN}/events/${e.id}`));
      const hostile = items.find((i) => i.link.endsWith('/it-hostile'));
      // A stored title with markup in it reaches no reader as markup: its "<"s before a tag are escaped.
      expect(hostile?.title).toBe('Hack & &lt;script>alert("x")&lt;/script> ]]> one ]]> two; a, b \\ c &amp; café 🎉');
      expect(hostile?.title).not.toMatch(/<[a-z/!?]/i);
      expect(htmlToShownText(hostile?.description ?? '')).toContain(HOSTILE_DESCRIPTION);
      expect(items[0]?.categories).toContain('Information Technology');
    });

    it('Atom 1.0 lists the same events; HTML-typed titles decode to the original text', async () => {
      const res = await get(`/feeds/fields/${IT}.atom`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const { feed, entries } = parseAtom(res.body);
      expect(feed.title).toBe('Fieldguide — Information Technology events');
      expect(entries.map((e) => e.href)).toEqual(expectedIt.map((e) => `${ORIGIN}/events/${e.id}`));
      const hostile = entries.find((e) => e.href.endsWith('/it-hostile'));
      expect(hostile?.titleType).toBe('html');
      expect(htmlToShownText(hostile?.title ?? '')).toBe(HOSTILE_TITLE);
      expect(htmlToShownText(hostile?.summary ?? '')).toContain(HOSTILE_DESCRIPTION);
      const updated = expectedIt.find((e) => e.id === 'it-hostile')?.updatedAt;
      expect(Date.parse(hostile?.updated ?? '')).toBe(Date.parse(updated ?? ''));
    });

    it('JSON Feed 1.1 validates against the spec’s schema and carries text only', async () => {
      const res = await get(`/feeds/fields/${IT}.json`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = parseJsonFeed(res.body);
      expect(feed.title).toBe('Fieldguide — Information Technology events');
      expect(feed.items.map((i) => i.url)).toEqual(expectedIt.map((e) => `${ORIGIN}/events/${e.id}`));
      const hostile = feed.items.find((i) => i.url.endsWith('/it-hostile'));
      expect(hostile?.title).toBe(HOSTILE_TITLE);
      expect(hostile?.content_text).toContain(HOSTILE_DESCRIPTION);
      expect(hostile?.content_html).toBeUndefined();
      expect(hostile?.external_url).toBe('https://events.example.org/hostile?a=1&b=2');
      expect(hostile?._fieldguide).toMatchObject({ timeZone: 'Europe/London', status: 'scheduled' });
    });

    it('a pathway feed holds only that pathway’s events', async () => {
      const res = await get('/feeds/fields/health-science/therapeutic-services.json');
      expect(res.statusCode, res.body).toBe(200);
      const ids = parseJsonFeed(res.body).items.map((i) => i.url.split('/').pop());
      expect(ids.sort()).toEqual(['hs-dental-portland-me', 'hs-nursing-fair-mpls']);
    });
  });

  describe('search feeds', () => {
    it('take the /api/search parameters and list what the search finds, soonest first', async () => {
      const params = 'field=IT&near=Minneapolis%2C%20MN&radius=50km';
      const search = (await get(`/api/search?${params}&limit=100`)).json() as { hits: { id: string }[] };
      const res = await get(`/feeds/search.ics?${params}&page=2&limit=1&sort=hiring`);
      expect(res.statusCode, res.body).toBe(200);
      const { calendar, events } = parseIcal(res.body);
      const uids = events.map((e) => String(e.getFirstPropertyValue('uid')).replace(`@${HOST}`, ''));
      expect(uids.sort()).toEqual(search.hits.map((h) => h.id).sort());
      expect(uids.length).toBeGreaterThan(1);
      expect(unescapeIcalText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(
        'Fieldguide — Information Technology events near Minneapolis, MN, US',
      );
      const rss = parseRss((await get(`/feeds/search.rss?${params}`)).body);
      expect(rss.items).toHaveLength(uids.length);
      parseAtom((await get(`/feeds/search.atom?q=nursing`)).body);
      const json = parseJsonFeed((await get('/feeds/search.json?q=nursing')).body);
      expect(json.items.length).toBeGreaterThan(0);
      const starts = json.items.map((i) => Date.parse(i._fieldguide.start));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
    });

    it('take a rolling window, within, counted from each request: no frozen dates', async () => {
      const all = parseJsonFeed((await get('/feeds/search.json?field=IT')).body).items;
      const soon = parseJsonFeed((await get('/feeds/search.json?field=IT&within=10d')).body).items;
      const limit = Date.now() + 10 * 86_400_000;
      expect(soon.length).toBeGreaterThan(0);
      expect(soon.length).toBeLessThan(all.length);
      expect(soon.map((i) => i.id)).toEqual(
        all.filter((i) => Date.parse(i._fieldguide.start) <= limit).map((i) => i.id),
      );
      const echoed = (await get('/api/search?field=IT&within=12w')).json() as { query: { within: string; to: string } };
      expect(echoed.query.within).toBe('84d');
      expect(Math.abs(Date.parse(echoed.query.to) - (Date.now() + 84 * 86_400_000))).toBeLessThan(60_000);
    });

    it('answer a bad parameter with 400 JSON', async () => {
      for (const url of [
        '/feeds/search.ics?within=0d',
        '/feeds/search.ics?within=3months',
        '/feeds/search.ics?within=30d&to=2030-01-01',
        '/feeds/search.rss?type=party',
        '/feeds/search.ics?field=astrology',
        '/feeds/search.json?x=1',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers['content-type']).toContain('application/json');
        expect(res.json()).toMatchObject({ statusCode: 400, code: 'ERR_BAD_PARAMETER' });
      }
    });
  });

  describe('caching', () => {
    it('answers 304 to If-None-Match and If-Modified-Since, in every format', async () => {
      for (const ext of ['ics', 'rss', 'atom', 'json']) {
        const url = `/feeds/fields/${IT}.${ext}`;
        const first = await get(url);
        const etag = String(first.headers.etag);
        const lastModified = String(first.headers['last-modified']);
        expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
        expect(Date.parse(lastModified)).toBeGreaterThan(0);
        const again = await get(url);
        expect(again.headers.etag, 'same bytes, same tag').toBe(etag);
        expect(again.body).toBe(first.body);
        const byTag = await get(url, { 'if-none-match': etag });
        expect(byTag.statusCode, ext).toBe(304);
        expect(byTag.body).toBe('');
        expect(byTag.headers.etag).toBe(etag);
        expect((await get(url, { 'if-modified-since': lastModified })).statusCode).toBe(304);
        expect((await get(url, { 'if-none-match': '"other"' })).statusCode).toBe(200);
        const head = await t.app.inject({ method: 'HEAD', url, headers: { host: HOST, 'if-none-match': etag } });
        expect(head.statusCode).toBe(304);
      }
    });

    it('changes the tag when an event of the feed changes', async () => {
      const url = `/feeds/fields/${IT}.json`;
      const before = await get(url);
      const event = t.app.store.getEvent('it-cancelled') as Event;
      t.app.store.upsertEvent({ ...event, title: 'Cancelled Cloud Day (moved online)' });
      await t.app.outbox.drainNow();
      const after = await get(url, { 'if-none-match': String(before.headers.etag) });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.body).toContain('Cancelled Cloud Day (moved online)');
    });
  });

  describe('errors and URLs', () => {
    it('answers unknown fields, formats and events with 404 JSON', async () => {
      for (const url of [
        '/feeds/fields/astrology.ics',
        '/feeds/fields/information-technology.pdf',
        '/feeds/fields/health-science/astrology.rss',
        '/feeds/fields/information-technology',
        '/feeds/events/nope.ics',
        '/feeds/events/it-devops-mpls.rss',
        '/feeds/events/..%2F..%2Fetc.ics',
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.json()).toMatchObject({ statusCode: 404 });
      }
    });

    it('GET /api/feeds gives a field’s feed URLs, or a search’s', async () => {
      const field = await get('/api/feeds?field=IT');
      expect(field.statusCode, field.body).toBe(200);
      expect(field.json()).toEqual({
        title: 'Fieldguide — Information Technology events',
        ics: `${ORIGIN}/feeds/fields/${IT}.ics`,
        webcal: `webcal://${HOST}/feeds/fields/${IT}.ics`,
        rss: `${ORIGIN}/feeds/fields/${IT}.rss`,
        atom: `${ORIGIN}/feeds/fields/${IT}.atom`,
        json: `${ORIGIN}/feeds/fields/${IT}.json`,
      });
      const search = (await get('/api/feeds?q=cloud&field=IT&page=2&sort=hiring')).json() as Record<string, string>;
      expect(search.rss).toBe(`${ORIGIN}/feeds/search.rss?field=IT&q=cloud`);
      expect(search.webcal).toBe(`webcal://${HOST}/feeds/search.ics?field=IT&q=cloud`);
      expect(
        (await get(new URL(search.json as string).pathname + new URL(search.json as string).search)).statusCode,
      ).toBe(200);
      expect((await get('/api/feeds?field=astrology')).statusCode).toBe(400);
    });

    it('does not copy a hostile Host header into links', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/feeds?field=IT', headers: { host: 'x"><script>' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('<script>');
    });
  });
});
