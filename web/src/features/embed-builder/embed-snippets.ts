import type { EventType } from '@fieldguide/shared';
import { env } from '../../config/env.js';

/** What a career center chooses in the builder. */
export interface EmbedSettings {
  /** A cluster or pathway id; `''` for every field. */
  field: string;
  /** A place name or `"lat,lng"`; `''` for anywhere. */
  near: string;
  /** `"50mi"`, `"100km"`; used only with `near`. */
  radius: string;
  /** An event type; `''` for every type. */
  type: EventType | '';
  /** Events shown, 1–{@link MAX_EMBED_EVENTS}. */
  limit: number;
  theme: 'light' | 'dark';
}

/** Most events the builder offers; the server accepts up to 50. */
export const MAX_EMBED_EVENTS = 20;
export const EMBED_RADII = ['10mi', '25mi', '50mi', '100mi', '250mi', '25km', '50km', '100km', '250km'] as const;

export const DEFAULT_EMBED_SETTINGS: EmbedSettings = {
  field: '',
  near: '',
  radius: '50mi',
  type: '',
  limit: 5,
  theme: 'light',
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
  if (settings.field) out.push(['field', settings.field]);
  if (near) out.push(['near', near], ['radius', settings.radius]);
  if (settings.type) out.push(['type', settings.type]);
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

/** The iframe page's URL for these settings. */
export function iframeSrc(origin: string, settings: EmbedSettings): string {
  return `${origin}/embed/events?${new URLSearchParams(embedAttributes(settings))}`;
}

/**
 * A height that fits `limit` events at a desktop width, in CSS pixels. The iframe's page runs no script, so it
 * cannot ask its parent to resize it: a fixed height it is, and narrow columns scroll inside the frame.
 */
export function iframeHeight(limit: number): number {
  return 80 + 120 * limit;
}

/** `<iframe src=".../embed/events?…">`: works without JavaScript on the career center's page. */
export function iframeSnippet(origin: string, settings: EmbedSettings): string {
  return (
    `<iframe src="${escapeAttribute(iframeSrc(origin, settings))}" title="Upcoming events" width="100%" ` +
    `height="${iframeHeight(settings.limit)}" style="border:0" loading="lazy" ` +
    'sandbox="allow-popups allow-popups-to-escape-sandbox"></iframe>'
  );
}
