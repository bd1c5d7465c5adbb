import { type TSchema, Type } from '@sinclair/typebox';

/** `schema` or `null`. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Counts per facet value. */
export const CountsSchema = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));
