import { type Static, Type } from '@sinclair/typebox';
import { InstantSchema } from '../common.schema.js';
import { Nullable } from './nullable.js';

/** The bundled Meilisearch's process, as its supervisor sees it. */
export const EmbeddedMeilisearchHealthSchema = Type.Object({
  state: Type.Union([Type.Literal('running'), Type.Literal('restarting'), Type.Literal('stopped')], {
    description: 'restarting: it exited on its own and is being started again',
  }),
  restarts: Type.Integer({ minimum: 0, description: 'restarts since the server started' }),
  lastExit: Type.Optional(
    Type.Object({
      at: InstantSchema,
      code: Nullable(Type.Integer()),
      signal: Nullable(Type.String()),
    }),
  ),
});

/** One Meilisearch replica of the index (`MEILI_URLS`), named by its position rather than its address. */
export const IndexReplicaHealthSchema = Type.Object({
  position: Type.Integer({ minimum: 1, description: 'its place in MEILI_URLS, from 1 (the embedded one is 1)' }),
  ok: Type.Boolean({ description: 'whether it answered' }),
  lag: Type.Integer({ minimum: 0, description: 'index changes written since the last one it applied' }),
  events: Type.Optional(Type.Integer()),
  associations: Type.Optional(Type.Integer()),
});

/** `GET /health`: the store's and the index's state. */
export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  store: Type.Object({
    ok: Type.Boolean(),
    events: Type.Integer(),
    associations: Type.Integer(),
    pendingIndexChanges: Type.Integer(),
    /** False when changes cannot be saved (the file or its directory is read-only to the server): reads still work. */
    writable: Type.Boolean(),
    error: Type.Optional(Type.String()),
  }),
  index: Type.Object({
    ok: Type.Boolean(),
    /** Events in the search index: those that have not ended (ended events stay in the store only). */
    events: Type.Optional(Type.Integer()),
    associations: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.String()),
    /** Present when the server runs the bundled Meilisearch (no `MEILI_URL`). */
    embedded: Type.Optional(EmbeddedMeilisearchHealthSchema),
    /** Each replica; the index is `ok` while one answers, and the status `degraded` while another does not. */
    replicas: Type.Optional(Type.Array(IndexReplicaHealthSchema)),
  }),
});
export type HealthResponse = Static<typeof HealthSchema>;
