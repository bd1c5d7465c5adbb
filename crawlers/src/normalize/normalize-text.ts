import { load } from 'cheerio';
import { decode } from 'html-entities';

/** Default cap on a description, in characters (the Event schema allows 20,000). */
export const MAX_DESCRIPTION_CHARS = 20_000;
/** Default cap on a title, in characters (the Event schema allows 500). */
export const MAX_TITLE_CHARS = 500;

const BLOCK_TAGS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
];
const DROPPED_TAGS =
  'script, style, noscript, template, iframe, object, embed, svg, head, title, meta, link, button, select';
// Markup only when there is a closing tag, a comment, or a common tag: "<CODE/CRAFTS>" or "C++ <3" stay text.
const LOOKS_LIKE_HTML =
  /<\/[a-z][a-z0-9]*\s*>|<!--|<(br|hr|img|p|div|span|b|i|u|em|strong|a|ul|ol|li|h[1-6]|table|tr|td|th|script|style|iframe|font|small|sup|sub|blockquote|pre|section|article)(\s[^<>]*)?\/?>/i;

/** True when a string carries HTML markup rather than text that merely contains `<`. */
export function looksLikeHtml(value: string): boolean {
  return LOOKS_LIKE_HTML.test(value);
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, adding an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Collapses runs of spaces and tabs (including no-break spaces) into one space, trims every line and keeps
 * at most one blank line in a row; with `singleLine`, every line break becomes a space too.
 */
export function collapseWhitespace(text: string, singleLine = false): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim());
  if (singleLine) return lines.filter(Boolean).join(' ');
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Turns HTML (or text that may carry entities) into plain text: scripts, styles and other non-content
 * elements are dropped, block elements and `<br>` become line breaks, entities are decoded, whitespace is
 * collapsed and the result is cut to `maxLength` characters (default {@link MAX_DESCRIPTION_CHARS}).
 * Markup that survives as text (`&lt;script&gt;`) stays text: nothing here is ever meant to be rendered as HTML.
 */
export function htmlToText(html: string, opts: { maxLength?: number; singleLine?: boolean } = {}): string {
  const maxLength = opts.maxLength ?? MAX_DESCRIPTION_CHARS;
  let text: string;
  if (!LOOKS_LIKE_HTML.test(html)) {
    text = html.includes('&') ? decode(html, { level: 'html5' }) : html;
  } else {
    const $ = load(html, null, false);
    $(DROPPED_TAGS).remove();
    $('br').replaceWith('\n');
    $(BLOCK_TAGS.join(',')).each((_, el) => {
      $(el).prepend('\n').append('\n');
    });
    $('td, th').append(' ');
    text = $.root().text();
  }
  return truncate(collapseWhitespace(text, opts.singleLine), maxLength);
}

/** A one-line plain-text title from text or HTML, cut to {@link MAX_TITLE_CHARS}. */
export function cleanTitle(value: string): string {
  return htmlToText(value, { maxLength: MAX_TITLE_CHARS, singleLine: true });
}
