import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, type WebBuild } from '../e2e/support/build-web.js';

/** The most JavaScript a first visit may download before the app runs, gzipped, in bytes. */
const INITIAL_JS_BUDGET_BYTES = 150 * 1024;

let outDir: string;
let built: WebBuild;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-bundle-'));
  built = await buildWebApp(outDir);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const chunks = () => built.output.filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');

/** The entry chunk and every chunk it imports statically, transitively: what loads before the first render. */
function initialChunks(): Rolldown.OutputChunk[] {
  const byName = new Map(chunks().map((c) => [c.fileName, c]));
  const entry = chunks().find((c) => c.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const seen = new Map<string, Rolldown.OutputChunk>();
  const visit = (chunk: Rolldown.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.set(chunk.fileName, chunk);
    for (const name of chunk.imports) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  visit(entry);
  return [...seen.values()];
}

const gzippedBytes = (fileName: string) => gzipSync(readFileSync(path.join(outDir, fileName)), { level: 9 }).length;

describe('web app bundle', () => {
  it('loads at most 150 KB of gzipped JavaScript before the first render', () => {
    const initial = initialChunks();
    const sizes = initial.map((c) => ({ file: c.fileName, gzip: gzippedBytes(c.fileName) }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    // The page asks for exactly these: the entry script, and the rest as module preloads.
    const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
    for (const chunk of initial) expect(html).toContain(`/${chunk.fileName}`);
  });

  it('splits every page into a chunk of its own, loaded on first visit', () => {
    const entry = chunks().find((c) => c.isEntry);
    const initial = new Set(initialChunks().map((c) => c.fileName));
    const pages = chunks().filter((c) => c.facadeModuleId?.includes(`${path.sep}app${path.sep}routes${path.sep}`));
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) {
      expect(initial.has(page.fileName), page.fileName).toBe(false);
      expect(entry?.dynamicImports).toContain(page.fileName);
    }
  });

  it('loads the map view, its library and its basemap only when the map is opened, each a chunk of its own', () => {
    const initial = initialChunks();
    const holding = (part: RegExp) => chunks().filter((c) => Object.keys(c.modules).some((id) => part.test(id)));
    const parts = {
      view: /features[\\/]search[\\/]map[\\/]map-view\.tsx$/,
      library: /node_modules[\\/].*leaflet[\\/]dist[\\/]leaflet-src\.js$/,
      basemap: /world-atlas[\\/]countries-110m\.json$/,
    };
    const homes = Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, holding(part)]));
    for (const [name, home] of Object.entries(homes)) {
      expect(
        home.map((c) => c.fileName),
        name,
      ).toHaveLength(1);
      expect(
        initial.map((c) => c.fileName),
        name,
      ).not.toContain(home[0]?.fileName);
    }
    expect(new Set(Object.values(homes).map((home) => home[0]?.fileName)).size).toBe(3);
  });
});
