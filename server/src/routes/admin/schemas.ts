import { literals, SOURCE_KINDS, SourceSchema } from '@fieldguide/shared';
import { type Static, Type } from '@sinclair/typebox';
import type { Config } from '../../config.js';
import { ErrorSchema, forResponse } from '../../search/schemas.js';

/** A source as the admin API shows it. */
export const AdminSourceSchema = forResponse(SourceSchema);

const Status = literals(['ok', 'partial', 'failed', 'skipped'] as const);

/** What one source's crawl gave, in full. */
export const SourceCrawlResultSchema = Type.Object({
  sourceId: Type.String(),
  status: Status,
  skipReason: Type.Optional(Type.String()),
  events: Type.Integer(),
  inserted: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  merged: Type.Integer(),
  delisted: Type.Integer(),
  pages: Type.Integer(),
  notModified: Type.Integer(),
  errors: Type.Array(Type.String()),
  skipped: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
  durationMs: Type.Integer(),
});

/** A crawl run: the stored record, with progress and per-source details while this process knows them. */
export const CrawlRunSchema = Type.Object(
  {
    id: Type.Integer(),
    startedAt: Type.String({ description: 'ISO UTC' }),
    finishedAt: Type.Optional(Type.String({ description: 'ISO UTC' })),
    status: literals(['running', 'finished', 'failed', 'interrupted'] as const),
    results: Type.Record(
      Type.String(),
      Type.Object({
        status: literals(['ok', 'partial', 'failed'] as const),
        events: Type.Integer(),
        errors: Type.Array(Type.String()),
      }),
      { description: 'per crawled source: status, events found, errors' },
    ),
    progress: Type.Optional(
      Type.Object({
        sourcesTotal: Type.Integer(),
        sourcesDone: Type.Integer(),
        pagesFetched: Type.Integer(),
        inProgress: Type.Array(Type.String(), { description: 'sources being crawled now' }),
      }),
    ),
    sources: Type.Optional(Type.Array(SourceCrawlResultSchema)),
    error: Type.Optional(Type.String({ description: 'why the run failed as a whole' })),
  },
  { title: 'CrawlRun' },
);

/** What auto-discovery found at a URL. */
export const DiscoverySchema = Type.Object({
  url: Type.String({ description: 'the page, after redirects' }),
  sources: Type.Array(Type.Object({ url: Type.String(), kind: literals(SOURCE_KINDS), reason: Type.String() })),
  association: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() })),
  jobBoardUrl: Type.Optional(Type.String()),
  warnings: Type.Array(Type.String()),
});

const FieldNames = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
  maxItems: 16,
  description: 'field ids or names ("IT", "health care")',
});

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
      Type.Boolean({ description: 'allow loopback and private addresses (demo sites, tests only)' }),
    ),
  },
  { additionalProperties: false },
);
export type AddSourceBody = Static<typeof AddSourceBodySchema>;

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

export const StartCrawlBodySchema = Type.Object(
  {
    sourceIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { minItems: 1, maxItems: 1000 }),
    ),
    force: Type.Optional(Type.Boolean({ description: 'crawl sources that are not due, and disabled ones' })),
  },
  { additionalProperties: false },
);

/** Errors every admin route can answer with. */
export const adminErrorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  429: ErrorSchema,
} as const;

/**
 * Route config giving an admin route the stricter limit when the app-wide limiter runs (it reads each route's
 * `config.rateLimit` as the route is added); without it, the admin routes' context has a limiter of its own.
 */
export function adminRouteConfig(config: Readonly<Config>): { rateLimit?: { max: number; timeWindow: number } } {
  return config.adminRateLimitMax > 0 && config.rateLimit.max > 0
    ? { rateLimit: { max: config.adminRateLimitMax, timeWindow: config.rateLimit.windowMs } }
    : {};
}
