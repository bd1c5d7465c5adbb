import type { DemoSites } from '@fieldguide/crawlers/demo';
import { buildApp } from './app.js';
import { loadCatalogAtStart } from './catalog/load-catalog-at-start.js';
import { ConfigError, loadConfig } from './config.js';
import { startDemoCrawl, wantsDemoSites } from './crawls/demo-crawl.js';
import { warnAboutPublicUrl } from './public-url-warning.js';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const app = await buildApp({ config });
  warnAboutPublicUrl(config, app.log);
  await loadCatalogAtStart(app);
  let demo: DemoSites | undefined;
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // The app first: it stops a running crawl before the sites it reads go away.
    await app.close();
    await demo?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  const address = await app.listen({ port: config.port, host: config.host });
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
