import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ApiErrorSchema, isKnownTimeZone } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ApiError, apiError, errorResponses, errors, sendError, toApiError } from '../../errors.js';
import { runEventSearch } from '../../search/run-search.js';
import { type EmbedQuery, EmbedQuerySchema, toSearchPageQuery, toSearchQuery } from './embed-query.js';
import { PAGE_SCRIPT_HASH, PAGE_STYLE_HASH, renderErrorPage, renderEventsPage } from './events-page.js';
import { widgetBundles } from './widget-bundle.js';

export interface EmbedRoutesOptions {
  /** The widget's build output: `manifest.json` and `embed.<hash>.js`. */
  widgetRoot: string;
}

/** How long browsers may reuse `/embed.js` before asking again, in seconds: a new widget reaches pages this fast. */
export const LOADER_MAX_AGE_S = 300;
/** How long an iframe's page of events may be reused, in seconds. */
export const EVENTS_PAGE_MAX_AGE_S = 300;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The widget is loaded by `<script src>` from any site: CORP must not be `same-origin`, and CSP means nothing here. */
const scriptHelmet = {
  contentSecurityPolicy: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
} as const;

/** The iframe page may be framed anywhere (no X-Frame-Options), and runs nothing but its own hashed style and script. */
const framedHelmet = {
  frameguard: false,
  crossOriginResourcePolicy: { policy: 'cross-origin' },
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: [PAGE_STYLE_HASH],
      scriptSrc: [PAGE_SCRIPT_HASH],
      imgSrc: ["'self'", 'data:'],
      frameAncestors: ['*'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
} as const;

const JS = 'text/javascript; charset=utf-8';
const JsSchema = Type.Unsafe<Buffer>({ type: 'string', description: 'JavaScript' });
const HTML = 'text/html; charset=utf-8';

const BAD_QUERY_HINT =
  'Check the iframe’s src: field, q, near, radius, type, format, hiring (0–1), limit (1–50), theme (light or dark) ' +
  'tz (an IANA time zone such as America/Chicago) and height (auto) are accepted.';

/** True when the client asked for JSON rather than a page (an API client, not a frame). */
const wantsJson = (request: FastifyRequest) => {
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
};

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: ApiError, theme: EmbedQuery['theme']) {
  reply.code(error.statusCode).header('cache-control', error.statusCode === 400 ? 'public, max-age=60' : 'no-store');
  if (wantsJson(request)) return sendError(reply, error);
  const hint = error.statusCode === 400 ? BAD_QUERY_HINT : 'Please try again in a few minutes.';
  return reply.type(HTML).send(renderErrorPage(theme ?? 'light', error.message, hint));
}

/**
 * Embeds for career centers' sites: `GET /embed.js` (the widget, short cache), `GET /embed/<hash>.js` (a versioned
 * widget, cached for a year), and `GET /embed/events` (a server-rendered page of events for an iframe, no script).
 */
export const embedRoutes: FastifyPluginAsyncTypebox<EmbedRoutesOptions> = async (app, opts) => {
  const bundles = widgetBundles(opts.widgetRoot);

  app.get(
    '/embed.js',
    {
      config: { securityHeaders: scriptHelmet },
      schema: {
        tags: ['embed'],
        summary: 'The embeddable widget',
        description:
          'The current widget bundle (renders `<script data-field=…>` tags and `<fieldguide-events>` elements). ' +
          `Cached for ${LOADER_MAX_AGE_S} s; pin \`/embed/<hash>.js\` for an immutable copy.`,
        response: {
          200: JsSchema,
          304: Type.Unsafe<undefined>({ description: 'not modified (If-None-Match)' }),
          ...errorResponses('ERR_WIDGET_NOT_BUILT'),
        },
      },
    },
    async (request, reply) => {
      const bundle = await bundles.current();
      if (!bundle) throw apiError('ERR_WIDGET_NOT_BUILT');
      const etag = `"${bundle.hash}"`;
      reply
        .header('cache-control', `public, max-age=${LOADER_MAX_AGE_S}`)
        .header('etag', etag)
        .header('x-fieldguide-embed', `/embed/${bundle.hash}.js ${bundle.integrity}`);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send(undefined);
      return reply.type(JS).send(bundle.code);
    },
  );

  app.get(
    '/embed/:file',
    {
      config: { securityHeaders: scriptHelmet },
      schema: {
        tags: ['embed'],
        summary: 'A versioned widget bundle',
        description: 'The widget bundle of one build, `<hash>.js`; never changes, so it may be cached for a year.',
        params: Type.Object({ file: Type.String({ maxLength: 64 }) }),
        response: { 200: JsSchema, 404: ApiErrorSchema },
      },
    },
    async (request, reply) => {
      const hash = /^(.+)\.js$/.exec(request.params.file)?.[1];
      const code = hash === undefined ? undefined : await bundles.byHash(hash);
      if (!code) throw errors.notFound('widget bundle');
      return reply.header('cache-control', IMMUTABLE).type(JS).send(code);
    },
  );

  app.get(
    '/embed/events',
    {
      config: { securityHeaders: framedHelmet },
      attachValidation: true,
      schema: {
        tags: ['embed'],
        summary: 'Events as a page for an iframe',
        description:
          'Upcoming events, soonest first, as a self-contained HTML page that works without JavaScript and may be ' +
          'framed by any site. Parameters mean what they mean for `/api/search`; `theme` is `light` or `dark`; `tz` ' +
          '(an IANA zone) is the zone online events are shown in, else their own. With `height=auto` the page reports ' +
          'its height to a parent running `/embed.js` (shared `frame-protocol`), which sizes the frame to fit. A bad ' +
          'parameter answers 400 with a page (or JSON when only JSON is accepted) naming it.',
        querystring: EmbedQuerySchema,
      },
    },
    async (request, reply) => {
      const theme = request.query?.theme === 'dark' ? 'dark' : 'light';
      if (request.validationError) return sendProblem(request, reply, toApiError(request.validationError), theme);
      const { tz } = request.query;
      if (tz !== undefined && !isKnownTimeZone(tz)) {
        const problem = apiError('ERR_BAD_PARAMETER', `tz ${JSON.stringify(tz)} is not a known time zone`);
        return sendProblem(request, reply, problem, theme);
      }
      try {
        const result = await runEventSearch(app, toSearchQuery(request.query), {
          facets: false,
          highlight: false,
          // A career center's page shows no notice: a place that names nothing is an error it must see, not all events.
          unknownPlace: 'reject',
        });
        const options = {
          autoHeight: request.query.height === 'auto',
          ...(tz === undefined ? {} : { viewerTimeZone: tz }),
        };
        return reply
          .header('cache-control', `public, max-age=${EVENTS_PAGE_MAX_AGE_S}`)
          .type(HTML)
          .send(renderEventsPage(result.hits, theme, toSearchPageQuery(request.query), options));
      } catch (error) {
        // A bad parameter and search being down get the page's own answer; anything else the app's error handler.
        const problem = toApiError(error);
        if (problem.code === 'ERR_INTERNAL') throw error;
        return sendProblem(request, reply, problem, theme);
      }
    },
  );
};
