import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectHitsMatchEcho, expectSearchResponseSchema } from '../support/api-invariants.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { seedApp } from '../support/seed-events.js';

let t: TestApp;
let now: Date;

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_MAX: '0' });
  ({ now } = await seedApp(t.app));
});
afterAll(async () => t?.close());

const KEYS = [
  'q',
  'field',
  'type',
  'format',
  'from',
  'to',
  'near',
  'radius',
  'cost',
  'hiring',
  'association',
  'allFields',
  'sort',
  'page',
  'limit',
  'scope',
  'country',
  'region',
  'filter',
  '_geo',
  '__proto__',
  'constructor',
  'q[]',
  'field[0]',
  '',
];

const HOSTILE = [
  '"',
  '\\',
  '\\"',
  "'",
  'health-science" OR fields = "finance',
  'finance" OR "1"="1',
  ') OR (fields EXISTS',
  'AND',
  'OR',
  'NOT',
  ' AND ',
  '[',
  ']',
  '(',
  ')',
  '_geo',
  '_geoRadius(44.98, -93.26, 100000000)',
  '_geoBoundingBox([90,180],[-90,-180])',
  '_geoPoint(0,0):asc',
  'start:asc',
  '1e309',
  '-1e309',
  '1e21',
  '-0',
  'NaN',
  'Infinity',
  '0x10',
  '9'.repeat(400),
  '\u0000',
  '\u0002x\u0003',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}',
  '../../etc/passwd',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  'health-science',
  'healthcare',
  'finance',
  'Minneapolis, MN',
  'Portland, ME',
  'Chicgo',
  'Springfield',
  '60616',
  '60616-1234',
  'M5V 3L9',
  'SW1A 1AA',
  '44.98,-93.26',
  '90,180',
  '50mi',
  '0km',
  'free',
  'paid',
  'career-fair',
  'online',
  'distance',
  'relevance',
  '1',
  '100',
  '10000',
  '2030-01-01',
  '2030-02-30',
  ' ',
  '',
];

/** Percent-encodes every byte but the unreserved ones, so any string (lone surrogates too) becomes a valid URL part. */
const encode = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
    )
    .join('');

/** Raw fragments that are not valid percent-encoding or break the `key=value` shape. */
const RAW = ['%', '%ZZ', '%C0%80', '%FF', '%ED%A0%80', '%00', '==', '&&', 'a=b=c', '%26', '%3D', '+'];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^[-+]?\d{0,30}(\.\d{0,10})?([eE][-+]?\d{1,4})?$/) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.constantFrom(...HOSTILE)).map(([a, b]) => a + b) },
);

