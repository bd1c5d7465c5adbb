import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  canonicalFeedQuery,
  type Event,
  eventIcsUrl,
  eventsIcsUrl,
  FEED_FORMATS,
  type FeedFormat,
  type FeedTarget,
  type FeedUrls,
  FeedUrlsSchema,
  feedUrls,
  getCluster,
  getPathway,
  isFeedFormat,
  MAX_EXPORT_EVENTS,
  type SearchQuery,
  SearchQuerySchema,
  webcalUrl,
} from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiError, errorResponses, errors, readErrorResponses } from '../../errors.js';
import { createValidators, isNotModified } from '../../feeds/conditional.js';
import type { FeedCache } from '../../feeds/feed-cache.js';
import { eventPageUrl, FEED_MAX_AGE_S, type FeedDocument, newestUpdate } from '../../feeds/feed-document.js';
import {
  associationFeedDescription,
  associationFeedTitle,
  type FeedEvents,
  fieldFeedDescription,
  fieldFeedTitle,
  loadFeedEvents,
  searchFeedDescription,
  searchFeedTitle,
} from '../../feeds/feed-query.js';
import { renderIcal } from '../../feeds/ical.js';
import { renderJsonFeed } from '../../feeds/json-feed.js';
import { feedOrigin } from '../../feeds/request-origin.js';
import { renderAtom, renderRss } from '../../feeds/syndication.js';
import { resolveEventQuery } from '../../search/resolve-query.js';
import { echoQuery } from '../../search/run-search.js';
import { EventIdsQuerySchema, isEntityId, parseEventIds } from '../entity-ids.js';

/** Content types of the feed formats. */
export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  ics: 'text/calendar; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const RENDER: Record<FeedFormat, (doc: FeedDocument) => string> = {
  ics: renderIcal,
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** An empty feed's `updated`: fixed, so its bytes (and ETag) do not change from one request to the next. */
const EMPTY_FEED_UPDATED = new Date(Date.UTC(2026, 0, 1));

const FileParams = Type.Object({ file: Type.String({ minLength: 1, maxLength: 200 }) });
const feedErrors = errorResponses('ERR_BAD_PARAMETER', 'ERR_NOT_FOUND', 'ERR_RATE_LIMITED', 'ERR_INDEX_UNAVAILABLE');
const FEED_NOTE =
  'Upcoming events only, soonest first, at most 200. ETag and Last-Modified; 304 on If-None-Match or ' +
  'If-Modified-Since. Item content is plain text (HTML-escaped where a format reads HTML).';

/** `name.ext` → its parts, when ext is a feed format. */
function splitFile(file: string): { name: string; format: FeedFormat } | undefined {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1);
  if (dot <= 0 || !isFeedFormat(format)) return undefined;
  return { name: file.slice(0, dot), format };
}

const unknownFormat = () =>
  apiError('ERR_NOT_FOUND', `feed not found: a feed ends in ${FEED_FORMATS.map((f) => `.${f}`).join(', ')}`);

function linkHeader(urls: FeedUrls): string {
  return (['ics', 'rss', 'atom', 'json'] as const)
    .map((f) => `<${urls[f]}>; rel="alternate"; type="${FEED_CONTENT_TYPES[f].split(';')[0]}"`)
    .join(', ');
}

/**
 * Feeds of upcoming events: `/feeds/fields/<cluster or pathway id>.<ext>`, `/feeds/associations/<id>.<ext>`,
 * `/feeds/search.<ext>?<the /api/search parameters>`, `/feeds/events/<id>.ics`; `<ext>` is ics, rss, atom or json. `GET /api/feeds` gives a field's or a
 * search's feed URLs.
 */
