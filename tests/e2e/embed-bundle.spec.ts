import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWidget, type WidgetBuild } from './support/build-widget.js';

/** The widget's budget on the wire, gzipped, in bytes. */
const MAX_GZIP_BYTES = 10 * 1024;

describe('the widget bundle', () => {
  let outDir: string;
  let widget: WidgetBuild;
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'fieldguide-widget-'));
    widget = await buildWidget(outDir);
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it(`is one hashed file of at most ${MAX_GZIP_BYTES} bytes gzipped, named by its manifest`, () => {
    expect(readdirSync(outDir).sort()).toEqual([widget.file, 'manifest.json'].sort());
    expect(widget.file).toBe(`embed.${widget.hash}.js`);
    const gzipBytes = gzipSync(widget.code, { level: 9 }).length;
    expect(gzipBytes).toBe(widget.gzipBytes);
    expect(gzipBytes).toBeLessThanOrEqual(MAX_GZIP_BYTES);
    expect(widget.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });

  it('is a self-contained IIFE that declares no global of its own', () => {
    expect(widget.code.startsWith('(function(){')).toBe(true);
    expect(widget.code.trimEnd().endsWith('})();')).toBe(true);
    expect(widget.code).not.toMatch(/\bimport\s*\(|\bimport\s+[\w{*]|\brequire\(/);
  });

  it('never parses markup, evaluates code, or touches cookies and storage', () => {
    for (const banned of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'createContextualFragment',
      'document.write',
      'eval(',
      'Function(',
      'document.cookie',
      'localStorage',
      'sessionStorage',
    ]) {
      expect(widget.code, banned).not.toContain(banned);
    }
    expect(widget.code).toMatch(/credentials:\s*[`'"]omit[`'"]/);
  });
});
