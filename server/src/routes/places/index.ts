import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PlacesQuerySchema, PlacesResponseSchema } from '@fieldguide/shared';
import { readErrorResponses } from '../../errors.js';
import { suggestPlaces } from '../../geo/gazetteer.js';
import { readPlace, toPlaceOption } from '../../geo/read-place.js';

/** How long browsers and CDNs may reuse an answer, in seconds: the gazetteer changes only with a release. */
const PLACES_MAX_AGE_S = 3600;

/** `GET /places?q=`: type-ahead over the offline gazetteer, and how the text reads as a place for `near`. */
export const placeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/places',
    {
      schema: {
        tags: ['search'],
        summary: 'Places for `near`',
        description:
          'Cities whose names start with what was typed (most populous first; a misspelt name gives its ' +
          'correction), and `resolution`: how `near=<q>` would be read by /api/search (exact, corrected, postal ' +
          'code, or not found; an ambiguous name lists its alternatives). US ZIP codes and Canadian FSAs resolve; ' +
          'UK postcodes are recognised but not covered.',
        querystring: PlacesQuerySchema,
        response: { 200: PlacesResponseSchema, ...readErrorResponses },
      },
    },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const limit = request.query.limit ?? 6;
      if (q === '') return { q, places: [] };
      const reading = await readPlace(q);
      const places =
        reading.resolution.kind === 'postal-code' && reading.place
          ? [toPlaceOption(reading.place)]
          : suggestPlaces(q, limit).map(toPlaceOption);
      reply.header('cache-control', `public, max-age=${PLACES_MAX_AGE_S}`);
      return { q, places, resolution: reading.resolution };
    },
  );
};
