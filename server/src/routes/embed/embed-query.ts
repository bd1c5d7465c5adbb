import { type SearchQuery, SearchQuerySchema } from '@fieldguide/shared';
import { type Static, Type } from '@sinclair/typebox';

/** Events an embed shows when `limit` is not given. */
export const EMBED_DEFAULT_LIMIT = 5;
/** Most events one embed shows. */
export const EMBED_MAX_LIMIT = 50;

export const EMBED_THEMES = ['light', 'dark'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];

const search = SearchQuerySchema.properties;

/**
 * The query string of `GET /embed/events`: the widget's attributes, each meaning what it means for
 * `GET /api/search`, plus `theme`. Unknown parameters are refused so a typo does not silently show other events.
 */
export const EmbedQuerySchema = Type.Object(
  {
    field: search.field,
    association: search.association,
    q: search.q,
    near: search.near,
    radius: search.radius,
    type: search.type,
    format: search.format,
    hiring: search.hiring,
    /** The viewer's IANA zone, for online events' times; without it they show in the event's own zone, named. */
    tz: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+\\-/]+$' })),
    /**
     * `auto`: the page runs its one hashed script, which reports its height to a parent running `/embed.js` (the
     * frame needs `allow-scripts` in its sandbox). Without it the page runs no script, as snippets made before did.
     */
    height: Type.Optional(Type.Literal('auto')),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: EMBED_MAX_LIMIT, default: EMBED_DEFAULT_LIMIT })),
    theme: Type.Optional(Type.Union(EMBED_THEMES.map((t) => Type.Literal(t)))),
  },
  { additionalProperties: false },
);
export type EmbedQuery = Static<typeof EmbedQuerySchema>;

/** The `/api/search` query an embed runs: soonest first, `limit` events. */
export function toSearchQuery(query: EmbedQuery): SearchQuery {
  const out: SearchQuery = { sort: 'date', limit: query.limit ?? EMBED_DEFAULT_LIMIT };
  if (query.field !== undefined) out.field = query.field;
  if (query.association !== undefined) out.association = query.association;
  if (query.q !== undefined) out.q = query.q;
  if (query.near !== undefined) out.near = query.near;
  if (query.radius !== undefined) out.radius = query.radius;
  if (query.type !== undefined) out.type = query.type;
  if (query.format !== undefined) out.format = query.format;
  if (query.hiring !== undefined) out.hiring = query.hiring;
  return out;
}

/** The Fieldguide search page's query for the same events (its parameters are the API's). */
export function toSearchPageQuery(query: EmbedQuery): string {
  const params = new URLSearchParams();
  for (const value of [query.field ?? []].flat()) params.append('field', value);
  if (query.association) params.set('association', query.association);
  if (query.q) params.set('q', query.q);
  if (query.near) params.set('near', query.near);
  if (query.near && query.radius) params.set('radius', query.radius);
  for (const value of [query.type ?? []].flat()) params.append('type', value);
  for (const value of [query.format ?? []].flat()) params.append('format', value);
  if (query.hiring !== undefined) params.set('hiring', String(query.hiring));
  return params.toString();
}
