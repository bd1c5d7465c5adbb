import { type AlertFrequency, type Event, formatEventPlace } from '@fieldguide/shared';
import { eventWhen } from '../feeds/event-text.js';
import { eventPageUrl } from '../feeds/feed-document.js';
import { escapeHtml, oneLine } from '../feeds/text.js';
import { alertSearchPageUrl, confirmAlertUrl, unsubscribeAlertUrl } from './alert-links.js';
import type { AlertMail } from './mailer.js';

/** Who a mail goes to, what it follows, and where its links point. */
export interface AlertMailTarget {
  to: string;
  origin: string;
  /** The search as words ("Health Science events near Chicago, IL, US"). */
  searchTitle: string;
  queryString: string;
  frequency: AlertFrequency;
  unsubscribeToken: string;
}

/** RFC 8058 one-click unsubscribe: the URL in List-Unsubscribe takes a POST without a page. */
function unsubscribeHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/** A plain HTML body: no images, no tracking, links as they are. */
function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1a1a1a; max-width: 40rem">
${body}
</body></html>
`;
}

/** The mail that asks the address to confirm an alert; nothing else is sent until it is confirmed. */
export function confirmationMail(target: AlertMailTarget, confirmToken: string, expiresInHours: number): AlertMail {
  const confirmUrl = confirmAlertUrl(target.origin, confirmToken);
  const unsubscribeUrl = unsubscribeAlertUrl(target.origin, target.unsubscribeToken);
  const subject = `Confirm your Fieldguide alert: ${target.searchTitle}`;
  const text = [
    `Someone (hopefully you) asked Fieldguide to email this address ${target.frequency === 'daily' ? 'daily' : 'weekly'} with new events for:`,
    '',
    `  ${target.searchTitle}`,
    `  ${alertSearchPageUrl(target.origin, target.queryString)}`,
    '',
    `Confirm within ${expiresInHours} hours to start the alert:`,
    confirmUrl,
    '',
    'If you did not ask for this, ignore this mail: nothing will be sent, and the address is deleted when the link expires.',
  ].join('\n');
  const html = htmlPage(
    subject,
    `<p>Someone (hopefully you) asked Fieldguide to email this address ${target.frequency} with new events for:</p>
<p><strong>${link(alertSearchPageUrl(target.origin, target.queryString), target.searchTitle)}</strong></p>
<p>Confirm within ${expiresInHours} hours to start the alert: ${link(confirmUrl, 'Confirm the alert')}</p>
<p>If you did not ask for this, ignore this mail: nothing will be sent, and the address is deleted when the link expires.</p>`,
  );
  return { to: target.to, subject, text, html, headers: unsubscribeHeaders(unsubscribeUrl) };
}

/** An event as one line of facts: when, then where. */
const eventFacts = (event: Event): string => [eventWhen(event), formatEventPlace(event)].filter(Boolean).join(' · ');

/** The digest of an alert: each new event with its title, date, place and Fieldguide page. */
export function digestMail(target: AlertMailTarget, events: readonly Event[]): AlertMail {
  const unsubscribeUrl = unsubscribeAlertUrl(target.origin, target.unsubscribeToken);
  const count = events.length === 1 ? '1 new event' : `${events.length} new events`;
  const subject = `${count}: ${target.searchTitle}`;
  const searchUrl = alertSearchPageUrl(target.origin, target.queryString);
  const text = [
    `${count} on Fieldguide for ${target.searchTitle}:`,
    '',
    ...events.flatMap((event) => [
      oneLine(event.title),
      `  ${eventFacts(event)}`,
      `  ${eventPageUrl(target.origin, event.id)}`,
      '',
    ]),
    `All events of this search: ${searchUrl}`,
    '',
    `You get this ${target.frequency} because you confirmed a Fieldguide alert. Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  const items = events
    .map(
      (event) =>
        `<li style="margin-bottom: 1em"><strong>${link(eventPageUrl(target.origin, event.id), oneLine(event.title))}</strong><br>${escapeHtml(eventFacts(event))}</li>`,
    )
    .join('\n');
  const html = htmlPage(
    subject,
    `<p>${escapeHtml(count)} on Fieldguide for <strong>${escapeHtml(target.searchTitle)}</strong>:</p>
<ul style="padding-left: 1.2em">
${items}
</ul>
<p>${link(searchUrl, 'All events of this search')}</p>
<p style="color: #555">You get this ${target.frequency} because you confirmed a Fieldguide alert. ${link(unsubscribeUrl, 'Unsubscribe')}</p>`,
  );
  return { to: target.to, subject, text, html, headers: unsubscribeHeaders(unsubscribeUrl) };
}

/**
 * The mail a sign-up for an alert the address already follows gets instead of a confirmation: the answer to the
 * sign-up is the same either way, and so is what the address receives next.
 */
export function alreadyFollowingMail(target: AlertMailTarget): AlertMail {
  const unsubscribeUrl = unsubscribeAlertUrl(target.origin, target.unsubscribeToken);
  const searchUrl = alertSearchPageUrl(target.origin, target.queryString);
  const subject = `You already follow: ${target.searchTitle}`;
  const text = [
    `Someone (hopefully you) asked Fieldguide to email this address new events for ${target.searchTitle}.`,
    `This address already gets a ${target.frequency} digest of that search, so nothing changes.`,
    '',
    `The search: ${searchUrl}`,
    `Unsubscribe: ${unsubscribeUrl}`,
  ].join('\n');
  const html = htmlPage(
    subject,
    `<p>Someone (hopefully you) asked Fieldguide to email this address new events for
<strong>${link(searchUrl, target.searchTitle)}</strong>.</p>
<p>This address already gets a ${target.frequency} digest of that search, so nothing changes.</p>
<p>${link(unsubscribeUrl, 'Unsubscribe')}</p>`,
  );
  return { to: target.to, subject, text, html, headers: unsubscribeHeaders(unsubscribeUrl) };
}
