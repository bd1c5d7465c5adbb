import { type DemoSites, parseSourcesYaml, startDemoSites, syncSources } from '@fieldguide/crawlers';
import type { FastifyInstance } from 'fastify';

/** Per-host delay when crawling the bundled demo sites, in milliseconds: they are ours, on loopback. */
const DEMO_PER_HOST_DELAY_MS = 50;

/** Whether the start-up should crawl the demo sites: `on`, or `auto` with a store that has no sources yet. */
export function wantsDemoSites(mode: 'auto' | 'on' | 'off', sourceCount: number): boolean {
  return mode === 'on' || (mode === 'auto' && sourceCount === 0);
}

/**
 * Starts the bundled demo sites on loopback, saves their sources (and associations) into the store, and starts a
 * background crawl of them, so a fresh install shows results without internet. Close the returned sites after
 * the app.
 */
export async function startDemoCrawl(app: FastifyInstance): Promise<DemoSites> {
  const demo = await startDemoSites();
  try {
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
