import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CatalogSite, SAMPLE_CATALOG_DIR, startCatalogSite } from '../support/catalog-site.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `fieldguide <args>` the way `pnpm fieldguide` does, with its own data dir. */
function fieldguide(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'crawlers/src/cli.ts', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATA_DIR: path.join(dir, 'data'),
        MEILI_URL: '',
        MEILI_MASTER_KEY: '',
        CRAWL_PER_HOST_DELAY_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The data row of `id` in a printed table, split into its cells. */
const rowOf = (stdout: string, id: string) =>
  stdout
    .split('\n')
    .find((line) => line.startsWith(`${id} `))
    ?.split(/\s{2,}/);

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-catalog-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fieldguide catalog list, enable and disable', () => {
  it("lists a field's associations, enables and disables their sources, and says what it did", async () => {
    const listed = await fieldguide(['catalog', 'list', '--dir', SAMPLE_CATALOG_DIR, '--field', 'health care']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(rowOf(listed.stdout, 'fixture-nurses-guild')).toEqual([
      'fixture-nurses-guild',
      'FNG',
      'health-science',
      'https://nurses-guild.example/',
      'not loaded',
    ]);
    expect(rowOf(listed.stdout, 'fixture-lab-scientists')?.at(-1)).toBe('no events source');
    expect(listed.stdout).not.toContain('fixture-computing-society');

    const enabled = await fieldguide(['catalog', 'enable', '--dir', SAMPLE_CATALOG_DIR, '--field', 'health-science']);
    expect(enabled.code, enabled.stderr).toBe(0);
    expect(enabled.stdout).toContain(
      'enabled 1 catalog source(s) of field health-science: fixture-nurses-guild-events',
    );
    const again = await fieldguide(['catalog', 'enable', '--dir', SAMPLE_CATALOG_DIR, '--field', 'health-science']);
    expect(again.stdout).toContain('already enabled');

    const all = await fieldguide(['catalog', 'list', '--dir', SAMPLE_CATALOG_DIR]);
    expect(rowOf(all.stdout, 'fixture-nurses-guild')?.at(-1)).toBe('enabled');
    expect(rowOf(all.stdout, 'fixture-computing-society')?.at(-1)).toBe('disabled');
    expect(all.stdout).toContain('4 association(s)');

    const off = await fieldguide([
      'catalog',
      'disable',
      '--dir',
      SAMPLE_CATALOG_DIR,
      '--association',
      'fixture-nurses-guild',
    ]);
    expect(off.code, off.stderr).toBe(0);
    expect(off.stdout).toContain('disabled 1 catalog source(s) of association fixture-nurses-guild');
    const sources = await fieldguide(['sources', 'list']);
    expect(sources.stdout).toMatch(/fixture-nurses-guild-events {2}auto \(disabled\)/);
  });

  it('refuses a bad selection or a bad catalog with one clear message, exit code 1', async () => {
    const unknown = await fieldguide(['catalog', 'enable', '--dir', SAMPLE_CATALOG_DIR, '--field', 'astrology']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('fieldguide: unknown field "astrology"');
    const neither = await fieldguide(['catalog', 'enable', '--dir', SAMPLE_CATALOG_DIR]);
    expect(neither.stderr).toContain('give --field <id|name> or --association <id>');
    const bad = path.join(dir, 'bad-catalog');
    mkdirSync(bad);
    writeFileSync(
      path.join(bad, 'finance.yaml'),
      [
        'provenance: test',
        'associations:',
        '  - id: a-one',
        '    name: One',
        '    url: https://one.example/',
        '    fields: [IT]',
        '    scope: national',
        '    website: https://one.example/',
        'sources:',
        '  - url: https://one.example/events',
        '    associationId: a-two',
        '    enabled: true',
      ].join('\n'),
    );
    writeFileSync(path.join(bad, 'astrology.yaml'), 'provenance: x\nsources: []\n');
    const run = await fieldguide(['catalog', 'list', '--dir', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('astrology.yaml: not a career cluster id');
    expect(run.stderr).toContain('finance.yaml: associations[0] "a-one": unknown field "website"');
    expect(run.stderr).not.toContain('    at ');
  });
});

describe('fieldguide catalog check', () => {
  let site: CatalogSite;
  let catalogDir: string;
  /** The same server under another host name: another site to the check. */
  let otherOrigin: string;
  /** A loopback port nothing listens on: no answer. */
  let closedOrigin: string;

  beforeAll(async () => {
    const routes: Parameters<typeof startCatalogSite>[0] = {
      '/ok/': { headers: { 'content-type': 'text/html' }, body: '<title>OK</title>' },
      '/old/': { status: 301, headers: { location: '/new-home/' } },
      '/new-home/': { headers: { 'content-type': 'text/html' }, body: '<title>New</title>' },
      '/temporary/': { status: 302, headers: { location: '/ok/' } },
      '/broken/': { status: 500 },
    };
    const closed = await startCatalogSite({});
    closedOrigin = closed.origin;
    await closed.close();
    site = await startCatalogSite(routes);
    otherOrigin = site.origin.replace('127.0.0.1', 'localhost');
    routes['/to-other/'] = { status: 301, headers: { location: `${otherOrigin}/ok/` } };
    catalogDir = path.join(dir, 'check-catalog');
    mkdirSync(catalogDir);
    const association = (id: string, url: string, field = 'stem') =>
      [
        `  - id: ${id}`,
        `    name: ${id}`,
        `    url: ${url}`,
        `    fields: [${field}]`,
        '    scope: international',
      ].join('\n');
    writeFileSync(
      path.join(catalogDir, 'stem.yaml'),
      [
        'provenance: Loopback stand-ins for the homepage check.',
        'associations:',
        association('alive', `${site.origin}/ok/`),
        association('renamed-path', `${site.origin}/old/`),
        association('temporary-redirect', `${site.origin}/temporary/`),
        association('gone', `${site.origin}/gone/`),
        association('broken', `${site.origin}/broken/`),
        association('new-domain', `${site.origin}/to-other/`),
        association('silent', `${closedOrigin}/`),
        'sources: []',
      ].join('\n'),
    );
    writeFileSync(
      path.join(catalogDir, 'finance.yaml'),
      [
        'provenance: A homepage that never answers.',
        'associations:',
        association('unreachable', `${closedOrigin}/home/`, 'finance'),
        'sources: []',
      ].join('\n'),
    );
  });
  afterAll(async () => site?.close());

  it('reports dead and moved homepages as a table, exit code 1 when any is dead', async () => {
    const run = await fieldguide([
      'catalog',
      'check',
      '--dir',
      catalogDir,
      '--field',
      'stem',
      '--allow-private-origin',
      site.origin,
      otherOrigin,
      closedOrigin,
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(rowOf(run.stdout, 'alive')?.slice(1, 3)).toEqual(['ok', '200']);
    expect(rowOf(run.stdout, 'temporary-redirect')?.slice(1, 3)).toEqual(['ok', '200']);
    expect(rowOf(run.stdout, 'renamed-path')?.slice(1, 3)).toEqual(['moved', '200']);
    expect(rowOf(run.stdout, 'renamed-path')?.at(-1)).toContain(`→ ${site.origin}/new-home/`);
    expect(rowOf(run.stdout, 'gone')?.slice(1, 3)).toEqual(['dead', '404']);
    expect(rowOf(run.stdout, 'broken')?.slice(1, 3)).toEqual(['dead', '500']);
    expect(rowOf(run.stdout, 'new-domain')?.slice(1, 3)).toEqual(['moved', '200']);
    expect(rowOf(run.stdout, 'new-domain')?.at(-1)).toBe(`→ ${otherOrigin}/ok/ now on localhost`);
    expect(rowOf(run.stdout, 'silent')?.[1], 'no answer while other sites answer').toBe('dead');
    expect(run.stdout).toContain('7 homepage(s): 2 ok, 2 moved, 3 dead, 0 not reachable from here');
  });

  it('blames the network, not the sites, when no homepage answers at all: exit code 2', async () => {
    const run = await fieldguide([
      'catalog',
      'check',
      '--dir',
      catalogDir,
      '--field',
      'finance',
      '--allow-private-origin',
      closedOrigin,
    ]);
    expect(run.code, run.stderr).toBe(2);
    expect(rowOf(run.stdout, 'unreachable')?.[1]).toBe('offline');
    expect(run.stdout).toContain('no homepage answered at all: is this machine online?');
    expect(run.stdout).toContain('1 homepage(s): 0 ok, 0 moved, 0 dead, 1 not reachable from here');
    expect(run.stdout).toContain('`catalog check` is for a machine connected to the internet');
  });

  it('refuses loopback homepages without the explicit flag, as it would any private address', async () => {
    site.hits.clear();
    const run = await fieldguide(['catalog', 'check', '--dir', catalogDir, '--field', 'stem']);
    expect(run.code).toBe(1);
    expect(rowOf(run.stdout, 'unreachable'), 'another field').toBeUndefined();
    expect(rowOf(run.stdout, 'alive')?.[1]).toBe('dead');
    expect(rowOf(run.stdout, 'alive')?.at(-1)).toContain('not a public address');
    expect(site.hits.size, 'nothing was fetched').toBe(0);
  });
});
