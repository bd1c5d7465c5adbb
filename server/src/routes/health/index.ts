import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { replicaLag, replicasOf, type SearchIndex, type Store } from '@fieldguide/crawlers/storage';
import { type HealthResponse, HealthSchema } from '@fieldguide/shared';
import { ERRORS } from '../../errors.js';

const writability = (writable: boolean) =>
  writable ? { writable } : { writable, error: ERRORS.ERR_STORE_READONLY.message };

type ReplicaHealth = NonNullable<HealthResponse['index']['replicas']>[number];

/** Each replica's state: whether it answers, its document counts and how far it is behind the store. */
async function replicaHealth(store: Store, index: SearchIndex): Promise<ReplicaHealth[]> {
  return Promise.all(
    replicasOf(index).map(async (replica, i) => {
      let lag = 0;
      try {
        lag = replicaLag(store, replica.replica);
      } catch {
        // The store is unreadable: reported as such beside.
      }
      return replica.stats().then(
        (stats): ReplicaHealth => ({
          position: i + 1,
          ok: true,
          lag,
          events: stats.event.numberOfDocuments,
          associations: stats.association.numberOfDocuments,
        }),
        () => ({ position: i + 1, ok: false, lag }),
      );
    }),
  );
}

/**
 * `GET /health`: the store's and the index's state; 200 when the store and at least one index replica answer, 503
 * otherwise. A store that answers reads but cannot save changes is `degraded` with `store.writable: false`, and so
 * is an index with a replica down, still 200: searches and pages work.
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: HealthSchema, 503: HealthSchema } } },
    async (request, reply) => {
      const store = (() => {
        try {
          return {
            ok: true,
            events: app.store.countEvents(),
            associations: app.store.countAssociations(),
            pendingIndexChanges: app.store.outboxSize(),
            ...writability(app.store.writable()),
          };
        } catch (error) {
          request.log.warn({ err: error }, 'the store could not be read for /health');
          return { ok: false, events: 0, associations: 0, pendingIndexChanges: 0, writable: false };
        }
      })();
      const replicas = await replicaHealth(app.store, app.searchIndex);
      const answering = replicas.find((replica) => replica.ok);
      const index = answering
        ? { ok: true, events: answering.events, associations: answering.associations }
        : { ok: false, error: 'search index unavailable' };
      const embedded = app.embeddedMeilisearch?.status();
      const ok = store.ok && index.ok;
      const whole = ok && store.writable && replicas.every((replica) => replica.ok);
      return reply.code(ok ? 200 : 503).send({
        status: whole ? 'ok' : 'degraded',
        store,
        index: { ...index, ...(embedded ? { embedded } : {}), replicas },
      });
    },
  );
};
