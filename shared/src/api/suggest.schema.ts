import { type Static, Type } from '@sinclair/typebox';

/** The query string of `GET /api/suggest`. */
export const SuggestQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100, description: 'what the user has typed so far' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, default: 5, description: 'per kind' })),
  },
  { additionalProperties: false },
);
export type SuggestQuery = Static<typeof SuggestQuerySchema>;

/** An upcoming event whose title matches what was typed. */
export const EventSuggestionSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  start: Type.String(),
  city: Type.Union([Type.String(), Type.Null()]),
});
export type EventSuggestion = Static<typeof EventSuggestionSchema>;

/** An association whose name matches what was typed. */
export const AssociationSuggestionSchema = Type.Object({ id: Type.String(), name: Type.String() });
export type AssociationSuggestion = Static<typeof AssociationSuggestionSchema>;

/** `GET /api/suggest`: fields, occupations (O*NET titles and the field each leads to), upcoming events and associations matching what was typed. */
export const SuggestResponseSchema = Type.Object({
  q: Type.String(),
  fields: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: Type.Union([Type.Literal('field'), Type.Literal('pathway')]),
    }),
  ),
  occupations: Type.Array(
    Type.Object({
      title: Type.String({ description: 'O*NET occupation title' }),
      code: Type.String({ description: 'O*NET-SOC code' }),
      field: Type.String(),
      pathway: Type.String(),
      via: Type.Optional(Type.String({ description: 'the licence, credential or title typed, e.g. "RN"' })),
    }),
  ),
  events: Type.Array(EventSuggestionSchema),
  associations: Type.Array(AssociationSuggestionSchema),
});
export type SuggestResponse = Static<typeof SuggestResponseSchema>;
