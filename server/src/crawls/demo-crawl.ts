import { type DemoSites, startDemoSites } from '@fieldguide/crawlers/demo';
import type { Source } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';

/** Per-host delay when crawling the bundled demo sites, in milliseconds: they are ours, on loopback. */
const DEMO_PER_HOST_DELAY_MS = 50;

/** A source on a loopback address that may use it: one of the bundled demo sites. */
const isDemoSource = (source: Source) =>
  source.allowPrivateNetwork && /^127\.\d+\.\d+\.\d+$/.test(new URL(source.url).hostname);

/** A source of the associations catalog that no operator has enabled: not one the operator chose to crawl. */
const isIdleCatalogSource = (source: Source) => source.fromCatalog === true && !source.enabled;

/**
 * Whether the start-up should serve and crawl the demo sites: `on`, or `auto` while the store has no sources
 * but the demo's own and the catalog's disabled ones (so an install that was only ever a demo keeps its demo
 * sites across restarts, and the catalog loaded at start-up does not end the demo until a source is enabled).
 */
export function wantsDemoSites(mode: 'auto' | 'on' | 'off', sources: readonly Source[]): boolean {
  return mode === 'on' || (mode === 'auto' && sources.every((s) => isDemoSource(s) || isIdleCatalogSource(s)));
}

/** Starts the demo sites on `port`, or on free ports when it is taken (another Fieldguide on this machine). */
async function startSites(app: FastifyInstance): Promise<DemoSites> {
  const port = app.config.demoSitesPort;
  try {
    return await startDemoSites({ port });
  } catch (error) {
    if (port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    app.log.warn({ port }, 'the demo sites port is taken; serving them on free ports (their event ids will differ)');
    return startDemoSites({ port: 0 });
  }
}

/**
 * Starts the bundled demo sites on loopback, saves their sources (and associations) into the store, and starts a
 * background crawl of them, so a fresh install shows results without internet. Close the returned sites after
 * the app. A read-only store is refused before anything starts.
 */
export async function startDemoCrawl(app: FastifyInstance): Promise<DemoSites> {
  if (!app.store.writable()) throw new Error('the store is read-only: the demo sites cannot be saved and crawled');
  const demo = await startSites(app);
  try {
    // The pipeline's source loading, only when the demo crawl runs: the API process does not load the parsers.
    const { parseSourcesYaml, syncSources } = await import('@fieldguide/crawlers');
    const file = parseSourcesYaml(demo.sourcesYaml, { file: 'demo sources' });
    syncSources(app.store, file, 'demo sources');
    const run = await app.crawls.start({
      sourceIds: file.sources.map((s) => s.id),
      force: true,
      fetcher: { perHostDelayMs: DEMO_PER_HOST_DELAY_MS },
    });
    app.log.info({ runId: run.id, sites: demo.sites.length }, 'crawling the bundled demo sites');
    return demo;
  } catch (error) {
    await demo.close();
    throw error;
  }
}
