import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The sample catalog's directory (fictional associations on `.example` domains). */
export const SAMPLE_CATALOG_DIR = path.resolve(import.meta.dirname, '../fixtures/catalog-sample');

/** The origin the sample catalog's event sources are written with, replaced by a loopback site's. */
const PLACEHOLDER_ORIGIN = 'http://catalog-site.test';

/** A copy of the sample catalog whose event sources point at `origin`. */
export function sampleCatalogAt(origin: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fieldguide-catalog-'));
  cpSync(SAMPLE_CATALOG_DIR, dir, { recursive: true });
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const file = path.join(dir, name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(PLACEHOLDER_ORIGIN, origin));
  }
  return dir;
}

const icsDate = (date: Date) => `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** A calendar of `titles`, one event a week from ten days ahead, two hours each. */
export function upcomingCalendar(prefix: string, titles: readonly string[], now = new Date()): string {
  const events = titles.map((title, i) => {
    const start = new Date(now.getTime() + (10 + 7 * i) * 86_400_000);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    return [
      'BEGIN:VEVENT',
      `UID:${prefix}-${i}@catalog-site.test`,
      `DTSTAMP:${icsDate(now)}`,
      `DTSTART:${icsDate(start)}`,
      `DTEND:${icsDate(end)}`,
      `SUMMARY:${title}`,
      'LOCATION:Minneapolis Convention Center, Minneapolis, MN',
      'END:VEVENT',
    ].join('\r\n');
  });
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${prefix}//EN`, ...events, 'END:VCALENDAR', ''].join('\r\n');
}

/** A loopback stand-in for the sample associations' sites: their calendars, and homepages in several states. */
export interface CatalogSite {
  origin: string;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

/** Serves `routes` (path → status, headers, body) on 127.0.0.1; anything else is a 404. */
export async function startCatalogSite(
  routes: Record<string, { status?: number; headers?: Record<string, string>; body?: string }>,
): Promise<CatalogSite> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    const route = routes[pathname];
    response.writeHead(route ? (route.status ?? 200) : 404, route?.headers ?? { 'content-type': 'text/plain' });
    response.end(route?.body ?? (route ? '' : 'not found'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
