import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NonRetryableError, RetryableError } from './errors.js';
import { createFetcher, DEFAULT_USER_AGENT, type Fetcher, type FetcherOptions } from './fetcher.js';
import type { RetryEvent } from './scheduler.js';
import {
  conditional,
  delayed,
  gzipBomb,
  type HostileServer,
  html,
  hugeBody,
  politenessViolations,
  type RequestLogEntry,
  redirect,
  sequence,
  slowDrip,
  startHostileServer,
  text,
} from './testing/hostile-server.js';

const servers: HostileServer[] = [];
const fetchers: Fetcher[] = [];

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((fetcher) => fetcher.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(routes: Parameters<typeof startHostileServer>[0] = {}): Promise<HostileServer> {
  const server = await startHostileServer(routes);
  servers.push(server);
  return server;
}

/** A fetcher tuned for tests: no politeness delay, no retries, test servers allowed, unless overridden. */
function fetcherFor(allowed: HostileServer[], options: FetcherOptions = {}): Fetcher {
  const fetcher = createFetcher({
    perHostDelayMs: 0,
    maxRetries: 0,
    retryBaseDelayMs: 10,
    totalTimeoutMs: 5000,
    allowPrivateOrigins: allowed.map((server) => server.origin),
    ...options,
  });
  fetchers.push(fetcher);
  return fetcher;
}

async function failure(promise: Promise<unknown>): Promise<NonRetryableError | RetryableError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NonRetryableError || error instanceof RetryableError) return error;
    throw error;
  }
  throw new Error('expected the fetch to fail');
}

const pageRequests = (server: HostileServer) => server.log.filter((entry) => !entry.path.startsWith('/robots.txt'));

