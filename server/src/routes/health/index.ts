import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema } from '@fieldguide/shared';

/** `GET /health`: the store's and the index's state; 200 when both answer, 503 otherwise. */
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
          };
        } catch {
          return { ok: false, events: 0, associations: 0, pendingIndexChanges: 0 };
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
      return reply
        .code(ok ? 200 : 503)
        .send({ status: ok ? 'ok' : 'degraded', store, index: embedded ? { ...index, embedded } : index });
    },
  );
};
