import { type Static, Type } from '@sinclair/typebox';
import { Nullable } from './nullable.js';

/** `GET /api/config`: what the deployment tells the web app at run time. */
export const AppConfigResponseSchema = Type.Object(
  {
    map: Type.Object({
      /** Raster tiles drawn over the bundled basemap; null: the bundled basemap only. */
      tiles: Nullable(
        Type.Object({
          url: Type.String({ description: 'tile URL template: {z}, {x}, {y}, optionally {s} and {r}' }),
          attribution: Type.String({ description: 'plain text the map credits the tiles with' }),
        }),
      ),
    }),
    alerts: Type.Object({
      /** Whether this server sends email alerts (`SMTP_URL` set): the app offers "Email me new events" only then. */
      email: Type.Boolean(),
    }),
  },
  { title: 'AppConfig' },
);
export type AppConfigResponse = Static<typeof AppConfigResponseSchema>;
