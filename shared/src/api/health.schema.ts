import { type Static, Type } from '@sinclair/typebox';

/** `GET /health`: the store's and the index's state. */
export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  store: Type.Object({
    ok: Type.Boolean(),
    events: Type.Integer(),
    associations: Type.Integer(),
    pendingIndexChanges: Type.Integer(),
  }),
  index: Type.Object({
    ok: Type.Boolean(),
    events: Type.Optional(Type.Integer()),
    associations: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.String()),
  }),
});
export type HealthResponse = Static<typeof HealthSchema>;
