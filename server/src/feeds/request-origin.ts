import type { FastifyReply, FastifyRequest } from 'fastify';
import vary from 'vary';

/** A Host header we are willing to copy into links: a name or IP literal and a port, nothing else. */
const SAFE_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Where links in a feed point, and the host its iCalendar UIDs name. */
export interface FeedOrigin {
  /** `https://fieldguide.example.org`, no trailing slash. */
  origin: string;
  /** `fieldguide.example.org` */
  uidHost: string;
}

/** What {@link feedOrigin} reads of the configuration. */
export interface OriginConfig {
  publicUrl?: string | undefined;
  host: string;
  port: number;
  trustProxy?: unknown;
}

/** The request headers an origin taken from the request depends on: Host, and the proxy's when it is trusted. */
function originHeaders(config: OriginConfig): string[] {
  return config.trustProxy === undefined ? ['Host'] : ['Host', 'X-Forwarded-Host', 'X-Forwarded-Proto'];
}

/**
 * The configured public URL, else the scheme and Host of the request (a Host that is not a plain host and port
 * falls back to the address the server listens on). An answer built from the request's origin says so with
 * `Vary`, so a shared cache never serves one host's links to another.
 */
export function feedOrigin(request: FastifyRequest, reply: FastifyReply, config: OriginConfig): FeedOrigin {
  let origin = config.publicUrl;
  if (!origin) {
    const host = request.host && SAFE_HOST.test(request.host) ? request.host : `${config.host}:${config.port}`;
    origin = `${request.protocol}://${host}`;
    const current = reply.getHeader('vary');
    reply.header('vary', vary.append(typeof current === 'string' ? current : '', originHeaders(config)));
  }
  return { origin, uidHost: new URL(origin).hostname.replace(/^\[|\]$/g, '') };
}
