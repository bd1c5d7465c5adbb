import { replicasOf } from '@fieldguide/crawlers/storage';
import type { FastifyInstance } from 'fastify';

/** The port written in `url`, if one is (a URL on its scheme's default port names none). */
function explicitPort(url: string): number | undefined {
  const port = URL.canParse(url) ? new URL(url).port : '';
  return port ? Number(port) : undefined;
}

/**
 * The ports of this server's own services that no crawled source may reach on a local address, flagged
 * `allowPrivateNetwork` or not: the port it listens on (configured and actual) and its Meilisearch replicas'.
 */
export function ownPorts(app: FastifyInstance): number[] {
  const address = app.server.address();
  const ports = [
    app.config.port,
    address && typeof address === 'object' ? address.port : undefined,
    ...replicasOf(app.searchIndex).map((replica) => explicitPort(replica.url)),
  ];
  return [...new Set(ports.filter((port): port is number => port !== undefined && port > 0))];
}
