// The judged query set (relevance/judged-queries.json) over the crawled demo sites: precision at 3 and a 200 with
// results for every query.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../e2e/support/server.js';

interface JudgedQuery {
  kind: string;
  q: string;
  near?: string;
  radius?: string;
  expect: { field: string };
  why: string;
}
interface Outcome {
  query: JudgedQuery;
  status: number;
  total: number;
  /** Relevant hits among the top 3 over the hits shown there (at most 3). */
  precision: number;
  top: string[];
}

const judged = (
  JSON.parse(readFileSync(new URL('./relevance/judged-queries.json', import.meta.url), 'utf8')) as {
    queries: JudgedQuery[];
  }
).queries;
const K = 3;
const BAR = 0.9;

let server: E2eServer;
beforeAll(async () => {
  server = await startE2eServer({ data: 'demo' });
}, 180_000);
afterAll(async () => server?.close());

async function run(query: JudgedQuery): Promise<Outcome> {
  const params = new URLSearchParams({ q: query.q, limit: String(K) });
  if (query.near) params.set('near', query.near);
  if (query.radius) params.set('radius', query.radius);
  const res = await server.app.inject({ method: 'GET', url: `/api/search?${params}` });
  if (res.statusCode !== 200) return { query, status: res.statusCode, total: 0, precision: 0, top: [] };
  const body = res.json() as { total: number; hits: { title: string; fields: string[] }[] };
  const top = body.hits.slice(0, K);
  const relevant = top.filter((h) => h.fields.includes(query.expect.field)).length;
  return {
    query,
    status: 200,
    total: body.total,
    precision: top.length === 0 ? 0 : relevant / top.length,
    top: top.map((h) => `${h.title} [${h.fields.join(', ')}]`),
  };
}

const mean = (outcomes: readonly Outcome[]) =>
  outcomes.length === 0 ? 0 : outcomes.reduce((sum, o) => sum + o.precision, 0) / outcomes.length;
const label = (q: JudgedQuery) => `${q.kind}: "${q.q}"${q.near ? ` near "${q.near}"` : ''}`;

describe('the judged query set over the demo crawl', () => {
  it('has at least 60 queries, each with a judgement and where it comes from', () => {
    expect(judged.length).toBeGreaterThanOrEqual(60);
    for (const q of judged) expect(q.why.length, label(q)).toBeGreaterThan(10);
  });

  it(`answers every query with results, precision at ${K} ≥ ${BAR}`, async () => {
    const outcomes: Outcome[] = [];
    for (const query of judged) outcomes.push(await run(query));
    const lines = outcomes.map(
      (o) => `${o.precision.toFixed(2)}  ${o.status} total=${o.total}  ${label(o.query)}\n      ${o.top.join(' | ')}`,
    );
    console.log([...lines, `precision@${K}: ${mean(outcomes).toFixed(3)} over ${outcomes.length} queries`].join('\n'));
    for (const o of outcomes) {
      expect(o.status, label(o.query)).toBe(200);
      expect(o.total, label(o.query)).toBeGreaterThan(0);
    }
    expect(mean(outcomes)).toBeGreaterThanOrEqual(BAR);
  }, 120_000);
});

describe('query understanding through the API', () => {
  it('reads "hospital" as health science: its events first, its facet offered, the reading echoed', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/search?q=hospital&limit=5' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      hits: { fields: string[] }[];
      facets: { fields: Record<string, number> };
      query: { understood?: { field: string; via: string; kind: string } };
    };
    expect(body.query.understood).toMatchObject({ field: 'health-science', via: 'hospital', kind: 'workplace' });
    expect(body.hits[0]?.fields).toContain('health-science');
    expect(body.facets.fields['health-science'] ?? 0).toBeGreaterThan(0);
  });

  it('still finds free text that names no field, and reads nothing into it', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/search?q=career%20fair&limit=5' });
    const body = res.json() as { total: number; query: { understood?: unknown } };
    expect(body.total).toBeGreaterThan(0);
    expect(body.query.understood).toBeUndefined();
  });

  it('suggests occupations with their field as people type', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/suggest?q=regis' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { occupations: { title: string; field: string }[] };
    expect(body.occupations[0]).toMatchObject({ title: 'Registered Nurses', field: 'health-science' });
  });
});
