import type { DemoSites } from '@fieldguide/crawlers/demo';
import {
  acquireDataDirLock,
  type DataDirLock,
  DataDirLockedError,
  type DataDirOwner,
  DataDirUnwritableError,
  needsDataDirLock,
} from '@fieldguide/crawlers/storage';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadCatalogAtStart } from './catalog/load-catalog-at-start.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { startDemoCrawl, wantsDemoSites } from './crawls/demo-crawl.js';
import { warnAboutPublicUrl } from './public-url-warning.js';

/** A shutdown that has not finished by then (a hung close, a blocked write) is cut short. */
const SHUTDOWN_LIMIT_MS = 9_000;
const SIGNAL_EXIT_CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

// With nowhere left to write (the reader of our output exited), the server still has to shut down cleanly.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

function loadConfigOrExit(): Readonly<Config> {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
}

/**
 * One server per data directory: a second one on the same `DATA_DIR` stops here, naming the first. With PostgreSQL
 * and an external Meilisearch nothing lives there, so no lock is taken: several servers may share the store.
 */
function lockDataDirOrExit(config: Readonly<Config>): { lock?: DataDirLock; stale?: DataDirOwner } {
  if (!needsDataDirLock(config)) return {};
  let stale: DataDirOwner | undefined;
  try {
    const lock = acquireDataDirLock(config.dataDir, {
      command: 'server',
      onStaleLock: (previous) => {
        stale = previous;
      },
    });
    return { lock, ...(stale ? { stale } : {}) };
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DataDirUnwritableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = loadConfigOrExit();
  const { lock, stale } = lockDataDirOrExit(config);
  let app: FastifyInstance | undefined;
  let demo: DemoSites | undefined;
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    // Still starting, or a second signal: exiting stops the embedded Meilisearch and releases the data directory.
    if (closing || !app) {
      app?.log.warn({ signal }, 'second signal: exiting now');
      process.exit(SIGNAL_EXIT_CODES[signal] ?? 1);
    }
    closing = true;
    const { log } = app;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error(`shutdown took longer than ${SHUTDOWN_LIMIT_MS} ms: exiting now`);
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    // The app first: it stops a running crawl before the sites it reads go away.
    await app.close();
    await demo?.close();
    lock?.release();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void close(signal));
  app = await buildApp({ config });
  warnAboutPublicUrl(config, app.log);
  await loadCatalogAtStart(app);
  if (stale && lock) app.log.warn({ previous: stale }, `took over ${lock.file}: the process that held it is gone`);
  const address = await app.listen({ port: config.port, host: config.host });
  lock?.setUrl(address);
  console.log(`Fieldguide is running at ${address.replace('127.0.0.1', 'localhost')}/`);
  if (wantsDemoSites(config.demoSites, app.store.listSources())) {
    try {
      demo = await startDemoCrawl(app);
      console.log(
        `Crawling ${demo.sites.length} bundled demo sites in the background (DEMO_SITES=${config.demoSites}); ` +
          'events appear as each site is done.',
      );
    } catch (error) {
      // The server stays up without demo data.
      app.log.error({ err: error }, 'could not start the demo sites');
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
