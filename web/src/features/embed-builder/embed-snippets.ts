import type { EventFormat, EventType } from '@fieldguide/shared';
import { env } from '../../config/env.js';

/** What a career center chooses in the builder. */
export interface EmbedSettings {
  /** A cluster or pathway id; `''` for every field. */
  field: string;
  /** Only this association's events (its id), as its page offers; absent for every association. */
  association?: string;
  /** A place name or `"lat,lng"`; `''` for anywhere. */
  near: string;
  /** `"50mi"`, `"100km"`; used only with `near`. */
  radius: string;
  /** An event type; `''` for every type. */
  type: EventType | '';
  /** Keywords matched against titles and descriptions; `''` for none. At most {@link MAX_EMBED_KEYWORDS} characters. */
  q: string;
  /** In person, online or hybrid; `''` for every format. */
  format: EventFormat | '';
  /** Lowest hiring score shown, 0–1; `''` for every event. */
  hiring: '' | '0.5' | '0.75';
  /** Events shown, 1–{@link MAX_EMBED_EVENTS}. */
  limit: number;
  theme: 'light' | 'dark';
  /** The iframe's zone for online events (the widget uses each visitor's own); `''` for the events' own zones. */
  tz: string;
}

/** Most events one embed shows: the server's limit for the widget and the iframe. */
export const MAX_EMBED_EVENTS = 50;
/** Longest keyword text the search API accepts. */
export const MAX_EMBED_KEYWORDS = 200;

export const DEFAULT_EMBED_SETTINGS: EmbedSettings = {
  field: '',
  near: '',
  radius: '30mi',
  type: '',
  q: '',
  format: '',
  hiring: '',
  limit: 5,
  theme: 'light',
  tz: '',
};

/** The server the snippets point at: the configured API base, else this page's origin. */
export function embedOrigin(): string {
  if (env.apiBaseUrl !== '') return env.apiBaseUrl;
  return typeof window === 'undefined' ? '' : window.location.origin;
}

/** The widget's options as attribute name and value pairs, in a fixed order; empty choices are left out. */
export function embedAttributes(settings: EmbedSettings): [string, string][] {
  const near = settings.near.trim();
  const out: [string, string][] = [];
  const q = settings.q.trim();
  if (settings.field) out.push(['field', settings.field]);
  if (settings.association) out.push(['association', settings.association]);
  if (q) out.push(['q', q]);
  if (near) out.push(['near', near], ['radius', settings.radius]);
  if (settings.type) out.push(['type', settings.type]);
  if (settings.format) out.push(['format', settings.format]);
  if (settings.hiring) out.push(['hiring', settings.hiring]);
  out.push(['limit', String(settings.limit)], ['theme', settings.theme]);
  return out;
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** `<script src=".../embed.js" data-…>`: renders the list where the tag is. */
export function scriptSnippet(origin: string, settings: EmbedSettings): string {
  const data = embedAttributes(settings)
    .map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`)
    .join('');
  return `<script src="${escapeAttribute(`${origin}/embed.js`)}"${data} async></script>`;
}

/**
 * The iframe page's URL for these settings, with `tz` (the zone its online events are shown in) and `height=auto`
 * (the page reports its height, for `/embed.js` to size the frame).
 */
export function iframeSrc(origin: string, settings: EmbedSettings): string {
  const params = new URLSearchParams(embedAttributes(settings));
  if (settings.tz) params.append('tz', settings.tz);
  params.append('height', 'auto');
  return `${origin}/embed/events?${params}`;
}

/**
 * A height that fits `limit` events at a desktop width, in CSS pixels: the frame's height until `/embed.js` sizes
 * it to its content, and for good on pages that run no script.
 */
export function iframeHeight(limit: number): number {
  return 80 + 120 * limit;
}

/**
 * The frame's sandbox: scripts for its one hashed resize script (the page's CSP allows nothing else), same-origin
 * so its messages carry the Fieldguide origin the parent checks, popups for its links.
 */
export const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

/**
 * `<iframe src=".../embed/events?…">` and, after it, the `/embed.js` script that sizes it to its content. The frame
 * works without the script (at a fixed height) and without JavaScript on the career center's page.
 */
export function iframeSnippet(origin: string, settings: EmbedSettings): string {
  return (
    `<iframe src="${escapeAttribute(iframeSrc(origin, settings))}" title="Upcoming events" width="100%" ` +
    `height="${iframeHeight(settings.limit)}" style="border:0" loading="lazy" sandbox="${IFRAME_SANDBOX}"></iframe>\n` +
    `<script src="${escapeAttribute(`${origin}/embed.js`)}" async></script>`
  );
}
