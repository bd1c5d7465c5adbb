import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FRAME_RESIZE_SCRIPT } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbedTestApp, seed, startEmbedTestApp, testEvent } from './fixtures/test-app.js';
import { escapeHtml } from './html.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const BUNDLE = '(function(){console.log("fieldguide widget")})();\n';
const HASH = 'Ab12_cd-';

const EVENTS = [
  testEvent('it-fair', 'Tech Career Fair', 3, {
    type: 'career-fair',
    hiring: { score: 0.9, reasons: ['Career fair'] },
  }),
  testEvent('it-devops', 'DevOps Days', 5),
  testEvent('it-hostile', HOSTILE_TITLE, 7, {
    venue: {
      name: '"><script>alert(2)</script>',
      city: 'Minneapolis',
      region: 'MN',
      country: 'US',
      lat: 44.98,
      lng: -93.26,
    },
  }),
  testEvent('it-online', 'Python Webinar', 9, { format: 'online', venue: undefined, timeZone: 'UTC' }),
  testEvent('it-chicago', 'Cloud Conference Chicago', 4, {
    venue: { name: 'Hall', city: 'Chicago', region: 'IL', country: 'US', lat: 41.85, lng: -87.65 },
  }),
  testEvent('it-tokyo', 'Tokyo Developers Day', 6, {
    timeZone: 'Asia/Tokyo',
    venue: { name: 'Hall', city: 'Tokyo', country: 'JP', lat: 35.68, lng: 139.69 },
  }),
  testEvent('it-past', 'Last Year Hackathon', -20),
  testEvent('hs-fair', 'Nursing Career Fair', 2, { fields: ['health-science'], type: 'career-fair' }),
];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const titles = (body: string) => [...body.matchAll(/class="title"[^>]*>([^<]*)</g)].map((m) => m[1]);

