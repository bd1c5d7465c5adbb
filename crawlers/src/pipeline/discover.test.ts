import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, type Fetcher } from '../core/fetcher.js';
import { html, startHostileServer } from '../core/testing/hostile-server.js';
import { type DemoSites, startDemoSites } from '../demo/demo-sites.js';
import { tempStorePath } from '../storage/store/fixtures/sample-data.js';
import { createStore } from '../storage/store/store.js';
import type { Store } from '../storage/store/store.types.js';
import { associationScope, discoverSources } from './discover.js';

let demo: DemoSites;
let fetcher: Fetcher;
let temp: ReturnType<typeof tempStorePath>;
let store: Store;
const origin = (id: string) => demo.sites.find((s) => s.id === id)!.origin;

beforeAll(async () => {
  demo = await startDemoSites({ now: new Date('2026-03-07T12:00:00Z') });
  fetcher = createFetcher({ perHostDelayMs: 0, allowPrivateOrigins: demo.sites.map((s) => s.origin) });
  temp = tempStorePath();
  store = createStore({ path: temp.path });
});
afterAll(async () => {
  store?.close();
  temp?.cleanup();
  await fetcher?.close();
  await demo?.close();
});

describe('discoverSources', () => {
  it('finds the feeds of the event and campus calendar platforms a page links to or embeds, named by platform', async () => {
    const page = `<html><head><title>Nursing Student Association</title></head><body>
      <a href="https://www.meetup.com/chicago-student-nurses/">Meetup</a>
      <script>$Trumba.addSpud({ webName: "nursing-school-events", spudType: "main" });</script>
      <div id="localist-widget-7" class="localist-widget"></div>
      <script src="/widget/view?days=31&container=localist-widget-7"></script></body></html>`;
    const server = await startHostileServer({ routes: { '/': html(page) } });
    const own = createFetcher({ perHostDelayMs: 0, allowPrivateOrigins: [new URL(server.url('/')).origin] });
    try {
      const result = await discoverSources(server.url('/'), { fetcher: own });
      expect(result.sources).toEqual([
        {
          url: 'https://www.trumba.com/calendars/nursing-school-events.ics',
          kind: 'ics',
          reason: "Trumba calendar's iCalendar feed",
        },
        { url: server.url('/api/2/events?days=365&pp=100'), kind: 'auto', reason: "Localist calendar's events API" },
        {
          url: 'https://www.meetup.com/chicago-student-nurses/events/ical/',
          kind: 'ics',
          reason: "Meetup group's iCalendar feed",
        },
      ]);
    } finally {
      await own.close();
      await server.close();
    }
  });

  it('finds the calendar a home page announces, its job board and the association, and stores it', async () => {
    const result = await discoverSources(`${origin('cyber')}/`, { fetcher, store });
    expect(result.sources).toEqual([{ url: `${origin('cyber')}/calendar.ics`, kind: 'ics', reason: 'iCalendar link' }]);
    expect(result.jobBoardUrl).toBe(`${origin('cyber')}/jobs/`);
    expect(result.association).toMatchObject({
      name: 'Front Range Cyber & IT Alliance',
      country: 'US',
      region: 'CO',
      scope: 'regional',
      jobBoardUrl: `${origin('cyber')}/jobs/`,
      fields: expect.arrayContaining(['information-technology']),
    });
    expect(store.getAssociation(result.association!.id)?.name).toBe('Front Range Cyber & IT Alliance');
  });

  it('keeps what the store knew that the page never tells: acronym, membership page, cadence, chapters', async () => {
    const first = await discoverSources(`${origin('cyber')}/`, { fetcher, store });
    const id = first.association!.id;
    const curated = store.getAssociation(id)!;
    store.upsertAssociation({
      ...curated,
      acronym: 'FRCIA',
      membershipUrl: `${origin('cyber')}/join/`,
      meetingCadence: 'monthly',
      chapters: [{ name: 'Boulder chapter' }],
    });
    const again = await discoverSources(`${origin('cyber')}/`, { fetcher, store });
    expect(again.association?.id).toBe(id);
    expect(store.getAssociation(id)).toMatchObject({
      name: 'Front Range Cyber & IT Alliance',
      acronym: 'FRCIA',
      membershipUrl: `${origin('cyber')}/join/`,
      meetingCadence: 'monthly',
      chapters: [{ name: 'Boulder chapter' }],
    });
  });

  it('finds The Events Calendar API of a WordPress site and a feed announced by <link rel="alternate">', async () => {
    const marketing = await discoverSources(`${origin('marketing')}/`, { fetcher });
    expect(marketing.sources.map((s) => s.kind)).toContain('wordpress-events');
    expect(marketing.sources.find((s) => s.kind === 'wordpress-events')?.url).toBe(
      `${origin('marketing')}/wp-json/tribe/events/v1/events`,
    );
    const publicadmin = await discoverSources(`${origin('publicadmin')}/`, { fetcher });
    expect(publicadmin.sources).toContainEqual(
      expect.objectContaining({ kind: 'feed', url: `${origin('publicadmin')}/events/rss.xml` }),
    );
  });

  it('falls back to the events page when a site announces no feed', async () => {
    const result = await discoverSources(`${origin('manufacturing')}/`, { fetcher });
    expect(result.sources).toEqual([
      expect.objectContaining({ kind: 'listing', url: `${origin('manufacturing')}/events/` }),
    ]);
  });

  it('keeps a private-network discovery to the page’s own origin, leaving out sources elsewhere', async () => {
    const site = await startHostileServer();
    const own = createFetcher({ perHostDelayMs: 0 });
    try {
      const elsewhere = `http://127.0.0.1:${site.port === 65535 ? 1 : site.port + 1}/events.ics`;
      site.route(
        '/',
        html(
          '<html><head><title>Lakeside Nurses</title>' +
            `<link rel="alternate" type="text/calendar" href="${elsewhere}">` +
            '<link rel="alternate" type="application/rss+xml" href="/events/rss.xml"></head><body></body></html>',
        ),
      );
      const result = await discoverSources(site.url('/'), { fetcher: own, allowPrivateNetwork: true });
      expect(result.sources.map((s) => s.url)).toEqual([site.url('/events/rss.xml')]);
      expect(result.warnings.join('\n')).toContain(`${elsewhere} (`);
      const unflagged = await discoverSources(site.url('/'), { fetcher: own }).catch((error: unknown) => error);
      expect(unflagged).toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    } finally {
      await own.close();
      await site.close();
    }
  });

  it('reads the scope from how an association describes itself', () => {
    expect(associationScope('International Association of Nurses')).toBe('international');
    expect(associationScope('American Society of CPAs')).toBe('national');
    expect(associationScope('Springfield County Bar')).toBe('local');
    expect(associationScope('Great Lakes Nurses Association')).toBe('regional');
  });
});
