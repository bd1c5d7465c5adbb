import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/** Where Debian's `chromium` package puts the browser; preferred when it runs. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** A Chromium the browser tests can drive with playwright-core. */
export interface ChromiumBinary {
  /** `debian`: the system's package; `packaged`: the headless Chromium shipped in the `@sparticuz/chromium` npm package. */
  source: 'debian' | 'packaged';
  executablePath: string;
  /** What the browser's `--version` printed, e.g. `Chromium 147.0.7727.0`. */
  version: string;
  /** Variables the browser needs on top of the test process's environment (fonts for the packaged one). */
  env: Record<string, string>;
}

export interface FindChromiumOptions {
  /** Default {@link DEBIAN_CHROMIUM}. */
  debianPath?: string;
  /** Folder of the packaged browser's brotli files; default: the `bin` folder of `@sparticuz/chromium`. */
  packagedBinDir?: string;
  /** Where the packaged browser is unpacked, once per package version; default `fieldguide-chromium` in the OS temp dir. */
  cacheDir?: string;
}

const run = promisify(execFile);
const VERSION_TIMEOUT_MS = 20_000;

/** The first line `<binary> --version` prints; rejects when the file is missing, not executable or fails. */
async function probeVersion(executablePath: string): Promise<string> {
  const { stdout } = await run(executablePath, ['--version'], { timeout: VERSION_TIMEOUT_MS });
  const version = stdout.trim().split('\n')[0] ?? '';
  if (!/chrom/i.test(version)) throw new Error(`--version printed ${JSON.stringify(version)}, not a Chromium`);
  return version;
}

function packageRoot(): string {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  return path.resolve(path.dirname(entry), '..', '..');
}

async function packageVersion(root: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * A fontconfig file that keeps the system's fonts (when the machine has any) and adds the Open Sans the package
 * ships, so pages render text on a machine without fonts too.
 */
function fontConfig(dir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${path.join(dir, 'fonts')}</dir>`,
    `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/**
 * Unpacks the package's browser into `stagingDir`. The package writes into `os.tmpdir()`, which it reads
 * synchronously when `executablePath()` is called: pointing TMPDIR at a private folder for that call alone keeps
 * parallel test workers from reading each other's half-written files.
 */
async function inflateInto(stagingDir: string, binDir: string): Promise<void> {
  const { default: Chromium } = await import('@sparticuz/chromium');
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = stagingDir;
  let unpacked: Promise<string>;
  try {
    unpacked = Chromium.executablePath(binDir);
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  await unpacked;
}

/** The folder holding the unpacked packaged browser, unpacking it first if no earlier run did. */
async function unpackPackagedChromium(binDir: string, cacheDir: string): Promise<string> {
  const root = packageRoot();
  const target = path.join(cacheDir, `chromium-${await packageVersion(root)}`);
  if (existsSync(path.join(target, 'chromium'))) return target;
  if (!existsSync(path.join(binDir, 'chromium.br'))) throw new Error(`no chromium.br in ${binDir}`);
  await mkdir(cacheDir, { recursive: true });
  const staging = await mkdtemp(path.join(cacheDir, '.unpacking-'));
  try {
    await inflateInto(staging, binDir);
    await writeFile(path.join(staging, 'fonts.conf'), fontConfig(target));
    // Readable and runnable by every user of the machine, like the temp dir it sits in.
    await Promise.all([chmod(staging, 0o755), chmod(path.join(staging, 'chromium'), 0o755)]);
    // Whole folder or nothing: a renamed folder is complete, and a concurrent unpacker that lost the race keeps
    // the winner's copy.
    await rename(staging, target).catch((error: unknown) => {
      if (!existsSync(path.join(target, 'chromium'))) throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

async function packagedChromium(options: FindChromiumOptions): Promise<ChromiumBinary> {
  const binDir = options.packagedBinDir ?? path.join(packageRoot(), 'bin');
  const dir = await unpackPackagedChromium(binDir, options.cacheDir ?? path.join(tmpdir(), 'fieldguide-chromium'));
  const executablePath = path.join(dir, 'chromium');
  return {
    source: 'packaged',
    executablePath,
    version: await probeVersion(executablePath),
    env: { FONTCONFIG_FILE: path.join(dir, 'fonts.conf') },
  };
}

/** The first line of an error's message: enough to say why a browser did not run. */
function reason(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Finds a Chromium that runs here: Debian's when it answers `--version`, else the one in `@sparticuz/chromium`
 * (unpacked once into the OS temp dir). Throws, naming why each failed, when neither runs.
 */
export async function findChromium(options: FindChromiumOptions = {}): Promise<ChromiumBinary> {
  const debianPath = options.debianPath ?? DEBIAN_CHROMIUM;
  let debianFailure: string;
  try {
    return { source: 'debian', executablePath: debianPath, version: await probeVersion(debianPath), env: {} };
  } catch (error) {
    debianFailure = reason(error);
  }
  try {
    return await packagedChromium(options);
  } catch (error) {
    throw new Error(
      `No Chromium runs for the browser tests. ${debianPath}: ${debianFailure}. ` +
        `@sparticuz/chromium: ${reason(error)}. Run \`pnpm install\` (it brings @sparticuz/chromium) ` +
        "or install Debian's chromium package.",
      { cause: error },
    );
  }
}

let found: Promise<ChromiumBinary> | undefined;

/** {@link findChromium} with the defaults, looked up once per process. */
export function testChromium(): Promise<ChromiumBinary> {
  found ??= findChromium();
  return found;
}

/** One line saying which Chromium the browser tests use. */
export function describeChromium(binary: ChromiumBinary): string {
  const from = binary.source === 'debian' ? "Debian's chromium package" : 'the @sparticuz/chromium npm package';
  return `${binary.version} at ${binary.executablePath} (${from})`;
}
