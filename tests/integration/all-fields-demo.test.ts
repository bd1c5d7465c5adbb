// Issue 10, points 1, 7 and 8 over the crawled demo sites: events for every field, events with no professional
// purpose, and what a description states about time and place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../e2e/support/server.js';

interface Hit {
  series?: { id: string; moreDates: number };
  id: string;
  title: string;
  fields: string[];
  fieldNames: string[];
  allFields?: boolean;
  format: string;
  allDay: boolean;
  timeZone: string;
  start: string;
  venueName: string | null;
  city: string | null;
  hiringReasons: string[];
}
interface SearchBody {
  hits: Hit[];
  total: number;
  facets: { fields: Record<string, number>; allFields?: number };
  query: { allFields?: string };
}

let server: E2eServer;

async function search(query: string): Promise<SearchBody> {
  const res = await server.app.inject({ method: 'GET', url: `/api/search?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as SearchBody;
}
const titles = (body: SearchBody) => body.hits.map((h) => h.title);

beforeAll(async () => {
  server = await startE2eServer({ data: 'demo' });
}, 180_000);
afterAll(async () => server?.close());

describe('events open to every field', () => {
  it('lists the all-majors and open job fairs under a field filter, labelled "All fields"', async () => {
    const body = await search('field=health-science&limit=100&sort=hiring');
    expect(titles(body)).toEqual(expect.arrayContaining(['Fall All-Majors Career Fair', 'Austin Startup Job Fair']));
    expect(titles(body)).toContain('Chicago Nursing Job Fair');
    for (const hit of body.hits) expect(hit.allFields || hit.fields.includes('health-science'), hit.title).toBe(true);
    const fair = body.hits.find((h) => h.title === 'Fall All-Majors Career Fair');
    expect(fair).toMatchObject({ allFields: true, fields: [] });
    expect(fair?.fieldNames).toEqual(['All fields']);
    expect(body.query.allFields).toBe('include');
  });

  it('ranks them by their hiring signal among the field’s own events', async () => {
    const body = await search('field=information-technology&sort=hiring&limit=10');
    const open = body.hits.filter((h) => h.allFields);
    expect(open.length).toBeGreaterThan(0);
    expect(body.hits[0]?.title).toBe('Austin Startup Job Fair');
  });

  it('leaves them out with allFields=exclude, and counts them in every field facet when included', async () => {
    const included = await search('field=information-technology&limit=100');
    const excluded = await search('field=information-technology&allFields=exclude&limit=100');
    expect(excluded.query.allFields).toBe('exclude');
    expect(excluded.hits.some((h) => h.allFields)).toBe(false);
    const open = included.hits.filter((h) => h.allFields).length;
    expect(open).toBeGreaterThanOrEqual(3);
    expect(included.total).toBe(excluded.total + open);
    // Facets count every date of a recurring series, the total each series once (see series-demo).
    const dates = (body: SearchBody) => body.total + body.hits.reduce((sum, h) => sum + (h.series?.moreDates ?? 0), 0);
    expect(included.facets.fields['information-technology']).toBe(dates(included));
    expect(excluded.facets.fields['information-technology']).toBe(dates(excluded));
    expect(included.facets.allFields).toBe(open);
    const unfiltered = await search('limit=1');
    expect(unfiltered.facets.fields['health-science']).toBe(dates(await search('field=health-science&limit=100')));
  });

  it('counts them in every field of /api/fields, and puts them in field feeds', async () => {
    const fields = (await server.app.inject({ method: 'GET', url: '/api/fields' })).json() as {
      fields: { id: string; count: number }[];
    };
    const finance = fields.fields.find((f) => f.id === 'finance');
    expect(finance?.count).toBe((await search('field=finance&limit=1')).total);
    for (const field of fields.fields) expect(field.count, field.id).toBeGreaterThan(0);

    const feed = await server.app.inject({ method: 'GET', url: '/feeds/fields/health-science.ics' });
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('Fall All-Majors Career Fair');
    expect(feed.body).toContain('All fields');
    const json = await server.app.inject({ method: 'GET', url: '/feeds/fields/finance.json' });
    const items = (json.json() as { items: { title: string; tags?: string[] }[] }).items;
    expect(items.find((i) => i.title === 'Austin Startup Job Fair')?.tags).toContain('All fields');
  });

  it('shows them in a field embed', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/embed/events?field=education-training&limit=50' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Fall All-Majors Career Fair');
  });
});

describe('events with no professional purpose', () => {
  it('are left out of listings, searches and feeds by default, but kept in the store', async () => {
    const all = await search('limit=100&sort=date');
    const pages = [all, await search('limit=100&sort=date&page=2'), await search('limit=100&sort=date&page=3')];
    const listed = pages.flatMap(titles);
    expect(listed).not.toContain('Denver Board Game Night');
    expect(listed).not.toContain('Chicago Sourdough Circle: Starter Swap');
    expect(titles(await search('q=board%20game%20night'))).not.toContain('Denver Board Game Night');
    const stored = [...server.app.store.iterateEvents()].find((e) => e.title === 'Denver Board Game Night');
    expect(stored).toMatchObject({ careerRelevant: false });
    expect(stored?.relevanceReason).toMatch(/board game/);
    const feed = await server.app.inject({ method: 'GET', url: '/feeds/search.ics?q=game' });
    expect(feed.body).not.toContain('Denver Board Game Night');
  });

  it('are listed for admins with the reason', async () => {
    const denied = await server.app.inject({ method: 'GET', url: '/api/admin/events/not-career' });
    expect(denied.statusCode).toBeGreaterThanOrEqual(401);
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/admin/events/not-career?upcoming=true',
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; events: { title: string; reason: string }[] };
    const titlesHidden = body.events.map((e) => e.title);
    expect(titlesHidden).toEqual(
      expect.arrayContaining(['Denver Board Game Night', 'Chicago Sourdough Circle: Starter Swap']),
    );
    expect(body.total).toBeLessThanOrEqual(5);
    for (const event of body.events) expect(event.reason).toMatch(/^Hobby, leisure or family event/);
  });
});

describe('what a description states', () => {
  it('times the education webinar at 7 PM Central, online, without "In person"', async () => {
    const body = await search(`q=${encodeURIComponent('Building Your Teaching Portfolio')}`);
    const webinar = body.hits.find((h) => h.title.startsWith('Online Webinar for Education Students'));
    expect(webinar).toMatchObject({ format: 'online', allDay: false, timeZone: 'America/Chicago', venueName: null });
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/Chicago',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(webinar?.start ?? 0));
    expect(local).toBe('7:00 PM');
    expect(webinar?.hiringReasons).not.toContain('In person');
  });

  it('never claims "In person" for an event without a place', async () => {
    for (const event of server.app.store.iterateEvents()) {
      if (!event.venue) expect(event.hiring.reasons, event.title).not.toContain('In person');
    }
  });
});
