import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { feedOrigin } from '../../feeds/request-origin.js';
import type { AppShell, PageMeta } from '../../pages/app-shell.js';
import {
  associationPageMeta,
  eventPageMeta,
  fieldNames,
  fieldPageMeta,
  LISTING_PAGES,
  notFoundPageMeta,
} from '../../pages/page-meta.js';

/** What {@link pageRoutes} needs: the built app's HTML to put each page's tags into. */
export interface PageRoutesOptions {
  shell: AppShell;
}

/** How long browsers and shared caches may reuse a page's HTML, in seconds: as long as the API's answers. */
const PAGE_MAX_AGE_S = 60;

const HTML = 'text/html; charset=utf-8';

/**
 * The search page, the fields and associations directories, and the app's pages of one event, association or
 * field, served with their own title, description, canonical URL, OpenGraph and Twitter tags and schema.org
 * JSON-LD, so a shared link previews as the page and search engines read it without running the app; the app then
 * renders on top. An id nothing answers to is a 404 with the app's HTML (the app shows its not-found page).
 */
export const pageRoutes: FastifyPluginAsyncTypebox<PageRoutesOptions> = async (app, { shell }) => {
  const send = (reply: FastifyReply, status: number, meta: PageMeta) =>
    reply.code(status).type(HTML).header('cache-control', `public, max-age=${PAGE_MAX_AGE_S}`).send(shell.render(meta));
  const originOf = (request: FastifyRequest, reply: FastifyReply) => feedOrigin(request, reply, app.config).origin;
  const notFound = (request: FastifyRequest, reply: FastifyReply, what: string) =>
    send(reply, 404, notFoundPageMeta(what, originOf(request, reply)));

  for (const page of LISTING_PAGES) {
    app.get(page.path, { schema: { hide: true } }, async (request, reply) =>
      send(reply, 200, page.meta(originOf(request, reply))),
    );
  }

  app.get<{ Params: { id: string } }>('/events/:id', { schema: { hide: true } }, async (request, reply) => {
    const event = app.store.getEvent(request.params.id);
    if (!event) return notFound(request, reply, 'event');
    return send(reply, 200, eventPageMeta(event, originOf(request, reply)));
  });

  app.get<{ Params: { id: string } }>('/associations/:id', { schema: { hide: true } }, async (request, reply) => {
    const association = app.store.getAssociation(request.params.id);
    if (!association) return notFound(request, reply, 'association');
    return send(reply, 200, associationPageMeta(association, originOf(request, reply)));
  });

  const fieldPage = (request: FastifyRequest, reply: FastifyReply, id: string) => {
    const names = fieldNames(id);
    if (!names) return notFound(request, reply, 'field');
    return send(reply, 200, fieldPageMeta(id, names, originOf(request, reply)));
  };
  app.get<{ Params: { cluster: string } }>('/fields/:cluster', { schema: { hide: true } }, async (request, reply) =>
    fieldPage(request, reply, request.params.cluster),
  );
  app.get<{ Params: { cluster: string; pathway: string } }>(
    '/fields/:cluster/:pathway',
    { schema: { hide: true } },
    async (request, reply) => fieldPage(request, reply, `${request.params.cluster}/${request.params.pathway}`),
  );
};
