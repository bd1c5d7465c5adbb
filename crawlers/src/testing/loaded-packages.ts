import { spawnSync } from 'node:child_process';

// Module-resolution hooks (they run on Node's loader thread): every URL Node resolves is appended to a log file.
const HOOKS = `
import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  appendFileSync(log, result.url + '\\n');
  return result;
}`;

// The child: registers the hooks, imports the specifier, prints the packages that came in as one JSON line.
const CHILD = `
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
const [specifier, hooks] = process.argv.slice(1);
const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-loaded-'));
const log = path.join(dir, 'resolved.txt');
try {
  register('data:text/javascript,' + encodeURIComponent(hooks), { data: { log } });
  await import(specifier);
  const resolved = readFileSync(log, 'utf8').split('\\n').filter(Boolean).map(decodeURIComponent);
  const required = Object.keys(createRequire(path.join(process.cwd(), 'x.js')).cache);
  const packages = new Set();
  for (const file of [...resolved, ...required]) {
    const at = file.lastIndexOf('/node_modules/');
    if (at < 0) continue;
    const [first, second] = file.slice(at + '/node_modules/'.length).split('/');
    packages.add(first.startsWith('@') ? first + '/' + second : first);
  }
  console.log(JSON.stringify([...packages].sort()));
} finally {
  rmSync(dir, { recursive: true, force: true });
}`;

/**
 * The npm packages that importing `specifier` loads, in a fresh Node process (TypeScript sources through tsx, the
 * "source" condition): ES module resolutions seen by a resolve hook, and CommonJS modules in `require.cache`.
 * @param specifier a package specifier resolved from `cwd`, or a file URL.
 * @param cwd the folder the child runs in; `--import tsx` resolves from it.
 */
export function loadedPackages(specifier: string, cwd: string): string[] {
  const child = spawnSync(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', CHILD, specifier, HOOKS],
    { cwd, encoding: 'utf8', timeout: 30_000 },
  );
  if (child.error) throw child.error;
  if (child.status !== 0) throw new Error(`importing ${specifier} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '[]');
}

/** The pipeline's parsing libraries: the API process opens the store and the index without any of them. */
export const PARSING_LIBRARIES = [
  'cheerio',
  'htmlparser2',
  'chrono-node',
  'fast-xml-parser',
  'ical.js',
  'jsonrepair',
  'iconv-lite',
  'microformats-parser',
  'robots-parser',
] as const;