describe('embed routes', () => {
  let t: EmbedTestApp;
  beforeAll(async () => {
    t = await startEmbedTestApp();
    await seed(t.app, EVENTS);
  });
  afterAll(async () => t?.close());

  describe('GET /embed.js', () => {
    it('answers 503 JSON saying to build while the widget is not built, then serves it once built', async () => {
      const missing = await t.app.inject({ url: '/embed.js' });
      expect(missing.statusCode).toBe(503);
      expect(missing.json()).toMatchObject({
        code: 'ERR_WIDGET_NOT_BUILT',
        message: expect.stringContaining('pnpm build'),
      });

      mkdirSync(t.widgetRoot, { recursive: true });
      writeFileSync(path.join(t.widgetRoot, `embed.${HASH}.js`), BUNDLE);
      writeFileSync(path.join(t.widgetRoot, 'manifest.json'), JSON.stringify({ hash: HASH, integrity: 'sha384-x' }));
      const built = await t.app.inject({ url: '/embed.js', headers: { origin: 'https://career.example.edu' } });
      expect(built.statusCode).toBe(200);
      expect(built.body).toBe(BUNDLE);
      expect(built.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(built.headers['cache-control']).toBe('public, max-age=300');
      expect(built.headers['access-control-allow-origin']).toBe('*');
      expect(built.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(built.headers['x-content-type-options']).toBe('nosniff');
      expect(built.headers['set-cookie']).toBeUndefined();
      expect(built.headers.etag).toBe(`"${HASH}"`);
    });

    it('answers 304 to a matching If-None-Match', async () => {
      const res = await t.app.inject({ url: '/embed.js', headers: { 'if-none-match': `"${HASH}"` } });
      expect(res.statusCode).toBe(304);
      expect(res.body).toBe('');
    });

    it('serves the versioned bundle for a year, and 404s for unknown or malformed names', async () => {
      const res = await t.app.inject({ url: `/embed/${HASH}.js`, headers: { origin: 'https://career.example.edu' } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe(BUNDLE);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['set-cookie']).toBeUndefined();
      for (const url of [
        '/embed/Zz99zz99.js',
        '/embed/manifest.json',
        '/embed/..%2Fmanifest.json.js',
        `/embed/${HASH}`,
      ]) {
        const missing = await t.app.inject({ url });
        expect(missing.statusCode, url).toBe(404);
        expect(missing.json().code, url).toBe('ERR_NOT_FOUND');
      }
    });
  });

  describe('GET /embed/events', () => {
    const url = '/embed/events?field=information-technology&near=Minneapolis,%20MN&radius=50mi&limit=5';

    it('may be framed by any site and runs nothing but its own hashed style and resize script', async () => {
      const res = await t.app.inject({ url, headers: { origin: 'https://career.example.edu' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('public, max-age=300');
      const style = /<style>([\s\S]*?)<\/style>/.exec(res.body)?.[1] ?? '';
      const scriptsOf = (body: string) => [...body.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
      expect(scriptsOf(res.body)).toEqual([]);
      const auto = await t.app.inject({ url: `${url}&height=auto` });
      expect(scriptsOf(auto.body)).toEqual([FRAME_RESIZE_SCRIPT]);
      expect(auto.headers['content-security-policy']).toBe(res.headers['content-security-policy']);
      const csp = String(res.headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim());
      expect(csp.sort()).toEqual(
        [
          "default-src 'none'",
          `style-src ${sha256(style)}`,
          `script-src ${sha256(FRAME_RESIZE_SCRIPT)}`,
          "img-src 'self' data:",
          'frame-ancestors *',
          "base-uri 'none'",
          "form-action 'none'",
        ].sort(),
      );
      expect(res.body).not.toMatch(/<script|<form|<base|<iframe|<[a-z][^>]*\son\w+=/i);
    });

    it('lists the upcoming events of the field near the place, soonest first, with dates in their zone', async () => {
      const res = await t.app.inject({ url });
      expect(titles(res.body)).toEqual(['Tech Career Fair', 'DevOps Days', '&lt;img src=x onerror=alert(1)&gt;']);
      expect(res.body).toContain('Career fair');
      expect(res.body).toMatch(/<span class="hiring">Hiring managers very likely<\/span>/);
      expect(res.body.match(/class="hiring"/g)).toHaveLength(1);
      expect(res.body).toContain('href="https://events.example.org/it-fair" target="_blank" rel="noopener noreferrer"');
      // 15:00 UTC is 9 or 10 AM in Chicago, depending on daylight saving time.
      expect(res.body).toMatch(/(9|10):00\sAM\s–\s(5|6):00\sPM C[DS]T/);
      expect(res.body).toContain('href="/?field=information-technology&amp;near=Minneapolis%2C+MN&amp;radius=50mi"');

      const limited = await t.app.inject({ url: '/embed/events?field=information-technology&limit=2&theme=dark' });
      expect(titles(limited.body)).toEqual(['Tech Career Fair', 'Cloud Conference Chicago']);
      expect(limited.body).toContain('<body class="dark">');

      const tokyo = await t.app.inject({ url: '/embed/events?q=tokyo%20developers&limit=1' });
      expect(titles(tokyo.body)).toEqual(['Tokyo Developers Day']);
      expect(tokyo.body).toMatch(/12:00\s–\s8:00\sAM GMT\+9/);

      const online = await t.app.inject({ url: '/embed/events?q=python%20webinar&limit=1' });
      expect(online.body).toContain('<p class="where">Online</p>');
      const inTokyo = await t.app.inject({ url: '/embed/events?q=python%20webinar&limit=1&tz=Asia/Tokyo' });
      expect(inTokyo.body).toMatch(/GMT\+9<\/time>/);
      expect(online.body).not.toMatch(/GMT\+9<\/time>/);
      const inPersonInTokyo = await t.app.inject({ url: `${url}&tz=Asia/Tokyo` });
      expect(inPersonInTokyo.body).toMatch(/C[DS]T<\/time>/);
      expect(inPersonInTokyo.body).not.toMatch(/GMT\+9/);

      const narrowed = await t.app.inject({
        url: '/embed/events?field=information-technology&format=online&hiring=0.5',
      });
      expect(narrowed.statusCode, narrowed.body).toBe(200);
      expect(narrowed.body).toContain('href="/?field=information-technology&amp;format=online&amp;hiring=0.5"');
    });

    it('escapes crawled text everywhere', async () => {
      const res = await t.app.inject({ url: `${url}&q=${encodeURIComponent('"><b>x</b>')}` });
      expect(res.statusCode).toBe(200);
      const hostile = await t.app.inject({ url });
      expect(hostile.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(hostile.body).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;, Minneapolis, MN, US');
      expect(hostile.body).not.toContain('<img');
      expect(hostile.body).not.toContain('<script');
      expect(res.body).not.toContain('<b>x</b>');
    });

    it('says when nothing matches', async () => {
      const res = await t.app.inject({ url: '/embed/events?field=finance' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('No upcoming events match right now.');
    });

    it.each([
      ['/embed/events?feild=it', "querystring parameter 'feild' is not a known parameter"],
      ['/embed/events?limit=0', "querystring parameter 'limit' must be >= 1"],
      ['/embed/events?limit=51', "querystring parameter 'limit' must be <= 50"],
      ['/embed/events?theme=blue', "querystring parameter 'theme' must be one of: light, dark"],
      ['/embed/events?type=party', "querystring parameter 'type' must be one of"],
      ['/embed/events?radius=far', "querystring parameter 'radius' is malformed"],
      ['/embed/events?field=basket-weaving', 'parameter \'field\' unknown field "basket-weaving"'],
      ['/embed/events?near=Nowhereville%20Zzz', "parameter 'near' names no place we know"],
      ['/embed/events?tz=Mars/Olympus', 'tz "Mars/Olympus" is not a known time zone'],
      ['/embed/events?hiring=2', "querystring parameter 'hiring' must be <= 1"],
      ['/embed/events?format=virtual', "querystring parameter 'format' must be one of"],
    ])('answers %s with a readable 400 page', async (badUrl, message) => {
      const res = await t.app.inject({ url: badUrl, headers: { accept: 'text/html,*/*' } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['x-frame-options']).toBeUndefined();
      expect(res.body).toContain('Events cannot be shown:');
      expect(res.body).toContain(escapeHtml(message));

      const json = await t.app.inject({ url: badUrl, headers: { accept: 'application/json' } });
      expect(json.statusCode).toBe(400);
      expect(json.json()).toMatchObject({
        statusCode: 400,
        code: 'ERR_BAD_PARAMETER',
        message: expect.stringContaining(message),
      });
    });

    it('is described in the OpenAPI document', async () => {
      const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/embed.js', '/embed/{file}', '/embed/events']));
      const params = doc.paths['/embed/events'].get.parameters.map((p: { name: string }) => p.name);
      expect(params.sort()).toEqual([
        'association',
        'field',
        'format',
        'height',
        'hiring',
        'limit',
        'near',
        'q',
        'radius',
        'theme',
        'type',
        'tz',
      ]);
    });

    it('answers 503 with a page when search is down', async () => {
      await t.meili.stop();
      const res = await t.app.inject({ url: '/embed/events?field=information-technology' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('search is temporarily unavailable');
      expect(res.body).not.toContain(t.meili.url);
    });
  });
});