describe('fetcher: address guard', () => {
  it('refuses loopback IP literals in every spelling without sending a request', async () => {
    const server = await serve({ routes: { '/': text('secret') } });
    const fetcher = fetcherFor([]);
    for (const host of ['127.0.0.1', '2130706433', '0x7f.1', '127.1', '[::ffff:127.0.0.1]']) {
      const error = await failure(fetcher.fetch(`http://${host}:${server.port}/`));
      expect(error).toBeInstanceOf(NonRetryableError);
      expect(error.code).toBe('FETCH_PRIVATE_ADDRESS');
    }
    expect(server.log).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback', async () => {
    const server = await serve({ routes: { '/': text('secret') } });
    const error = await failure(fetcherFor([]).fetch(`http://localhost:${server.port}/`));
    expect(error.code).toBe('FETCH_PRIVATE_ADDRESS');
    expect(server.log).toHaveLength(0);
  });

  it('refuses a redirect from an allowed host to the cloud metadata address', async () => {
    const server = await serve({ routes: { '/go': redirect('http://169.254.169.254/latest/meta-data/') } });
    const error = await failure(fetcherFor([server]).fetch(server.url('/go')));
    expect(error.code).toBe('FETCH_PRIVATE_ADDRESS');
    expect(error.url).toBe('http://169.254.169.254/latest/meta-data/');
    expect(server.requests('/go')).toHaveLength(1);
  });

  it('refuses redirects from an allowed host to other loopback hosts, by IP or by name', async () => {
    const inner = await serve({ routes: { '/admin': text('secret') } });
    const outer = await serve({
      routes: {
        '/to-ip': redirect(inner.url('/admin')),
        '/to-name': redirect(`http://localhost:${inner.port}/admin`),
      },
    });
    const fetcher = fetcherFor([outer]);
    expect((await failure(fetcher.fetch(outer.url('/to-ip')))).code).toBe('FETCH_PRIVATE_ADDRESS');
    expect((await failure(fetcher.fetch(outer.url('/to-name')))).code).toBe('FETCH_PRIVATE_ADDRESS');
    expect(inner.log).toHaveLength(0);
  });

  it('lets a request with a private origin reach that exact origin only, at every hop', async () => {
    const elsewhere = await serve({ routes: { '/': text('secret') } });
    const demo = await serve({
      routes: {
        '/': html('<p>demo</p>'),
        '/away': redirect(elsewhere.url('/')),
        '/other-port': redirect(`http://127.0.0.1:${elsewhere.port}/`),
        '/back': redirect('/'),
      },
    });
    const fetcher = fetcherFor([]);
    const result = await fetcher.fetch(demo.url('/'), { privateOrigin: demo.url('/some/page'), sourceId: 'demo' });
    expect(result.text).toBe('<p>demo</p>');
    expect((await fetcher.fetch(demo.url('/back'), { privateOrigin: demo.origin })).text).toBe('<p>demo</p>');
    expect((await failure(fetcher.fetch(demo.url('/')))).code).toBe('FETCH_PRIVATE_ADDRESS');
    for (const path of ['/away', '/other-port']) {
      const error = await failure(fetcher.fetch(demo.url(path), { privateOrigin: demo.origin }));
      expect(error.code).toBe('FETCH_PRIVATE_ADDRESS');
    }
    expect(elsewhere.log).toHaveLength(0);
  });

  it('does not let a private origin stand for another scheme or port of its host', async () => {
    const demo = await serve({ routes: { '/': html('<p>demo</p>') } });
    const fetcher = fetcherFor([]);
    for (const privateOrigin of [
      `https://127.0.0.1:${demo.port}`,
      'http://127.0.0.1',
      `http://127.0.0.2:${demo.port}`,
    ]) {
      expect((await failure(fetcher.fetch(demo.url('/'), { privateOrigin }))).code).toBe('FETCH_PRIVATE_ADDRESS');
    }
    expect(demo.log).toHaveLength(0);
  });

  it('never fetches from its own ports on a local address, whatever may reach the private network', async () => {
    const own = await serve({ routes: { '/': text('the API'), '/robots.txt': text('') } });
    const demo = await serve({ routes: { '/to-own': redirect(own.url('/')), '/robots.txt': text('') } });
    const fetcher = fetcherFor([own, demo], { ownPorts: [own.port] });
    expect((await failure(fetcher.fetch(own.url('/')))).code).toBe('FETCH_OWN_PORT');
    const byName = `http://localhost:${own.port}/`;
    expect((await failure(fetcher.fetch(byName, { privateOrigin: byName }))).code).toBe('FETCH_OWN_PORT');
    const error = await failure(fetcher.fetch(demo.url('/to-own'), { privateOrigin: own.origin }));
    expect(error.code).toBe('FETCH_OWN_PORT');
    expect(own.log).toHaveLength(0);
  });

  it('refuses non-http schemes, also as a redirect target', async () => {
    const server = await serve({ routes: { '/file': redirect('file:///etc/passwd') } });
    const fetcher = fetcherFor([server]);
    expect((await failure(fetcher.fetch('file:///etc/passwd'))).code).toBe('FETCH_BAD_URL');
    expect((await failure(fetcher.fetch('not a url'))).code).toBe('FETCH_BAD_URL');
    expect((await failure(fetcher.fetch(server.url('/file')))).code).toBe('FETCH_BAD_URL');
  });
});

