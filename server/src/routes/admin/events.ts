import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type NotCareerEvent, NotCareerEventsResponseSchema } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import { adminErrorResponses } from './schemas.js';

/** Said of an event whose classification gave no reason (an older classifier): the flag alone. */
const NO_REASON = 'Classified as having no professional purpose';

/** `/events/not-career`: the events kept in the store but left out of listings, each with the classifier's reason. */
export const adminEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events/not-career',
    {
      schema: {
        tags: ['admin'],
        security: [{ adminToken: [] }],
        summary: 'Events left out of listings as not career-relevant, with the reason',
        description:
          'Hobby, leisure and family events stay in the store; the public search, feeds and embeds leave them out. ' +
          'Soonest first; past ones too unless `upcoming=true`.',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
            upcoming: Type.Optional(Type.Boolean({ default: false })),
          },
          { additionalProperties: false },
        ),
        response: { 200: NotCareerEventsResponseSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      const now = Date.now();
      const found: NotCareerEvent[] = [];
      for (const event of app.store.iterateEvents()) {
        if (event.careerRelevant !== false) continue;
        if (request.query.upcoming && Date.parse(event.end ?? event.start) < now) continue;
        found.push({
          id: event.id,
          title: event.title,
          url: event.url,
          start: event.start,
          type: event.type,
          reason: event.relevanceReason ?? NO_REASON,
        });
      }
      found.sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
      return { total: found.length, events: found.slice(0, request.query.limit ?? 100) };
    },
  );
};
