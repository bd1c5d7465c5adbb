import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Store } from '@fieldguide/crawlers/storage';
import {
  type AdminCatalog,
  AdminCatalogSchema,
  CLUSTERS,
  SetCatalogSourcesBodySchema,
  SetCatalogSourcesResultSchema,
} from '@fieldguide/shared';
import { apiError, errorResponses } from '../../errors.js';
import { adminErrorResponses } from './schemas.js';

/** The catalog's switches, loaded when used: the API process serves searches without the YAML parser. */
const catalogModule = () => import('@fieldguide/crawlers/catalog');

/** The store's catalog sources by field (a source counts under each field of its association) and association. */
function catalogOverview(store: Store): AdminCatalog {
  const sources = store.listSources().filter((s) => s.fromCatalog);
  const byAssociation = new Map<string, AdminCatalog['associations'][number]>();
  const fieldCounts = new Map(CLUSTERS.map((c) => [c.id, { sources: 0, enabledSources: 0 }]));
  for (const source of sources) {
    const association = source.associationId ? store.getAssociation(source.associationId) : undefined;
    for (const field of new Set([...source.fields, ...(association?.fields ?? [])])) {
      const counts = fieldCounts.get(field);
      if (!counts) continue;
      counts.sources += 1;
      if (source.enabled) counts.enabledSources += 1;
    }
    if (!association) continue;
    const entry = byAssociation.get(association.id) ?? {
      id: association.id,
      name: association.name,
      fields: association.fields,
      sources: [],
    };
    entry.sources.push({ id: source.id, url: source.url, enabled: source.enabled });
    byAssociation.set(association.id, entry);
  }
  return {
    fields: CLUSTERS.map((c) => ({
      id: c.id,
      name: c.name,
      ...(fieldCounts.get(c.id) ?? { sources: 0, enabledSources: 0 }),
    })),
    associations: [...byAssociation.values()].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** `/catalog`: the associations catalog's event sources, and switching a field's or an association's on or off. */
export const adminCatalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/catalog',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: "The catalog's event sources by field and by association",
        description: 'Catalog sources start disabled; an operator enables those of a field or an association.',
        response: { 200: AdminCatalogSchema, ...adminErrorResponses },
      },
    },
    async () => catalogOverview(app.store),
  );

  app.post(
    '/catalog/sources',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: "Enable or disable a field's or an association's catalog sources",
        description:
          'Give `field` (an id or a name: "health care") or `associationId`, and `enabled`. Enabled sources are ' +
          'crawled from the next crawl on; a restart never undoes the choice.',
        body: SetCatalogSourcesBodySchema,
        response: { 200: SetCatalogSourcesResultSchema, ...errorResponses('ERR_NOT_FOUND'), ...adminErrorResponses },
      },
    },
    async (request) => {
      const { field, associationId, enabled } = request.body;
      if ((field === undefined) === (associationId === undefined)) {
        throw apiError('ERR_BAD_PARAMETER', 'give either "field" or "associationId"');
      }
      const { CatalogSelectionError, selectCatalogSources, setCatalogSourcesEnabled } = await catalogModule();
      const selection = field !== undefined ? { field } : { associationId: associationId as string };
      try {
        const selected = selectCatalogSources(app.store, selection).map((s) => s.id);
        return { changed: setCatalogSourcesEnabled(app.store, selection, enabled), selected };
      } catch (error) {
        if (!(error instanceof CatalogSelectionError)) throw error;
        throw field !== undefined
          ? apiError('ERR_BAD_PARAMETER', `field: ${error.message}`)
          : apiError('ERR_NOT_FOUND', error.message);
      }
    },
  );
};