export const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const validators = createValidators();
  const cache: FeedCache = app.feedCache;

  /**
   * Serves a field's or a search's feed: its ETag comes from the store's data stamp, the target, the format and
   * the time bucket, so a matching If-None-Match is answered 304 before anything is searched or rendered, and a
   * rendered body is reused until the data changes or the bucket moves on.
   */
  async function sendCached(
    request: FastifyRequest,
    reply: FastifyReply,
    format: FeedFormat,
    feed: {
      /** What the feed follows: its links and the key of its cached renderings. */
      target: FeedTarget;
      cacheKey: string;
      /** The search whose upcoming events the feed lists. */
      filter: SearchQuery;
      /** Its title, description and the app page it mirrors (a path), from the query as the search read it. */
      describe: (query: FeedEvents['query']) => { title: string; description: string; homePath: string };
    },
  ) {
    const { origin, uidHost } = feedOrigin(request, reply, app.config);
    const urls = feedUrls(origin, feed.target);
    const { key, etag, now } = cache.keyOf({
      stamp: app.store.dataStamp(),
      format,
      target: feed.cacheKey,
      origin,
      uidHost,
    });
    reply
      .header('etag', etag)
      .header('cache-control', `public, max-age=${FEED_MAX_AGE_S}`)
      .header('link', linkHeader(urls));
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch !== undefined && isNotModified({ 'if-none-match': ifNoneMatch }, { etag, lastModified: '' })) {
      cache.stats.notModified += 1;
      return reply.code(304).send();
    }
    let rendered = cache.get(key);
    if (!rendered) {
      const { events, query } = await loadFeedEvents(app, feed.filter, now);
      const { title, description, homePath } = feed.describe(query);
      const doc: FeedDocument = {
        title,
        description,
        homeUrl: `${origin}${homePath}`,
        urls,
        origin,
        uidHost,
        events,
        updated: newestUpdate(events, EMPTY_FEED_UPDATED),
      };
      const body = RENDER[format](doc);
      rendered = { body, etag, lastModified: validators(body, doc.updated).lastModified };
      cache.set(key, rendered);
    }
    reply.header('last-modified', rendered.lastModified);
    if (isNotModified(request.headers, rendered)) {
      cache.stats.notModified += 1;
      return reply.code(304).send();
    }
    return reply.type(FEED_CONTENT_TYPES[format]).send(rendered.body);
  }

  function send(request: FastifyRequest, reply: FastifyReply, format: FeedFormat, doc: FeedDocument) {
    const body = RENDER[format](doc);
    const v = validators(body, doc.updated);
    reply
      .header('etag', v.etag)
      .header('last-modified', v.lastModified)
      .header('cache-control', `public, max-age=${FEED_MAX_AGE_S}`)
      .header('link', linkHeader(doc.urls));
    if (isNotModified(request.headers, v)) return reply.code(304).send();
    return reply.type(FEED_CONTENT_TYPES[format]).send(body);
  }

  function sendFieldFeed(request: FastifyRequest, reply: FastifyReply, fieldId: string, format: FeedFormat) {
    return sendCached(request, reply, format, {
      target: { kind: 'field', id: fieldId },
      cacheKey: `fields/${fieldId}`,
      filter: { field: fieldId },
      describe: () => ({
        title: fieldFeedTitle(fieldId),
        description: fieldFeedDescription(fieldId),
        homePath: `/fields/${fieldId}`,
      }),
    });
  }

  app.get(
    '/feeds/associations/:file',
    {
      schema: {
        tags: ['feeds'],
        summary: "Feed of an association's events, e.g. /feeds/associations/american-nurses-association.ics",
        description: FEED_NOTE,
        params: FileParams,
        response: feedErrors,
      },
    },
    async (request, reply) => {
      const file = splitFile(request.params.file);
      if (!file) throw unknownFormat();
      const association = isEntityId(file.name) ? app.store.getAssociation(file.name) : undefined;
      if (!association) throw errors.notFound('association');
      return sendCached(request, reply, file.format, {
        target: { kind: 'association', id: association.id },
        cacheKey: `associations/${association.id}`,
        filter: { association: association.id },
        describe: () => ({
          title: associationFeedTitle(association.name),
          description: associationFeedDescription(association.name),
          homePath: `/associations/${encodeURIComponent(association.id)}`,
        }),
      });
    },
  );

  const PathwayParams = Type.Object({ cluster: Type.String({ maxLength: 100 }), file: FileParams.properties.file });

  app.get(
    '/feeds/fields/:file',
    {
      schema: {
        tags: ['feeds'],
        summary: 'Feed of a career cluster, e.g. /feeds/fields/information-technology.ics',
        description: FEED_NOTE,
        params: FileParams,
        response: feedErrors,
      },
    },
    async (request, reply) => {
      const file = splitFile(request.params.file);
      if (!file) throw unknownFormat();
      if (!getCluster(file.name)) throw errors.notFound('field');
      return sendFieldFeed(request, reply, file.name, file.format);
    },
  );

  app.get(
    '/feeds/fields/:cluster/:file',
    {
      schema: {
        tags: ['feeds'],
        summary: 'Feed of a pathway, e.g. /feeds/fields/health-science/therapeutic-services.rss',
        description: FEED_NOTE,
        params: PathwayParams,
        response: feedErrors,
      },
    },
    async (request, reply) => {
      const file = splitFile(request.params.file);
      if (!file) throw unknownFormat();
      const id = `${request.params.cluster}/${file.name}`;
      if (!getPathway(id)) throw errors.notFound('field');
      return sendFieldFeed(request, reply, id, file.format);
    },
  );

  for (const format of FEED_FORMATS) {
    app.get(
      `/feeds/search.${format}`,
      {
        schema: {
          tags: ['feeds'],
          summary: `Feed of a search (${format})`,
          description: `${FEED_NOTE} Takes the parameters of /api/search; page, limit and sort are ignored.`,
          querystring: SearchQuerySchema,
          response: feedErrors,
        },
      },
      async (request, reply) => {
        const queryString = canonicalFeedQuery(new URLSearchParams(request.url.split('?')[1] ?? ''));
        return sendCached(request, reply, format, {
          target: { kind: 'search', queryString },
          cacheKey: `search?${queryString}`,
          filter: request.query,
          describe: (query) => ({
            title: searchFeedTitle(query),
            description: searchFeedDescription(query),
            homePath: `/${queryString ? `?${queryString}` : ''}`,
          }),
        });
      },
    );
  }

  app.get(
    '/feeds/events/:file',
    {
      schema: {
        tags: ['feeds'],
        summary: 'One event as an .ics file, for "add to calendar"',
        description: 'Any stored event, past or upcoming: `/feeds/events/<id>.ics`.',
        params: FileParams,
        response: errorResponses('ERR_NOT_FOUND', 'ERR_RATE_LIMITED'),
      },
    },
    async (request, reply) => {
      const file = splitFile(request.params.file);
      if (file?.format !== 'ics') throw apiError('ERR_NOT_FOUND', 'feed not found: an event feed ends in .ics');
      const event: Event | undefined = isEntityId(file.name) ? app.store.getEvent(file.name) : undefined;
      if (!event) throw errors.notFound('event');
      const { origin, uidHost } = feedOrigin(request, reply, app.config);
      const ics = eventIcsUrl(origin, event.id);
      const page = eventPageUrl(origin, event.id);
      reply.header('content-disposition', `attachment; filename="${event.id}.ics"`);
      return send(request, reply, 'ics', {
        title: `Fieldguide — ${event.title}`,
        description: `${event.title}, from Fieldguide.`,
        homeUrl: page,
        urls: { ics, webcal: webcalUrl(ics), rss: page, atom: page, json: page },
        origin,
        uidHost,
        events: [event],
        updated: new Date(event.updatedAt),
      });
    },
  );

  app.get(
    '/api/events.ics',
    {
      schema: {
        tags: ['feeds'],
        summary: 'Chosen events as one .ics file, e.g. a saved list',
        description:
          `\`ids\`: event ids separated by commas, at most ${MAX_EXPORT_EVENTS}, past events too. ` +
          'Ids of events no longer stored are left out; the events come soonest first.',
        querystring: EventIdsQuerySchema,
        response: errorResponses('ERR_BAD_PARAMETER', 'ERR_RATE_LIMITED'),
      },
    },
    async (request, reply) => {
      const ids = parseEventIds(request.query.ids);
      const events = app.store.getEvents(ids).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
      const { origin, uidHost } = feedOrigin(request, reply, app.config);
      const ics = eventsIcsUrl(origin, ids);
      const home = `${origin}/saved`;
      reply.header('content-disposition', 'attachment; filename="fieldguide-saved-events.ics"');
      return send(request, reply, 'ics', {
        title: 'Fieldguide — saved events',
        description: 'Events saved on Fieldguide.',
        homeUrl: home,
        urls: { ics, webcal: webcalUrl(ics), rss: home, atom: home, json: home },
        origin,
        uidHost,
        events,
        updated: newestUpdate(events, EMPTY_FEED_UPDATED),
      });
    },
  );

  app.get(
    '/api/feeds',
    {
      schema: {
        tags: ['feeds'],
        summary: 'The feed URLs of a field or a search',
        description:
          'Takes the parameters of /api/search. One `field` alone gives that field’s feeds ' +
          '(`/feeds/fields/<id>.<ext>`), one known `association` alone its feeds (`/feeds/associations/<id>.<ext>`); ' +
          'anything else, the search’s (`/feeds/search.<ext>?…`, page, limit and sort dropped).',
        querystring: SearchQuerySchema,
        response: { 200: FeedUrlsSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const now = new Date();
      const resolved = await resolveEventQuery(request.query, now, { unknownPlace: 'reject' });
      const { query } = resolved;
      const { origin } = feedOrigin(request, reply, app.config);
      const queryString = canonicalFeedQuery(new URLSearchParams(request.url.split('?')[1] ?? ''));
      const onlyField = [...new URLSearchParams(queryString).keys()].every((k) => k === 'field');
      const ids = [...query.fields, ...query.pathways];
      const single = onlyField && ids.length === 1 && !Array.isArray(request.query.field) ? ids[0] : undefined;
      const onlyAssociation =
        queryString !== '' && [...new URLSearchParams(queryString).keys()].every((k) => k === 'association');
      const association =
        onlyAssociation && query.associationId ? app.store.getAssociation(query.associationId) : undefined;
      reply.header('cache-control', 'public, max-age=300');
      if (association) {
        return {
          title: associationFeedTitle(association.name),
          ...feedUrls(origin, { kind: 'association', id: association.id }),
        };
      }
      const target: FeedTarget = single ? { kind: 'field', id: single } : { kind: 'search', queryString };
      const title = single ? fieldFeedTitle(single) : searchFeedTitle(echoQuery(resolved));
      return { title, ...feedUrls(origin, target) };
    },
  );
};
