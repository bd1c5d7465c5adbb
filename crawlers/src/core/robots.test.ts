import { describe, expect, it } from 'vitest';
import { FetchErrorCode, NonRetryableError, RetryableError } from './errors.js';
import { createRobotsCache, parseRobotsTxt, type RobotsResponse, robotsTxtUrl } from './robots.js';

const ROBOTS_URL = 'https://events.example.org/robots.txt';
const page = (path: string) => `https://events.example.org${path}`;

describe('parseRobotsTxt', () => {
  it('applies the most specific rule, Allow winning ties (RFC 9309 §2.2.2)', () => {
    const rules = parseRobotsTxt(
      ROBOTS_URL,
      ['User-agent: *', 'Disallow: /events/', 'Allow: /events/public', 'Disallow: /*.pdf$', ''].join('\n'),
    );
    expect(rules.kind).toBe('parsed');
    expect(rules.isAllowed(page('/'))).toBe(true);
    expect(rules.isAllowed(page('/events/2025'))).toBe(false);
    expect(rules.isAllowed(page('/events/public/list'))).toBe(true);
    expect(rules.isAllowed(page('/flyer.pdf'))).toBe(false);
    expect(rules.isAllowed(page('/flyer.pdf?x=1'))).toBe(true);
  });

  it('uses our own group over *, matching the token case-insensitively', () => {
    const rules = parseRobotsTxt(
      ROBOTS_URL,
      ['User-agent: *', 'Disallow: /', '', 'User-agent: fieldguidebot', 'Disallow: /admin', 'Crawl-delay: 2'].join(
        '\n',
      ),
    );
    expect(rules.isAllowed(page('/events'))).toBe(true);
    expect(rules.isAllowed(page('/admin/users'))).toBe(false);
    expect(rules.crawlDelayMs).toBe(2000);
  });

  it('falls back to * and caps Crawl-delay', () => {
    const rules = parseRobotsTxt(ROBOTS_URL, 'User-agent: *\nCrawl-delay: 3600\nDisallow: /private\n', {
      maxCrawlDelayMs: 30_000,
    });
    expect(rules.isAllowed(page('/private/x'))).toBe(false);
    expect(rules.crawlDelayMs).toBe(30_000);
    expect(parseRobotsTxt(ROBOTS_URL, 'User-agent: *\nCrawl-delay: 0.5\n').crawlDelayMs).toBe(500);
    expect(parseRobotsTxt(ROBOTS_URL, 'User-agent: *\nCrawl-delay: soon\n').crawlDelayMs).toBeUndefined();
  });

  it('always allows robots.txt itself and lists sitemaps', () => {
    const rules = parseRobotsTxt(ROBOTS_URL, 'User-agent: *\nDisallow: /\nSitemap: https://events.example.org/s.xml\n');
    expect(rules.isAllowed(page('/anything'))).toBe(false);
    expect(rules.isAllowed(ROBOTS_URL)).toBe(true);
    expect(rules.sitemaps).toEqual(['https://events.example.org/s.xml']);
  });
});

describe('robotsTxtUrl', () => {
  it('keeps scheme, host and port', () => {
    expect(robotsTxtUrl('http://127.0.0.1:8080/a/b?c')).toBe('http://127.0.0.1:8080/robots.txt');
  });
});

