import { type Static, Type } from '@sinclair/typebox';

/** How often an email alert sends its digest: `weekly` (the default) or `daily`. */
export const ALERT_FREQUENCIES = ['weekly', 'daily'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** The longest search (query string) an alert follows, in characters. */
export const MAX_ALERT_SEARCH_LENGTH = 2000;
/** The longest email address an alert accepts (RFC 5321's path limit). */
export const MAX_ALERT_EMAIL_LENGTH = 254;

/** `POST /api/alerts`: email me new events of this search. */
export const AlertSignupBodySchema = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: MAX_ALERT_EMAIL_LENGTH, description: 'where the digests go' }),
    search: Type.String({
      maxLength: MAX_ALERT_SEARCH_LENGTH,
      description: 'the search as `/api/search` query parameters (`field=health-science&near=Chicago`), no `?`',
    }),
    frequency: Type.Optional(
      Type.Union(
        ALERT_FREQUENCIES.map((f) => Type.Literal(f)),
        { description: 'weekly (default) or daily', default: 'weekly' },
      ),
    ),
  },
  { additionalProperties: false, title: 'AlertSignup' },
);
export type AlertSignupBody = Static<typeof AlertSignupBodySchema>;

/** The same answer whether or not the address already follows the search: nothing is told about other sign-ups. */
export const AlertSignupResponseSchema = Type.Object(
  {
    status: Type.Literal('pending'),
    message: Type.String({ description: 'what happens next, to show the visitor' }),
  },
  { title: 'AlertSignupAnswer' },
);
export type AlertSignupResponse = Static<typeof AlertSignupResponseSchema>;

const DAY_MS = 86_400_000;

/** The time between two digests of an alert, in milliseconds. */
export const alertPeriodMs = (frequency: AlertFrequency): number => (frequency === 'daily' ? DAY_MS : 7 * DAY_MS);
