import {
  EVENT_TYPE_LABELS,
  type EventHit,
  formatEventCost,
  formatEventPlace,
  formatEventStatus,
  formatEventWhen,
  formatHiring,
  formatMoreDates,
} from '@fieldguide/shared';
import type { Theme } from './options.js';

/** The fields of a search hit the widget shows: titles as they are, without the matched words marked. */
export type WidgetEvent = Pick<
  EventHit,
  | 'id'
  | 'title'
  | 'url'
  | 'type'
  | 'format'
  | 'status'
  | 'start'
  | 'end'
  | 'timeZone'
  | 'allDay'
  | 'venueName'
  | 'city'
  | 'region'
  | 'country'
  | 'costFree'
  | 'costMin'
  | 'costMax'
  | 'costCurrency'
  | 'hiring'
  | 'series'
>;

/** An element with text children only: every string becomes a text node, never markup. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

const isWebUrl = (url: string) => {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
};

/** A link that opens in a new tab without handing it this page (`noopener`) or its URL (`noreferrer`). */
export function link(href: string, className: string, text: string): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** The visitor's zone: online events show in it; in-person ones in their own. */
function visitorTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

function eventItem(event: WidgetEvent, origin: string): HTMLLIElement {
  const href = isWebUrl(event.url) ? event.url : `${origin}/events/${encodeURIComponent(event.id)}`;
  const viewerTimeZone = visitorTimeZone();
  const time = el('time', '', formatEventWhen(event, viewerTimeZone ? { viewerTimeZone } : {}));
  time.dateTime = event.start;
  const when = el('p', 'when', time);
  const more = formatMoreDates(event.series?.moreDates ?? 0);
  if (more) when.append(' ', el('span', 'series', more));
  const meta = el('p', 'meta', el('span', 'tag', EVENT_TYPE_LABELS[event.type] ?? event.type));
  const status = formatEventStatus(event);
  if (status) meta.append(el('span', 'tag event-status', status));
  const cost = formatEventCost(event);
  if (cost) meta.append(el('span', 'tag cost', cost));
  const hiring = formatHiring(event);
  if (hiring) meta.append(el('span', 'hiring', hiring));
  return el('li', '', link(href, 'title', event.title), when, el('p', 'where', formatEventPlace(event)), meta);
}

/** Replaces the shadow root's content (style sheet aside) with a status line: loading, empty, or failed. */
export function renderStatus(root: ShadowRoot, theme: Theme, text: string, busy = false): void {
  const status = el('p', 'status', text);
  status.setAttribute('role', 'status');
  const box = el('div', `fg ${theme}`, status);
  if (busy) box.setAttribute('aria-busy', 'true');
  replaceContent(root, box);
}

/** Replaces the shadow root's content with the list of events and a link to more on Fieldguide. */
export function renderEvents(
  root: ShadowRoot,
  theme: Theme,
  events: readonly WidgetEvent[],
  origin: string,
  moreHref: string,
): void {
  if (events.length === 0) {
    renderStatus(root, theme, 'No upcoming events match right now.');
    return;
  }
  const list = el('ul', '', ...events.map((event) => eventItem(event, origin)));
  list.setAttribute('aria-label', 'Upcoming events');
  replaceContent(
    root,
    el('div', `fg ${theme}`, list, el('p', 'more', link(moreHref, '', 'More events on Fieldguide'))),
  );
}

function replaceContent(root: ShadowRoot, box: HTMLElement): void {
  for (const child of [...root.children]) if (child.tagName !== 'STYLE') child.remove();
  root.append(box);
}
