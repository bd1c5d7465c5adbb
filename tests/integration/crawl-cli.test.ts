import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventSchema, findIssues } from '@fieldguide/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'crawlers/src/extract/fixtures');

let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `fieldguide <args>` the way `pnpm fieldguide` does, with its own data dir. */
function fieldguide(args: string[], stdin = ''): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'crawlers/src/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: path.join(dir, 'data'), MEILI_URL: '', MEILI_MASTER_KEY: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
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
    child.stdin.end(stdin);
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-cli-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fieldguide extract', () => {
  it('prints the events of a saved page and of a calendar as schema-valid Events', async () => {
    const [page, calendar] = await Promise.all([
      fieldguide([
        'extract',
        path.join(FIXTURES, 'sample-jsonld-events.html'),
        '--url',
        'https://ship.example.org/events/',
      ]),
      fieldguide(['extract', path.join(FIXTURES, 'sample-calendar.ics'), '--format', 'ics']),
    ]);
    for (const run of [page, calendar]) {
      expect(run.code, run.stderr).toBe(0);
      const events = JSON.parse(run.stdout) as unknown[];
      expect(events.length).toBeGreaterThan(0);
      for (const event of events) expect(findIssues(EventSchema, event)).toEqual([]);
    }
    expect(JSON.parse(page.stdout)[0].url).toMatch(/^https:\/\/ship\.example\.org\//);
  });
});

describe('fieldguide classify', () => {
  it('answers each JSON line with fields, pathways, type and hiring, and flags a bad line', async () => {
    const input = [
      JSON.stringify({
        title: 'Spring Nursing Career Fair',
        description: 'Hospital recruiters and nurse managers hire on the spot.',
      }),
      'not json',
      JSON.stringify({ title: 'Webinar: Intro to Cloud Security for IT Teams' }),
    ].join('\n');
    const run = await fieldguide(['classify'], `${input}\n`);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ type: 'career-fair', fields: expect.arrayContaining(['health-science']) });
    expect(lines[0].hiring.score).toBeGreaterThan(0.5);
    expect(Object.keys(lines[0]).sort()).toEqual(['fields', 'hiring', 'pathways', 'type']);
    expect(lines[1]).toEqual({ error: expect.stringMatching(/^line 2: /) });
    expect(lines[2]).toMatchObject({ type: 'webinar', fields: expect.arrayContaining(['information-technology']) });
    expect(run.stderr).toMatch(/line 2/);
  });
});

describe('mistakes', () => {
  it('end with a clear message and a non-zero exit code, never a stack trace', async () => {
    const badYaml = path.join(dir, 'bad.yaml');
    writeFileSync(badYaml, 'sources:\n  - id: x\n    url: https://example.org/\n    kind: carrier-pigeon\n');
    const runs = await Promise.all([
      fieldguide(['extract']),
      fieldguide(['extract', 'page.html', '--format', 'pdf']),
      fieldguide(['extract', path.join(dir, 'missing.html')]),
      fieldguide(['crawl', '--sources', path.join(dir, 'missing.yaml')]),
      fieldguide(['crawl', '--sources', badYaml]),
      fieldguide(['sources', 'add', 'not-a-url']),
      fieldguide(['nonsense']),
    ]);
    const expected = [
      /missing required argument/,
      /argument 'pdf' is invalid/,
      /cannot read .*missing\.html: ENOENT/,
      /cannot read the file: ENOENT/,
      /sources\[0\] "x": kind: /,
      /url: /,
      /unknown command 'nonsense'/,
    ];
    for (const [i, run] of runs.entries()) {
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toMatch(expected[i]!);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
