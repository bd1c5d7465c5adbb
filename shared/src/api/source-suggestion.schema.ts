import { type Static, Type } from '@sinclair/typebox';
import { EVENT_FORMATS, literals } from '../event/event.schema.js';
import { SOURCE_KINDS } from '../source/source.schema.js';
import { Nullable } from './nullable.js';

/** Longest URL a visitor may suggest, in characters. */
export const SUGGESTION_URL_MAX_LENGTH = 2048;
/** Longest note a visitor may leave with a suggestion, in characters. */
export const SUGGESTION_NOTE_MAX_LENGTH = 500;
/** Events shown in a suggestion's preview, at most. */
export const SUGGESTION_PREVIEW_EVENTS = 5;

/** The body of `POST /api/suggestions`: no account and no contact details. */
export const SuggestSourceBodySchema = Type.Object(
  {
    url: Type.String({
      minLength: 1,
      maxLength: SUGGESTION_URL_MAX_LENGTH,
      description: "an association's home page, events page, calendar (.ics) or feed: a public http(s) URL",
    }),
    note: Type.Optional(
      Type.String({ maxLength: SUGGESTION_NOTE_MAX_LENGTH, description: 'why these events matter, for the editors' }),
    ),
    field: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'the career field the events are for ("nursing", "IT")',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SuggestSourceBody = Static<typeof SuggestSourceBodySchema>;

/** One event a suggested source would give, as its preview shows it. */
export const PreviewEventSchema = Type.Object({
  title: Type.String(),
  url: Type.String(),
  start: Type.String({ description: 'ISO 8601 instant' }),
  end: Nullable(Type.String({ description: 'ISO 8601 instant' })),
  timeZone: Type.String({ description: 'IANA zone the event is held in' }),
  allDay: Type.Boolean(),
  format: literals(EVENT_FORMATS),
  place: Type.String({ description: 'where, as every surface writes it ("Online", "Denver, CO")' }),
});
export type PreviewEvent = Static<typeof PreviewEventSchema>;

/** What reading a suggested URL found: what a source made of it would gather. */
export const SuggestionPreviewSchema = Type.Object({
  url: Type.String({ description: 'the page read, after redirects' }),
  kind: Nullable(literals(SOURCE_KINDS)),
  sources: Type.Array(Type.Object({ url: Type.String(), kind: literals(SOURCE_KINDS), reason: Type.String() })),
  association: Nullable(
    Type.Object({
      name: Type.String(),
      url: Type.String(),
      fields: Type.Array(Type.String(), { description: 'field ids its name and description point to' }),
    }),
  ),
  eventCount: Type.Integer({ minimum: 0, description: 'upcoming events found in the pages read' }),
  events: Type.Array(PreviewEventSchema, { maxItems: SUGGESTION_PREVIEW_EVENTS, description: 'the soonest ones' }),
  nothingFound: Nullable(Type.String({ description: 'why no upcoming event was found' })),
  warnings: Type.Array(Type.String()),
});
export type SuggestionPreview = Static<typeof SuggestionPreviewSchema>;

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'refused'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** `POST /api/suggestions`: the suggestion as stored (one per URL) and what it would gather. */
export const SuggestSourceResponseSchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  status: literals(SUGGESTION_STATUSES),
  count: Type.Integer({ minimum: 1, description: 'how many times this URL was suggested' }),
  duplicate: Type.Boolean({ description: 'true when the URL had been suggested before' }),
  preview: SuggestionPreviewSchema,
});
export type SuggestSourceResponse = Static<typeof SuggestSourceResponseSchema>;

/** A suggested source as the admin queue shows it. */
export const SuggestionSchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  url: Type.String({ description: 'as first suggested' }),
  normalizedUrl: Type.String({ description: 'the URL suggestions are deduplicated on' }),
  note: Nullable(Type.String()),
  field: Nullable(Type.String({ description: 'field id the visitor named' })),
  count: Type.Integer({ minimum: 1 }),
  status: literals(SUGGESTION_STATUSES),
  reason: Nullable(Type.String({ description: 'why it was refused' })),
  sourceId: Nullable(Type.String({ description: 'the source made of it when accepted' })),
  preview: SuggestionPreviewSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
});
export type Suggestion = Static<typeof SuggestionSchema>;

/** The query string of `GET /api/admin/suggestions`. */
export const SuggestionListQuerySchema = Type.Object(
  {
    status: Type.Optional(literals(SUGGESTION_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type SuggestionListQuery = Static<typeof SuggestionListQuerySchema>;

/** The body of `POST /api/admin/suggestions/:id/refuse`. */
export const RefuseSuggestionBodySchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, description: 'why, for the other editors' }) },
  { additionalProperties: false },
);
export type RefuseSuggestionBody = Static<typeof RefuseSuggestionBodySchema>;
