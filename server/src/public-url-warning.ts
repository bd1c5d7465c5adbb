import { BlockList, isIP } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether `host` (an address or a name to listen on) only ever takes connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare.toLowerCase() === 'localhost') return true;
  const family = isIP(bare);
  return family !== 0 && LOOPBACK.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The warning due when the server takes connections from other machines without `PUBLIC_URL`: links in feeds,
 * pages' previews and sitemaps then carry whatever Host each client sent (answered with `Vary: Host`, so caches
 * keep them apart); undefined otherwise.
 */
export function publicUrlWarning(config: Pick<Config, 'host' | 'publicUrl'>): string | undefined {
  if (config.publicUrl || isLoopbackHost(config.host)) return undefined;
  return (
    `HOST=${config.host} takes connections from other machines but PUBLIC_URL is not set: links in feeds, link ` +
    'previews, robots.txt and sitemaps will name whatever host' +
    " each client asks for; set PUBLIC_URL to the server's public origin (https://…)"
  );
}

/** Logs {@link publicUrlWarning} when it applies. */
export function warnAboutPublicUrl(config: Pick<Config, 'host' | 'publicUrl'>, log: FastifyBaseLogger): void {
  const warning = publicUrlWarning(config);
  if (warning) log.warn(warning);
}