const param = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYS), text).map(([k, v]) => `${encode(k)}=${encode(v)}`) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...RAW)).map(([k, v]) => `${encode(k)}=${v}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(...RAW) },
);

const path = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('/api/search', '/api/associations', '/api/fields', '/api/suggest', '/api/places'),
  },
  { weight: 1, arbitrary: text.map((id) => `/api/events/${encode(id)}`) },
  { weight: 1, arbitrary: text.map((id) => `/api/associations/${encode(id)}`) },
  { weight: 1, arbitrary: fc.constantFrom('/api/events/hs-nursing-fair-mpls', '/api/associations/mn-nurses') },
);

const request = fc.tuple(path, fc.array(param, { maxLength: 8 })).map(([p, params]) => `${p}?${params.join('&')}`);

interface AssociationHit {
  fields: string[];
  pathways: string[];
  scope: string;
  country: string | null;
  region: string | null;
}

function expectAssociationsMatchEcho(body: {
  hits: AssociationHit[];
  query: { fields: string[]; pathways: string[]; scopes: string[]; country?: string; region?: string };
}) {
  const q = body.query;
  for (const hit of body.hits) {
    if (q.fields.length + q.pathways.length > 0) {
      expect(hit.fields.some((f) => q.fields.includes(f)) || hit.pathways.some((p) => q.pathways.includes(p))).toBe(
        true,
      );
    }
    if (q.scopes.length > 0) expect(q.scopes).toContain(hit.scope);
    if (q.country !== undefined) expect(hit.country).toBe(q.country);
    if (q.region !== undefined) expect(hit.region).toBe(q.region);
  }
}

describe('hostile query strings on every public GET route', () => {
  it('never answer 5xx, always JSON, and never widen a result set beyond the echoed query', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (url) => {
        const res = await t.app.inject({ method: 'GET', url });
        expect([200, 400, 404, 414], `${url} → ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        expect(res.headers['content-type'], url).toMatch(/^application\/json/);
        const body = JSON.parse(res.body);
        expect(res.body).not.toMatch(/meilisearch|\/tmp\/|\bat .*\.[jt]s:\d+/i);
        if (res.statusCode !== 200) {
          expect(Object.keys(body).sort()).toEqual(['code', 'message', 'statusCode']);
          return;
        }
        if (url.startsWith('/api/search?')) {
          expectSearchResponseSchema(body);
          expectHitsMatchEcho(body, now);
        }
        if (url.startsWith('/api/associations?')) expectAssociationsMatchEcho(body);
        if (url.startsWith('/api/places?')) expect(Array.isArray(body.places)).toBe(true);
      }),
      { numRuns: 2500 },
    );
  }, 240_000);

  it('searches with hostile text beside valid filters: 200 or 400, and hits within the filters', async () => {
    const valid = {
      field: fc.constantFrom('health-science', 'finance', 'healthcare', 'information-technology/network-systems'),
      type: fc.constantFrom('career-fair', 'conference', 'webinar'),
      format: fc.constantFrom('online', 'in-person'),
      cost: fc.constantFrom('free', 'paid'),
      hiring: fc.constantFrom('0', '0.5', '0.9'),
      near: fc.constantFrom('Minneapolis, MN', '44.98,-93.26', 'Chicago', 'London, UK', 'Chicgo', '60616', 'Qwzxv'),
      radius: fc.constantFrom('10km', '50mi', '5000'),
      sort: fc.constantFrom('relevance', 'date', 'hiring'),
    };
    const filters = fc.record(valid, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(text, filters, async (q, chosen) => {
        const params = [`q=${encode(q)}`, ...Object.entries(chosen).map(([k, v]) => `${k}=${encode(v)}`)];
        const res = await t.app.inject({ method: 'GET', url: `/api/search?${params.join('&')}` });
        expect([200, 400], res.body.slice(0, 300)).toContain(res.statusCode);
        if (res.statusCode === 400) {
          expect(q.length > 200 || /[\uD800-\uDFFF]/.test(q), `rejected q ${JSON.stringify(q)}`).toBe(true);
          return;
        }
        expectHitsMatchEcho(res.json(), now);
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('keeps quotes and operators in values as values: no filter injection', async () => {
    const get = async (url: string) => t.app.inject({ method: 'GET', url });
    const field = await get(`/api/search?field=${encode('health-science" OR fields = "finance')}`);
    expect(field.statusCode).toBe(400);

    const injected = await get(`/api/associations?region=${encode('MN" OR scope = "national')}`);
    const unknown = await get('/api/associations?region=Nowhere');
    expect(injected.statusCode).toBe(200);
    expect(injected.json().hits).toEqual(unknown.json().hits);
    expect(injected.json().total).toBe(0);
    expect(injected.json().query.region).toBe('MN" OR scope = "national');

    await fc.assert(
      fc.asyncProperty(fc.constantFrom('MN', 'Nowhere', ''), fc.constantFrom(...HOSTILE), async (region, tail) => {
        const res = await get(`/api/associations?region=${encode(region + tail)}`);
        if (res.statusCode === 400) return;
        expect(res.statusCode).toBe(200);
        const body = res.json();
        const wanted = (region + tail).trim();
        if (wanted === '') expect(body.query.region).toBeUndefined();
        else expect(body.query.region).toBe(wanted);
        for (const hit of body.hits) if (wanted !== '') expect(hit.region).toBe(wanted);
      }),
      { numRuns: 200 },
    );
  });
});
