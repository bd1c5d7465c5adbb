import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Where the API's documentation page is; the OpenAPI document is at `<prefix>/json`. */
export const DOCS_PREFIX = '/api/docs';

/**
 * Collects every route's schema into an OpenAPI 3 document and serves it with Swagger UI at `/api/docs`
 * (JSON at `/api/docs/json`). Register it before the routes it should describe.
 */
async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Fieldguide API',
        description:
          'Conferences, career fairs and association meetings by career field: where the hiring managers of a field go. ' +
          'Read endpoints are public (CORS open, rate-limited per IP); errors are `{ statusCode, code, message }`.',
        version: '1.0.0',
      },
      tags: [
        { name: 'search', description: 'event search with facets' },
        { name: 'events', description: 'one event' },
        { name: 'associations', description: 'professional associations' },
        { name: 'fields', description: 'the career field taxonomy' },
        { name: 'feeds', description: 'iCalendar, RSS, Atom and JSON Feed for a field, a search or one event' },
        { name: 'embed', description: 'the widget script and the iframe page for other sites' },
        { name: 'suggestions', description: 'suggest a source of events, no account needed' },
        { name: 'alerts', description: 'email alerts of a search, confirmed by a link, no account needed' },
        { name: 'admin', description: 'sources, crawls and suggested sources; needs the bearer token `ADMIN_TOKEN`' },
        { name: 'health', description: 'service state' },
        { name: 'app', description: "the web app's run-time settings" },
      ],
      components: {
        securitySchemes: { adminToken: { type: 'http', scheme: 'bearer', description: 'the `ADMIN_TOKEN` value' } },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: { docExpansion: 'list', deepLinking: true, defaultModelsExpandDepth: 0 },
  });
}

export const openapiPlugin = fp(openapi, { name: 'openapi', fastify: '5.x' });
