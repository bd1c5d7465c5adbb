import { MAX_EXPORT_EVENTS } from '@fieldguide/shared';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';
import { parseIcal } from './feeds-spec-checks.js';

const HOST = 'fieldguide.test';

describe('saved events: GET /api/events?ids= and GET /api/events.ics?ids=', () => {
  let t: TestApp;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_MAX: '0' });
    await seedApp(t.app, new Date());
  });
  afterAll(async () => t?.close());

  it('reads chosen events from the store in the order asked, past ones too, and names the missing ones', async () => {
    const res = await get('/api/events?ids=it-past-hackathon,gone-event,it-devops-mpls,it-past-hackathon');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { events: { id: string; title: string; start: string }[]; missing: string[] };
    expect(body.events.map((e) => e.id)).toEqual(['it-past-hackathon', 'it-devops-mpls']);
    expect(body.events[1]).toMatchObject({
      title: t.app.store.getEvent('it-devops-mpls')?.title,
      start: t.app.store.getEvent('it-devops-mpls')?.start,
    });
    expect(body.missing).toEqual(['gone-event']);
    const bad = await get('/api/events?ids=a,<b>');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ERR_BAD_PARAMETER', message: expect.stringMatching(/not an event id/) });
  });

  it('writes the named events, past ones too, soonest first, as valid iCalendar with their zones', async () => {
    const res = await get('/api/events.ics?ids=it-devops-mpls,it-past-hackathon,it-devops-mpls');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="fieldguide-saved-events.ics"');
    const { events } = parseIcal(res.body);
    const read = events.map((e) => new ICAL.Event(e));
    expect(read.map((e) => e.uid)).toEqual([`it-past-hackathon@${HOST}`, `it-devops-mpls@${HOST}`]);
    const stored = t.app.store.getEvent('it-devops-mpls');
    expect(read[1]?.summary).toBe(stored?.title);
    expect(read[1]?.startDate.toJSDate().toISOString()).toBe(stored?.start);
    expect(events[1]?.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(stored?.timeZone);
  });

  it('leaves out ids no longer stored, and answers an empty calendar when none is', async () => {
    const some = parseIcal((await get('/api/events.ics?ids=gone-event,it-devops-mpls')).body);
    expect(some.events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([`it-devops-mpls@${HOST}`]);
    const none = await get('/api/events.ics?ids=gone-event');
    expect(none.statusCode).toBe(200);
    expect(parseIcal(none.body).events).toEqual([]);
  });

  it('answers 304 to a revalidation of the same bytes', async () => {
    const first = await get('/api/events.ics?ids=it-devops-mpls');
    const again = await get('/api/events.ics?ids=it-devops-mpls', { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it(`refuses more than ${MAX_EXPORT_EVENTS} ids, a bad id and no id with a 400 that says why`, async () => {
    const many = Array.from({ length: MAX_EXPORT_EVENTS + 1 }, (_, i) => `event-${i}`).join(',');
    const cases: [string, RegExp][] = [
      [`/api/events.ics?ids=${many}`, /at most 100 are read at once/],
      ['/api/events.ics?ids=it-devops-mpls,..%2Fetc', /not an event id/],
      ['/api/events.ics?ids=,,', /at least one event id/],
      ['/api/events.ics', /ids/],
      ['/api/events.ics?ids=a&other=1', /other/],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ statusCode: 400, code: 'ERR_BAD_PARAMETER' });
      expect(res.json().message, url).toMatch(message);
    }
  });
});
