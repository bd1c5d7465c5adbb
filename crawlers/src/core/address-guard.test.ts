import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertReachableUrl,
  createGuardedAgent,
  createPrivateOriginPolicy,
  isIpLiteral,
  isOwnEndpoint,
  isPublicAddress,
  originKey,
  parseOrigin,
} from './address-guard.js';
import { NonRetryableError } from './errors.js';
import { type HostileServer, startHostileServer, text } from './testing/hostile-server.js';

describe('isPublicAddress', () => {
  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.215.14',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
  ])('%s is public', (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  it.each([
    '127.0.0.1',
    '127.0.0.2',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '192.0.2.1',
    '::1',
    '[::1]',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '::ffff:10.0.0.1',
    '::a9fe:a9fe',
    '[::a9fe:a9fe]',
    '::127.0.0.1',
    '::7f00:1',
    '::10.0.0.1',
    '::ffff:0:7f00:1',
    '64:ff9b::7f00:1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b::192.168.0.1',
    '64:ff9b:1::a00:1',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2002:c0a8:101::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'localhost',
    'example.com',
    '',
  ])('%s is not public', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });
});

describe('isIpLiteral', () => {
  it('tells IP literals from host names', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('localhost')).toBe(false);
  });
});

describe('originKey and parseOrigin', () => {
  it('write the port out, the default one included, and normalise the host', () => {
    expect(originKey(new URL('http://a.test/x?y'))).toBe('http://a.test:80');
    expect(originKey(new URL('https://A.test/'))).toBe('https://a.test:443');
    expect(originKey(new URL('http://a.test:80/'))).toBe('http://a.test:80');
    expect(originKey(new URL('http://0x7f.1:8080/'))).toBe('http://127.0.0.1:8080');
    expect(originKey(new URL('http://[::1]:3000/'))).toBe('http://[::1]:3000');
    expect(parseOrigin('http://a.test')).toBe('http://a.test:80');
    expect(parseOrigin('https://a.test:8443/')).toBe('https://a.test:8443');
  });

  it.each([
    'a.test',
    'a.test:8080',
    '127.0.0.1:80',
    'http://a.test/path',
    'http://user@a.test',
    'ftp://a.test',
    'http://a.test/?q',
  ])('rejects %s, which is not an origin', (entry) => {
    expect(() => parseOrigin(entry)).toThrow(TypeError);
  });
});

describe('createPrivateOriginPolicy', () => {
  const allows = (origins: string[], href: string) => createPrivateOriginPolicy(origins).allows(new URL(href));

  it('matches the exact origin: scheme, host and port', () => {
    const origins = ['http://demo.local:8080', 'http://[::1]:3000', 'http://0x7f.1:9000'];
    expect(allows(origins, 'http://demo.local:8080/events')).toBe(true);
    expect(allows(origins, 'http://DEMO.local:8080/')).toBe(true);
    expect(allows(origins, 'http://demo.local:8081/')).toBe(false);
    expect(allows(origins, 'https://demo.local:8080/')).toBe(false);
    expect(allows(origins, 'http://[::1]:3000/')).toBe(true);
    expect(allows(origins, 'http://127.0.0.1:9000/')).toBe(true);
    expect(allows(origins, 'http://127.0.0.1:9001/')).toBe(false);
    expect(allows(origins, 'http://other.local:8080/')).toBe(false);
  });

  it('reads an origin without a port as the default port only, never as every port', () => {
    expect(allows(['http://demo.local'], 'http://demo.local/')).toBe(true);
    expect(allows(['http://demo.local'], 'http://demo.local:80/')).toBe(true);
    expect(allows(['http://demo.local'], 'http://demo.local:7700/')).toBe(false);
    expect(allows(['http://demo.local'], 'https://demo.local/')).toBe(false);
    expect(allows(['https://demo.local'], 'https://demo.local:443/')).toBe(true);
  });

  it('rejects entries that are not origins', () => {
    expect(() => createPrivateOriginPolicy(['demo.local'])).toThrow(TypeError);
    expect(() => createPrivateOriginPolicy(['demo.local:8080'])).toThrow(TypeError);
    expect(() => createPrivateOriginPolicy(['http://demo.local/events'])).toThrow(TypeError);
  });
});

