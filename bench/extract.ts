// Extraction throughput: `extractAny` (JSON-LD, microdata, RDFa, microformats, links, organizations) against a bare `cheerio.load`
// of the same HTML pages, in one run, so the ratio says what extraction costs on top of parsing.
// Corpus: every HTML page of the bundled demo sites, plus /work/shared/data/real-world/html when present.
// Run: pnpm bench:extract
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBody, detectCharset, extractAny } from '@fieldguide/crawlers';
import { DEFAULT_DEMO_CONTENT_DIR, startDemoSites } from '@fieldguide/crawlers/demo';
import * as cheerio from 'cheerio';
import { request } from 'undici';
import { appendToBenchmarks, machineDescription, markdownTable, nowUtc } from './support/report.js';

const REAL_WORLD = fileURLToPath(new URL('../../shared/data/real-world/html/', import.meta.url));
/** Each method runs over the whole corpus at least this many times, and for at least MIN_MS. */
const MIN_ROUNDS = 5;
const MIN_MS = 3000;

interface Page {
  url: string;
  text: string;
  bytes: number;
}

async function htmlFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.')) continue;
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await htmlFiles(path.join(dir, entry.name), rel)));
    else if (entry.name.endsWith('.html')) out.push(rel);
  }
  return out;
}

/** The demo pages as the sites serve them (placeholders resolved, charset decoded). */
async function demoPages(): Promise<Page[]> {
  const demo = await startDemoSites();
  try {
    const pages: Page[] = [];
    for (const site of demo.sites) {
      for (const rel of await htmlFiles(path.join(DEFAULT_DEMO_CONTENT_DIR, site.id))) {
        const url = `${site.origin}${rel.replace(/index\.html$/, '')}`;
        const res = await request(url);
        const body = Buffer.from(await res.body.arrayBuffer());
        if (res.statusCode !== 200) continue;
        const text = decodeBody(body, detectCharset(body, String(res.headers['content-type'] ?? '')).charset);
        pages.push({ url, text, bytes: Buffer.byteLength(text) });
      }
    }
    return pages;
  } finally {
    await demo.close();
  }
}

async function realWorldPages(): Promise<Page[]> {
  let names: string[];
  try {
    names = (await readdir(REAL_WORLD)).filter((n) => n.endsWith('.html'));
  } catch {
    return [];
  }
  const pages: Page[] = [];
  for (const name of names.sort()) {
    const body = await readFile(path.join(REAL_WORLD, name));
    const text = decodeBody(body, detectCharset(body, undefined).charset);
    pages.push({ url: `https://real-world.invalid/${name}`, text, bytes: Buffer.byteLength(text) });
  }
  return pages;
}

/**
 * Runs each of `fns` over every page, round after round, the methods taking turns so that drift (JIT, GC,
 * a busy neighbour) hits both alike; returns each method's mean time of one round in ms.
 */
function time(pages: readonly Page[], fns: readonly ((page: Page) => unknown)[]): number[] {
  for (const fn of fns) for (const page of pages) fn(page);
  const totals = fns.map(() => 0);
  let rounds = 0;
  const started = performance.now();
  while (rounds < MIN_ROUNDS || performance.now() - started < MIN_MS * fns.length) {
    for (const [i, fn] of fns.entries()) {
      const t0 = performance.now();
      for (const page of pages) fn(page);
      totals[i]! += performance.now() - t0;
    }
    rounds += 1;
  }
  return totals.map((total) => total / rounds);
}

async function main(): Promise<void> {
  const demo = await demoPages();
  const real = await realWorldPages();
  const corpora: [string, Page[]][] = [['demo sites', demo]];
  if (real.length > 0) corpora.push(['real-world samples', real], ['all', [...demo, ...real]]);
  const rows: string[][] = [];
  let overall = 0;
  for (const [name, pages] of corpora) {
    const mb = pages.reduce((n, p) => n + p.bytes, 0) / 1e6;
    let events = 0;
    for (const page of pages) events += extractAny(page.text, page.url, { format: 'html' }).events.length;
    const [parseMs = 0, extractMs = 0] = time(pages, [
      (page) => cheerio.load(page.text),
      (page) => extractAny(page.text, page.url, { format: 'html' }),
    ]);
    const ratio = extractMs / parseMs;
    overall = ratio;
    for (const [method, ms] of [
      ['`cheerio.load`', parseMs],
      ['`extractAny`', extractMs],
    ] as const) {
      rows.push([
        `${name} (${pages.length} pages, ${mb.toFixed(2)} MB, ${events} events)`,
        method,
        (pages.length / (ms / 1000)).toFixed(0),
        (mb / (ms / 1000)).toFixed(1),
        method === '`extractAny`' ? `${ratio.toFixed(2)}×` : '',
      ]);
    }
    console.log(
      `${name}: ${pages.length} pages, ${mb.toFixed(2)} MB; cheerio.load ${parseMs.toFixed(1)} ms/round, ` +
        `extractAny ${extractMs.toFixed(1)} ms/round, ratio ${ratio.toFixed(2)}`,
    );
  }
  const table = markdownTable(['corpus', 'method', 'pages/s', 'MB/s', 'time vs load'], rows);
  const section = [
    `## HTML extraction — ${nowUtc()}`,
    '',
    `Machine: ${machineDescription()}. Corpus: every HTML page of the ` +
      `bundled demo sites (as served: placeholders resolved, windows-1252 decoded)${
        real.length > 0
          ? ' and the real-world HTML samples of `/work/shared/data/real-world/html`'
          : ' (the real-world samples were not present)'
      }. The methods take turns over the corpus, each at least ${MIN_ROUNDS} times and ${MIN_MS / 1000} s, after a warm-up round; ` +
      '`extractAny` parses the page once and reads JSON-LD, microdata, RDFa, links and organizations from it (microformats parse a page again only when it has h-event or vevent class names).',
    '',
    ...table,
    '',
    `extractAny / cheerio.load on the whole corpus: ${overall.toFixed(2)}×.`,
    '',
  ].join('\n');
  console.log(table.join('\n'));
  await appendToBenchmarks(section);
}

await main();
