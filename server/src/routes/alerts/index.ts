import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AlertSignupBodySchema, AlertSignupResponseSchema } from '@fieldguide/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { alreadyFollowingMail, confirmationMail } from '../../alerts/alert-mail.js';
import { alertSearchTitle, normalizeEmail, parseAlertSearch } from '../../alerts/alert-search.js';
import { ALERT_CONFIRM_HOURS, hashAlertToken, newAlertToken } from '../../alerts/alert-tokens.js';
import { mailFailure } from '../../alerts/mailer.js';
import { apiError, errorResponses } from '../../errors.js';
import { feedOrigin } from '../../feeds/request-origin.js';
import { resolveEventQuery } from '../../search/resolve-query.js';
import { echoQuery } from '../../search/run-search.js';

/** The window of `ALERTS_RATE_LIMIT_MAX` and of the per-address limit, in milliseconds. */
export const ALERTS_RATE_LIMIT_WINDOW_MS = 3_600_000;
/** Sign-ups one address may receive mail for per window, whoever sends them. */
export const ALERT_SIGNUPS_PER_ADDRESS = 3;

const SIGNED_UP =
  'Check your inbox: a mail with a confirmation link is on its way. The alert starts once you click it; ' +
  `the link works for ${ALERT_CONFIRM_HOURS} hours.`;

/** The per-address limit, counted on a hash of the address; nothing when the server runs no rate limiter. */
function addressLimit(app: FastifyInstance) {
  if (!app.hasDecorator('createRateLimit')) return async () => {};
  const limiter = app.createRateLimit({
    max: ALERT_SIGNUPS_PER_ADDRESS,
    timeWindow: ALERTS_RATE_LIMIT_WINDOW_MS,
    keyGenerator: (request) =>
      `alert-address:${hashAlertToken((request.body as { email: string }).email.trim().toLowerCase())}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const result = await limiter(request);
    if (result.isAllowed || !result.isExceeded) return;
    reply.header('retry-after', String(result.ttlInSeconds));
    throw apiError(
      'ERR_RATE_LIMITED',
      `too many sign-ups for this address; try again in ${Math.ceil(result.ttlInSeconds / 60)} minutes`,
    );
  };
}

/** `POST /alerts`: email me new events of this search, confirmed by a link in a mail first. */
export const alertRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limit = app.config.alertsRateLimitMax;
  const perAddress = addressLimit(app);
  app.post(
    '/alerts',
    {
      ...(limit > 0 ? { config: { rateLimit: { max: limit, timeWindow: ALERTS_RATE_LIMIT_WINDOW_MS } } } : {}),
      schema: {
        tags: ['alerts'],
        summary: 'Sign up for an email alert of a search',
        description:
          'No account needed. Saves a pending alert and mails a confirmation link (it works for 48 hours); nothing ' +
          'else is sent until it is clicked. The answer is the same whether or not the address already follows the ' +
          'search (an address that does gets a mail saying so). Limited to `ALERTS_RATE_LIMIT_MAX` sign-ups per ' +
          `client per hour and ${ALERT_SIGNUPS_PER_ADDRESS} per address per hour (429 with \`Retry-After\`). 503 ` +
          '`ERR_ALERTS_OFF` when the server sends no mail (no `SMTP_URL`).',
        body: AlertSignupBodySchema,
        response: {
          202: AlertSignupResponseSchema,
          ...errorResponses(
            'ERR_BAD_PARAMETER',
            'ERR_RATE_LIMITED',
            'ERR_ALERTS_OFF',
            'ERR_MAIL_UNAVAILABLE',
            'ERR_STORE_READONLY',
          ),
        },
      },
    },
    async (request, reply) => {
      const alerts = app.alerts;
      if (!alerts) throw apiError('ERR_ALERTS_OFF');
      if (!app.store.writable()) throw apiError('ERR_STORE_READONLY');
      const email = normalizeEmail(request.body.email);
      const { query, queryString } = parseAlertSearch(request.body.search);
      const now = alerts.now();
      const resolved = await resolveEventQuery(query, now, { unknownPlace: 'reject' });
      await perAddress(request, reply);
      const frequency = request.body.frequency ?? 'weekly';
      const { origin } = feedOrigin(request, reply, app.config);
      const confirmToken = newAlertToken();
      const saved = app.store.saveAlertSignup({
        email,
        search: queryString,
        frequency,
        origin,
        confirmHash: hashAlertToken(confirmToken),
        confirmExpiresMs: now.getTime() + ALERT_CONFIRM_HOURS * 3_600_000,
        unsubscribeToken: newAlertToken(),
      });
      const target = {
        to: email,
        origin,
        searchTitle: alertSearchTitle(echoQuery(resolved)),
        queryString,
        frequency,
        unsubscribeToken: saved.unsubscribeToken,
      };
      try {
        await alerts.mailer.send(
          saved.confirmed ? alreadyFollowingMail(target) : confirmationMail(target, confirmToken, ALERT_CONFIRM_HOURS),
        );
      } catch (error) {
        request.log.warn({ alertId: saved.id, ...mailFailure(error) }, 'could not send an alert mail');
        throw apiError('ERR_MAIL_UNAVAILABLE');
      }
      request.log.info({ alertId: saved.id }, 'alert signed up');
      return reply.code(202).send({ status: 'pending', message: SIGNED_UP });
    },
  );
};
