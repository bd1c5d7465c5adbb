import { type Static, Type } from '@sinclair/typebox';
import {
  ClusterIdSchema,
  CountryCodeSchema,
  EntityIdSchema,
  HiringSignalSchema,
  HttpUrlSchema,
  InstantSchema,
  PathwayIdSchema,
} from '../common.schema.js';
import { literals } from '../event/event.schema.js';

export const ASSOCIATION_SCOPES = ['international', 'national', 'regional', 'local'] as const;
export type AssociationScope = (typeof ASSOCIATION_SCOPES)[number];

export const ChapterSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 300 }),
    city: Type.Optional(Type.String({ maxLength: 120 })),
    region: Type.Optional(Type.String({ maxLength: 120 })),
    country: Type.Optional(CountryCodeSchema),
    url: Type.Optional(HttpUrlSchema),
  },
  { additionalProperties: false },
);

/** A professional association: where a field's people, and those who hire them, belong. */
export const AssociationSchema = Type.Object(
  {
    id: EntityIdSchema,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    /** The short name the association itself uses ("ANA", "ACM"); searched like its name. */
    acronym: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    url: HttpUrlSchema,
    description: Type.String({ maxLength: 5000 }),
    fields: Type.Array(ClusterIdSchema, { maxItems: 16 }),
    pathways: Type.Array(PathwayIdSchema, { maxItems: 100 }),
    scope: literals(ASSOCIATION_SCOPES),
    country: Type.Optional(CountryCodeSchema),
    region: Type.Optional(Type.String({ maxLength: 120 })),
    chapters: Type.Array(ChapterSchema, { maxItems: 500 }),
    /** The association's job board or career center. */
    jobBoardUrl: Type.Optional(HttpUrlSchema),
    /** The page that says how to join. */
    membershipUrl: Type.Optional(HttpUrlSchema),
    /** How often members meet, in words: "monthly", "annual conference", … */
    meetingCadence: Type.Optional(Type.String({ maxLength: 200 })),
    hiring: HiringSignalSchema,
    firstSeen: InstantSchema,
    updatedAt: InstantSchema,
  },
  { additionalProperties: false },
);
export type Association = Static<typeof AssociationSchema>;
export type Chapter = Static<typeof ChapterSchema>;