describe('createRobotsCache', () => {
  const setup = (answer: () => Promise<RobotsResponse>) => {
    let clock = 0;
    const loads: string[] = [];
    const cache = createRobotsCache({
      load: async (url) => {
        loads.push(url);
        return answer();
      },
      ttlMs: 1000,
      unreachableTtlMs: 100,
      now: () => clock,
    });
    return { cache, loads, advance: (ms: number) => (clock += ms) };
  };

  it('fetches once per origin, shares an in-flight load, and reloads after the TTL', async () => {
    const { cache, loads, advance } = setup(async () => ({ status: 200, body: 'User-agent: *\nDisallow: /x\n' }));
    const [a, b] = await Promise.all([cache.get(page('/1')), cache.get(page('/2'))]);
    expect(a).toBe(b);
    await cache.get(page('/3'));
    expect(loads).toEqual([ROBOTS_URL]);
    await cache.get('https://other.example.org/');
    expect(loads).toHaveLength(2);
    advance(1001);
    await cache.get(page('/4'));
    expect(loads).toHaveLength(3);
  });

  it('allows all on 4xx (§2.3.1.3) and disallows all on 5xx (§2.3.1.4)', async () => {
    const notFound = setup(async () => ({ status: 404, body: '' }));
    expect((await notFound.cache.get(page('/'))).isAllowed(page('/x'))).toBe(true);

    const down = setup(async () => ({ status: 503, body: '' }));
    const rules = await down.cache.get(page('/'));
    expect(rules.kind).toBe('disallow-all');
    expect(rules.isAllowed(page('/x'))).toBe(false);
    expect(rules.reason).toMatch(/503/);
  });

  it('disallows all when unreachable, and tries again sooner than the TTL', async () => {
    const { cache, loads, advance } = setup(async () => {
      throw new RetryableError(FetchErrorCode.TIMEOUT, 'too slow');
    });
    const rules = await cache.get(page('/'));
    expect(rules.kind).toBe('disallow-all');
    expect(rules.reason).toMatch(/too slow/);
    advance(101);
    await cache.get(page('/'));
    expect(loads).toHaveLength(2);
  });

  it('reads a 5xx thrown after retries as disallow-all and a 4xx as allow-all', async () => {
    const serverError = setup(async () => {
      throw new RetryableError(FetchErrorCode.HTTP_STATUS, 'answered 500', { status: 500 });
    });
    expect((await serverError.cache.get(page('/'))).kind).toBe('disallow-all');
    const gone = setup(async () => {
      throw new NonRetryableError(FetchErrorCode.HTTP_STATUS, 'answered 410', { status: 410 });
    });
    expect((await gone.cache.get(page('/'))).kind).toBe('allow-all');
  });

  it('takes too many redirects as "no robots.txt" (§2.3.1.2)', async () => {
    const { cache } = setup(async () => {
      throw new NonRetryableError(FetchErrorCode.TOO_MANY_REDIRECTS, 'loop');
    });
    expect((await cache.get(page('/'))).kind).toBe('allow-all');
  });

  it('takes a robots.txt redirecting to a refused address as unreachable', async () => {
    const { cache } = setup(async () => {
      throw new NonRetryableError(FetchErrorCode.PRIVATE_ADDRESS, 'refused', { url: 'http://10.0.0.1/robots.txt' });
    });
    const rules = await cache.get(page('/'));
    expect(rules.kind).toBe('disallow-all');
    expect(rules.reason).toMatch(/refused address/);
  });

  it('passes a refused address through instead of caching it', async () => {
    const { cache, loads } = setup(async () => {
      throw new NonRetryableError(FetchErrorCode.PRIVATE_ADDRESS, 'refused');
    });
    await expect(cache.get(page('/'))).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    await expect(cache.get(page('/'))).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    expect(loads).toHaveLength(2);
  });

  it('passes an own-port refusal through too', async () => {
    const { cache } = setup(async () => {
      throw new NonRetryableError(FetchErrorCode.OWN_PORT, 'refused');
    });
    await expect(cache.get(page('/'))).rejects.toMatchObject({ code: 'FETCH_OWN_PORT' });
  });

  it('does not hand a load made with one source’s private origin to a request without it', async () => {
    const seen: Array<string | undefined> = [];
    const cache = createRobotsCache({
      load: async (_url, options) => {
        seen.push(options.privateOrigin);
        if (options.privateOrigin === undefined) {
          throw new NonRetryableError(FetchErrorCode.PRIVATE_ADDRESS, 'refused');
        }
        return { status: 404, body: '' };
      },
    });
    const [flagged, unflagged] = await Promise.allSettled([
      cache.get(page('/a'), { privateOrigin: 'https://www.example.org:443' }),
      cache.get(page('/b')),
    ]);
    expect(flagged).toMatchObject({ status: 'fulfilled' });
    expect(unflagged).toMatchObject({ status: 'rejected', reason: { code: 'FETCH_PRIVATE_ADDRESS' } });
    expect(seen).toEqual(['https://www.example.org:443', undefined]);
  });
});
