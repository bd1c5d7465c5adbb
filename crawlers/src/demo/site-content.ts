import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { parse as parseYaml } from 'yaml';
import { DemoContentError, type PlaceholderContext, resolvePlaceholders } from './placeholders.js';

/** Where the bundled demo content lives: `crawlers/demo-sites/`, next to `src/` and `dist/`. */
export const DEFAULT_DEMO_CONTENT_DIR = fileURLToPath(new URL('../../demo-sites/', import.meta.url));

/** One site as `demo-sites/sites.yaml` describes it. */
export interface DemoSiteConfig {
  id: string;
  name: string;
  /** Folder under the content dir (default: the id). */
  dir: string;
  /** Zone of `{{date}}` placeholders that name none, IANA. */
  timeZone: string;
  /** Charset HTML pages are encoded in; other than utf-8, it is declared only in the page's `<meta>`. */
  charset: string;
  /** Content-Type by URL path, for files whose extension does not tell (e.g. an RSS feed at `/feed/`). */
  contentTypes: Record<string, string>;
}

/** A served file, resolved once at start-up. */
export interface DemoFile {
  body: Buffer;
  contentType: string;
  etag: string;
}

/** A site's resolved content: files by URL path (`/events/index.html`) and its Events Calendar data, if any. */
export interface DemoSiteContent {
  config: DemoSiteConfig;
  files: Map<string, DemoFile>;
  /** Events of the site's WordPress "The Events Calendar" REST API (from `_tribe-events.json`). */
  tribeEvents?: Record<string, unknown>[];
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** A strong ETag of a body: what the demo sends and compares `If-None-Match` with. */
export function etagOf(body: Buffer | string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

function asString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') throw new DemoContentError(`sites.yaml: ${what} must be a string`);
  return value;
}

/** Reads `sites.yaml` from the content dir. */
export async function readSiteConfigs(contentDir: string): Promise<DemoSiteConfig[]> {
  const doc = parseYaml(await readFile(path.join(contentDir, 'sites.yaml'), 'utf8')) as { sites?: unknown };
  if (!Array.isArray(doc.sites)) throw new DemoContentError('sites.yaml: "sites" must be a list');
  return doc.sites.map((raw: Record<string, unknown>, i) => {
    const id = asString(raw.id, `sites[${i}].id`);
    return {
      id,
      name: asString(raw.name, `${id}.name`),
      dir: typeof raw.dir === 'string' ? raw.dir : id,
      timeZone: asString(raw.timeZone, `${id}.timeZone`),
      charset: typeof raw.charset === 'string' ? raw.charset : 'utf-8',
      contentTypes: (raw.contentTypes as Record<string, string> | undefined) ?? {},
    };
  });
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const rel = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

function encodeBody(text: string, urlPath: string, config: DemoSiteConfig): { body: Buffer; contentType: string } {
  const ext = path.extname(urlPath);
  // iCalendar lines end in CRLF (RFC 5545); the files are kept with LF so that editors and git leave them alone.
  if (ext === '.ics') text = text.replace(/\r?\n/g, '\r\n');
  let contentType = config.contentTypes[urlPath] ?? CONTENT_TYPES[ext] ?? 'application/octet-stream';
  if (ext === '.html' && config.charset.toLowerCase() !== 'utf-8') {
    const body = iconv.encode(text, config.charset);
    if (iconv.decode(body, config.charset) !== text) {
      throw new DemoContentError(`${config.id}${urlPath}: text not representable in ${config.charset}`);
    }
    contentType = 'text/html';
    return { body, contentType };
  }
  return { body: Buffer.from(text, 'utf8'), contentType };
}

/**
 * Reads and resolves every file of a site. Files and folders whose name starts with `_` are data, not pages:
 * `_tribe-events.json` feeds the site's WordPress events API.
 */
export async function loadSiteContent(
  contentDir: string,
  config: DemoSiteConfig,
  ctx: PlaceholderContext,
): Promise<DemoSiteContent> {
  const root = path.join(contentDir, config.dir);
  const files = new Map<string, DemoFile>();
  let tribeEvents: Record<string, unknown>[] | undefined;
  for (const rel of await listFiles(root)) {
    const raw = await readFile(path.join(root, rel), 'utf8');
    let text: string;
    try {
      text = resolvePlaceholders(raw, ctx);
    } catch (err) {
      throw new DemoContentError(`${config.id}${rel}: ${(err as Error).message}`);
    }
    if (rel.split('/').some((part) => part.startsWith('_'))) {
      if (rel === '/_tribe-events.json') tribeEvents = JSON.parse(text) as Record<string, unknown>[];
      continue;
    }
    const { body, contentType } = encodeBody(text, rel, config);
    files.set(rel, { body, contentType, etag: etagOf(body) });
  }
  return { config, files, ...(tribeEvents ? { tribeEvents } : {}) };
}
