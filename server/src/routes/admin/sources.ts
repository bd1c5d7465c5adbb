import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DiscoveryResult, FetcherOptions } from '@fieldguide/crawlers';
import type { Store } from '@fieldguide/crawlers/storage';
import {
  type AddSourceBody,
  AddSourceBodySchema,
  AdminSourceSchema,
  CrawlRunSchema,
  DiscoverySchema,
  type PatchSourceBody,
  PatchSourceBodySchema,
  type Source,
} from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { CrawlBusyError } from '../../crawls/crawl-manager.js';
import { discoveryFetcherOptions } from '../../crawls/discovery-fetcher.js';
import { apiError, errorResponses, errors } from '../../errors.js';
import { adminErrorResponses } from './schemas.js';

/** The pipeline, loaded when a source is added or changed: the API process serves searches without its parsers. */
const pipeline = () => import('@fieldguide/crawlers');

const SourceIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

/** A validated source from admin input, or a 400 naming every problem. */
async function validSource(entry: Record<string, unknown>): Promise<Source> {
  const { toSource } = await pipeline();
  const problems: string[] = [];
  const source = toSource(entry, 'source', problems);
  if (!source) throw apiError('ERR_BAD_PARAMETER', problems.join('; ').replace(/^source: /, ''));
  return source;
}

/** Reads the home page for feeds, calendars and event pages; a 422 when it cannot be read. */
async function discover(
  url: string,
  ctx: { allowPrivateNetwork: boolean; fetcher: FetcherOptions; store: Store | undefined },
): Promise<DiscoveryResult> {
  const { createFetcher, discoverSources, NonRetryableError, RetryableError } = await pipeline();
  const fetcher = createFetcher(ctx.fetcher);
  try {
    return await discoverSources(url, {
      fetcher,
      ...(ctx.store ? { store: ctx.store } : {}),
      allowPrivateNetwork: ctx.allowPrivateNetwork,
    });
  } catch (error) {
    if (error instanceof NonRetryableError || error instanceof RetryableError) {
      throw apiError(
        'ERR_DISCOVERY_FAILED',
        `could not read ${url}: ${error.message}; pass "kind" to add the URL without reading it`,
      );
    }
    throw error;
  } finally {
    await fetcher.close();
  }
}

/** The discovered source to add: the best one found, else the URL itself to be read as `auto`. */
function pickSource(body: AddSourceBody, found: DiscoveryResult | undefined): { url: string; kind: Source['kind'] } {
  const best = found?.sources[0];
  return best ? { url: best.url, kind: best.kind } : { url: body.url, kind: body.kind ?? 'auto' };
}

/** `/sources`: list, add (with auto-discovery), change, and crawl one source now. */
export const adminSourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/sources',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Every source with its health',
        response: { 200: Type.Object({ sources: Type.Array(AdminSourceSchema) }), ...adminErrorResponses },
      },
    },
    async () => ({ sources: app.store.listSources() }),
  );

  app.post(
    '/sources',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Add a source',
        description:
          'Without `kind` (or with `auto`), the URL is read first: its feeds, calendars, WordPress events API or ' +
          'events page become the source, and the organization behind it an association. With another `kind` the ' +
          'URL is added as is. 409 when a source with the same id exists.',
        body: AddSourceBodySchema,
        response: {
          201: Type.Object({ source: AdminSourceSchema, discovered: Type.Union([DiscoverySchema, Type.Null()]) }),
          ...errorResponses('ERR_SOURCE_EXISTS', 'ERR_DISCOVERY_FAILED'),
          ...adminErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      if (!/^https?:\/\//i.test(body.url) || !URL.canParse(body.url)) {
        throw errors.badParameter('url', 'must be an http(s) URL');
      }
      const allowPrivateNetwork = body.allowPrivateNetwork === true;
      const found =
        body.kind === undefined || body.kind === 'auto'
          ? await discover(body.url, {
              allowPrivateNetwork,
              fetcher: discoveryFetcherOptions(app),
              store: app.store,
            })
          : undefined;
      const picked = pickSource(body, found);
      const associationId =
        found?.association && app.store.getAssociation(found.association.id) ? found.association.id : undefined;
      const { sourceIdFromUrl } = await pipeline();
      const source = await validSource({
        id: body.id ?? sourceIdFromUrl(picked.url),
        url: picked.url,
        kind: picked.kind,
        ...(body.fields ? { fields: body.fields } : {}),
        ...(body.name !== undefined ? { name: body.name } : found?.association ? { name: found.association.name } : {}),
        ...(body.recrawlMinutes !== undefined ? { recrawlMinutes: body.recrawlMinutes } : {}),
        ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
        allowPrivateNetwork,
        ...(associationId ? { associationId } : {}),
      });
      if (app.store.getSource(source.id)) {
        throw apiError('ERR_SOURCE_EXISTS', `a source with id "${source.id}" exists already`);
      }
      app.store.upsertSource(source);
      const discovered = found
        ? {
            url: found.url,
            sources: found.sources,
            warnings: found.warnings,
            ...(found.association
              ? { association: { id: found.association.id, name: found.association.name, url: found.association.url } }
              : {}),
            ...(found.jobBoardUrl ? { jobBoardUrl: found.jobBoardUrl } : {}),
          }
        : null;
      request.log.info({ sourceId: source.id, url: source.url, kind: source.kind }, 'source added');
      return reply.code(201).send({ source: app.store.getSource(source.id) ?? source, discovered });
    },
  );

  app.patch(
    '/sources/:id',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Change a source: enable or disable it, its fields, its recrawl interval, name or kind',
        params: SourceIdParams,
        body: PatchSourceBodySchema,
        response: {
          200: Type.Object({ source: AdminSourceSchema }),
          ...errorResponses('ERR_NOT_FOUND'),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      const current = app.store.getSource(request.params.id);
      if (!current) throw errors.notFound('source');
      const { health: _health, ...config } = current;
      const patch: PatchSourceBody = request.body;
      const source = await validSource({
        ...config,
        ...patch,
        // New fields replace the pathways that came with the old ones.
        ...(patch.fields ? { pathways: [] } : {}),
      });
      app.store.upsertSource(source);
      return { source: app.store.getSource(source.id) ?? source };
    },
  );

  app.post(
    '/sources/:id/check',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Crawl one source now, due or not, in the background',
        params: SourceIdParams,
        response: {
          202: Type.Object({ run: CrawlRunSchema }),
          ...errorResponses('ERR_NOT_FOUND', 'ERR_CRAWL_RUNNING'),
          ...adminErrorResponses,
        },
      },
    },
    async (request, reply) => {
      if (!app.store.getSource(request.params.id)) throw errors.notFound('source');
      try {
        const run = await app.crawls.start({ sourceIds: [request.params.id], force: true });
        return reply.code(202).send({ run });
      } catch (error) {
        if (error instanceof CrawlBusyError) throw apiError('ERR_CRAWL_RUNNING', error.message);
        throw error;
      }
    },
  );
};
