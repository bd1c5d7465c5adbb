import { type Static, Type } from '@sinclair/typebox';

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
    events: Type.Optional(Type.Integer()),
    associations: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.String()),
  }),
});
export type HealthResponse = Static<typeof HealthSchema>;
