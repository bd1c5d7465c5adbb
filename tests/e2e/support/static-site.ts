import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request a static site received. */
export interface SiteRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A tiny HTTP site serving HTML pages from memory, e.g. a career center's page that embeds our widget. */
export interface StaticSite {
  /** `http://<host>:<port>`, no trailing slash. */
  origin: string;
  /** Serves `html` at `path` (replacing what was there), with optional extra response headers. */
  setPage(path: string, html: string, headers?: Record<string, string>): void;
  requests: SiteRequest[];
  close(): Promise<void>;
}

/**
 * Starts a site on `host` (a loopback address other than the app's, such as 127.0.0.5, makes it another origin
 * and another site) and a free port. Unknown paths answer 404.
 */
export async function startStaticSite(host = '127.0.0.5'): Promise<StaticSite> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const requests: SiteRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    const page = pages.get((req.url ?? '/').split('?')[0] ?? '/');
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
    res.end(page.html);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    setPage: (path, html, headers = {}) => pages.set(path, { html, headers }),
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
