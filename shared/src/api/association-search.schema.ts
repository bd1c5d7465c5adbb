import { type Static, Type } from '@sinclair/typebox';
import { ASSOCIATION_SCOPES } from '../association/association.schema.js';
import { AssociationGatheringSchema } from '../association/gathering.js';
import { literals } from '../event/event.schema.js';
import { MatchRangesSchema } from './highlight.schema.js';
import { CountsSchema, Nullable } from './nullable.js';

/** A professional association as a result card shows it. */
export const AssociationHitSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    acronym: Nullable(Type.String()),
    description: Type.String({ description: 'plain-text extract' }),
    url: Type.String(),
    fields: Type.Array(Type.String()),
    pathways: Type.Array(Type.String()),
    fieldNames: Type.Array(Type.String()),
    scope: literals(ASSOCIATION_SCOPES),
    country: Nullable(Type.String()),
    region: Nullable(Type.String()),
    chapterPlaces: Type.Array(Type.String()),
    jobBoardUrl: Nullable(Type.String()),
    membershipUrl: Nullable(Type.String()),
    meetingCadence: Nullable(Type.String()),
    hiring: Type.Number(),
    hiringReasons: Type.Array(Type.String()),
    gathering: Type.Optional(AssociationGatheringSchema),
    highlights: Type.Object(
      { name: MatchRangesSchema, description: MatchRangesSchema },
      {
        description: 'where the query matched the text attributes of the same name (`description`: the extract above)',
      },
    ),
  },
  { title: 'AssociationHit' },
);
export type AssociationHit = Static<typeof AssociationHitSchema>;

/** Counts per value of each filter; a facet whose filter is set is counted without it. */
export const AssociationFacetsSchema = Type.Object({
  fields: CountsSchema,
  pathways: CountsSchema,
  scope: CountsSchema,
  country: CountsSchema,
  region: CountsSchema,
});
export type AssociationFacets = Static<typeof AssociationFacetsSchema>;

/** The association search as the server understood it. */
export const EchoedAssociationQuerySchema = Type.Object({
  q: Type.String(),
  fields: Type.Array(Type.String()),
  pathways: Type.Array(Type.String()),
  scopes: Type.Array(literals(ASSOCIATION_SCOPES)),
  country: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
  page: Type.Integer(),
  limit: Type.Integer(),
});
export type EchoedAssociationQuery = Static<typeof EchoedAssociationQuerySchema>;

/** `GET /api/associations`: a page of associations, the facet counts, and the query as read. */
export const AssociationSearchResponseSchema = Type.Object({
  hits: Type.Array(AssociationHitSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
  totalPages: Type.Integer(),
  facets: AssociationFacetsSchema,
  query: EchoedAssociationQuerySchema,
});
export type AssociationSearchResponse = Static<typeof AssociationSearchResponseSchema>;
