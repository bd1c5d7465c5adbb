import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { SourcePreviewResult } from '@fieldguide/crawlers';
import { resolveField, SuggestSourceBodySchema, SuggestSourceResponseSchema } from '@fieldguide/shared';
import type { FastifyInstance } from 'fastify';
import { discoveryFetcherOptions } from '../../crawls/discovery-fetcher.js';
import { apiError, errorResponses, errors } from '../../errors.js';

/** The pipeline, loaded on the first suggestion: the API process serves searches without its parsers. */
const pipeline = () => import('@fieldguide/crawlers');

/** The window of `SUGGEST_RATE_LIMIT_MAX`, in milliseconds. */
export const SUGGEST_RATE_LIMIT_WINDOW_MS = 3_600_000;
/** How long reading a suggested site may take in all, in milliseconds. */
const PREVIEW_DEADLINE_MS = 25_000;
/** Largest document read for a visitor's suggestion, in bytes (decoded). */
const PREVIEW_MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Suggested sites read at once, at most: each read is seconds of fetching and parsing, whoever sends them. */
export const MAX_READS_AT_ONCE = 4;
/** What a suggestion over {@link MAX_READS_AT_ONCE} is told to wait, in seconds. */
const BUSY_RETRY_AFTER_S = 30;

/** A suggested URL as a URL, or a 400 naming what is wrong with it. */
function suggestedUrl(text: string): URL {
  const url = /^https?:\/\//i.test(text.trim()) && URL.canParse(text.trim()) ? new URL(text.trim()) : undefined;
  if (!url) throw errors.badParameter('url', 'must be an http(s) URL, such as https://example.org/events');
  if (url.username || url.password) throw errors.badParameter('url', 'must not carry a user name or password');
  return url;
}

/** The field a visitor named, as a cluster id, or a 400. */
function fieldHint(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const ref = resolveField(text.trim());
  if (!ref) throw errors.badParameter('field', `names no career field: ${JSON.stringify(text.trim().slice(0, 100))}`);
  return ref.clusterId;
}

/**
 * What a source made of `url` would gather, read within the crawls' safety rules and a deadline; a 400 for a URL
 * on a private network or one of this server's ports (the visitor learns no more about it), a 422 when the page
 * cannot be read.
 */
async function readSuggestion(app: FastifyInstance, url: URL): Promise<SourcePreviewResult> {
  const { createFetcher, previewSource, FetchErrorCode, NonRetryableError, RetryableError } = await pipeline();
  const fetcher = createFetcher(discoveryFetcherOptions(app, { maxBodyBytes: PREVIEW_MAX_BODY_BYTES }));
  try {
    return await previewSource(url.href, { fetcher, signal: AbortSignal.timeout(PREVIEW_DEADLINE_MS) });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (
      error instanceof NonRetryableError &&
      (code === FetchErrorCode.PRIVATE_ADDRESS || code === FetchErrorCode.OWN_PORT)
    ) {
      throw apiError(
        'ERR_URL_REFUSED',
        `${url.host} is not a public web address: only pages on the public internet can be suggested`,
      );
    }
    if (error instanceof NonRetryableError || error instanceof RetryableError) {
      throw apiError('ERR_DISCOVERY_FAILED', `could not read ${url.href}: ${error.message}`);
    }
    throw error;
  } finally {
    await fetcher.close();
  }
}

/** `POST /suggestions`: anyone may suggest a source; it is read at once and waits in the admin queue. */
export const sourceSuggestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = app.config.suggestRateLimitMax;
  let reading = 0;
  app.post(
    '/suggestions',
    {
      ...(limit > 0 ? { config: { rateLimit: { max: limit, timeWindow: SUGGEST_RATE_LIMIT_WINDOW_MS } } } : {}),
      schema: {
        tags: ['suggestions'],
        summary: 'Suggest a source of events',
        description:
          'No account needed. The URL is read at once, within the crawler’s rules (public addresses only, ' +
          'robots.txt, time and size limits), and the answer shows what a source made of it would gather: the ' +
          'kind of source, the calendars and feeds found, the association it looks like and the soonest events, ' +
          'or why none was found. The suggestion then waits for an editor; the same URL suggested again is ' +
          'counted on the same suggestion (200 instead of 201). Who suggested it is not recorded. Limited to ' +
          '`SUGGEST_RATE_LIMIT_MAX` requests per client per hour, and a few sites read at once (429 with ' +
          '`Retry-After` beyond).',
        body: SuggestSourceBodySchema,
        response: {
          200: SuggestSourceResponseSchema,
          201: SuggestSourceResponseSchema,
          ...errorResponses(
            'ERR_BAD_PARAMETER',
            'ERR_URL_REFUSED',
            'ERR_DISCOVERY_FAILED',
            'ERR_RATE_LIMITED',
            'ERR_STORE_READONLY',
          ),
        },
      },
    },
    async (request, reply) => {
      if (!app.store.writable()) throw apiError('ERR_STORE_READONLY');
      const url = suggestedUrl(request.body.url);
      const field = fieldHint(request.body.field);
      const note = request.body.note?.trim();
      const { canonicalUrl } = await pipeline();
      if (reading >= MAX_READS_AT_ONCE) {
        reply.header('retry-after', String(BUSY_RETRY_AFTER_S));
        throw apiError(
          'ERR_RATE_LIMITED',
          `${MAX_READS_AT_ONCE} suggested sites are being read right now; try again in ${BUSY_RETRY_AFTER_S} seconds`,
        );
      }
      reading += 1;
      const { preview } = await readSuggestion(app, url).finally(() => {
        reading -= 1;
      });
      const { suggestion, duplicate } = app.store.recordSuggestion({
        url: url.href,
        normalizedUrl: canonicalUrl(url.href) ?? url.href,
        ...(note ? { note } : {}),
        ...(field ? { field } : {}),
        preview,
      });
      request.log.info({ suggestionId: suggestion.id, url: url.href, duplicate }, 'source suggested');
      return reply.code(duplicate ? 200 : 201).send({
        id: suggestion.id,
        status: suggestion.status,
        count: suggestion.count,
        duplicate,
        preview,
      });
    },
  );
};
