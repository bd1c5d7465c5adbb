import { type Static, Type } from '@sinclair/typebox';
import { literals } from '../event/event.schema.js';
import { SOURCE_KINDS, SourceSchema } from '../source/source.schema.js';
import { forResponse } from './for-response.js';

/** A source as the admin API shows it: its configuration and health. */
export const AdminSourceSchema = forResponse(SourceSchema);

/** What auto-discovery found at a URL. */
export const DiscoverySchema = Type.Object({
  url: Type.String({ description: 'the page, after redirects' }),
  sources: Type.Array(Type.Object({ url: Type.String(), kind: literals(SOURCE_KINDS), reason: Type.String() })),
  association: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() })),
  jobBoardUrl: Type.Optional(Type.String()),
  warnings: Type.Array(Type.String()),
});
export type Discovery = Static<typeof DiscoverySchema>;

const FieldNames = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 16,
  description: 'field ids or names ("IT", "health care")',
});

/** The body of `POST /api/admin/sources`. */
export const AddSourceBodySchema = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2048 }),
    kind: Type.Optional(literals(SOURCE_KINDS)),
    fields: Type.Optional(FieldNames),
    name: Type.Optional(Type.String({ maxLength: 300 })),
    id: Type.Optional(Type.String({ maxLength: 128 })),
    recrawlMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 525600 })),
    enabled: Type.Optional(Type.Boolean()),
    allowPrivateNetwork: Type.Optional(
      Type.Boolean({
        description:
          "let this source's own requests reach a loopback or private address on its URL's exact origin " +
          "(scheme, host, port) and no other; never the server's or its search engine's port (demo sites, tests only)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type AddSourceBody = Static<typeof AddSourceBodySchema>;

/** The body of `PATCH /api/admin/sources/:id`. */
export const PatchSourceBodySchema = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    fields: Type.Optional(FieldNames),
    recrawlMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 525600 })),
    name: Type.Optional(Type.String({ maxLength: 300 })),
    kind: Type.Optional(literals(SOURCE_KINDS)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PatchSourceBody = Static<typeof PatchSourceBodySchema>;

/** The body of `POST /api/admin/crawls`. */
export const StartCrawlBodySchema = Type.Object(
  {
    sourceIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { minItems: 1, maxItems: 1000 }),
    ),
    force: Type.Optional(Type.Boolean({ description: 'crawl sources that are not due, and disabled ones' })),
  },
  { additionalProperties: false },
);
export type StartCrawlBody = Static<typeof StartCrawlBodySchema>;

/** What `POST /api/admin/crawls` queued, on a server with a crawl queue (`DATABASE_URL`): one job per source. */
export const QueuedCrawlsSchema = Type.Object({
  queued: Type.Array(Type.String(), { description: 'sources a crawl job was queued for now' }),
  alreadyQueued: Type.Array(Type.String(), {
    description: 'sources that already had a job waiting or running: nothing added for them',
  }),
});
export type QueuedCrawls = Static<typeof QueuedCrawlsSchema>;

/** An event the listings leave out because it has no professional purpose, as admins see it. */
export const NotCareerEventSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  start: Type.String({ description: 'ISO 8601 instant' }),
  type: Type.String(),
  reason: Type.String({ description: 'why the classifier judged it a hobby, leisure or family event' }),
});
export type NotCareerEvent = Static<typeof NotCareerEventSchema>;

/** `GET /api/admin/events/not-career`: the stored events left out of listings as not career-relevant. */
export const NotCareerEventsResponseSchema = Type.Object({
  total: Type.Integer({ minimum: 0 }),
  events: Type.Array(NotCareerEventSchema),
});
export type NotCareerEventsResponse = Static<typeof NotCareerEventsResponseSchema>;

/** One career field's catalog event sources, as the admin page lists them. */
export const AdminCatalogFieldSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  sources: Type.Integer({ description: "catalog sources of the field's associations" }),
  enabledSources: Type.Integer(),
});

/** An association of the catalog with its event sources. */
export const AdminCatalogAssociationSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  fields: Type.Array(Type.String()),
  sources: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), enabled: Type.Boolean() })),
});

/** `GET /api/admin/catalog`: the catalog's event sources by field and by association. */
export const AdminCatalogSchema = Type.Object({
  fields: Type.Array(AdminCatalogFieldSchema),
  associations: Type.Array(AdminCatalogAssociationSchema),
});
export type AdminCatalog = Static<typeof AdminCatalogSchema>;

/** The body of `POST /api/admin/catalog/sources`: a field's or an association's catalog sources, on or off. */
export const SetCatalogSourcesBodySchema = Type.Object(
  {
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a field id or name' })),
    associationId: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    enabled: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type SetCatalogSourcesBody = Static<typeof SetCatalogSourcesBodySchema>;

/** What `POST /api/admin/catalog/sources` switched. */
export const SetCatalogSourcesResultSchema = Type.Object({
  changed: Type.Array(Type.String(), { description: 'ids of the sources whose state changed' }),
  selected: Type.Array(Type.String(), { description: 'ids of every source the selection names' }),
});
export type SetCatalogSourcesResult = Static<typeof SetCatalogSourcesResultSchema>;
