import type { FastifyRequest } from 'fastify';

/** A Host header we are willing to copy into links: a name or IP literal and a port, nothing else. */
const SAFE_HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** Where links in a feed point, and the host its iCalendar UIDs name. */
export interface FeedOrigin {
  /** `https://fieldguide.example.org`, no trailing slash. */
  origin: string;
  /** `fieldguide.example.org` */
  uidHost: string;
}

/**
 * The configured public URL, else the scheme and Host of the request (a Host that is not a plain host and port
 * falls back to the address the server listens on).
 */
export function feedOrigin(
  request: FastifyRequest,
  config: { publicUrl?: string | undefined; host: string; port: number },
): FeedOrigin {
  let origin = config.publicUrl;
  if (!origin) {
    const host = request.host && SAFE_HOST.test(request.host) ? request.host : `${config.host}:${config.port}`;
    origin = `${request.protocol}://${host}`;
  }
  return { origin, uidHost: new URL(origin).hostname.replace(/^\[|\]$/g, '') };
}