describe('fetcher: robots.txt', () => {
  it('obeys Disallow, fetching robots.txt once per origin with our User-Agent', async () => {
    const server = await serve({
      routes: {
        '/robots.txt': text('User-agent: *\nDisallow: /private\n'),
        '/private/page': text('secret'),
        '/public': text('hello'),
      },
    });
    const fetcher = fetcherFor([server]);
    const error = await failure(fetcher.fetch(server.url('/private/page')));
    expect(error).toBeInstanceOf(NonRetryableError);
    expect(error.code).toBe('FETCH_BLOCKED_ROBOTS');
    expect((await fetcher.fetch(server.url('/public'))).text).toBe('hello');
    await fetcher.fetch(server.url('/public?again'));
    expect(server.requests('/robots.txt')).toHaveLength(1);
    expect(server.requests('/private/page')).toHaveLength(0);
    for (const entry of server.log) expect(entry.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('obeys the group for FieldguideBot over the * group', async () => {
    const server = await serve({
      routes: {
        '/robots.txt': text('User-agent: *\nAllow: /\n\nUser-agent: FieldguideBot\nDisallow: /events\n'),
        '/events': text('list'),
      },
    });
    expect((await failure(fetcherFor([server]).fetch(server.url('/events')))).code).toBe('FETCH_BLOCKED_ROBOTS');
  });

  it('treats a missing robots.txt (404) as allow-all', async () => {
    const server = await serve({ routes: { '/page': text('ok') } });
    expect((await fetcherFor([server]).fetch(server.url('/page'))).status).toBe(200);
    expect(server.requests('/robots.txt')[0]?.status).toBe(404);
  });

  it('treats a failing robots.txt (5xx after retries) as disallow-all', async () => {
    const server = await serve({ routes: { '/robots.txt': text('oops', { status: 500 }), '/page': text('ok') } });
    const error = await failure(fetcherFor([server], { maxRetries: 1 }).fetch(server.url('/page')));
    expect(error.code).toBe('FETCH_BLOCKED_ROBOTS');
    expect(error.message).toMatch(/500/);
    expect(server.requests('/robots.txt')).toHaveLength(2);
    expect(server.requests('/page')).toHaveLength(0);
  });

  it('follows a redirected robots.txt', async () => {
    const server = await serve({
      routes: {
        '/robots.txt': redirect('/real-robots.txt', 301),
        '/real-robots.txt': text('User-agent: *\nDisallow: /hidden\n'),
        '/hidden': text('x'),
      },
    });
    expect((await failure(fetcherFor([server]).fetch(server.url('/hidden')))).code).toBe('FETCH_BLOCKED_ROBOTS');
    expect(server.requests('/hidden')).toHaveLength(0);
  });

  it('checks robots.txt of every redirect hop', async () => {
    const target = await serve({
      routes: { '/robots.txt': text('User-agent: *\nDisallow: /landing\n'), '/landing': text('x') },
    });
    const origin = await serve({ routes: { '/start': redirect(target.url('/landing')) } });
    const error = await failure(fetcherFor([origin, target]).fetch(origin.url('/start')));
    expect(error.code).toBe('FETCH_BLOCKED_ROBOTS');
    expect(error.url).toBe(target.url('/landing'));
    expect(target.log.map((entry) => entry.path)).toEqual(['/robots.txt']);
  });

  it('honours Crawl-delay as the host minimum delay', async () => {
    const server = await serve({
      routes: {
        '/robots.txt': text('User-agent: *\nCrawl-delay: 0.2\n'),
        '/a': text('a'),
        '/b': text('b'),
        '/c': text('c'),
      },
    });
    const fetcher = fetcherFor([server], { perHostDelayMs: 10 });
    await Promise.all(['/a', '/b', '/c'].map((path) => fetcher.fetch(server.url(path))));
    expect(server.log).toHaveLength(4);
    expect(politenessViolations(server.log, 200)).toEqual([]);
    expect(fetcher.scheduler.hostDelayMs('127.0.0.1')).toBe(200);
  });
});

describe('fetcher: retries and Retry-After', () => {
  const tooMany = (retryAfter: string) => text('slow down', { status: 429, headers: { 'retry-after': retryAfter } });

  it('pauses the host for Retry-After seconds (429) while other hosts go on', async () => {
    const limited = await serve({
      routes: { '/limited': sequence(tooMany('1'), text('ok')), '/other': text('other') },
    });
    const free = await serve({ hostname: '127.0.0.2', routes: { '/1': text('1'), '/2': text('2'), '/3': text('3') } });
    const retries: RetryEvent[] = [];
    const fetcher = fetcherFor([limited, free], { maxRetries: 2, onRetry: (event) => retries.push(event) });

    const first = fetcher.fetch(limited.url('/limited'));
    await vi.waitFor(() => expect(limited.requests('/limited')[0]?.endedAt).toBeDefined());
    const results = await Promise.all([
      first,
      fetcher.fetch(limited.url('/other')),
      ...['/1', '/2', '/3'].map((path) => fetcher.fetch(free.url(path))),
    ]);
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);

    const [refused, retried] = limited.requests('/limited');
    const [other] = limited.requests('/other');
    expect(refused?.status).toBe(429);
    expect(retried!.startedAt - refused!.endedAt!).toBeGreaterThanOrEqual(1000);
    expect(other!.startedAt - refused!.endedAt!).toBeGreaterThanOrEqual(1000);
    expect(pageRequests(free).every((entry) => entry.endedAt! < retried!.startedAt)).toBe(true);
    expect(retries).toMatchObject([{ retry: 1, hostPaused: true, delayMs: 1000, host: '127.0.0.1' }]);
  });

  it('pauses the host until a Retry-After HTTP-date', async () => {
    let until = 0;
    const server = await serve({
      routes: {
        '/limited': sequence((req, res, entry) => {
          until = (Math.floor(Date.now() / 1000) + 2) * 1000;
          return tooMany(new Date(until).toUTCString())(req, res, entry);
        }, text('ok')),
      },
    });
    const result = await fetcherFor([server], { maxRetries: 1 }).fetch(server.url('/limited'));
    expect(result.status).toBe(200);
    const [refused, retried] = server.requests('/limited');
    expect(refused?.status).toBe(429);
    expect(retried!.startedAtEpochMs).toBeGreaterThanOrEqual(until - 10);
    expect(retried!.startedAtEpochMs - refused!.startedAtEpochMs).toBeGreaterThanOrEqual(1000);
  });

  it('caps an absurd Retry-After at maxRetryAfterMs', async () => {
    const server = await serve({ routes: { '/busy': sequence(tooMany('86400'), text('ok')) } });
    const started = performance.now();
    const result = await fetcherFor([server], { maxRetries: 1, maxRetryAfterMs: 150 }).fetch(server.url('/busy'));
    expect(result.status).toBe(200);
    const [refused, retried] = server.requests('/busy');
    expect(retried!.startedAt - refused!.endedAt!).toBeGreaterThanOrEqual(150);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('retries 503 with backoff, then succeeds', async () => {
    const unavailable = text('down', { status: 503 });
    const server = await serve({ routes: { '/flaky': sequence(unavailable, unavailable, text('up')) } });
    const retries: RetryEvent[] = [];
    const fetcher = fetcherFor([server], { maxRetries: 3, onRetry: (event) => retries.push(event) });
    const result = await fetcher.fetch(server.url('/flaky'), { sourceId: 'flaky-source' });
    expect(result.text).toBe('up');
    expect(server.requests('/flaky').map((entry) => entry.status)).toEqual([503, 503, 200]);
    expect(retries).toMatchObject([
      { retry: 1, hostPaused: false, sourceId: 'flaky-source' },
      { retry: 2, hostPaused: false, sourceId: 'flaky-source' },
    ]);
  });

  it('gives up after maxRetries with a RetryableError carrying the status', async () => {
    const server = await serve({ routes: { '/broken': text('boom', { status: 500 }) } });
    const error = await failure(fetcherFor([server], { maxRetries: 2 }).fetch(server.url('/broken')));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 500 });
    expect(server.requests('/broken')).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const server = await serve();
    const error = await failure(fetcherFor([server], { maxRetries: 3 }).fetch(server.url('/missing')));
    expect(error).toBeInstanceOf(NonRetryableError);
    expect(error).toMatchObject({ code: 'FETCH_HTTP_STATUS', status: 404 });
    expect(server.requests('/missing')).toHaveLength(1);
  });
});

describe('fetcher: timeouts and size caps', () => {
  it('stops a slow drip at the total deadline although bytes keep coming', async () => {
    const server = await serve({ routes: { '/drip': slowDrip({ intervalMs: 100, totalBytes: 100 }) } });
    const started = performance.now();
    const error = await failure(fetcherFor([server], { totalTimeoutMs: 500 }).fetch(server.url('/drip')));
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.code).toBe('FETCH_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(elapsed).toBeLessThan(2000);
    const [drip] = server.requests('/drip');
    await vi.waitFor(() => expect(drip?.aborted).toBe(true));
    expect(drip!.bytesSent).toBeLessThan(20);
  });

  it('times out a server that accepts the request and never answers', async () => {
    const server = await serve({ routes: { '/silent': () => undefined } });
    const error = await failure(fetcherFor([server], { totalTimeoutMs: 300 }).fetch(server.url('/silent')));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.code).toBe('FETCH_TIMEOUT');
  });

  it('retries a connection reset mid-response', async () => {
    const server = await serve({
      routes: {
        '/reset': sequence((req, res) => {
          res.writeHead(200, { 'content-length': '100' });
          res.write('partial');
          req.socket.destroy();
        }, text('whole')),
      },
    });
    const result = await fetcherFor([server], { maxRetries: 1 }).fetch(server.url('/reset'));
    expect(result.text).toBe('whole');
    expect(server.requests('/reset')).toHaveLength(2);

    server.route('/always-reset', (req) => {
      req.socket.destroy();
    });
    const error = await failure(fetcherFor([server], { maxRetries: 1 }).fetch(server.url('/always-reset')));
    expect(error).toBeInstanceOf(RetryableError);
    expect(error.code).toBe('FETCH_NETWORK');
    expect(server.requests('/always-reset')).toHaveLength(2);
  });

  it('stops a 50 MB streamed body at maxBodyBytes and hangs up', async () => {
    const server = await serve({ routes: { '/huge': hugeBody({ totalBytes: 50_000_000 }) } });
    const error = await failure(fetcherFor([server], { maxBodyBytes: 1024 * 1024 }).fetch(server.url('/huge')));
    expect(error).toBeInstanceOf(NonRetryableError);
    expect(error.code).toBe('FETCH_TOO_LARGE');
    const [huge] = server.requests('/huge');
    await vi.waitFor(() => expect(huge?.aborted).toBe(true));
    expect(huge!.bytesSent).toBeLessThan(20_000_000);
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    const server = await serve({ routes: { '/huge': hugeBody({ totalBytes: 50_000_000, declareLength: true }) } });
    const error = await failure(fetcherFor([server], { maxBodyBytes: 1024 * 1024 }).fetch(server.url('/huge')));
    expect(error.code).toBe('FETCH_TOO_LARGE');
    expect(error.message).toMatch(/declares 50000000 bytes/);
  });

  it('stops a gzip bomb by counting decoded bytes', async () => {
    const server = await serve({ routes: { '/bomb': gzipBomb({ decodedBytes: 20 * 1024 * 1024 }) } });
    const error = await failure(fetcherFor([server], { maxBodyBytes: 1024 * 1024 }).fetch(server.url('/bomb')));
    expect(error).toBeInstanceOf(NonRetryableError);
    expect(error.code).toBe('FETCH_TOO_LARGE');
    expect(error.message).toMatch(/once decoded/);
    expect(server.requests('/bomb')[0]!.bytesSent).toBeLessThan(1024 * 1024);
  });

  it('decodes gzip and brotli bodies, and reports corrupt ones as bad content', async () => {
    const page = '<p>Career fair</p>'.repeat(100);
    const encoded = (encoding: string, body: Buffer) =>
      text(body, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': encoding } });
    const server = await serve({
      routes: {
        '/gzip': encoded('gzip', zlib.gzipSync(page)),
        '/br': encoded('br', zlib.brotliCompressSync(page)),
        '/corrupt': encoded('gzip', Buffer.from('this is not gzip at all')),
        '/zstd': encoded('zstd', Buffer.from('??')),
      },
    });
    const fetcher = fetcherFor([server]);
    expect((await fetcher.fetch(server.url('/gzip'))).text).toBe(page);
    expect((await fetcher.fetch(server.url('/br'))).text).toBe(page);
    expect((await failure(fetcher.fetch(server.url('/corrupt')))).code).toBe('FETCH_BAD_CONTENT');
    expect((await failure(fetcher.fetch(server.url('/zstd')))).code).toBe('FETCH_BAD_CONTENT');
    expect(server.requests('/gzip')[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('fetcher: redirects', () => {
  it('follows redirects by hand and reports the chain', async () => {
    const server = await serve({
      routes: { '/old': redirect('/moved', 301), '/moved': redirect('/new?x=1', 307), '/new': text('here') },
    });
    const result = await fetcherFor([server]).fetch(server.url('/old'));
    expect(result.url).toBe(server.url('/new?x=1'));
    expect(result.redirects).toEqual([server.url('/old'), server.url('/moved')]);
    expect(result.redirectStatuses).toEqual([301, 307]);
    expect(result.text).toBe('here');
  });

  it('stops a redirect loop', async () => {
    const server = await serve({ routes: { '/a': redirect('/b'), '/b': redirect('/a') } });
    const error = await failure(fetcherFor([server]).fetch(server.url('/a')));
    expect(error.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect(pageRequests(server).map((entry) => entry.path)).toEqual(['/a', '/b']);
  });

  it('stops after maxRedirects', async () => {
    const server = await serve();
    for (let hop = 0; hop < 10; hop += 1) server.route(`/hop/${hop}`, redirect(`/hop/${hop + 1}`));
    const error = await failure(fetcherFor([server], { maxRedirects: 3 }).fetch(server.url('/hop/0')));
    expect(error.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    expect(pageRequests(server)).toHaveLength(4);
  });
});

describe('fetcher: charsets', () => {
  it('decodes a windows-1252 page that declares its charset only in <meta>', async () => {
    const page = '<html><head><meta charset="windows-1252"><title>Café – “Job Fair”</title></head></html>';
    const server = await serve({ routes: { '/': html(iconv.encode(page, 'windows-1252'), 'text/html') } });
    const result = await fetcherFor([server]).fetch(server.url('/'));
    expect(result.charset).toBe('windows-1252');
    expect(result.contentType).toBe('text/html');
    expect(result.text).toBe(page);
  });

  it('decodes a latin-1 page by its Content-Type charset, over a wrong <meta>', async () => {
    const page = '<html><head><meta charset="utf-8"></head><body>Zürich, Genève</body></html>';
    const server = await serve({
      routes: { '/': html(iconv.encode(page, 'latin1'), 'text/html; charset=ISO-8859-1') },
    });
    const result = await fetcherFor([server]).fetch(server.url('/'));
    expect(result.charset).toBe('windows-1252');
    expect(result.text).toContain('Zürich, Genève');
  });
});

describe('fetcher: conditional GET', () => {
  const lastModified = new Date('2025-01-15T10:00:00Z');

  it('sends the ETag back and reports 304 as notModified', async () => {
    const server = await serve({
      routes: { '/events': conditional({ body: '<p>v1</p>', etag: '"v1"', lastModified }) },
    });
    const fetcher = fetcherFor([server]);
    const first = await fetcher.fetch(server.url('/events'));
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v1"', text: '<p>v1</p>' });
    expect(first.lastModified).toBe(lastModified.toUTCString());

    const again = await fetcher.fetch(server.url('/events'), {
      conditional: { etag: first.etag, lastModified: first.lastModified },
    });
    expect(again).toMatchObject({ status: 304, notModified: true, etag: '"v1"', text: '' });
    expect(again.body).toHaveLength(0);
    expect(server.requests('/events')[1]?.headers['if-none-match']).toBe('"v1"');

    const changed = await fetcher.fetch(server.url('/events'), { conditional: { etag: '"v0"' } });
    expect(changed.notModified).toBe(false);
  });

  it('uses Last-Modified when there is no ETag', async () => {
    const server = await serve({ routes: { '/feed': conditional({ body: 'feed', lastModified }) } });
    const fetcher = fetcherFor([server]);
    const result = await fetcher.fetch(server.url('/feed'), {
      conditional: { lastModified: lastModified.toUTCString() },
    });
    expect(result).toMatchObject({ status: 304, notModified: true, lastModified: lastModified.toUTCString() });
    expect(server.requests('/feed')[0]?.headers['if-modified-since']).toBe(lastModified.toUTCString());
  });
});

describe('fetcher: politeness across hosts', () => {
  it('never sends one host two requests at once or closer than its delay, while hosts overlap', async () => {
    const perHostDelayMs = 100;
    const hosts = await Promise.all(['127.0.0.1', '127.0.0.2', '127.0.0.3'].map((hostname) => serve({ hostname })));
    const urls: string[] = [];
    for (const server of hosts) {
      for (let page = 0; page < 4; page += 1) {
        server.route(`/page/${page}`, delayed(60, html(`<p>${server.hostname} ${page}</p>`)));
        urls.push(server.url(`/page/${page}`));
      }
    }
    const fetcher = fetcherFor(hosts, { perHostDelayMs, maxConcurrency: 3 });
    const results = await Promise.all(urls.map((url) => fetcher.fetch(url)));
    expect(results.map((result) => result.url)).toEqual(urls);

    for (const server of hosts) {
      expect(server.log).toHaveLength(5);
      expect(new Set(server.log.map((entry) => entry.localAddress))).toEqual(new Set([server.hostname]));
      expect(politenessViolations(server.log, perHostDelayMs)).toEqual([]);
    }

    const overlaps = (a: RequestLogEntry, b: RequestLogEntry) => a.startedAt < b.endedAt! && b.startedAt < a.endedAt!;
    const crossHostOverlaps = hosts.flatMap((server, index) =>
      hosts.slice(index + 1).flatMap((other) => server.log.flatMap((a) => other.log.filter((b) => overlaps(a, b)))),
    );
    expect(crossHostOverlaps.length).toBeGreaterThan(0);
  });
});
