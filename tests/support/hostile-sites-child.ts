// The hostile fixture sites of the crawl test, run in a process of their own: their log's clock is then not
// held up by the crawler's parsing on a shared event loop, so it shows what the hosts really saw.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostile } from '@fieldguide/crawlers/testing';

const page = (jsonLd: string) =>
  `<!doctype html><html><head><title>x</title><script type="application/ld+json">${jsonLd}</script></head><body></body></html>`;
const eventLd = (name: string) =>
  JSON.stringify({ '@context': 'https://schema.org', '@type': 'Event', name, startDate: '2026-04-02T18:00:00-05:00' });
const ics = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//hostile//EN\r\n${body}END:VCALENDAR\r\n`;
const vevent = (uid: string, summary: string) =>
  `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260410T150000Z\r\nSUMMARY:${summary}\r\nEND:VEVENT\r\n`;

const a = await hostile.startHostileServer({
  hostname: '127.0.0.20',
  routes: {
    '/robots.txt': hostile.text('User-agent: *\nDisallow: /private/\n'),
    '/private/events.html': hostile.html(page(eventLd('Board retreat'))),
    '/busy.ics': hostile.sequence(
      hostile.text('slow down', { status: 429, headers: { 'retry-after': '1' } }),
      hostile.text(ics(vevent('busy@x', 'Patient Calendar Event')), { headers: { 'content-type': 'text/calendar' } }),
    ),
    '/huge.html': hostile.hugeBody({ totalBytes: 50_000_000 }),
    '/loop-a': hostile.redirect('/loop-b'),
    '/loop-b': hostile.redirect('/loop-a'),
    '/latin1.html': hostile.html(
      Buffer.from(page(eventLd('Café Culture Night — “Hospitality”')), 'utf8'),
      'text/html; charset=iso-8859-1',
    ),
  },
});
const b = await hostile.startHostileServer({
  hostname: '127.0.0.21',
  routes: {
    '/slow.html': hostile.slowDrip({ intervalMs: 100, totalBytes: 1000 }),
    '/broken-ld.html': hostile.html(page('{"@type": "Event", "name": "Unclosed", "startDate": [[[')),
    '/messy.ics': hostile.text(
      ics(
        `${vevent('ok@x', 'Readable Workshop')}this line is not iCalendar\r\nBEGIN:VEVENT\r\nUID:nodate@x\r\nSUMMARY:No Date\r\nEND:VEVENT\r\n`,
      ),
      { headers: { 'content-type': 'text/calendar' } },
    ),
    // A 10^18-week DURATION, a rule that never matches (30 February) and one with a billion instances.
    '/trap.ics': hostile.text(
      ics(
        [
          'BEGIN:VEVENT\r\nUID:forever@x\r\nDTSTART:20260401T150000Z\r\nDURATION:P999999999999999999W\r\nSUMMARY:Forever Expo\r\nEND:VEVENT\r\n',
          'BEGIN:VEVENT\r\nUID:never@x\r\nDTSTART:20260101T100000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nSUMMARY:Never Meetup\r\nEND:VEVENT\r\n',
          'BEGIN:VEVENT\r\nUID:billion@x\r\nDTSTART:19700101T000000Z\r\nRRULE:FREQ=SECONDLY;COUNT=1000000000\r\nSUMMARY:Every Second\r\nEND:VEVENT\r\n',
          vevent('fair@x', 'Trap-proof Career Fair'),
        ].join(''),
      ),
      { headers: { 'content-type': 'text/calendar' } },
    ),
    '/garbage.ics': hostile.text('BEGIN:VCALENDAR\r\n%%% not a calendar at all %%%\r\n', {
      headers: { 'content-type': 'text/calendar' },
    }),
    // Escaped as JSON-LD in HTML must be, so the markup reaches the title rather than ending the script block.
    '/script.html': hostile.html(
      page(eventLd('<script>alert(1)</script>Evening <img src=x onerror=alert(2)> Mixer').replace(/</g, '\\u003c')),
    ),
  },
});

// The control server hands the logs to the test and closes everything on request.
const control = http.createServer((req, res) => {
  if (req.url === '/logs') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ a: a.log, b: b.log }));
    return;
  }
  res.statusCode = 404;
  res.end();
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
const { port } = control.address() as AddressInfo;
process.stdout.write(`${JSON.stringify({ a: a.origin, b: b.origin, control: `http://127.0.0.1:${port}` })}\n`);

process.on('SIGTERM', async () => {
  control.close();
  await Promise.all([a.close(), b.close()]);
  process.exit(0);
});
