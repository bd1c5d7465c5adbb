import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';

const IT = 'information-technology';
/** Every answer whose body names the server's origin. */
const ORIGIN_ANSWERS = [
  `/feeds/fields/${IT}.rss`,
  `/feeds/fields/${IT}.ics`,
  `/feeds/fields/${IT}.atom`,
  `/feeds/fields/${IT}.json`,
  '/feeds/search.rss?q=data',
  '/api/feeds?field=information-technology',
];

const varyOf = (headers: Record<string, unknown>) =>
  String(headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase())
    .filter(Boolean);

async function seeded(env: Record<string, string>): Promise<TestApp> {
  const t = await startTestApp({ RATE_LIMIT_MAX: '0', ...env });
  await seedApp(t.app, new Date());
  await t.app.outbox.drainNow();
  return t;
}

describe('feeds without PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await seeded({});
  });
  afterAll(async () => t?.close());

  it("name the request's host and say Vary: Host, each host getting its own links from the cache", async () => {
    for (const url of ORIGIN_ANSWERS) {
      const a = await t.app.inject({ method: 'GET', url, headers: { host: 'a.example.org' } });
      const b = await t.app.inject({ method: 'GET', url, headers: { host: 'b.example.org' } });
      const aAgain = await t.app.inject({ method: 'GET', url, headers: { host: 'a.example.org' } });
      for (const res of [a, b, aAgain]) {
        expect(res.statusCode, url).toBe(200);
        expect(varyOf(res.headers), url).toContain('host');
        expect(varyOf(res.headers), url).not.toContain('x-forwarded-host');
      }
      expect(a.body, url).toContain('a.example.org');
      expect(b.body, url).toContain('b.example.org');
      expect(b.body, url).not.toContain('a.example.org');
      expect(aAgain.body, url).not.toContain('b.example.org');
      expect(aAgain.body, url).toBe(a.body);
    }
  });

  it('keeps Vary on a 304', async () => {
    const url = `/feeds/fields/${IT}.ics`;
    const first = await t.app.inject({ method: 'GET', url, headers: { host: 'a.example.org' } });
    const again = await t.app.inject({
      method: 'GET',
      url,
      headers: { host: 'a.example.org', 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(varyOf(again.headers)).toContain('host');
  });
});

describe('feeds behind a trusted proxy, without PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await seeded({ TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => t?.close());

  it('name the forwarded host and scheme, and vary on the headers they came from', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/feeds/fields/${IT}.rss`,
      headers: { host: 'internal:3000', 'x-forwarded-host': 'public.example.org', 'x-forwarded-proto': 'https' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('https://public.example.org/');
    expect(res.body).not.toContain('internal:3000');
    expect(varyOf(res.headers)).toEqual(expect.arrayContaining(['host', 'x-forwarded-host', 'x-forwarded-proto']));
  });
});

describe('feeds with PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await seeded({ PUBLIC_URL: 'https://fieldguide.example.org/' });
  });
  afterAll(async () => t?.close());

  it('always name PUBLIC_URL, whatever the Host, and do not vary on it', async () => {
    for (const url of ORIGIN_ANSWERS) {
      const res = await t.app.inject({ method: 'GET', url, headers: { host: 'evil.example.net' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain('https://fieldguide.example.org/');
      expect(res.body, url).not.toContain('evil.example.net');
      expect(varyOf(res.headers), url).not.toContain('host');
    }
  });
});
