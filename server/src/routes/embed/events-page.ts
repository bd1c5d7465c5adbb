import { createHash } from 'node:crypto';
import {
  EVENT_TYPE_LABELS,
  type EventHit,
  embedPaletteCss,
  FRAME_RESIZE_SCRIPT,
  formatEventCost,
  formatEventPlace,
  formatEventStatus,
  formatEventWhen,
  formatHiring,
  formatMoreDates,
} from '@fieldguide/shared';
import type { EmbedTheme } from './embed-query.js';
import { eventHref } from './format.js';
import { html, SafeHtml } from './html.js';

/**
 * The page's one style sheet, inline and fixed, so the CSP can allow exactly it by hash. Its colours are the embeds'
 * one palette, shared with the script-tag widget.
 */
const PAGE_CSS = `
*{box-sizing:border-box}
html{color-scheme:light}
body{${embedPaletteCss('light')};margin:0;padding:12px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--b);color:var(--t)}
body.dark{${embedPaletteCss('dark')};color-scheme:dark}
ul{list-style:none;margin:0;padding:0}
li{padding:10px 0;border-top:1px solid var(--l)}
li:first-child{border-top:0;padding-top:0}
p{margin:2px 0 0}
a{color:var(--a);text-underline-offset:2px}
a:focus-visible{outline:3px solid currentColor;outline-offset:2px}
.title{font-weight:600;font-size:1.05em}
.when,.where,.status{color:var(--m);font-size:.93em}
.meta{margin-top:6px;font-size:.85em}
.tag,.hiring{display:inline-block;margin:0 6px 4px 0;padding:1px 8px;border-radius:999px;border:1px solid var(--l)}
.hiring{background:var(--h);color:var(--ht);border-color:transparent;font-weight:600}
.more{margin-top:10px;font-size:.9em}
`.trim();

/** The CSP `style-src` source that allows {@link PAGE_CSS} and nothing else. */
export const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`;

/** The CSP `script-src` source that allows the page's one script, {@link FRAME_RESIZE_SCRIPT}, and nothing else. */
export const PAGE_SCRIPT_HASH = `'sha256-${createHash('sha256').update(FRAME_RESIZE_SCRIPT).digest('base64')}'`;

/** Pages are in English; dates, times and money read the way US career centers write them. */
const LOCALE = 'en-US';

/** How the page writes times: online events in `viewerTimeZone` when the frame's URL gave one (`tz`). */
export interface EventsPageOptions {
  viewerTimeZone?: string;
  /** Add the resize script (the frame's URL had `height=auto`). */
  autoHeight?: boolean;
}

function eventItem(event: EventHit, options: EventsPageOptions): SafeHtml {
  const status = formatEventStatus(event);
  const cost = formatEventCost(event, LOCALE);
  const hiring = formatHiring(event);
  const more = formatMoreDates(event.series?.moreDates ?? 0);
  return html`<li>
<a class="title" href="${eventHref(event)}" target="_blank" rel="noopener noreferrer">${event.title}</a>
<p class="when"><time datetime="${event.start}">${formatEventWhen(event, { locale: LOCALE, ...options })}</time>${more && html` <span class="series">${more}</span>`}</p>
<p class="where">${formatEventPlace(event)}</p>
<p class="meta"><span class="tag">${EVENT_TYPE_LABELS[event.type] ?? event.type}</span>${status && html`<span class="tag event-status">${status}</span>`}${cost && html`<span class="tag cost">${cost}</span>`}${hiring && html`<span class="hiring">${hiring}</span>`}</p>
</li>`;
}

function page(theme: EmbedTheme, body: SafeHtml, autoHeight = false): string {
  // <style> is raw text: the CSS goes in as it is (it is ours and fixed), so the hash matches byte for byte.
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Upcoming events · Fieldguide</title>
<style>${new SafeHtml(PAGE_CSS)}</style>
</head>
<body class="${theme}">
${body}
${autoHeight ? html`<script>${new SafeHtml(FRAME_RESIZE_SCRIPT)}</script>` : ''}
</body>
</html>
`.value;
}

/**
 * The iframe's page: the events as a list of links, and a link to more on Fieldguide. Works without script; with
 * `autoHeight`, its one hashed script tells a parent running `/embed.js` how tall the content is.
 */
export function renderEventsPage(
  events: readonly EventHit[],
  theme: EmbedTheme,
  moreQuery: string,
  options: EventsPageOptions = {},
): string {
  const more = `/${moreQuery ? `?${moreQuery}` : ''}`;
  const list =
    events.length === 0
      ? html`<p class="status">No upcoming events match right now.</p>`
      : html`<ul aria-label="Upcoming events">${events.map((event) => eventItem(event, options))}</ul>`;
  return page(
    theme,
    html`${list}
<p class="more"><a href="${more}" target="_blank" rel="noopener">More events on Fieldguide</a></p>`,
    options.autoHeight,
  );
}

/** A page saying what is wrong, for a bad query (400) or an outage (503), in the iframe's frame. */
export function renderErrorPage(theme: EmbedTheme, message: string, hint: string): string {
  return page(
    theme,
    html`<p class="status"><strong>Events cannot be shown:</strong> ${message}</p><p class="status">${hint}</p>`,
  );
}
