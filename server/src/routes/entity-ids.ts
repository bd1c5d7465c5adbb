import { EntityIdSchema, MAX_EXPORT_EVENTS } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { errors } from '../errors.js';

const ENTITY_ID = new RegExp(EntityIdSchema.pattern ?? '^[A-Za-z0-9_-]+$');

/** True for a string that can be an event's or an association's id. */
export const isEntityId = (value: string) => value.length <= (EntityIdSchema.maxLength ?? 128) && ENTITY_ID.test(value);

/** The `ids` query of the routes that read chosen events: ids separated by commas. */
export const EventIdsQuerySchema = Type.Object(
  {
    ids: Type.String({
      minLength: 1,
      maxLength: MAX_EXPORT_EVENTS * 140,
      description: `event ids separated by commas, at most ${MAX_EXPORT_EVENTS}`,
    }),
  },
  { additionalProperties: false },
);

/** The distinct event ids of an `ids` parameter, in their order; a clear 400 for none, a bad id or too many. */
export function parseEventIds(param: string): string[] {
  const ids = [...new Set(param.split(',').map((id) => id.trim()))].filter((id) => id !== '');
  if (ids.length === 0) throw errors.badParameter('ids', 'must name at least one event id');
  if (ids.length > MAX_EXPORT_EVENTS) {
    throw errors.badParameter('ids', `names ${ids.length} events; at most ${MAX_EXPORT_EVENTS} are read at once`);
  }
  const bad = ids.find((id) => !isEntityId(id));
  if (bad !== undefined) {
    throw errors.badParameter('ids', `has an id that is not an event id: ${JSON.stringify(bad.slice(0, 40))}`);
  }
  return ids;
}
