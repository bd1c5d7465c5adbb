import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { alertSearchPageUrl } from '../../alerts/alert-links.js';
import { type AlertPageContent, renderAlertPage } from '../../alerts/alert-pages.js';
import { describeAlertSearch } from '../../alerts/alert-search.js';
import { ALERT_CONFIRM_HOURS, ALERT_TOKEN_PATTERN, hashAlertToken } from '../../alerts/alert-tokens.js';
import { escapeHtml } from '../../feeds/text.js';

const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 200 })) });
const TOKEN = new RegExp(ALERT_TOKEN_PATTERN);
/** What a one-click unsubscribe (RFC 8058) or a page's form posts: read, never used; the token is in the URL. */
const FORM_BODY_LIMIT = 4096;

const page = (reply: FastifyReply, status: number, content: AlertPageContent) =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(renderAlertPage(content));

const badLink = (reply: FastifyReply) =>
  page(reply, 404, {
    title: 'This link does not work',
    paragraphs: [
      'It may have been cut short by your mail program, or the alert it was for no longer exists. Copy the whole ' +
        'link from the mail, or <a href="/">sign up again from a search</a>.',
    ],
  });

/** A link to the alert's search in the app, named by the search's words. */
async function searchLink(search: string, now: Date): Promise<string> {
  const title = await describeAlertSearch(search, now);
  return `<a href="${escapeHtml(alertSearchPageUrl('', search))}">${escapeHtml(title)}</a>`;
}

/**
 * The pages behind the links of alert mails. Confirming takes a click on the page (a POST): mail scanners that open
 * every link of a mail would otherwise confirm alerts nobody asked for. Unsubscribing: the page's button, or a
 * one-click POST from the mail program (`List-Unsubscribe-Post`), answered without asking anything.
 */
export const alertPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data'],
    { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );
  const schema = { hide: true, querystring: TokenQuery };
  const clock = () => app.alerts?.now() ?? new Date();

  app.get('/alerts/confirm', { schema }, async (request, reply) => {
    const token = request.query.token ?? '';
    const alert = TOKEN.test(token) ? app.store.findAlertByConfirmHash(hashAlertToken(token)) : undefined;
    if (!alert) return badLink(reply);
    const link = await searchLink(alert.search, clock());
    return page(reply, 200, {
      title: 'Confirm your email alert',
      paragraphs: [
        `One more click: confirm that this address should get a ${alert.frequency} email with the new events of ${link}.`,
      ],
      form: { action: `/alerts/confirm?token=${encodeURIComponent(token)}`, button: 'Confirm my alert' },
    });
  });

  app.post('/alerts/confirm', { schema }, async (request, reply) => {
    const token = request.query.token ?? '';
    const now = clock();
    const result = TOKEN.test(token) ? app.store.confirmAlert(hashAlertToken(token), now.getTime()) : undefined;
    if (result?.outcome === 'expired') {
      return page(reply, 410, {
        title: 'This confirmation link has expired',
        paragraphs: [
          `Confirmation links work for ${ALERT_CONFIRM_HOURS} hours; the sign-up and its address have been deleted. ` +
            '<a href="/">Sign up again from a search</a> to get a new link.',
        ],
      });
    }
    if (!result || !('alert' in result)) return badLink(reply);
    const { search, frequency } = result.alert;
    return page(reply, 200, {
      title: result.outcome === 'confirmed' ? 'Your alert is on' : 'Your alert was already on',
      paragraphs: [
        `You will get a ${frequency} email with the new events of ${await searchLink(search, now)}, only when ` +
          'there are some. Every email has a link to unsubscribe.',
      ],
    });
  });

  app.get('/alerts/unsubscribe', { schema }, async (request, reply) => {
    const token = request.query.token ?? '';
    const alert = TOKEN.test(token) ? app.store.findAlertByUnsubscribeToken(token) : undefined;
    if (!alert) {
      return page(reply, 200, {
        title: 'You are unsubscribed',
        paragraphs: ['This alert no longer exists: no more emails will be sent for it.'],
      });
    }
    return page(reply, 200, {
      title: 'Unsubscribe from this alert?',
      paragraphs: [
        `You get a ${alert.frequency} email with the new events of ${await searchLink(alert.search, clock())}. ` +
          'Unsubscribing stops it and deletes your address from Fieldguide.',
      ],
      form: { action: `/alerts/unsubscribe?token=${encodeURIComponent(token)}`, button: 'Unsubscribe' },
    });
  });

  app.post('/alerts/unsubscribe', { schema }, async (request, reply) => {
    const token = request.query.token ?? '';
    if (TOKEN.test(token) && app.store.unsubscribeAlert(token)) request.log.info('alert unsubscribed');
    return page(reply, 200, {
      title: 'You are unsubscribed',
      paragraphs: [
        'No more emails will be sent for this alert, and your address has been deleted. ' +
          '<a href="/">Back to Fieldguide</a>',
      ],
    });
  });
};