describe('isOwnEndpoint', () => {
  it('is true for an own port on a loopback, private or mapped address', () => {
    for (const address of ['127.0.0.1', '127.0.0.9', '::1', '::ffff:127.0.0.1', '10.0.0.5', '0.0.0.0']) {
      expect(isOwnEndpoint(address, 7700, [7700, 3000])).toBe(true);
    }
  });

  it('is false for another port, or a public address that is not this machine', () => {
    expect(isOwnEndpoint('127.0.0.1', 7701, [7700])).toBe(false);
    expect(isOwnEndpoint('8.8.8.8', 7700, [7700])).toBe(false);
    expect(isOwnEndpoint('127.0.0.1', 7700, [])).toBe(false);
  });
});

describe('assertReachableUrl', () => {
  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://017700000001/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::a9fe:a9fe]/latest/meta-data/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://[::1]:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
  ])('refuses %s before connecting', (href) => {
    const attempt = () => assertReachableUrl(new URL(href), { privateAllowed: false });
    expect(attempt).toThrow(NonRetryableError);
    expect(attempt).toThrow(/not a public address/);
  });

  it('lets public literals and host names through (names are checked after DNS)', () => {
    expect(() => assertReachableUrl(new URL('http://8.8.8.8/'), { privateAllowed: false })).not.toThrow();
    expect(() => assertReachableUrl(new URL('http://localhost/'), { privateAllowed: false })).not.toThrow();
  });

  it('lets private literals through when allowed, but never to an own port', () => {
    const options = { privateAllowed: true, ownPorts: [7700] };
    expect(() => assertReachableUrl(new URL('http://127.0.0.1:8080/'), options)).not.toThrow();
    const attempt = () => assertReachableUrl(new URL('http://127.0.0.1:7700/'), options);
    expect(attempt).toThrow(NonRetryableError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'FETCH_OWN_PORT' }));
    expect(() => assertReachableUrl(new URL('http://[::ffff:7f00:1]:7700/'), options)).toThrow(/own server/);
  });
});

describe('createGuardedAgent against a loopback server', () => {
  let server: HostileServer;
  const agents: Array<{ close(): Promise<void> }> = [];

  afterEach(async () => {
    await Promise.all(agents.splice(0).map((agent) => agent.close()));
    await server?.close();
  });

  const get = async (url: string, agent: ReturnType<typeof createGuardedAgent>) => {
    agents.push(agent);
    const response = await request(url, { dispatcher: agent });
    return { status: response.statusCode, body: await response.body.text() };
  };

  it('refuses an IP literal after connect (the lookup hook never runs for it)', async () => {
    server = await startHostileServer({ routes: { '/': text('secret') } });
    const error = await get(server.url('/'), createGuardedAgent()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NonRetryableError);
    expect(error).toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    expect(server.log).toHaveLength(0);
  });

  it('refuses a host name that resolves to loopback ("localhost")', async () => {
    server = await startHostileServer({ routes: { '/': text('secret') } });
    const error = await get(`http://localhost:${server.port}/`, createGuardedAgent()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    expect(String((error as Error).message)).toMatch(/localhost/);
    expect(server.log).toHaveLength(0);
  });

  it('connects to explicitly allowed origins, and only on the allowed port', async () => {
    server = await startHostileServer({ routes: { '/': text('demo') } });
    const allowed = createGuardedAgent({ allowPrivateOrigins: [server.origin, `http://localhost:${server.port}`] });
    expect(await get(server.url('/'), allowed)).toEqual({ status: 200, body: 'demo' });
    expect(await get(`http://localhost:${server.port}/`, allowed)).toEqual({ status: 200, body: 'demo' });

    const otherPort = createGuardedAgent({ allowPrivateOrigins: [`http://127.0.0.1:${server.port + 1}`] });
    await expect(get(server.url('/'), otherPort)).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    const portless = createGuardedAgent({ allowPrivateOrigins: ['http://127.0.0.1'] });
    await expect(get(server.url('/'), portless)).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    expect(server.log).toHaveLength(2);
  });

  it('closes a socket to one of its own ports, even where private addresses are allowed', async () => {
    server = await startHostileServer({ routes: { '/': text('the API') } });
    const agent = createGuardedAgent({ allowAnyPrivate: true, ownPorts: [server.port] });
    await expect(get(`http://localhost:${server.port}/`, agent)).rejects.toMatchObject({ code: 'FETCH_OWN_PORT' });
    expect(server.log).toHaveLength(0);
  });

  it('lets everything through when built for a source that may use the private network', async () => {
    server = await startHostileServer({ routes: { '/': text('demo') } });
    expect(await get(server.url('/'), createGuardedAgent({ allowAnyPrivate: true }))).toEqual({
      status: 200,
      body: 'demo',
    });
  });
});
