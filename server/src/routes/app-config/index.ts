import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppConfigResponseSchema } from '@fieldguide/shared';
import { Type } from '@sinclair/typebox';
import type { MapTiles } from '../../map-tiles.js';

export interface AppConfigRoutesOptions {
  mapTiles?: Readonly<MapTiles> | undefined;
  /** Whether the server sends email alerts (`SMTP_URL` set). */
  emailAlerts?: boolean;
}

/** How long browsers may reuse the app's settings, in seconds. */
const CONFIG_MAX_AGE_S = 300;

/** `GET /config`: the deployment's settings the web app reads at run time (the map's tiles, email alerts). */
export const appConfigRoutes: FastifyPluginAsyncTypebox<AppConfigRoutesOptions> = async (app, options) => {
  const { mapTiles } = options;
  const body = {
    map: { tiles: mapTiles ? { url: mapTiles.url, attribution: mapTiles.attribution } : null },
    alerts: { email: options.emailAlerts === true },
  };
  app.get(
    '/config',
    {
      schema: {
        tags: ['app'],
        summary: "The web app's run-time settings",
        description:
          'The raster tiles the map draws (`MAP_TILE_URL`, `MAP_TILE_ATTRIBUTION`), or null; whether the server ' +
          'sends email alerts (`SMTP_URL`).',
        querystring: Type.Object({}, { additionalProperties: false }),
        response: { 200: AppConfigResponseSchema },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${CONFIG_MAX_AGE_S}`);
      return body;
    },
  );
};
