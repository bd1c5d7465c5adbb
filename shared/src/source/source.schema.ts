import { type Static, Type } from '@sinclair/typebox';
import { ClusterIdSchema, EntityIdSchema, HttpUrlSchema, InstantSchema, PathwayIdSchema } from '../common.schema.js';
import { literals } from '../event/event.schema.js';

export const SOURCE_KINDS = [
  'auto',
  'html',
  'listing',
  'ics',
  'feed',
  'wordpress-events',
  'json-list',
  'sitemap',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How a source fared on its last crawl. */
export const SourceHealthSchema = Type.Object(
  {
    lastCrawledAt: Type.Optional(InstantSchema),
    lastStatus: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('partial'), Type.Literal('failed')])),
    lastError: Type.Optional(Type.String({ maxLength: 2000 })),
    eventsFound: Type.Integer({ minimum: 0 }),
    errorCount: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

/** A place Fieldguide crawls for events, with the hints that apply to all of them. */
export const SourceSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9]+([-_.][a-z0-9]+)*$', maxLength: 128 }),
    url: HttpUrlSchema,
    kind: literals(SOURCE_KINDS),
    name: Type.Optional(Type.String({ maxLength: 300 })),
    /** Fields every event of this source belongs to, added to what the classifier finds. */
    fields: Type.Array(ClusterIdSchema, { maxItems: 16 }),
    pathways: Type.Array(PathwayIdSchema, { maxItems: 100 }),
    associationId: Type.Optional(EntityIdSchema),
    /** Minimum time between two crawls of this source, in minutes (default a day). */
    recrawlMinutes: Type.Integer({ minimum: 5, maximum: 525600 }),
    enabled: Type.Boolean(),
    /**
     * Let this source's own requests reach loopback or private addresses on its `url`'s exact origin (scheme, host,
     * port) only (demo sites and tests).
     */
    allowPrivateNetwork: Type.Boolean(),
    /**
     * Set by the catalog loader on the sources of the bundled associations directory: they start disabled and
     * an operator enables them (`fieldguide catalog enable`, the admin page). Not accepted in a sources file.
     */
    fromCatalog: Type.Optional(Type.Boolean()),
    health: SourceHealthSchema,
  },
  { additionalProperties: false },
);
export type Source = Static<typeof SourceSchema>;
export type SourceHealth = Static<typeof SourceHealthSchema>;
