import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AdminCatalogSchema, SetCatalogSourcesBodySchema, SetCatalogSourcesResultSchema } from '@fieldguide/shared';
import { apiError, errorResponses } from '../../errors.js';
import { adminErrorResponses } from './schemas.js';

/** The catalog's switches, loaded when used: the API process serves searches without the YAML parser. */
const catalogModule = () => import('@fieldguide/crawlers/catalog');

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
    async () => (await catalogModule()).catalogOverview(app.store),
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
