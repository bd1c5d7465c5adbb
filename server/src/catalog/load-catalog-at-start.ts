import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** What the start-up did with the catalog, for the log and for tests. */
export type CatalogStartOutcome =
  | { status: 'off' }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: unknown }
  | {
      status: 'loaded';
      associations: { inserted: number; updated: number; unchanged: number };
      sources: { inserted: number; updated: number; unchanged: number; kept: number };
    };

/**
 * Loads the associations directory into the store (`CATALOG=on`): associations merged with what crawls learnt,
 * their sources added disabled, an operator's enabling never undone. A restart with the same catalog changes
 * nothing. A read-only store or a bad catalog is logged and skipped: the server starts without it.
 */
export async function loadCatalogAtStart(app: FastifyInstance): Promise<CatalogStartOutcome> {
  const { config } = app;
  if (config.catalog === 'off') return { status: 'off' };
  if (!app.store.writable()) {
    app.log.warn('the store is read-only: the associations catalog is not loaded');
    return { status: 'skipped', reason: 'read-only store' };
  }
  try {
    // Only when loading: the API process otherwise never loads the YAML parser.
    const { DEFAULT_CATALOG_DIR, loadCatalog, syncCatalog } = await import('@fieldguide/crawlers/catalog');
    const dir = config.catalogDir ?? DEFAULT_CATALOG_DIR;
    if (!existsSync(dir)) {
      app.log.warn({ dir }, 'no associations catalog at this path; starting without it');
      return { status: 'skipped', reason: `no directory ${dir}` };
    }
    const catalog = await loadCatalog(dir);
    const result = syncCatalog(app.store, catalog);
    app.log.info(
      { dir: catalog.dir, associations: result.associations, sources: result.sources },
      `loaded the associations catalog: ${catalog.associations.length} associations, ${catalog.sources.length} event sources`,
    );
    return { status: 'loaded', ...result };
  } catch (error) {
    app.log.error({ err: error }, 'could not load the associations catalog; starting without it');
    return { status: 'failed', error };
  }
}
