import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  AdminSourceSchema,
  RefuseSuggestionBodySchema,
  type Source,
  type Suggestion,
  SuggestionListQuerySchema,
  SuggestionSchema,
} from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { apiError, errorResponses, errors } from '../../errors.js';
import { adminErrorResponses } from './schemas.js';

/** The pipeline, loaded when a suggestion is accepted (it makes the source). */
const pipeline = () => import('@fieldguide/crawlers');

const SuggestionIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

function storedSuggestion(app: FastifyInstance, id: number): Suggestion {
  const suggestion = app.store.getSuggestion(id);
  if (!suggestion) throw errors.notFound('suggestion');
  return suggestion;
}

/**
 * The source a suggestion becomes, enabled: the best source its preview found (else the URL read as `auto`), the
 * visitor's field or else the association's, named after the association.
 */
async function sourceFor(suggestion: Suggestion): Promise<Source> {
  const { sourceIdFromUrl, toSource } = await pipeline();
  const { preview } = suggestion;
  const best = preview.sources[0];
  const url = best?.url ?? suggestion.url;
  const fields = suggestion.field ? [suggestion.field] : (preview.association?.fields ?? []);
  const problems: string[] = [];
  const source = toSource(
    {
      id: sourceIdFromUrl(url),
      url,
      kind: best?.kind ?? 'auto',
      enabled: true,
      fields,
      ...(preview.association ? { name: preview.association.name } : {}),
    },
    'source',
    problems,
  );
  if (!source) throw apiError('ERR_BAD_PARAMETER', `the suggestion cannot become a source: ${problems.join('; ')}`);
  return source;
}

/** `/suggestions`: the queue of sources visitors suggested, to accept (a source is made) or refuse. */
export const adminSuggestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/suggestions',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Suggested sources, most recently suggested first',
        querystring: SuggestionListQuerySchema,
        response: { 200: Type.Object({ suggestions: Type.Array(SuggestionSchema) }), ...adminErrorResponses },
      },
    },
    async (request) => ({
      suggestions: app.store.listSuggestions({
        ...(request.query.status ? { status: request.query.status } : {}),
        limit: request.query.limit ?? 100,
      }),
    }),
  );

  app.post(
    '/suggestions/:id/accept',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Accept a suggestion: its source is made, enabled, from what its preview found',
        description:
          'Idempotent: accepting it again answers with the same source. When a source with the same id exists ' +
          'already, the suggestion is linked to it and the source is left as it is (`created: false`).',
        params: SuggestionIdParams,
        response: {
          200: Type.Object({ suggestion: SuggestionSchema, source: AdminSourceSchema, created: Type.Boolean() }),
          ...errorResponses('ERR_NOT_FOUND'),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      const suggestion = storedSuggestion(app, request.params.id);
      const existing = suggestion.sourceId ? app.store.getSource(suggestion.sourceId) : undefined;
      if (suggestion.status === 'accepted' && existing) return { suggestion, source: existing, created: false };
      const source = await sourceFor(suggestion);
      const created = app.store.transaction(() => {
        const isNew = !app.store.getSource(source.id);
        if (isNew) app.store.upsertSource(source);
        app.store.decideSuggestion(suggestion.id, { status: 'accepted', sourceId: source.id });
        return isNew;
      });
      request.log.info({ suggestionId: suggestion.id, sourceId: source.id, created }, 'suggestion accepted');
      return {
        suggestion: storedSuggestion(app, suggestion.id),
        source: app.store.getSource(source.id) ?? source,
        created,
      };
    },
  );

  app.post(
    '/suggestions/:id/refuse',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Refuse a suggestion, saying why',
        description: 'A suggestion already accepted cannot be refused (409): change or disable its source instead.',
        params: SuggestionIdParams,
        body: RefuseSuggestionBodySchema,
        response: {
          200: Type.Object({ suggestion: SuggestionSchema }),
          ...errorResponses('ERR_NOT_FOUND', 'ERR_SUGGESTION_DECIDED'),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      const suggestion = storedSuggestion(app, request.params.id);
      if (suggestion.status === 'accepted') {
        throw apiError(
          'ERR_SUGGESTION_DECIDED',
          `suggestion ${suggestion.id} was accepted as source "${suggestion.sourceId}"; change or disable that source instead`,
        );
      }
      const reason = request.body.reason.trim();
      if (reason === '') throw errors.badParameter('reason', 'must say why');
      return { suggestion: app.store.decideSuggestion(suggestion.id, { status: 'refused', reason }) };
    },
  );
};
