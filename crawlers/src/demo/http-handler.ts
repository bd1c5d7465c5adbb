import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { type DemoFile, type DemoSiteContent, etagOf } from './site-content.js';
import { answerWordPress } from './tribe-events-api.js';

/** One request a demo site answered, for tests that check politeness (delays, robots, conditional GETs). */
export interface DemoAccessLogEntry {
  /** Wall-clock time the request arrived (the real clock, not the pinned `now`). */
  at: Date;
  siteId: string;
  method: string;
  /** Path and query as requested, e.g. `/wp-json/tribe/events/v1/events?page=2`. */
  url: string;
  status: number;
  /** Body bytes sent (after compression). */
  bytes: number;
  userAgent?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  acceptEncoding?: string;
}

/** A site as the request handler sees it. */
export interface ServedSite {
  content: DemoSiteContent;
  origin: string;
  now: Date;
  /** `Last-Modified` of every response: the start-up instant, whole seconds. */
  lastModified: Date;
  log: DemoAccessLogEntry[];
}

const gzipCache = new WeakMap<Buffer, Buffer>();

function gzipped(body: Buffer): Buffer {
  let zipped = gzipCache.get(body);
  if (!zipped) {
    zipped = gzipSync(body);
    gzipCache.set(body, zipped);
  }
  return zipped;
}

function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    return inm.trim() === '*' || inm.split(',').some((tag) => opaque(tag) === opaque(etag));
  }
  const ims = req.headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && lastModified.getTime() <= since;
  }
  return false;
}

function send(
  req: IncomingMessage,
  res: ServerResponse,
  site: ServedSite,
  status: number,
  file: DemoFile,
  extraHeaders: Record<string, string> = {},
): void {
  res.setHeader('Server', 'fieldguide-demo');
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  if (status !== 200) {
    res.writeHead(status, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(req.method === 'HEAD' ? undefined : file.body);
    return;
  }
  const zip = acceptsGzip(req.headers['accept-encoding']);
  // A compressed body is not byte-identical: its validator is weak, as nginx makes it.
  const etag = zip ? `W/${file.etag}` : file.etag;
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', site.lastModified.toUTCString());
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (notModified(req, etag, site.lastModified)) {
    res.writeHead(304);
    res.end();
    return;
  }
  const body = zip ? gzipped(file.body) : file.body;
  if (zip) res.setHeader('Content-Encoding', 'gzip');
  res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function page(title: string, text: string): DemoFile {
  const body = Buffer.from(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
      `<body><h1>${title}</h1><p>${text}</p>` +
      '<footer>Sample site bundled with Fieldguide — fictional organization</footer></body></html>\n',
  );
  return { body, contentType: 'text/html; charset=utf-8', etag: etagOf(body) };
}

const NOT_FOUND = page('Page not found', 'There is no page at this address.');
const BAD_REQUEST = page('Bad request', 'This address cannot be read.');
const NOT_ALLOWED = page('Method not allowed', 'Only GET and HEAD are served here.');

function findFile(site: ServedSite, pathname: string): { file?: DemoFile; redirect?: string } {
  const files = site.content.files;
  if (pathname.endsWith('/')) return { file: files.get(`${pathname}index.html`) ?? files.get(`${pathname}index.xml`) };
  const file = files.get(pathname) ?? files.get(`${pathname}.html`);
  if (file) return { file };
  if (files.has(`${pathname}/index.html`) || files.has(`${pathname}/index.xml`)) return { redirect: `${pathname}/` };
  return {};
}

function route(req: IncomingMessage, res: ServerResponse, site: ServedSite): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, site, 405, NOT_ALLOWED, { Allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(req.url ?? '/', site.origin);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(req, res, site, 400, BAD_REQUEST);
    return;
  }
  if (pathname.includes('\0') || pathname.split('/').some((part) => part === '..' || part.startsWith('_'))) {
    send(req, res, site, 404, NOT_FOUND);
    return;
  }
  const events = site.content.tribeEvents;
  // WordPress advertises its REST API on every response; the demo's WordPress sites do the same.
  const apiLink: Record<string, string> = events ? { Link: `<${site.origin}/wp-json/>; rel="https://api.w.org/"` } : {};
  if (events && (pathname === '/wp-json' || pathname.startsWith('/wp-json/'))) {
    const { name, timeZone } = site.content.config;
    const answer = answerWordPress(
      { origin: site.origin, name, timeZone, now: site.now, events },
      pathname,
      url.searchParams,
    );
    const body = Buffer.from(answer.body, 'utf8');
    const file = { body, contentType: 'application/json; charset=UTF-8', etag: etagOf(body) };
    send(req, res, site, answer.status, file, { ...answer.headers, ...apiLink });
    return;
  }
  const found = findFile(site, pathname);
  if (found.redirect) {
    res.writeHead(301, { Location: `${found.redirect}${url.search}`, 'Content-Length': 0, Server: 'fieldguide-demo' });
    res.end();
    return;
  }
  if (!found.file) {
    send(req, res, site, 404, NOT_FOUND);
    return;
  }
  send(req, res, site, 200, found.file, apiLink);
}

/** Answers one request of a demo site (static files, the WordPress API), and logs it when the response ends. */
export function handleDemoRequest(req: IncomingMessage, res: ServerResponse, site: ServedSite): void {
  const at = new Date();
  res.on('finish', () => {
    const length = Number(res.getHeader('Content-Length') ?? 0);
    const entry: DemoAccessLogEntry = {
      at,
      siteId: site.content.config.id,
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      status: res.statusCode,
      bytes: req.method === 'HEAD' || res.statusCode === 304 ? 0 : length,
    };
    const h = req.headers;
    if (h['user-agent']) entry.userAgent = h['user-agent'];
    if (h['if-none-match']) entry.ifNoneMatch = h['if-none-match'];
    if (h['if-modified-since']) entry.ifModifiedSince = h['if-modified-since'];
    if (h['accept-encoding']) entry.acceptEncoding = h['accept-encoding'];
    site.log.push(entry);
  });
  try {
    route(req, res, site);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`demo site error: ${(err as Error).message}\n`);
  }
}
