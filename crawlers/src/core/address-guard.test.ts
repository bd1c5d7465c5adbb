import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertPublicUrl,
  createGuardedAgent,
  createPrivateHostPolicy,
  isIpLiteral,
  isPublicAddress,
} from './address-guard.js';
import { NonRetryableError } from './errors.js';
import { type HostileServer, startHostileServer, text } from './testing/hostile-server.js';

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) => {
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

describe('createPrivateHostPolicy', () => {
  it('matches host, host:port and IPv6 entries, normalising IP spellings', () => {
    const policy = createPrivateHostPolicy(['demo.local', 'localhost:8080', '[::1]:3000', '0x7f.1:9000']);
    expect(policy.allows('demo.local', '1234', 'http:')).toBe(true);
    expect(policy.allows('DEMO.local', '', 'https:')).toBe(true);
    expect(policy.allows('localhost', '8080', 'http:')).toBe(true);
    expect(policy.allows('localhost', '8081', 'http:')).toBe(false);
    expect(policy.allows('::1', '3000', 'http:')).toBe(true);
    expect(policy.allows('[::1]', '3000', 'http:')).toBe(true);
    expect(policy.allows('127.0.0.1', '9000', 'http:')).toBe(true);
    expect(policy.allows('127.0.0.1', '9001', 'http:')).toBe(false);
    expect(policy.allows('other.local', '80', 'http:')).toBe(false);
  });

  it('compares an explicit default port with an empty one', () => {
    const policy = createPrivateHostPolicy(['demo.local:80']);
    expect(policy.allows('demo.local', '', 'http:')).toBe(true);
    expect(policy.allows('demo.local', '', 'https:')).toBe(false);
  });

  it('rejects entries that are not host[:port]', () => {
    expect(() => createPrivateHostPolicy(['http://demo.local/'])).toThrow(TypeError);
    expect(() => createPrivateHostPolicy(['demo.local:port'])).toThrow(TypeError);
  });
});

describe('assertPublicUrl', () => {
  const none = createPrivateHostPolicy([]);

  it.each([
    'http://127.0.0.1/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://127.1/',
    'http://017700000001/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::1]:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
  ])('refuses %s before connecting', (href) => {
    const attempt = () => assertPublicUrl(new URL(href), none);
    expect(attempt).toThrow(NonRetryableError);
    expect(attempt).toThrow(/not a public address/);
  });

  it('lets public literals and host names through (names are checked after DNS)', () => {
    expect(() => assertPublicUrl(new URL('http://8.8.8.8/'), none)).not.toThrow();
    expect(() => assertPublicUrl(new URL('http://localhost/'), none)).not.toThrow();
  });

  it('lets allowed private hosts through', () => {
    const policy = createPrivateHostPolicy(['127.0.0.1:8080']);
    expect(() => assertPublicUrl(new URL('http://127.0.0.1:8080/'), policy)).not.toThrow();
    expect(() => assertPublicUrl(new URL('http://127.0.0.1:8081/'), policy)).toThrow(NonRetryableError);
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

  it('connects to explicitly allowed hosts, and only on the allowed port', async () => {
    server = await startHostileServer({ routes: { '/': text('demo') } });
    const allowed = createGuardedAgent({ allowPrivateHosts: [server.host, `localhost:${server.port}`] });
    expect(await get(server.url('/'), allowed)).toEqual({ status: 200, body: 'demo' });
    expect(await get(`http://localhost:${server.port}/`, allowed)).toEqual({ status: 200, body: 'demo' });

    const otherPort = createGuardedAgent({ allowPrivateHosts: [`127.0.0.1:${server.port + 1}`] });
    await expect(get(server.url('/'), otherPort)).rejects.toMatchObject({ code: 'FETCH_PRIVATE_ADDRESS' });
    expect(server.log).toHaveLength(2);
  });

  it('lets everything through when built for a source that may use the private network', async () => {
    server = await startHostileServer({ routes: { '/': text('demo') } });
    expect(await get(server.url('/'), createGuardedAgent({ allowAnyPrivate: true }))).toEqual({
      status: 200,
      body: 'demo',
    });
  });
});
