import { type Static, Type } from '@sinclair/typebox';

const CountSchema = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
  description: 'upcoming events; null while search is unavailable',
});

/** A career cluster with live counts of upcoming events. */
export const FieldSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Type.String(),
  count: CountSchema,
  pathways: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: CountSchema })),
});
export type FieldSummary = Static<typeof FieldSummarySchema>;

/** `GET /api/fields`: the career clusters and their pathways, in taxonomy order. */
export const FieldsResponseSchema = Type.Object({
  total: CountSchema,
  fields: Type.Array(FieldSummarySchema),
});
export type FieldsResponse = Static<typeof FieldsResponseSchema>;
