import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies defaults and derives the database path from the data dir', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/fg-data' });
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databasePath).toBe(path.join('/tmp/fg-data', 'fieldguide.sqlite'));
    expect(config.meili.urls).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('has a crawl queue only with DATABASE_URL, its settings read from the environment', () => {
    expect(loadConfig({}).crawlQueue).toBeUndefined();
    const config = loadConfig({ DATABASE_URL: 'postgres://fg@db/fg', WORKER_CONCURRENCY: '4' });
    expect(config.databaseUrl).toBe('postgres://fg@db/fg');
    expect(config.crawlQueue).toMatchObject({ concurrency: 4, scheduleIntervalMs: 60_000 });
    expect(() => loadConfig({ DATABASE_URL: 'postgres://fg@db/fg', CRAWL_JOB_RETRY_LIMIT: 'many' })).toThrow(
      /CRAWL_JOB_RETRY_LIMIT/,
    );
  });

  it('sends email alerts only with SMTP_URL and ALERTS_FROM, naming a bad one without echoing its password', () => {
    expect(loadConfig({}).alerts).toBeUndefined();
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example.org:465',
      ALERTS_FROM: ' Fieldguide <a@example.org> ',
    });
    expect(config.alerts).toEqual({
      smtpUrl: 'smtps://u:p@mail.example.org:465',
      from: 'Fieldguide <a@example.org>',
      checkIntervalMs: 300_000,
    });
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/ALERTS_FROM: required with SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org', ALERTS_FROM: 'nobody' })).toThrow(
      /ALERTS_FROM: must be an email address/,
    );
    try {
      loadConfig({ SMTP_URL: 'http://u:hunter2@mail.example.org', ALERTS_FROM: 'a@example.org' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).message).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
      expect((error as ConfigError).message).not.toContain('hunter2');
    }
  });

  it('converts numbers from strings', () => {
    expect(loadConfig({ PORT: '8080' }).port).toBe(8080);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', MEILI_URL: 'http://127.0.0.1:7700', ADMIN_TOKEN: 'short' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      for (const name of ['PORT', 'LOG_LEVEL', 'MEILI_MASTER_KEY', 'ADMIN_TOKEN']) expect(text).toContain(name);
    }
  });

  it('reads LOG_FORMAT as auto, pretty or json, auto by default', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'yaml' })).toThrow(/LOG_FORMAT/);
  });

  it('trusts no proxy unless TRUST_PROXY names hops, addresses or ranges', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: ' 10.0.0.0/8, ::1 ,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
    for (const bad of [
      'true',
      '0',
      '11',
      '10.0.0.0/33',
      '10.0.0.300',
      'proxy.example.org',
      '10.0.0.1/8/8',
      '::1/129',
    ]) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: must be a number of proxy hops/);
    }
  });

  it('limits source suggestions to 10 per client per hour by default', () => {
    expect(loadConfig({}).suggestRateLimitMax).toBe(10);
    expect(loadConfig({ SUGGEST_RATE_LIMIT_MAX: '0' }).suggestRateLimitMax).toBe(0);
  });

  it("reads CRAWL_ALLOW_PRIVATE_ORIGINS as exact origins, refusing anything else and the server's own port", () => {
    expect(loadConfig({}).crawlAllowPrivateOrigins).toEqual([]);
    expect(
      loadConfig({ CRAWL_ALLOW_PRIVATE_ORIGINS: 'http://calendar.intranet:8080, https://10.1.2.3/' })
        .crawlAllowPrivateOrigins,
    ).toEqual(['http://calendar.intranet:8080', 'https://10.1.2.3']);
    for (const bad of ['calendar.intranet', 'ftp://10.0.0.1', 'http://10.0.0.1/events', 'http://u:p@10.0.0.1']) {
      expect(() => loadConfig({ CRAWL_ALLOW_PRIVATE_ORIGINS: bad }), bad).toThrow(/is not an origin/);
    }
    expect(() => loadConfig({ PORT: '8080', CRAWL_ALLOW_PRIVATE_ORIGINS: 'http://127.0.0.1:8080' })).toThrow(
      /this server's own port/,
    );
  });
});
