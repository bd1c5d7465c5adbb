import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema } from '@fieldguide/shared';
import { ERRORS } from '../../errors.js';

const writability = (writable: boolean) =>
  writable ? { writable } : { writable, error: ERRORS.ERR_STORE_READONLY.message };

/**
 * `GET /health`: the store's and the index's state; 200 when both answer, 503 otherwise. A store that answers
 * reads but cannot save changes is `degraded` with `store.writable: false`, still 200: searches and pages work.
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: HealthSchema, 503: HealthSchema } } },
    async (_request, reply) => {
      const store = (() => {
        try {
          return {
            ok: true,
            events: app.store.countEvents(),
            associations: app.store.countAssociations(),
            pendingIndexChanges: app.store.outboxSize(),
            ...writability(app.store.writable()),
          };
        } catch {
          return { ok: false, events: 0, associations: 0, pendingIndexChanges: 0, writable: false };
        }
      })();
      const index = await app.searchIndex.stats().then(
        (stats) => ({
          ok: true,
          events: stats.event.numberOfDocuments,
          associations: stats.association.numberOfDocuments,
        }),
        () => ({ ok: false, error: 'search index unavailable' }),
      );
      const embedded = app.embeddedMeilisearch?.status();
      const ok = store.ok && index.ok;
      return reply.code(ok ? 200 : 503).send({
        status: ok && store.writable ? 'ok' : 'degraded',
        store,
        index: embedded ? { ...index, embedded } : index,
      });
    },
  );
};
